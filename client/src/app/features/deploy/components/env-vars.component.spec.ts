import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { CONFIRM } from '../../../shared/browser.tokens';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import type { DeployEnvVar } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';
import { PROJECT, envVar, target } from '../testing/deploy-payloads';
import { EnvVarsComponent } from './env-vars.component';

class FakeDeployApi {
  saved: { key: string; value: string; secret?: boolean | null; target: string }[] = [];
  deleted: string[] = [];
  setEnv(input: { key: string; value: string; secret?: boolean | null; target: string }) {
    this.saved.push(input);
    const secret = input.secret !== false;
    const value: DeployEnvVar = envVar({
      key: input.key,
      target: input.target,
      secret,
      value: secret ? null : input.value,
      hint: secret ? `••••${input.value.slice(-2)}` : '',
    });
    return Promise.resolve({ ok: true as const, value });
  }
  deleteEnv(_projectId: string, target: string, key: string) {
    this.deleted.push(`${target}/${key}`);
    return Promise.resolve({ ok: true as const, value: true });
  }
}

describe('EnvVarsComponent', () => {
  let fixture: ComponentFixture<EnvVarsComponent>;
  let api: FakeDeployApi;
  let root: HTMLElement;
  let confirmAnswer = true;

  beforeEach(async () => {
    api = new FakeDeployApi();
    TestBed.configureTestingModule({
      providers: [
        { provide: DeployApi, useValue: api },
        { provide: CONFIRM, useValue: () => confirmAnswer },
      ],
    });
    fixture = TestBed.createComponent(EnvVarsComponent);
    fixture.componentRef.setInput('projectId', PROJECT);
    fixture.componentRef.setInput('targets', [target('local'), target('vercel')]);
    fixture.componentRef.setInput('vars', [
      envVar({ key: 'STRIPE_KEY', hint: '••••9x' }),
      envVar({ key: 'PUBLIC_NAME', secret: false, value: 'Todo', hint: '', target: 'local' }),
    ]);
    fixture.componentRef.setInput('canConfigure', true);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => fixture.destroy());

  const row = (key: string) => byTestId(root, 'env-row').find((r) => r.dataset['key'] === key)!;

  it('shows a plain value as it is and a secret only as its hint', () => {
    expect(row('PUBLIC_NAME').querySelector('[data-testid="env-value"]')!.textContent).toBe('Todo');
    expect(row('STRIPE_KEY').querySelector('[data-testid="env-value"]')!.textContent).toBe('••••9x');
    expect(row('STRIPE_KEY').textContent).toContain('Secret');
    expect(row('STRIPE_KEY').textContent).toContain('All targets');
    expect(row('PUBLIC_NAME').textContent).toContain('Local');
  });

  it('adds a secret typed in a password box, then lists it by its hint and empties the box', async () => {
    const value = byTestId(root, 'env-value-input')[0] as HTMLInputElement;
    expect(value.type).toBe('password');
    typeInto(byTestId(root, 'env-key')[0], 'DB_PASSWORD');
    typeInto(value, 'hunter22');
    await settle(fixture);
    byTestId(root, 'env-save')[0]!.click();
    await settle(fixture);
    expect(api.saved).toEqual([{ projectId: PROJECT, target: '*', key: 'DB_PASSWORD', value: 'hunter22', secret: true }]);
    expect(row('DB_PASSWORD').querySelector('[data-testid="env-value"]')!.textContent).toBe('••••22');
    expect(root.textContent).not.toContain('hunter22');
    expect((byTestId(root, 'env-value-input')[0] as HTMLInputElement).value).toBe('');
  });

  it('edits a secret without showing its value: a new one must be typed', async () => {
    row('STRIPE_KEY').querySelector<HTMLElement>('[data-testid="env-edit"]')!.click();
    await settle(fixture);
    expect((byTestId(root, 'env-value-input')[0] as HTMLInputElement).value).toBe('');
    byTestId(root, 'env-save')[0]!.click();
    await settle(fixture);
    expect(byTestId(root, 'env-error-value')[0]!.textContent).toContain('never shown again');
    expect(api.saved).toHaveLength(0);
  });

  it('edits a plain value with the value filled in', async () => {
    row('PUBLIC_NAME').querySelector<HTMLElement>('[data-testid="env-edit"]')!.click();
    await settle(fixture);
    const value = byTestId(root, 'env-value-input')[0] as HTMLInputElement;
    expect(value.value).toBe('Todo');
    expect(value.type).toBe('text');
  });

  it('refuses a bad name before asking the server', async () => {
    typeInto(byTestId(root, 'env-key')[0], '1-bad');
    typeInto(byTestId(root, 'env-value-input')[0], 'x');
    byTestId(root, 'env-save')[0]!.click();
    await settle(fixture);
    expect(byTestId(root, 'env-error-key')[0]!.textContent).toContain('not starting with a digit');
    expect(api.saved).toHaveLength(0);
  });

  it('deletes only once confirmed', async () => {
    confirmAnswer = false;
    row('STRIPE_KEY').querySelector<HTMLElement>('[data-testid="env-delete"]')!.click();
    await settle(fixture);
    expect(api.deleted).toEqual([]);
    confirmAnswer = true;
    row('STRIPE_KEY').querySelector<HTMLElement>('[data-testid="env-delete"]')!.click();
    await settle(fixture);
    expect(api.deleted).toEqual(['*/STRIPE_KEY']);
    expect(byTestId(root, 'env-row').map((r) => r.dataset['key'])).toEqual(['PUBLIC_NAME']);
  });
});
