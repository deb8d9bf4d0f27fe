import type { BillingTier, DUNNING_RETRY_DAYS } from '@contracts/billing';
import type {
  BillingAccountFragment,
  BillingCustomerFragment,
  BillingPlanFragment,
  BillingSubscriptionFragment,
  CheckoutSessionFragment,
  InvoiceFragment,
  TierLimitsFragment,
} from '../../../generated/billing';
import type { StatusDisplay } from '../../../shared/components/status-badge.component';

/** The API's shapes, generated. */
export type BillingAccount = BillingAccountFragment;
export type BillingPlan = BillingPlanFragment;
export type BillingSubscription = BillingSubscriptionFragment;
export type BillingCustomer = BillingCustomerFragment;
export type CheckoutSession = CheckoutSessionFragment;
export type Invoice = InvoiceFragment;
export type TierLimits = TierLimitsFragment;

/** contracts/billing.ts `BILLING_TIERS` (the client imports that module's types only: it also defines Temporal messages). */
export const TIERS = ['free', 'pro', 'team', 'enterprise'] as const satisfies readonly BillingTier[];

/** contracts/billing.ts `DUNNING_RETRY_DAYS.length`: retries before the drop to Free. */
export const DUNNING_RETRIES = 3 satisfies (typeof DUNNING_RETRY_DAYS)['length'];

/** free 0 … enterprise 3; an unknown tier ranks as free. */
export function tierRank(tier: string): number {
  return Math.max(0, (TIERS as readonly string[]).indexOf(tier));
}

export function tierLabel(tier: string): string {
  return tier.charAt(0).toUpperCase() + tier.slice(1);
}

/** The proration rule, as the page states it under the plan buttons (core/billing/README.md). */
export const PRORATION_RULE =
  'Upgrade: pay the difference for the rest of this cycle now, the new plan starts at once. ' +
  'Downgrade: takes effect at the end of the cycle, no refund.';

/**
 * The subscription a plan choice changes: none while the first payment is still awaited (`created`), since
 * subscribing again replaces an abandoned checkout.
 */
export function paidSubscription(account: BillingAccount | null): BillingSubscription | null {
  const sub = account?.subscription ?? null;
  return sub && sub.status !== 'created' ? sub : null;
}

/** What choosing `plan` does for an account on `current` (null: no live subscription). */
export type PlanAction = 'subscribe' | 'current' | 'upgrade' | 'downgrade' | 'switch';

export function planAction(plan: BillingPlan, current: BillingSubscription | null): PlanAction {
  if (!current) return 'subscribe';
  if (current.planId === plan.id) return 'current';
  const diff = tierRank(plan.tier) - tierRank(current.tier);
  if (diff > 0) return plan.interval === current.interval ? 'upgrade' : 'switch';
  return diff < 0 ? 'downgrade' : 'switch';
}

export function planPrice(plan: BillingPlan, currency: string): number {
  return currency === 'USD' ? plan.priceUsd : plan.priceInr;
}

/** Razorpay's states in the house's colours: amber when the payer must act, red when the tier is lost. */
const STATUS: Readonly<Record<string, StatusDisplay>> = {
  created: { label: 'Awaiting payment', tone: 'neutral' },
  authenticated: { label: 'Starting', tone: 'neutral' },
  active: { label: 'Active', tone: 'success' },
  pending: { label: 'Payment failed', tone: 'attention' },
  halted: { label: 'Payment overdue', tone: 'danger' },
  paused: { label: 'Paused', tone: 'attention' },
  cancelled: { label: 'Cancelled', tone: 'muted' },
  completed: { label: 'Completed', tone: 'muted' },
  expired: { label: 'Expired', tone: 'muted' },
};

export function subscriptionStatus(sub: Pick<BillingSubscription, 'status' | 'cancelAtCycleEnd'>): StatusDisplay {
  if (sub.status === 'active' && sub.cancelAtCycleEnd) return { label: 'Cancelling', tone: 'attention' };
  return STATUS[sub.status] ?? { label: tierLabel(sub.status), tone: 'neutral' };
}

/** "20 Jan 2027": dates on the billing page, in the reader's zone. */
export function billingDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The plan id's tier and interval in words: `team-yearly` → "Team, yearly". */
export function planName(planId: string): string {
  const [tier = planId, interval] = planId.split('-');
  return interval ? `${tierLabel(tier)}, ${interval}` : tierLabel(tier);
}

/** The lines under the plan card: what ends or changes, and when. */
export function subscriptionNotes(sub: BillingSubscription): string[] {
  const notes: string[] = [];
  const end = billingDate(sub.currentEnd);
  if (sub.cancelAtCycleEnd) notes.push(`Cancels on ${end}: ${tierLabel(sub.tier)} until then, then Free.`);
  if (sub.scheduledPlanId && !sub.cancelAtCycleEnd) notes.push(`Changes to ${planName(sub.scheduledPlanId)} on ${end}.`);
  if (sub.status === 'paused') notes.push('Paused: no charges, and Free limits until you resume.');
  if (sub.status === 'created') notes.push('Waiting for the first payment.');
  return notes;
}

/** The next charge, or null when none is coming (cancelling, paused, ended). */
export function nextCharge(sub: BillingSubscription): string | null {
  if (sub.cancelAtCycleEnd || sub.dunning || !['active', 'authenticated', 'pending'].includes(sub.status)) return null;
  return sub.chargeAt ?? sub.currentEnd;
}

/** Subscriptions that can be paused, resumed, cancelled. */
export function canPause(sub: BillingSubscription): boolean {
  return sub.status === 'active' && !sub.cancelAtCycleEnd;
}
export function canResume(sub: BillingSubscription): boolean {
  return sub.status === 'paused';
}
export function canCancel(sub: BillingSubscription): boolean {
  return ['created', 'authenticated', 'active', 'pending', 'halted', 'paused'].includes(sub.status);
}

/** A tier's limits as rows; null means unlimited. */
export function limitRows(l: TierLimits): { label: string; value: string }[] {
  const show = (n: number | null) => (n === null ? 'Unlimited' : n.toLocaleString('en-US'));
  return [
    { label: 'Messages per hour', value: show(l.messagesPerHour) },
    { label: 'Messages per day', value: show(l.messagesPerDay) },
    { label: 'Concurrent agent runs', value: show(l.concurrentAgentRuns) },
    { label: 'Rooms', value: show(l.concurrentRooms) },
    { label: 'Projects', value: show(l.projects) },
    { label: 'Sandboxes', value: show(l.sandboxes) },
    { label: 'Deployed apps', value: show(l.apps) },
    { label: 'People per room', value: show(l.maxRoomCapacity) },
  ];
}
