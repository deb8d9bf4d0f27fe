/**
 * What the billing API returns, shaped like the GraphQL types of api/src/graphql/billing/billing.graphql (dates as
 * Date for the DateTime scalar, money in minor units). Built from rows here so the resolvers stay thin.
 */
import { BILLING_PLANS, BILLING_TIERS, TIER_INFO, billingPlan, type BillingCurrency, type BillingTier, type DunningState, type SubscriberKind } from '../../contracts/billing';
import { DEFAULT_LIMITS, asTier, type LimitsConfig } from '../limits/tiers';
import type { BillingCustomer, BillingPaymentLink, Subscription, TierComp } from './billing.entities';

/** GraphQL `BillingPlan`. */
export interface BillingPlanView {
  readonly id: string;
  readonly tier: string;
  readonly interval: string;
  readonly priceInr: number;
  readonly priceUsd: number;
  readonly label: string;
  readonly blurb: string;
}

/** GraphQL `TierLimitsView` (null: unlimited). */
export interface TierLimitsView {
  readonly tier: BillingTier;
  readonly label: string;
  readonly messagesPerHour: number | null;
  readonly messagesPerDay: number | null;
  readonly concurrentAgentRuns: number | null;
  readonly concurrentRooms: number | null;
  readonly projects: number | null;
  readonly sandboxes: number | null;
  readonly apps: number | null;
  readonly maxRoomCapacity: number;
}

/** GraphQL `Dunning`. */
export interface DunningView {
  readonly since: Date;
  readonly attempts: number;
  readonly nextRetryAt: Date | null;
  readonly payUrl: string | null;
  readonly amountDue: number;
  readonly downgraded: boolean;
}

/** GraphQL `BillingSubscription`. */
export interface BillingSubscriptionView {
  readonly id: string;
  readonly planId: string;
  readonly tier: string;
  readonly interval: string;
  readonly currency: BillingCurrency;
  readonly amount: number;
  readonly status: string;
  readonly grantsTier: boolean;
  readonly currentStart: Date | null;
  readonly currentEnd: Date | null;
  readonly chargeAt: Date | null;
  readonly cancelAtCycleEnd: boolean;
  readonly scheduledPlanId: string | null;
  readonly dunning: DunningView | null;
  readonly manageUrl: string | null;
  readonly createdAt: Date;
}

/** GraphQL `BillingCustomer`. */
export interface BillingCustomerView {
  readonly name: string;
  readonly email: string;
  readonly gstin: string | null;
  readonly country: string;
  readonly stateCode: string | null;
  readonly address: string | null;
}

/** GraphQL `TierComp`. */
export interface TierCompView {
  readonly tier: BillingTier;
  readonly until: Date | null;
  readonly reason: string;
}

/** GraphQL `BillingAccount`, but `invoices(limit)`, which its resolver reads with `Invoices.list`. */
export interface BillingAccountView {
  readonly enabled: boolean;
  readonly howToEnable: string | null;
  readonly subscriberKind: SubscriberKind;
  readonly subscriberId: string;
  readonly tier: BillingTier;
  readonly limits: TierLimitsView;
  readonly canManage: boolean;
  readonly currency: BillingCurrency;
  readonly customer: BillingCustomerView | null;
  readonly subscription: BillingSubscriptionView | null;
  readonly comp: TierCompView | null;
}

/** GraphQL `CheckoutSession`: what Razorpay Checkout needs (an order, or a subscription's first payment). */
export interface CheckoutSessionView {
  readonly keyId: string;
  readonly checkoutUrl: string;
  readonly orderId: string | null;
  readonly subscriptionId: string | null;
  readonly amount: number;
  readonly currency: BillingCurrency;
  readonly name: string;
  readonly description: string;
  readonly prefillName: string;
  readonly prefillEmail: string;
}

/** GraphQL `PlanChange`. */
export interface PlanChangeView {
  readonly kind: 'upgrade' | 'downgrade';
  readonly checkout: CheckoutSessionView | null;
  readonly prorationAmount: number;
  readonly effectiveAt: Date | null;
}

