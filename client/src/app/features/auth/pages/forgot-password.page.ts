import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { FormState } from '../../../shared/form-state';
import { AuthFieldComponent } from '../components/auth-field.component';
import { type ForgotValue, validateForgot } from '../models/auth-form';
import { AccountApi } from '../services/account-api.service';

/** `/forgot-password`: asks for a reset link; the answer never says whether the account exists. */
@Component({
  selector: 'app-forgot-password-page',
  imports: [RouterLink, AuthFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card auth-card">
      <h1>Reset your password</h1>
      @if (sentTo(); as email) {
        <p class="callout" role="status" data-testid="auth-message">
          If an account exists for {{ email }}, we sent a link to reset its password.
        </p>
        <p class="hint">Running Atelier locally? The link is printed in the API log.</p>
        <p><a routerLink="/log-in">Back to log in</a></p>
      } @else {
        <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
          <app-auth-field [form]="form" field="email" label="Email" type="email"
            autocomplete="email" testId="forgot-email-input" />
          @if (form.formError(); as message) {
            <div class="callout error" role="alert" data-testid="form-error">{{ message }}</div>
          }
          <button type="submit" class="button primary" data-testid="forgot-submit" [disabled]="form.pending()">
            {{ form.pending() ? 'Sending…' : 'Send reset link' }}
          </button>
          <p class="muted"><a routerLink="/log-in">Back to log in</a></p>
        </form>
      }
    </div>
  `,
})
export class ForgotPasswordPage {
  private readonly api = inject(AccountApi);
  protected readonly form = new FormState<ForgotValue>({ email: '' }, validateForgot);
  protected readonly sentTo = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!this.form.begin()) return;
    const email = this.form.value().email.trim();
    const result = await firstValueFrom(this.api.requestPasswordReset(email));
    this.form.end(result.ok ? undefined : result.error);
    if (result.ok) this.sentTo.set(email);
  }
}
