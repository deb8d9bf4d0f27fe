import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { CONFIRM } from '../../../shared/browser.tokens';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import type { DeployResult } from '../models/deploy-error';
import type { DeployToken } from '../models/deploy.models';
import { type DeployTokenSource, DeployTokensPanelComponent } from './deploy-tokens-panel.component';

const token = (provider: string, overrides: Partial<DeployToken> = {}): DeployToken => ({
  provider,
  hint: '••••a1',
  account: 'ada-lovelace',
  scope: null,
  createdAt: '2026-12-07T10:00:00.000Z',
  lastUsedAt: null,
  ...overrides,
});

class FakeSource implements DeployTokenSource {
  readonly owner = 'your';
  stored: DeployToken[] = [token('github')];
  sent: { provider: string; token: string; scope: string | null }[] = [];
  refuse = false;
  list() {
    return Promise.resolve({ ok: true as const, value: this.stored });
  }
  set(provider: string, value: string, scope: string | null): Promise<DeployResult<DeployToken>> {
    this.sent.push({ provider, token: value, scope });
    if (this.refuse)
      return Promise.resolve({ ok: false, error: { code: 'DEPLOY_TOKEN_REFUSED', message: 'Vercel refused this token.', fieldErrors: {} } });
    return Promise.resolve({ ok: true, value: token(provider, { hint: `••••${value.slice(-2)}`, account: 'ada', scope }) });
  }
  remove() {
    return Promise.resolve({ ok: true as const, value: true });
  }
}

describe('DeployTokensPanelComponent', () => {
  let fixture: ComponentFixture<DeployTokensPanelComponent>;
  let source: FakeSource;
  let root: HTMLElement;

  beforeEach(async () => {
    source = new FakeSource();
    TestBed.configureTestingModule({ providers: [{ provide: CONFIRM, useValue: () => true }] });
    fixture = TestBed.createComponent(DeployTokensPanelComponent);
    fixture.componentRef.setInput('source', source);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => fixture.destroy());

  it('lists tokens by hint and account only', () => {
    const [row] = byTestId(root, 'deploy-token-row');
    expect(row!.dataset['provider']).toBe('github');
    expect(byTestId(root, 'deploy-token-hint')[0]!.textContent).toBe('••••a1');
    expect(row!.textContent).toContain('ada-lovelace');
  });

  it('stores a token typed in a password box with its scope, then shows only its hint', async () => {
    expect((byTestId(root, 'deploy-token-input')[0] as HTMLInputElement).type).toBe('password');
    typeInto(byTestId(root, 'deploy-token-input')[0], 'vercel_secret_zz');
    typeInto(byTestId(root, 'deploy-token-scope')[0], 'team_1');
    await settle(fixture);
    byTestId(root, 'save-deploy-token')[0]!.click();
    await settle(fixture);
    expect(source.sent).toEqual([{ provider: 'vercel', token: 'vercel_secret_zz', scope: 'team_1' }]);
    expect(root.textContent).not.toContain('vercel_secret_zz');
    expect(byTestId(root, 'deploy-token-row').map((r) => r.dataset['provider'])).toEqual(['github', 'vercel']);
    expect((byTestId(root, 'deploy-token-input')[0] as HTMLInputElement).value).toBe('');
  });

  it("shows the provider's refusal and keeps the list as it was", async () => {
    source.refuse = true;
    typeInto(byTestId(root, 'deploy-token-input')[0], 'bad');
    byTestId(root, 'save-deploy-token')[0]!.click();
    await settle(fixture);
    expect(byTestId(root, 'deploy-token-form-error')[0]!.textContent).toContain('refused');
    expect(byTestId(root, 'deploy-token-row')).toHaveLength(1);
  });

  it('offers Replace for a provider that has a token, and deletes', async () => {
    const select = byTestId(root, 'deploy-token-provider')[0];
    typeInto(select, 'github', 'change');
    await settle(fixture);
    expect(byTestId(root, 'save-deploy-token')[0]!.textContent).toContain('Replace token');
    byTestId(root, 'delete-deploy-token')[0]!.click();
    await settle(fixture);
    expect(byTestId(root, 'deploy-tokens-empty')).toHaveLength(1);
  });
});