/** GraphQL `PaymentLink`. */
export interface PaymentLinkView {
  readonly id: string;
  readonly url: string;
  readonly amount: number;
  readonly currency: BillingCurrency;
  readonly description: string;
  readonly status: string;
}

/** GraphQL `AdminSubscription`. */
export interface AdminSubscriptionView {
  readonly subscription: BillingSubscriptionView;
  readonly subscriberKind: SubscriberKind;
  readonly subscriberId: string;
  readonly subscriberName: string;
  readonly tier: BillingTier;
}

/** Every paid plan, as the plan picker lists them. */
export function billingPlanViews(): BillingPlanView[] {
  return BILLING_PLANS.map((p) => ({
    id: p.id,
    tier: p.tier,
    interval: p.interval,
    priceInr: p.prices.INR,
    priceUsd: p.prices.USD,
    label: `${TIER_INFO[p.tier].label} (${p.interval})`,
    blurb: TIER_INFO[p.tier].blurb,
  }));
}

/** One tier's limits, from the limits config the limiters enforce. */
export function tierLimitsView(tier: BillingTier, config: LimitsConfig = DEFAULT_LIMITS): TierLimitsView {
  const limits = config.tiers[asTier(tier)];
  return {
    tier,
    label: TIER_INFO[tier].label,
    messagesPerHour: limits.messagesPerHour,
    messagesPerDay: limits.messagesPerDay,
    concurrentAgentRuns: limits.concurrentAgentRuns,
    concurrentRooms: limits.concurrentRooms,
    projects: limits.projects,
    sandboxes: limits.sandboxes,
    apps: limits.apps,
    maxRoomCapacity: limits.maxRoomCapacity,
  };
}

/** Every tier's limits, cheapest first. */
export function tierLimitsViews(config: LimitsConfig = DEFAULT_LIMITS): TierLimitsView[] {
  return BILLING_TIERS.map((t) => tierLimitsView(t, config));
}

const dunningView = (d: (DunningState & { downgraded?: boolean }) | null | undefined): DunningView | null =>
  d
    ? {
        since: new Date(d.since),
        attempts: d.attempts,
        nextRetryAt: d.nextRetryAt ? new Date(d.nextRetryAt) : null,
        payUrl: d.payUrl,
        amountDue: d.amountDue,
        downgraded: Boolean(d.downgraded),
      }
    : null;

/** A subscription row as the billing page shows it; its price is the plan's in the row's currency. */
export function subscriptionView(row: Subscription): BillingSubscriptionView {
  const plan = billingPlan(row.planId);
  return {
    id: row.id,
    planId: row.planId,
    tier: plan?.tier ?? 'free',
    interval: plan?.interval ?? 'monthly',
    currency: row.currency,
    amount: plan?.prices[row.currency] ?? 0,
    status: row.status,
    grantsTier: row.grantsTier,
    currentStart: row.currentStart ?? null,
    currentEnd: row.currentEnd ?? null,
    chargeAt: row.chargeAt ?? null,
    cancelAtCycleEnd: row.cancelAtCycleEnd,
    scheduledPlanId: row.scheduledPlanId ?? null,
    dunning: dunningView(row.dunning),
    manageUrl: row.shortUrl ?? null,
    createdAt: row.createdAt,
  };
}

export function customerView(row: BillingCustomer): BillingCustomerView {
  return { name: row.name, email: row.email, gstin: row.gstin ?? null, country: row.country, stateCode: row.stateCode ?? null, address: row.address ?? null };
}

export function compView(row: TierComp): TierCompView {
  return { tier: row.tier, until: row.until ?? null, reason: row.reason };
}

/** A payment link row as GraphQL `PaymentLink`. */
export function paymentLinkView(row: BillingPaymentLink): PaymentLinkView {
  return { id: row.id, url: row.shortUrl, amount: row.amount, currency: row.currency, description: row.description, status: row.status };
}
