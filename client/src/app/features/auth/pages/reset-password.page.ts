import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { FormState } from '../../../shared/form-state';
import { AuthFieldComponent } from '../components/auth-field.component';
import { PASSWORD_MAX, PASSWORD_MIN, type ResetValue, validateReset } from '../models/auth-form';
import { AccountApi } from '../services/account-api.service';

/** `/reset-password?token=…`: sets a new password from an emailed link; every session ends. */
@Component({
  selector: 'app-reset-password-page',
  imports: [RouterLink, AuthFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card auth-card">
      <h1>Choose a new password</h1>
      @if (done()) {
        <p class="callout" role="status" data-testid="auth-message">
          Your password was changed and every session was signed out. Log in with the new password.
        </p>
        <p><a class="button primary" routerLink="/log-in">Log in</a></p>
      } @else if (!token()) {
        <p class="callout error" role="alert" data-testid="auth-message">
          This link is incomplete. Ask for a new one.
        </p>
        <p><a routerLink="/forgot-password">Send me a new link</a></p>
      } @else {
        <form class="form" novalidate (submit)="$event.preventDefault(); submit()">
          <app-auth-field [form]="form" field="password" label="New password" type="password"
            autocomplete="new-password" testId="reset-password-input" [hint]="passwordHint" />
          <app-auth-field [form]="form" field="confirm" label="New password, again" type="password"
            autocomplete="new-password" testId="reset-password-confirm-input" />
          @if (form.formError(); as message) {
            <div class="callout error" role="alert" data-testid="form-error">
              {{ message }} <a routerLink="/forgot-password">Send me a new link</a>
            </div>
          }
          <button type="submit" class="button primary" data-testid="reset-submit" [disabled]="form.pending()">
            {{ form.pending() ? 'Saving…' : 'Set new password' }}
          </button>
        </form>
      }
    </div>
  `,
})
export class ResetPasswordPage {
  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  /** From the query string of the emailed link. */
  readonly token = input<string>();
  protected readonly passwordHint = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
  protected readonly form = new FormState<ResetValue>({ password: '', confirm: '' }, validateReset);
  protected readonly done = signal(false);

  protected async submit(): Promise<void> {
    const token = this.token();
    if (!token || !this.form.begin()) return;
    const result = await firstValueFrom(this.api.resetPassword(token, this.form.value().password));
    this.form.end(result.ok ? undefined : result.error);
    if (!result.ok) return;
    this.done.set(true);
    // The reset ended this browser's session too, if it had one.
    await this.session.revalidate();
  }
}
