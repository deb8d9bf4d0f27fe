import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { byTestId, settle, settleUntil } from '../../../../testing/fakes';
import type { DeployTarget, Deployment } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';
import { PROJECT, deployment, target } from '../testing/deploy-payloads';
import { ProjectDeployComponent } from './project-deploy.component';

const URL = 'http://todo.apps.localhost:4002/';

class FakeDeployApi {
  latest: Deployment[] = [];
  targets: DeployTarget[] = [target('local')];
  reads = 0;
  overview() {
    this.reads++;
    return Promise.resolve({ ok: true as const, value: { canDeploy: true, canConfigure: true, latest: this.latest, targets: this.targets } });
  }
  deploy() {
    return Promise.resolve({ ok: true as const, value: deployment({ id: 'd7', status: 'QUEUED' }) });
  }
}

describe('ProjectDeployComponent', () => {
  let fixture: ComponentFixture<ProjectDeployComponent>;
  let api: FakeDeployApi;
  let root: HTMLElement;

  async function open(setup: (api: FakeDeployApi) => void = () => undefined) {
    api = new FakeDeployApi();
    setup(api);
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: DeployApi, useValue: api }] });
    fixture = TestBed.createComponent(ProjectDeployComponent);
    fixture.componentRef.setInput('projectId', PROJECT);
    root = fixture.nativeElement;
    await settleUntil(fixture, () => byTestId(root, 'deploy-open').length > 0);
  }

  afterEach(() => fixture.destroy());

  const badges = () =>
    byTestId(root, 'deploy-badge').map((b) => [b.dataset['target'], ...Array.from(b.querySelectorAll('a'), (a) => a.textContent!.trim())].join(' | '));

  it('offers Deploy and no badge before the first deployment', async () => {
    await open();
    expect(badges()).toEqual([]);
    expect(byTestId(root, 'deployments-link')).toHaveLength(0);
  });

  it('shows the newest deployment per target: Live with its URL, Deploying…, Failed with what stays live', async () => {
    await open((a) => {
      a.latest = [
        deployment({ id: 'a', status: 'LIVE', url: URL, isLive: true }),
        deployment({ id: 'b', target: 'vercel', status: 'UPLOADING' }),
        deployment({ id: 'c', target: 'netlify', status: 'FAILED' }),
      ];
      a.targets = [target('local'), target('vercel'), target('netlify', { liveDeployment: { id: 'old', url: 'https://todo.netlify.app', status: 'LIVE' } })];
    });
    expect(badges()).toEqual([
      'local | Local · Live | todo.apps.localhost:4002',
      'vercel | Vercel · Deploying…',
      'netlify | Netlify · Failed | todo.netlify.app',
    ]);
    expect(byTestId(root, 'deploy-badge-url')[0]!.getAttribute('href')).toBe(URL);
    expect(byTestId(root, 'deployments-link')).toHaveLength(1);
  });

  it('reads again when a deployment event arrives, not for log lines', async () => {
    await open();
    const before = api.reads;
    fixture.componentRef.setInput('events', [{ type: 'deploy.log' }]);
    await settle(fixture, 20);
    expect(api.reads).toBe(before);
    fixture.componentRef.setInput('events', [{ type: 'deploy.log' }, { type: 'deploy.live' }]);
    await settle(fixture, 20);
    expect(api.reads).toBe(before + 1);
  });

  it("opens the dialog and goes to the new deployment's page", async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    byTestId(root, 'deploy-open')[0]!.click();
    await settle(fixture);
    byTestId(root, 'deploy-submit')[0]!.click();
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/projects', PROJECT, 'deployments', 'd7']);
    expect(byTestId(root, 'deploy-dialog')).toHaveLength(0);
  });
});
