import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { LogInPage } from './log-in.page';

describe('LogInPage', () => {
  let fixture: ComponentFixture<LogInPage>;
  let apollo: ApolloTestingController;
  let connection: FakeRealtimeConnection;
  let root: HTMLElement;

  beforeEach(async () => {
    connection = new FakeRealtimeConnection();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([]), { provide: RealtimeConnection, useValue: connection }],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(LogInPage);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  async function logIn(email: string, password: string): Promise<void> {
    for (const [id, value] of [
      ['login-email-input', email],
      ['login-password-input', password],
    ] as const) {
      const input = byTestId(root, id)[0] as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    byTestId(root, 'login-submit')[0]?.click();
    await settle(fixture);
  }

  it('links to sign-up and to the forgotten-password page', () => {
    expect(byTestId(root, 'sign-up-link')[0]?.getAttribute('href')).toBe('/sign-up');
    expect(byTestId(root, 'forgot-password-link')[0]?.getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('shows the one message the server gives for a wrong email or password', async () => {
    await logIn('ada@example.com', 'not my password');
    const op = apollo.expectOne('LogIn');
    expect(op.operation.variables['input']).toEqual({
      email: 'ada@example.com',
      password: 'not my password',
    });
    op.graphqlErrors([
      { message: 'Wrong email or password.', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    await settle(fixture);
    expect(byTestId(root, 'form-error')[0]?.textContent?.trim()).toBe('Wrong email or password.');
    expect(byTestId(root, 'field-error-email')).toHaveLength(0);
    expect(byTestId(root, 'field-error-password')).toHaveLength(0);
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
    expect(connection.restarts).toBe(0);
  });

  it('asks for both fields before sending anything', async () => {
    await logIn('', '');
    expect(byTestId(root, 'field-error-email')[0]?.textContent?.trim()).toBe('Email is required.');
    expect(byTestId(root, 'field-error-password')[0]?.textContent?.trim()).toBe(
      'Password is required.',
    );
    apollo.expectNone('LogIn');
  });

  it('returns to the page that asked for a log-in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/projects/p1?tab=files');
    await settle(fixture);
    await logIn('ada@example.com', 'correct horse battery');
    apollo.expectOne('LogIn').flushData({ logIn: viewerPayload() });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/projects/p1?tab=files');
    expect(TestBed.inject(AuthSession).viewer()?.displayName).toBe('Ada');
    expect(connection.restarts).toBe(1);
  });

  it('offers "Continue with …" for each provider the server lists, keeping the returnUrl', async () => {
    expect(byTestId(root, 'oauth-github')).toHaveLength(0);
    fixture.componentRef.setInput('returnUrl', '/projects/p1?tab=files');
    const loaded = TestBed.inject(AuthSession).ensureLoaded();
    apollo.expectOne('AuthState').flushData(authStatePayload(true, null, ['github', 'google']));
    await loaded;
    await settle(fixture);
    const github = byTestId(root, 'oauth-github')[0];
    expect(github?.textContent?.trim()).toBe('Continue with GitHub');
    expect(github?.getAttribute('href')).toBe(
      '/auth/oauth/github/start?returnUrl=%2Fprojects%2Fp1%3Ftab%3Dfiles',
    );
    expect(byTestId(root, 'oauth-google')[0]?.textContent?.trim()).toBe('Continue with Google');
  });

  it('explains why an OAuth sign-in came back without a session', async () => {
    expect(byTestId(root, 'oauth-error')).toHaveLength(0);
    fixture.componentRef.setInput('error', 'unverified_email');
    await settle(fixture);
    expect(byTestId(root, 'oauth-error')[0]?.textContent?.trim()).toBe(
      'Your account at the provider has no verified email address. Verify one there, then try again.',
    );
    fixture.componentRef.setInput('error', '<script>');
    await settle(fixture);
    expect(byTestId(root, 'oauth-error')[0]?.textContent?.trim()).toBe(
      'Signing in did not work. Please try again.',
    );
  });

  it('never follows a returnUrl to another origin', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '//evil.example/steal');
    await settle(fixture);
    await logIn('ada@example.com', 'correct horse battery');
    apollo.expectOne('LogIn').flushData({ logIn: viewerPayload() });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/projects');
  });
});
