import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { ModelModeStatus } from '../services/model-mode-status.service';

/**
 * The header's persistent "Offline models" badge while no vendor key is configured: its tooltip is the
 * server's explanation, and it links to the models page, which says what to do about it.
 */
@Component({
  selector: 'app-offline-badge',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status.offline(); as mode) {
      <a
        routerLink="/models"
        class="badge offline-badge"
        data-testid="offline-badge"
        [title]="mode.message"
        [attr.aria-label]="'Offline models: ' + mode.message"
        >Offline models</a
      >
    }
  `,
  // Own colours: the top bar's link colour would otherwise win, and a pulse would suggest progress.
  styles: `
    .offline-badge {
      background: var(--progress-bg);
      color: var(--progress);
    }
  `,
})
export class OfflineBadgeComponent {
  private readonly session = inject(AuthSession);
  protected readonly status = inject(ModelModeStatus);

  constructor() {
    effect(() => {
      const viewer = this.session.singleUser()
        ? 'single-user'
        : this.session.signedIn()
          ? (this.session.viewer()?.id ?? null)
          : null;
      untracked(() => this.status.follow(viewer));
    });
  }
}
