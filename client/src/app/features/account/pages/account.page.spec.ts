import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import {
  authStatePayload,
  sessionPayload,
  usagePayload,
  viewerPayload,
} from '../../../../testing/fixtures';
import { AccountPage } from './account.page';

describe('AccountPage', () => {
  let fixture: ComponentFixture<AccountPage>;
  let apollo: ApolloTestingController;
  let connection: FakeRealtimeConnection;
  let root: HTMLElement;

  beforeEach(() => {
    connection = new FakeRealtimeConnection();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([]), { provide: RealtimeConnection, useValue: connection }],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  async function open(payload: ReturnType<typeof authStatePayload>): Promise<void> {
    fixture = TestBed.createComponent(AccountPage);
    root = fixture.nativeElement;
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(payload);
    await settle(fixture);
    if (payload.authState.accountsExist && payload.authState.viewer) {
      // The account sections (features/account) have their own specs; here they only need answers.
      apollo.expectOne('ProviderKeys').flushData({ providerKeys: [] });
      apollo.expectOne('DeployTokens').flushData({ deployTokens: [] });
      apollo.expectOne('Usage').flushData(usagePayload([]));
      const noUsage = { __typename: 'ModelUsageRow', model: null, role: null, day: null, calls: 0 };
      const zero = { promptTokens: 0, completionTokens: 0, totalTokens: 0, costUsd: 0, costInr: 0 };
      for (const op of apollo.match('ModelUsage'))
        op.flushData({
          modelUsage: { __typename: 'ModelUsage', rows: [], total: { ...noUsage, ...zero } },
        });
      await settle(fixture);
    }
  }

  const items = () => byTestId(root, 'session-item');

  it('shows the profile and lists the sessions, this browser first and marked', async () => {
    await open(authStatePayload(true, viewerPayload({ emailVerified: true })));
    apollo.expectOne('Sessions').flushData({
      sessions: [sessionPayload('s2', false), sessionPayload('s1', true)],
    });
    await settle(fixture);

    const profile = byTestId(root, 'account-profile')[0]?.textContent ?? '';
    for (const text of ['ada@example.com', 'Ada', 'admin', 'free'])
      expect(profile).toContain(text);
    expect(byTestId(root, 'email-verified')[0]?.textContent?.trim()).toBe('Verified');

    expect(items().map((li) => [li.dataset['sessionId'], li.dataset['current']])).toEqual([
      ['s1', 'true'],
      ['s2', 'false'],
    ]);
    expect(items()[0]?.textContent).toContain('This browser');
    // The current session is ended with "Sign out" in the header, not revoked from the list.
    expect(byTestId(items()[0]!, 'revoke-session')).toHaveLength(0);
    expect(byTestId(items()[1]!, 'revoke-session')).toHaveLength(1);
    for (const section of ['provider-keys', 'usage', 'my-model-usage', 'my-data'])
      expect(byTestId(root, section)).toHaveLength(1);
  });

  it('signs another session out and drops it from the list', async () => {
    await open(authStatePayload(true, viewerPayload()));
    apollo.expectOne('Sessions').flushData({
      sessions: [sessionPayload('s1', true), sessionPayload('s2', false)],
    });
    await settle(fixture);

    byTestId(items()[1]!, 'revoke-session')[0]?.click();
    await settle(fixture);
    const op = apollo.expectOne('RevokeSession');
    expect(op.operation.variables).toEqual({ id: 's2' });
    op.flushData({ revokeSession: true });
    await settle(fixture);

    expect(items().map((li) => li.dataset['sessionId'])).toEqual(['s1']);
    expect(connection.restarts).toBe(0);
  });

  it('keeps the session listed and says why when revoking fails', async () => {
    await open(authStatePayload(true, viewerPayload()));
    apollo.expectOne('Sessions').flushData({
      sessions: [sessionPayload('s1', true), sessionPayload('s2', false)],
    });
    await settle(fixture);
    byTestId(items()[1]!, 'revoke-session')[0]?.click();
    await settle(fixture);
    apollo.expectOne('RevokeSession').networkError(new Error('fetch failed'));
    await settle(fixture);
    expect(items()).toHaveLength(2);
    expect(byTestId(root, 'form-error')[0]?.textContent).toMatch(/Cannot reach the Atelier server/);
  });

  it('signs out everywhere, then goes to log in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await open(authStatePayload(true, viewerPayload()));
    apollo.expectOne('Sessions').flushData({ sessions: [sessionPayload('s1', true)] });
    await settle(fixture);

    byTestId(root, 'sign-out-everywhere')[0]?.click();
    await settle(fixture);
    apollo.expectOne('LogOutEverywhere').flushData({ logOutEverywhere: true });
    await settle(fixture);
    expect(connection.restarts).toBe(1);
    expect(navigate).toHaveBeenCalledWith('/log-in');
  });

  it('in single-user mode, lists no sessions and invites to create an account', async () => {
    await open(authStatePayload(false, viewerPayload({ displayName: 'Local user' })));
    apollo.expectNone('Sessions');
    expect(byTestId(root, 'single-user-banner')).toHaveLength(1);
    expect(byTestId(root, 'account-sessions')).toHaveLength(0);
    apollo.expectNone('ProviderKeys');
    apollo.expectNone('DeployTokens');
    apollo.expectNone('Usage');
    for (const section of ['provider-keys', 'usage', 'my-data'])
      expect(byTestId(root, section)).toHaveLength(0);
    expect(byTestId(root, 'account-sections-need-account')[0]?.textContent).toMatch(/need an account/);
  });
});
