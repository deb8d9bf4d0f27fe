import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { CLIPBOARD_WRITE } from '../../../shared/browser.tokens';
import { ASSIGNABLE_ROLES, type TeamInvitation } from '../models/team.models';
import { TeamsApi } from '../services/teams-api.service';

/**
 * Creates an invitation and shows its link once, with a copy button: the server stores only a hash,
 * so the link cannot be shown again. A new invitation replaces the link on screen.
 */
@Component({
  selector: 'app-invite-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" novalidate (submit)="$event.preventDefault(); invite()">
      <div class="field-row">
        <div class="field">
          <label for="invite-role">Invite as</label>
          <select
            id="invite-role"
            name="role"
            data-testid="invite-role-select"
            (change)="role.set($any($event.target).value)"
          >
            @for (r of roles; track r) {
              <option [value]="r" [selected]="r === role()">{{ r }}</option>
            }
          </select>
          @if (roleError(); as message) {
            <p class="field-error" data-testid="field-error-role">{{ message }}</p>
          }
        </div>
      </div>
      @if (formError(); as message) {
        <div class="callout error" role="alert" data-testid="form-error">{{ message }}</div>
      }
      <div class="form-actions">
        <button
          type="submit"
          class="button primary"
          data-testid="invite-submit"
          [disabled]="pending()"
        >
          {{ pending() ? 'Creating link…' : 'Create invitation link' }}
        </button>
      </div>
    </form>
    @if (link(); as url) {
      <div class="callout" data-testid="invite-link-panel">
        <p>
          Send this link to the person you invite. It works once, for 7 days, and is shown only now.
        </p>
        <code class="invite-link" data-testid="invite-link">{{ url }}</code>
        <button type="button" class="button" data-testid="copy-invite-link" (click)="copy(url)">
          {{ copied() ? 'Copied' : 'Copy link' }}
        </button>
        @if (copyError(); as message) {
          <p class="hint error" role="alert">{{ message }}</p>
        }
      </div>
    }
  `,
})
export class InvitePanelComponent {
  private readonly api = inject(TeamsApi);
  private readonly writeClipboard = inject(CLIPBOARD_WRITE);
  readonly teamId = input.required<string>();
  readonly invited = output<TeamInvitation>();
  protected readonly roles = ASSIGNABLE_ROLES;
  protected readonly role = signal<string>('member');
  protected readonly pending = signal(false);
  protected readonly roleError = signal<string | null>(null);
  protected readonly formError = signal<string | null>(null);
  protected readonly link = signal<string | null>(null);
  protected readonly copied = signal(false);
  protected readonly copyError = signal<string | null>(null);

  protected async invite(): Promise<void> {
    if (this.pending()) return;
    this.pending.set(true);
    this.roleError.set(null);
    this.formError.set(null);
    const result = await firstValueFrom(this.api.invite(this.teamId(), this.role()));
    this.pending.set(false);
    if (!result.ok) {
      const { role, ...others } = result.error.fieldErrors;
      this.roleError.set(role ?? null);
      const elsewhere = Object.values(others);
      this.formError.set(
        elsewhere.length ? elsewhere.join(' ') : role ? null : result.error.message,
      );
      return;
    }
    this.link.set(result.value.link);
    this.copied.set(false);
    this.copyError.set(null);
    this.invited.emit(result.value.invitation);
  }

  protected async copy(url: string): Promise<void> {
    this.copyError.set(null);
    try {
      await this.writeClipboard(url);
      this.copied.set(true);
    } catch {
      this.copyError.set('Could not copy. Select the link and copy it yourself.');
    }
  }
}
