import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { SignUpPage } from './sign-up.page';

describe('SignUpPage', () => {
  let fixture: ComponentFixture<SignUpPage>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(SignUpPage);
    root = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  const errorText = (field: string) =>
    byTestId(root, `field-error-${field}`)[0]?.textContent?.trim();

  async function type(id: string, value: string): Promise<void> {
    const input = byTestId(root, id)[0] as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  async function submit(): Promise<void> {
    byTestId(root, 'signup-submit')[0]?.click();
    await settle(fixture);
  }

  it("shows each field's error once it is left, mirroring the server's rules", async () => {
    await type('signup-email-input', 'ada.example.com');
    expect(errorText('email')).toBe('Enter an email address like name@example.com.');
    await type('signup-email-input', 'a@b@example.com');
    expect(errorText('email')).toBe('Enter an email address like name@example.com.');
    await type('signup-email-input', 'ada@localhost');
    expect(errorText('email')).toBe('Enter an email address like name@example.com.');
    await type('signup-email-input', 'ada@example.com');
    expect(errorText('email')).toBeUndefined();

    await type('signup-password-input', 'x'.repeat(9));
    expect(errorText('password')).toBe('Password must be 10 to 128 characters.');
    await type('signup-password-input', 'x'.repeat(129));
    expect(errorText('password')).toBe('Password must be 10 to 128 characters.');
    await type('signup-password-input', 'x'.repeat(10));
    expect(errorText('password')).toBeUndefined();

    await type('signup-name-input', '   ');
    expect(errorText('displayName')).toBe('Display name is required.');
    await type('signup-name-input', 'a'.repeat(81));
    expect(errorText('displayName')).toBe('Display name must be at most 80 characters.');
    await type('signup-name-input', ` ${'a'.repeat(80)} `);
    expect(errorText('displayName')).toBeUndefined();
  });

  it('shows every error on submit and sends nothing', async () => {
    await submit();
    expect(errorText('email')).toBe('Email is required.');
    expect(errorText('password')).toBe('Password is required.');
    expect(errorText('displayName')).toBe('Display name is required.');
    apollo.expectNone('SignUp');
  });

  async function fillValid(): Promise<void> {
    await type('signup-email-input', ' ada@example.com ');
    await type('signup-name-input', ' Ada ');
    await type('signup-password-input', 'correct horse battery');
  }

  it("puts the server's field errors on their fields", async () => {
    await fillValid();
    await submit();
    const op = apollo.expectOne('SignUp');
    expect(op.operation.variables['input']).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
      displayName: 'Ada',
    });
    op.graphqlErrors([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'email',
          fieldErrors: [
            { field: 'email', message: 'An account with this email already exists.' },
            { field: 'password', message: 'This password is too common.' },
          ],
        },
      },
    ]);
    await settle(fixture);
    expect(errorText('email')).toBe('An account with this email already exists.');
    expect(errorText('password')).toBe('This password is too common.');
    expect(errorText('displayName')).toBeUndefined();
    expect(byTestId(root, 'form-error')).toHaveLength(0);

    await type('signup-email-input', 'ada2@example.com');
    expect(errorText('email')).toBeUndefined();
    expect(errorText('password')).toBe('This password is too common.');
  });

  it('says how long to wait when sign-ups are rate limited', async () => {
    await fillValid();
    await submit();
    apollo
      .expectOne('SignUp')
      .graphqlErrors([
        { message: 'Rate limit', extensions: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 30 } },
      ]);
    await settle(fixture);
    expect(byTestId(root, 'form-error')[0]?.textContent?.trim()).toBe(
      'Too many attempts, try again in 30 s.',
    );
  });

  it('offers signing up with GitHub when the server has it configured', async () => {
    const loaded = TestBed.inject(AuthSession).ensureLoaded();
    apollo.expectOne('AuthState').flushData(authStatePayload(false, viewerPayload(), ['github']));
    await loaded;
    await settle(fixture);
    expect(byTestId(root, 'oauth-github')[0]?.getAttribute('href')).toBe(
      '/auth/oauth/github/start?returnUrl=%2Fprojects',
    );
    expect(byTestId(root, 'oauth-google')).toHaveLength(0);
  });

  it('opens the projects once the account exists', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fillValid();
    await submit();
    apollo.expectOne('SignUp').flushData({ signUp: viewerPayload() });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/projects');
  });
});
