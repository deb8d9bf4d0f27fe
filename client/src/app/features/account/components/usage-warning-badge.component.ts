import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { meterWarning } from '../models/usage.models';
import { UsageStatus } from '../services/usage-status.service';

/**
 * The header's hint that a limit is near: shown only while some meter has crossed 80%, linking to
 * the usage on `/account`. Usage is read once per signed-in viewer, never in single-user mode.
 */
@Component({
  selector: 'app-usage-warning-badge',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (status.worst(); as meter) {
      <a
        routerLink="/account"
        fragment="usage"
        class="badge"
        data-testid="usage-warning-badge"
        [class.badge-progress]="meter.warning === 80"
        [class.badge-danger]="meter.warning !== null && meter.warning >= 90"
        [attr.data-warning]="meter.warning"
        [title]="warning(meter)"
        >Usage {{ meter.percent }}%</a
      >
    }
  `,
})
export class UsageWarningBadgeComponent {
  private readonly session = inject(AuthSession);
  protected readonly status = inject(UsageStatus);
  protected readonly warning = meterWarning;

  constructor() {
    effect(() => {
      const viewerId = this.session.signedIn() ? (this.session.viewer()?.id ?? null) : null;
      untracked(() => this.status.follow(viewerId));
    });
  }
}
