import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeRealtimeConnection, byTestId, settle } from '../testing/fakes';
import { authStatePayload, meterPayload, usagePayload, viewerPayload } from '../testing/fixtures';
import { App } from './app';
import { RealtimeConnection } from './core/realtime-connection';
import { UsageStatus } from './features/account/services/usage-status.service';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
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

  async function open(payload: ReturnType<typeof authStatePayload>): Promise<void> {
    fixture = TestBed.createComponent(App);
    root = fixture.nativeElement;
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(payload);
    await settle(fixture);
    // The offline badge's read; its own spec covers what it shows.
    for (const op of apollo.match('ModelMode'))
      op.flushData({ modelMode: { __typename: 'ModelMode', offline: false, message: 'Online.' } });
    // The rooms link's bell: its own spec covers it.
    for (const op of apollo.match('Notifications')) op.flushData({ notifications: [] });
    apollo.match('NotificationAdded');
    await settle(fixture);
  }

  afterEach(() => apollo.verify());

  it('in single-user mode shows only a subtle invitation to create an account', async () => {
    await open(authStatePayload(false, viewerPayload({ displayName: 'Local user' })));
    expect(byTestId(root, 'single-user-banner')[0]?.getAttribute('href')).toBe('/sign-up');
    expect(byTestId(root, 'viewer-name')).toHaveLength(0);
    expect(byTestId(root, 'sign-out')).toHaveLength(0);
    expect(byTestId(root, 'teams-link')).toHaveLength(0);
    apollo.expectNone('Usage');
  });

  it('offers log in and sign up to a signed-out visitor', async () => {
    await open(authStatePayload(true, null));
    expect(byTestId(root, 'log-in-link')).toHaveLength(1);
    expect(byTestId(root, 'sign-up-link')).toHaveLength(1);
    expect(byTestId(root, 'single-user-banner')).toHaveLength(0);
    expect(byTestId(root, 'teams-link')).toHaveLength(0);
  });

  it('shows who is signed in, and signing out clears the cache and restarts the socket', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await open(authStatePayload(true, viewerPayload({ displayName: 'Ada' })));
    apollo.expectOne('Usage').flushData(usagePayload([meterPayload('projects', 1, 5)]));
    await settle(fixture);
    expect(byTestId(root, 'usage-warning-badge')).toHaveLength(0);
    const name = byTestId(root, 'viewer-name')[0];
    expect(name?.textContent?.trim()).toBe('Ada');
    expect(name?.getAttribute('href')).toBe('/account');
    expect(byTestId(root, 'teams-link')[0]?.getAttribute('href')).toBe('/teams');
    const clearStore = jest.spyOn(TestBed.inject(Apollo).client, 'clearStore');

    byTestId(root, 'sign-out')[0]?.click();
    await settle(fixture);
    apollo.expectOne('LogOut').flushData({ logOut: true });
    await settle(fixture);

    expect(clearStore).toHaveBeenCalledTimes(1);
    expect(connection.restarts).toBe(1);
    expect(navigate).toHaveBeenCalledWith('/log-in');
    expect(byTestId(root, 'viewer-name')).toHaveLength(0);
    expect(byTestId(root, 'log-in-link')).toHaveLength(1);
  });

  it('reads usage again when the viewer used some of a limit', async () => {
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await open(authStatePayload(true, viewerPayload()));
    apollo.expectOne('Usage').flushData(usagePayload([meterPayload('projects', 3, 5)]));
    await settle(fixture);
    expect(byTestId(root, 'usage-warning-badge')).toHaveLength(0);

    TestBed.inject(UsageStatus).changed();
    apollo.expectOne('Usage').flushData(usagePayload([meterPayload('projects', 5, 5)]));
    await settle(fixture);
    expect(byTestId(root, 'usage-warning-badge')[0]?.textContent?.trim()).toBe('Usage 100%');
  });

  it('reads usage once after sign-in and flags the meter nearest its limit', async () => {
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await open(authStatePayload(true, viewerPayload()));
    apollo
      .expectOne('Usage')
      .flushData(
        usagePayload([
          meterPayload('messages:hourly', 41, 50),
          meterPayload('messages:daily', 190, 200),
        ]),
      );
    await settle(fixture);

    const badge = byTestId(root, 'usage-warning-badge')[0];
    expect(badge?.textContent?.trim()).toBe('Usage 95%');
    expect(badge?.dataset['warning']).toBe('90');
    expect(badge?.classList).toContain('badge-danger');
    expect(badge?.getAttribute('title')).toBe('You have used 95% of your daily messages');
    expect(badge?.getAttribute('href')).toBe('/account#usage');
    apollo.expectNone('Usage');

    byTestId(root, 'sign-out')[0]?.click();
    await settle(fixture);
    apollo.expectOne('LogOut').flushData({ logOut: true });
    await settle(fixture);
    expect(byTestId(root, 'usage-warning-badge')).toHaveLength(0);
    apollo.expectNone('Usage');
  });
});
