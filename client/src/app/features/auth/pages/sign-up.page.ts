import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { safeReturnUrl } from '../../../core/auth/log-in-url';
import { FormState } from '../../../shared/form-state';
import { AuthFieldComponent } from '../components/auth-field.component';
import { OAuthButtonsComponent } from '../components/oauth-buttons.component';
import { PASSWORD_MAX, PASSWORD_MIN, type SignUpValue, validateSignUp } from '../models/auth-form';

/** `/sign-up`: creates an account and signs it in; the first account becomes the platform admin. */
@Component({
  selector: 'app-sign-up-page',
  imports: [RouterLink, AuthFieldComponent, OAuthButtonsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form card auth-card" novalidate (submit)="$event.preventDefault(); submit()">
      <h1>Create your account</h1>
      @if (session.singleUser()) {
        <p class="muted">
          The first account becomes the platform admin and takes over the projects made so far.
        </p>
      }
      <app-oauth-buttons [returnUrl]="returnUrl()" />
      <app-auth-field [form]="form" field="email" label="Email" type="email"
        autocomplete="email" testId="signup-email-input" />
      <app-auth-field [form]="form" field="displayName" label="Display name"
        autocomplete="name" testId="signup-name-input" />
      <app-auth-field [form]="form" field="password" label="Password" type="password"
        autocomplete="new-password" testId="signup-password-input" [hint]="passwordHint" />
      @if (form.formError(); as message) {
        <div class="callout error" role="alert" data-testid="form-error">{{ message }}</div>
      }
      <button type="submit" class="button primary" data-testid="signup-submit" [disabled]="form.pending()">
        {{ form.pending() ? 'Creating account…' : 'Create account' }}
      </button>
      <p class="muted">Already have an account? <a routerLink="/log-in">Log in</a></p>
    </form>
  `,
})
export class SignUpPage {
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  /** From the query string: where to go once signed up. */
  readonly returnUrl = input<string>();
  protected readonly passwordHint = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
  protected readonly form = new FormState<SignUpValue>(
    { email: '', password: '', displayName: '' },
    validateSignUp,
  );

  protected async submit(): Promise<void> {
    if (!this.form.begin()) return;
    const { email, password, displayName } = this.form.value();
    const result = await this.session.signUp({
      email: email.trim(),
      password,
      displayName: displayName.trim(),
    });
    this.form.end(result.ok ? undefined : result.error);
    if (result.ok) await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }
}
