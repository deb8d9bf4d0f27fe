import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { TierLimitsComponent } from './tier-limits.component';
import {
  type BillingPlan,
  type BillingSubscription,
  PRORATION_RULE,
  billingDate,
  type PlanAction,
  type TierLimits,
  TIERS,
  planAction,
  planPrice,
  tierLabel,
  tierRank,
} from '../models/billing.models';
import { formatMoney, taxNote } from '../models/money';

interface Column {
  readonly tier: string;
  readonly plan: BillingPlan | null;
  readonly limits: TierLimits | null;
  readonly blurb: string;
  readonly action: PlanAction | 'free-current' | 'free-move' | 'free-scheduled';
}

/**
 * The tiers side by side for one interval (monthly / yearly), priced in the account's currency, each with its
 * limits and the one button that fits the current plan: Choose, Upgrade, Downgrade, Switch, or Current plan.
 * The proration rule sits under the buttons, in one line.
 */
@Component({
  selector: 'app-plan-picker',
  imports: [TierLimitsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-picker.component.html',
  styleUrl: './plan-picker.component.css',
})
export class PlanPickerComponent {
  readonly plans = input.required<readonly BillingPlan[]>();
  readonly limits = input.required<readonly TierLimits[]>();
  readonly currency = input.required<string>();
  readonly tier = input.required<string>();
  readonly subscription = input<BillingSubscription | null>(null);
  /** False when billing is off or the viewer may not change this billing: prices show, buttons do not act. */
  readonly canChoose = input(true);
  readonly busy = input<string | null>(null);
  readonly choose = output<BillingPlan>();
  /** "Move to Free": cancel the paid plan (the page confirms when). */
  readonly moveToFree = output<void>();

  readonly interval = linkedSignal(() => this.subscription()?.interval ?? 'monthly');

  protected readonly columns = computed<Column[]>(() => {
    const sub = this.subscription();
    return TIERS.map((tier): Column => {
      const plan = this.plans().find((p) => p.tier === tier && p.interval === this.interval()) ?? null;
      const limits = this.limits().find((l) => l.tier === tier) ?? null;
      if (!plan) {
        const action = !sub ? 'free-current' : sub.cancelAtCycleEnd ? 'free-scheduled' : 'free-move';
        return { tier, plan, limits, blurb: 'For trying Atelier out: one agent run at a time.', action };
      }
      return { tier, plan, limits, blurb: plan.blurb, action: planAction(plan, sub) };
    }).filter((c) => c.plan || c.tier === 'free');
  });

  /** "save 17%" on yearly prices against twelve monthly ones. */
  protected readonly yearlySaving = computed(() => {
    const monthly = this.plans().find((p) => p.tier === 'pro' && p.interval === 'monthly');
    const yearly = this.plans().find((p) => p.tier === 'pro' && p.interval === 'yearly');
    if (!monthly || !yearly) return null;
    const full = planPrice(monthly, this.currency()) * 12;
    return Math.round(((full - planPrice(yearly, this.currency())) * 100) / full);
  });

  protected readonly rule = PRORATION_RULE;
  protected readonly label = tierLabel;
  protected readonly tax = taxNote;

  protected price(plan: BillingPlan | null): string {
    return formatMoney(plan ? planPrice(plan, this.currency()) : 0, this.currency());
  }

  protected buttonText(c: Column): string {
    const name = tierLabel(c.tier);
    if (this.busy() === `plan:${c.plan?.id}`) return 'Opening payment…';
    switch (c.action) {
      case 'subscribe':
        return `Choose ${name}`;
      case 'upgrade':
        return `Upgrade to ${name}`;
      case 'downgrade':
        return `Downgrade to ${name}`;
      case 'switch':
        return tierRank(c.tier) === tierRank(this.subscription()?.tier ?? 'free') ? `Switch to ${this.interval()}` : `Switch to ${name} ${this.interval()}`;
      case 'free-move':
        return 'Move to Free';
      case 'free-scheduled':
        return `From ${billingDate(this.subscription()?.currentEnd)}`;
      default:
        return 'Current plan';
    }
  }

  /** Why plans cannot change now (a cancelling or paused subscription), or null. */
  protected readonly locked = computed(() => {
    const sub = this.subscription();
    if (sub?.cancelAtCycleEnd) return `Cancelled for ${billingDate(sub.currentEnd)}: choose a plan again once it ends.`;
    if (sub?.status === 'paused') return 'Paused: resume the subscription to change its plan.';
    return null;
  });

  protected disabled(c: Column): boolean {
    if (!this.canChoose() || this.busy() || this.isCurrent(c)) return true;
    if (c.action === 'free-current' || c.action === 'free-scheduled') return true;
    return this.locked() !== null;
  }

  protected isCurrent(c: Column): boolean {
    return c.action === 'current' || (c.action === 'free-current' && this.tier() === 'free');
  }

  protected click(c: Column): void {
    if (c.action === 'free-move') this.moveToFree.emit();
    else if (c.plan && c.action !== 'current') this.choose.emit(c.plan);
  }
}
