import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AccountSettingsApi } from '../services/account-settings-api.service';

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent' }
  | { kind: 'error'; message: string };

/**
 * Beside "Not verified": sends the viewer a fresh verification link. The server allows one a minute; its
 * message (with the seconds to wait) is shown as is.
 */
@Component({
  selector: 'app-resend-verification',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (state().kind) {
      @case ('sent') {
        <span class="muted" role="status" data-testid="resend-verification-sent">
          Sent. Check your inbox for the new link.
        </span>
      }
      @default {
        <button
          type="button"
          class="button"
          data-testid="resend-verification"
          [disabled]="state().kind === 'sending'"
          (click)="resend()"
        >
          {{ state().kind === 'sending' ? 'Sending…' : 'Resend verification email' }}
        </button>
      }
    }
    @if (errorMessage(); as message) {
      <div class="callout error" role="alert" data-testid="resend-verification-error">
        {{ message }}
      </div>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-left: 8px;
    }
    .callout {
      margin: 0;
    }
  `,
})
export class ResendVerificationComponent {
  private readonly api = inject(AccountSettingsApi);
  protected readonly state = signal<State>({ kind: 'idle' });
  protected readonly errorMessage = () => {
    const s = this.state();
    return s.kind === 'error' ? s.message : null;
  };

  protected async resend(): Promise<void> {
    if (this.state().kind === 'sending') return;
    this.state.set({ kind: 'sending' });
    const result = await firstValueFrom(this.api.resendVerificationEmail());
    this.state.set(result.ok ? { kind: 'sent' } : { kind: 'error', message: result.error.message });
  }
}
