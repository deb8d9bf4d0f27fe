import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { byTestId, settle } from '../../../../testing/fakes';
import { ResendVerificationComponent } from './resend-verification.component';

describe('ResendVerificationComponent', () => {
  let fixture: ComponentFixture<ResendVerificationComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(ResendVerificationComponent);
    root = fixture.nativeElement;
    await settle(fixture);
  });
  afterEach(() => apollo.verify());

  const click = async () => {
    (byTestId(root, 'resend-verification')[0] as HTMLButtonElement).click();
    await settle(fixture);
  };

  it('sends a new link and says so', async () => {
    await click();
    expect((byTestId(root, 'resend-verification')[0] as HTMLButtonElement).disabled).toBe(true);
    apollo.expectOne('ResendVerificationEmail').flushData({ resendVerificationEmail: true });
    await settle(fixture);
    expect(byTestId(root, 'resend-verification-sent')[0]!.textContent).toContain(
      'Check your inbox',
    );
    expect(byTestId(root, 'resend-verification')).toHaveLength(0);
  });

  it('shows the server’s rate-limit message and lets the user try again', async () => {
    await click();
    const message = 'Rate limit reached for auth (1); try again in 42 s';
    apollo
      .expectOne('ResendVerificationEmail')
      .graphqlErrors([
        new GraphQLError(message, { extensions: { code: 'RATE_LIMIT_EXCEEDED', retryAfter: 42 } }),
      ]);
    await settle(fixture);
    expect(byTestId(root, 'resend-verification-error')[0]!.textContent).toContain(
      'try again in 42 s',
    );
    expect((byTestId(root, 'resend-verification')[0] as HTMLButtonElement).disabled).toBe(false);
  });
});
