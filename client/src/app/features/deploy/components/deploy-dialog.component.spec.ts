import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { byTestId, settle } from '../../../../testing/fakes';
import type { DeployResult } from '../models/deploy-error';
import type { Deployment } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';
import { PROJECT, deployment, target } from '../testing/deploy-payloads';
import { DeployDialogComponent } from './deploy-dialog.component';

class FakeDeployApi {
  calls: unknown[] = [];
  answer: DeployResult<Deployment> = { ok: true, value: deployment({ id: 'd9', status: 'QUEUED' }) };
  deploy(input: unknown) {
    this.calls.push(input);
    return Promise.resolve(this.answer);
  }
}

describe('DeployDialogComponent', () => {
  let fixture: ComponentFixture<DeployDialogComponent>;
  let api: FakeDeployApi;
  let root: HTMLElement;

  async function open(targets = [target('vercel'), target('local'), target('netlify', { ready: true, missingTokens: [] })], teamId: string | null = null) {
    api = new FakeDeployApi();
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: DeployApi, useValue: api }] });
    fixture = TestBed.createComponent(DeployDialogComponent);
    fixture.componentRef.setInput('projectId', PROJECT);
    fixture.componentRef.setInput('targets', targets);
    fixture.componentRef.setInput('teamId', teamId);
    root = fixture.nativeElement;
    await settle(fixture);
  }

  const radio = (name: string) =>
    byTestId(root, 'deploy-target').find((el) => el.dataset['target'] === name)!.querySelector('input')!;

  afterEach(() => fixture.destroy());

  it('lists Local first with no account needed, selected; a provider without its token is disabled and links to the tokens', async () => {
    await open();
    const order = byTestId(root, 'deploy-target').map((el) => el.dataset['target']);
    expect(order).toEqual(['local', 'netlify', 'vercel']);
    expect(byTestId(root, 'deploy-target-note')[0]!.textContent).toMatch(/no account needed/i);
    expect(radio('local').checked).toBe(true);
    expect(radio('netlify').disabled).toBe(false);
    expect(radio('vercel').disabled).toBe(true);
    const vercel = byTestId(root, 'deploy-target').find((el) => el.dataset['target'] === 'vercel')!;
    expect(vercel.textContent).toContain('Needs a Vercel token');
    const [link] = byTestId(root, 'deploy-target-token-link');
    expect(link!.getAttribute('href')).toBe('/account#deploy-tokens');
  });

  it("sends a team project's missing token to the team's page", async () => {
    await open([target('local'), target('render', { missingTokens: ['render', 'github'] })], 't1');
    expect(byTestId(root, 'deploy-target').at(-1)!.textContent).toContain('Needs a Render and a GitHub token');
    expect(byTestId(root, 'deploy-target-token-link')[0]!.getAttribute('href')).toBe('/teams/t1#deploy-tokens');
  });

  it('warns when tests are skipped and deploys the chosen target with the override', async () => {
    await open();
    const deployed: Deployment[] = [];
    fixture.componentInstance.deployed.subscribe((d) => deployed.push(d));
    expect(byTestId(root, 'deploy-skip-warning')).toHaveLength(0);
    const skip = byTestId(root, 'deploy-skip-tests')[0] as HTMLInputElement;
    skip.checked = true;
    skip.dispatchEvent(new Event('change'));
    radio('netlify').dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(byTestId(root, 'deploy-skip-warning')[0]!.textContent).toContain('a broken build can go live');
    byTestId(root, 'deploy-submit')[0]!.click();
    await settle(fixture);
    expect(api.calls).toEqual([
      expect.objectContaining({ projectId: PROJECT, target: 'netlify', skipTests: true, idempotencyKey: expect.any(String) }),
    ]);
    expect(deployed.map((d) => d.id)).toEqual(['d9']);
  });

  it('shows a typed refusal in words and stays open', async () => {
    await open();
    api.answer = {
      ok: false,
      error: { code: 'DEPLOY_IN_PROGRESS', message: 'Another deployment to this target is still running: wait for it or cancel it first.', fieldErrors: {} },
    };
    byTestId(root, 'deploy-submit')[0]!.click();
    await settle(fixture);
    expect(byTestId(root, 'deploy-error')[0]!.textContent).toContain('still running');
    expect((byTestId(root, 'deploy-submit')[0] as HTMLButtonElement).disabled).toBe(false);
  });

  it('cannot deploy when no target is ready', async () => {
    await open([target('vercel'), target('github')]);
    expect((byTestId(root, 'deploy-submit')[0] as HTMLButtonElement).disabled).toBe(true);
  });
});
