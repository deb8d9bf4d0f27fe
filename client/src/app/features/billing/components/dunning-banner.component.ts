import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DUNNING_RETRIES } from '../models/billing.models';
import type { BillingSubscription } from '../models/billing.models';
import { billingDate } from '../models/billing.models';
import { formatMoney } from '../models/money';

type Dunning = NonNullable<BillingSubscription['dunning']>;

/**
 * A failed renewal, said plainly: which retry, when the next one runs, what is due, and "Pay now" (the payment
 * link). After the last retry: moved to Free, nothing deleted, paying restores the plan.
 */
@Component({
  selector: 'app-dunning-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = dunning();
    <div
      class="dunning"
      [class.downgraded]="d.downgraded"
      role="alert"
      data-testid="dunning-banner"
      [attr.data-downgraded]="d.downgraded"
    >
      <div class="text">
        @if (d.downgraded) {
          <p class="strong">Moved to Free: the {{ tier() }} renewal was not paid.</p>
          <p>
            Your projects and files are kept. Pay {{ due() }} to restore {{ tier() }} at once.
          </p>
        } @else {
          <p class="strong">The {{ tier() }} renewal payment failed.</p>
          <p data-testid="dunning-attempts">
            Retry {{ d.attempts }} of {{ retries }}
            @if (d.nextRetryAt) {
              · next retry {{ date(d.nextRetryAt) }}
            }
            · {{ due() }} due. You keep {{ tier() }} while we retry.
          </p>
        }
      </div>
      @if (d.payUrl) {
        <a class="button primary" data-testid="dunning-pay" [href]="d.payUrl" target="_blank" rel="noopener"
          >Pay now · {{ due() }}</a
        >
      }
    </div>
  `,
  styles: `
    .dunning {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      flex-wrap: wrap;
      padding: 12px 16px;
      border-radius: var(--radius);
      background: var(--progress-bg);
      color: var(--progress);
      border: 1px solid color-mix(in srgb, var(--progress) 35%, transparent);
      margin-bottom: 16px;
    }
    .dunning.downgraded {
      background: var(--danger-bg);
      color: var(--danger);
      border-color: color-mix(in srgb, var(--danger) 35%, transparent);
    }
    .dunning p {
      margin: 0;
    }
    .dunning .strong {
      color: inherit;
    }
    .text {
      display: grid;
      gap: 2px;
      min-width: 0;
      flex: 1 1 260px;
    }
  `,
})
export class DunningBannerComponent {
  readonly subscription = input.required<BillingSubscription>();
  protected readonly retries = DUNNING_RETRIES;
  protected readonly date = billingDate;
  protected readonly dunning = computed(() => this.subscription().dunning as Dunning);
  protected readonly tier = computed(() => this.subscription().tier.charAt(0).toUpperCase() + this.subscription().tier.slice(1));
  protected readonly due = computed(() => formatMoney(this.dunning().amountDue, this.subscription().currency));
}
