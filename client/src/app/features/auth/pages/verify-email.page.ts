import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { AccountApi } from '../services/account-api.service';

type Outcome =
  | { readonly state: 'verifying' }
  | { readonly state: 'verified' }
  | { readonly state: 'failed'; readonly message: string };

/** `/verify-email?token=…`: confirms the address as soon as the emailed link is opened. */
@Component({
  selector: 'app-verify-email-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card auth-card">
      <h1>Email verification</h1>
      @let o = outcome();
      @switch (o.state) {
        @case ('verifying') {
          <p class="muted" aria-busy="true" data-testid="auth-message">Verifying your email address…</p>
        }
        @case ('verified') {
          <p class="callout" role="status" data-testid="auth-message" data-outcome="verified">
            Your email address is verified.
          </p>
        }
        @case ('failed') {
          <p class="callout error" role="alert" data-testid="auth-message" data-outcome="failed">
            {{ o.state === 'failed' ? o.message : '' }}
          </p>
        }
      }
      <p><a routerLink="/projects">Go to your projects</a></p>
    </div>
  `,
})
export class VerifyEmailPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly session = inject(AuthSession);
  /** From the query string of the emailed link. */
  readonly token = input<string>();
  protected readonly outcome = signal<Outcome>({ state: 'verifying' });

  ngOnInit(): void {
    void this.verify();
  }

  private async verify(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.outcome.set({ state: 'failed', message: 'This link is incomplete.' });
      return;
    }
    const result = await firstValueFrom(this.api.verifyEmail(token));
    if (!result.ok) {
      const message = result.error.fieldErrors['token'] ?? result.error.message;
      this.outcome.set({ state: 'failed', message });
      return;
    }
    this.outcome.set({ state: 'verified' });
    await this.session.refresh(); // the account page's badge
  }
}
