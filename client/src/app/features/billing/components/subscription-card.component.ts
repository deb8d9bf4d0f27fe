import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { DunningBannerComponent } from './dunning-banner.component';
import {
  type BillingAccount,
  billingDate,
  canCancel,
  canPause,
  canResume,
  nextCharge,
  subscriptionNotes,
  subscriptionStatus,
  tierLabel,
} from '../models/billing.models';
import { formatMoney, taxNote } from '../models/money';

/**
 * The plan in force: tier, price and interval, the subscription's state as a pill, the next charge, what ends
 * or changes and when, an admin's comp; and Pause / Resume / Cancel for those who manage it. A failed renewal
 * shows its dunning banner above the card.
 */
@Component({
  selector: 'app-subscription-card',
  imports: [DunningBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = account();
    @let sub = a.subscription;
    @if (sub?.dunning) {
      <app-dunning-banner [subscription]="sub!" />
    }
    <section class="card plan-card" data-testid="plan-card" [attr.data-tier]="a.tier">
      <div class="plan-main">
        <p class="eyebrow">Current plan</p>
        <h2 class="plan-name">
          <span data-testid="plan-tier">{{ label(a.tier) }}</span>
          @if (sub) {
            <span [class]="'badge badge-' + status().tone" data-testid="plan-status" [attr.data-status]="sub.status">{{
              status().label
            }}</span>
          }
        </h2>
        @if (sub) {
          <p class="price" data-testid="plan-price">
            @if (sub.tier !== a.tier) {
              <span class="plan-of">{{ label(sub.tier) }} plan ·</span>
            }
            {{ money(sub.amount, sub.currency) }}
            <span class="muted">/ {{ sub.interval === 'yearly' ? 'year' : 'month' }} · {{ tax(sub.currency) }}</span>
          </p>
          @if (charge(); as at) {
            <p class="muted" data-testid="plan-next-charge">Next charge {{ date(at) }}</p>
          }
          @for (note of notes(); track note) {
            <p class="note" data-testid="plan-note">{{ note }}</p>
          }
        } @else {
          <p class="muted" data-testid="plan-free-note">
            @if (a.tier === 'free') {
              No subscription: the Free limits apply.
            } @else {
              No subscription.
            }
          </p>
        }
        @if (a.comp; as comp) {
          <p class="note" data-testid="plan-comp">
            {{ label(comp.tier) }} granted by an administrator{{ comp.until ? ' until ' + date(comp.until) : '' }}.
          </p>
        }
      </div>
      @if (sub && a.canManage) {
        <div class="plan-actions">
          @if (canResume(sub)) {
            <button type="button" class="button primary" data-testid="resume" [disabled]="!!busy()" (click)="resume.emit()">
              {{ busy() === 'resume' ? 'Resuming…' : 'Resume' }}
            </button>
          }
          @if (canPause(sub)) {
            <button type="button" class="button" data-testid="pause" [disabled]="!!busy()" (click)="pause.emit()">
              {{ busy() === 'pause' ? 'Pausing…' : 'Pause' }}
            </button>
          }
          @if (canCancel(sub) && !sub.cancelAtCycleEnd) {
            <button type="button" class="button danger" data-testid="cancel-open" [disabled]="!!busy()" (click)="cancel.emit()">
              {{ busy() === 'cancel' ? 'Cancelling…' : 'Cancel plan' }}
            </button>
          }
          @if (sub.manageUrl) {
            <a class="button" [href]="sub.manageUrl" target="_blank" rel="noopener" data-testid="manage-payment">Payment method</a>
          }
        </div>
      }
    </section>
  `,
  styles: `
    .plan-card {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 16px;
      flex-wrap: wrap;
      padding: 16px;
    }
    .plan-main {
      display: grid;
      gap: 4px;
      min-width: 0;
    }
    .plan-main p {
      margin: 0;
    }
    .eyebrow {
      font-size: 12px;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--muted);
      font-weight: 600;
    }
    .plan-name {
      display: flex;
      align-items: center;
      gap: 10px;
      font-size: 20px;
    }
    .price {
      font-size: 16px;
      font-weight: 600;
    }
    .price .muted {
      font-size: 13px;
      font-weight: 400;
    }
    .plan-of {
      font-weight: 500;
      color: var(--text-soft);
    }
    .note {
      color: var(--text-soft);
    }
    .plan-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
  `,
})
export class SubscriptionCardComponent {
  readonly account = input.required<BillingAccount>();
  readonly busy = input<string | null>(null);
  readonly cancel = output<void>();
  readonly pause = output<void>();
  readonly resume = output<void>();

  protected readonly label = tierLabel;
  protected readonly date = billingDate;
  protected readonly money = formatMoney;
  protected readonly tax = taxNote;
  protected readonly canCancel = canCancel;
  protected readonly canPause = canPause;
  protected readonly canResume = canResume;
  protected readonly status = computed(() => {
    const sub = this.account().subscription;
    return sub ? subscriptionStatus(sub) : { label: '', tone: 'neutral' as const };
  });
  protected readonly notes = computed(() => {
    const sub = this.account().subscription;
    return sub ? subscriptionNotes(sub) : [];
  });
  protected readonly charge = computed(() => {
    const sub = this.account().subscription;
    return sub ? nextCharge(sub) : null;
  });
}
