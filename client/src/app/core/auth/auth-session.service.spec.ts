import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Apollo, gql } from 'apollo-angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeRealtimeConnection } from '../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../testing/fixtures';
import { RealtimeConnection } from '../realtime-connection';
import { AuthSession } from './auth-session.service';

@Component({ template: '' })
class Blank {}

const CACHED = gql`
  query Cached {
    cached
  }
`;

describe('AuthSession', () => {
  let apollo: ApolloTestingController;
  let connection: FakeRealtimeConnection;
  let session: AuthSession;

  beforeEach(() => {
    connection = new FakeRealtimeConnection();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([
          { path: 'projects/:id', component: Blank },
          { path: 'log-in', component: Blank },
        ]),
        { provide: RealtimeConnection, useValue: connection },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    session = TestBed.inject(AuthSession);
  });

  afterEach(() => apollo.verify());

  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  async function signedInAs(name: string): Promise<void> {
    const loading = session.ensureLoaded();
    await tick();
    apollo.expectOne('AuthState').flushData(authStatePayload(true, viewerPayload({ displayName: name })));
    await loading;
  }

  /** Puts a result of the previous caller in Apollo's cache. */
  function cacheSomething(): void {
    TestBed.inject(Apollo).client.writeQuery({ query: CACHED, data: { cached: 'secret of Ada' } });
    expect(JSON.stringify(TestBed.inject(Apollo).client.cache.extract())).toContain('secret of Ada');
  }

  it('signs out: clears the cache, restarts the socket and forgets the viewer', async () => {
    await signedInAs('Ada');
    expect(session.signedIn()).toBe(true);
    cacheSomething();

    const signingOut = session.logOut();
    await tick();
    apollo.expectOne('LogOut').flushData({ logOut: true });
    expect(await signingOut).toEqual({ ok: true, value: true });

    expect(TestBed.inject(Apollo).client.cache.extract()).toEqual({});
    expect(connection.restarts).toBe(1);
    expect(session.viewer()).toBeNull();
    expect(session.mustLogIn()).toBe(true);
  });

  it('keeps the session when signing out fails on the network, so the user can retry', async () => {
    await signedInAs('Ada');
    cacheSomething();
    const signingOut = session.logOut();
    await tick();
    apollo.expectOne('LogOut').networkError(new Error('fetch failed'));
    expect((await signingOut).ok).toBe(false);
    expect(connection.restarts).toBe(0);
    expect(session.viewer()?.displayName).toBe('Ada');
  });

  it('logs in: the socket restarts with the new cookie and the viewer is the returned user', async () => {
    const loading = session.ensureLoaded();
    await tick();
    apollo.expectOne('AuthState').flushData(authStatePayload(true, null));
    await loading;
    cacheSomething();

    const loggingIn = session.logIn({ email: 'ada@example.com', password: 'correct horse' });
    await tick();
    apollo.expectOne('LogIn').flushData({ logIn: viewerPayload({ displayName: 'Ada' }) });
    await loggingIn;
    expect(connection.restarts).toBe(1);
    expect(TestBed.inject(Apollo).client.cache.extract()).not.toHaveProperty('ROOT_QUERY.cached');
    expect(session.signedIn()).toBe(true);
    expect(session.viewer()?.displayName).toBe('Ada');
  });

  it('after a refusal elsewhere, re-reads the auth state and sends the visitor to log in once', async () => {
    await signedInAs('Ada');
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/projects/p1');

    // The page's query and its subscription are both refused.
    const first = session.handleUnauthenticated();
    const second = session.handleUnauthenticated();
    await tick();
    apollo.expectOne('AuthState').flushData(authStatePayload(true, null));
    await Promise.all([first, second]);

    expect(router.url).toBe('/log-in?returnUrl=%2Fprojects%2Fp1');
    expect(connection.restarts).toBe(1);
  });
});
