import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { FakeRealtimeConnection } from '../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../testing/fixtures';
import { RealtimeConnection } from '../realtime-connection';
import { requireViewer } from './require-viewer.guard';

@Component({ template: '' })
class Blank {}

describe('requireViewer', () => {
  let apollo: ApolloTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([
          { path: 'projects/:id', canActivate: [requireViewer], component: Blank },
          { path: 'log-in', component: Blank },
        ]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => apollo.verify());

  /** Navigates to a project while the server answers `authState` with the given payload. */
  async function visit(
    payload: ReturnType<typeof authStatePayload>,
    url = '/projects/p1?tab=files',
  ): Promise<void> {
    const navigation = router.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve, 0));
    apollo.expectOne('AuthState').flushData(payload);
    await navigation;
  }

  it('sends a signed-out visitor to log in, remembering where they were going', async () => {
    await visit(authStatePayload(true, null));
    expect(router.url).toBe('/log-in?returnUrl=%2Fprojects%2Fp1%3Ftab%3Dfiles');
  });

  it('lets single-user mode through without asking anyone to sign in', async () => {
    await visit(authStatePayload(false, viewerPayload({ id: 'local', displayName: 'Local user' })));
    expect(router.url).toBe('/projects/p1?tab=files');
  });

  it('lets a signed-in user through', async () => {
    await visit(authStatePayload(true, viewerPayload()));
    expect(router.url).toBe('/projects/p1?tab=files');
  });

  it('lets the visitor through when the API is unreachable, and asks again on the next navigation', async () => {
    const first = router.navigateByUrl('/projects/p1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    apollo.expectOne('AuthState').networkError(new Error('fetch failed'));
    await first;
    expect(router.url).toBe('/projects/p1');

    await visit(authStatePayload(true, null), '/projects/p2');
    expect(router.url).toBe('/log-in?returnUrl=%2Fprojects%2Fp2');
  });
});
