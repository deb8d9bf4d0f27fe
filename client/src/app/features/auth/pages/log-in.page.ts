import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { safeReturnUrl } from '../../../core/auth/log-in-url';
import { FormState } from '../../../shared/form-state';
import { AuthFieldComponent } from '../components/auth-field.component';
import { OAuthButtonsComponent } from '../components/oauth-buttons.component';
import { type LogInValue, validateLogIn } from '../models/auth-form';
import { oauthErrorMessage } from '../models/oauth';

/** `/log-in`: signs in, then returns to the page that asked for it (`returnUrl`) or the project list. */
@Component({
  selector: 'app-log-in-page',
  imports: [RouterLink, AuthFieldComponent, OAuthButtonsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form card auth-card" novalidate (submit)="$event.preventDefault(); submit()">
      <h1>Log in</h1>
      @if (oauthError(); as message) {
        <div class="callout error" role="alert" data-testid="oauth-error">{{ message }}</div>
      }
      <app-oauth-buttons [returnUrl]="returnUrl()" />
      <app-auth-field [form]="form" field="email" label="Email" type="email"
        autocomplete="email" testId="login-email-input" />
      <app-auth-field [form]="form" field="password" label="Password" type="password"
        autocomplete="current-password" testId="login-password-input" />
      @if (form.formError(); as message) {
        <div class="callout error" role="alert" data-testid="form-error">{{ message }}</div>
      }
      <button type="submit" class="button primary" data-testid="login-submit" [disabled]="form.pending()">
        {{ form.pending() ? 'Logging in…' : 'Log in' }}
      </button>
      <p class="auth-links">
        <a routerLink="/forgot-password" data-testid="forgot-password-link">Forgot your password?</a>
        <a routerLink="/sign-up" [queryParams]="returnUrl() ? { returnUrl: returnUrl() } : {}"
          data-testid="sign-up-link">Create an account</a>
      </p>
    </form>
  `,
})
export class LogInPage {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  /** From the query string: the page that sent the visitor here. */
  readonly returnUrl = input<string>();
  /** From the query string: why an OAuth sign-in came back without a session. */
  readonly error = input<string>();
  protected readonly oauthError = computed(() => oauthErrorMessage(this.error()));
  protected readonly form = new FormState<LogInValue>({ email: '', password: '' }, validateLogIn);

  protected async submit(): Promise<void> {
    if (!this.form.begin()) return;
    const { email, password } = this.form.value();
    const result = await this.session.logIn({ email: email.trim(), password });
    this.form.end(result.ok ? undefined : result.error);
    if (result.ok) await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }
}
