import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type TierLimits, limitRows } from '../models/billing.models';

/** A tier's limits as a compact list (used by the plan picker and for a team's billing). */
@Component({
  selector: 'app-tier-limits',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="limits" data-testid="tier-limits" [attr.data-tier]="limits().tier">
      @for (row of rows(); track row.label) {
        <div class="limit" data-testid="tier-limit" [attr.data-label]="row.label">
          <dt>{{ row.label }}</dt>
          <dd>{{ row.value }}</dd>
        </div>
      }
    </dl>
  `,
  styles: `
    .limits {
      margin: 0;
      display: grid;
      gap: 4px;
      font-size: 13px;
    }
    .limit {
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }
    dt {
      color: var(--text-soft);
    }
    dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class TierLimitsComponent {
  readonly limits = input.required<TierLimits>();
  protected readonly rows = computed(() => limitRows(this.limits()));
}
