/**
 * Billing: plans, subscription states and the messages of `subscriptionWorkflow`, shared by the workflow, its
 * activities (activities/billing), the domain code (core/billing), the API and the client.
 *
 * Money is always an integer count of the currency's minor unit (paise for INR, cents for USD). INR prices include
 * 18% GST (what an Indian customer sees and pays); USD prices are for customers outside India, whose invoices are
 * zero-rated exports. The customer's country decides the currency: India pays INR, everyone else USD.
 */
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The tiers a plan can grant, cheapest first (the same names as core/limits/tiers.ts `TIERS`). */
export const BILLING_TIERS = ['free', 'pro', 'team', 'enterprise'] as const;
export type BillingTier = (typeof BILLING_TIERS)[number];

export const BILLING_INTERVALS = ['monthly', 'yearly'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const BILLING_CURRENCIES = ['INR', 'USD'] as const;
export type BillingCurrency = (typeof BILLING_CURRENCIES)[number];

/** Who a subscription pays for: a person's own tier, or a team's (its projects' limits). */
export type SubscriberKind = 'user' | 'team';

/** One price of a paid plan. */
export interface BillingPlan {
  /** Stable id, `<tier>-<interval>` (`pro-monthly`); the Razorpay plan is created once per id and currency. */
  readonly id: string;
  readonly tier: Exclude<BillingTier, 'free'>;
  readonly interval: BillingInterval;
  /** Minor units per cycle: paise (GST included) and cents (zero-rated export). */
  readonly prices: Readonly<Record<BillingCurrency, number>>;
  /** Cycles a subscription is created for at Razorpay (`total_count`): ten years either way. */
  readonly totalCount: number;
}

/** What each tier is called and offers on the plan picker (the limits themselves come from the tier code). */
export const TIER_INFO: Readonly<Record<BillingTier, { readonly label: string; readonly blurb: string }>> = {
  free: { label: 'Free', blurb: 'For trying Atelier out: one agent run at a time, five projects.' },
  pro: { label: 'Pro', blurb: 'For one developer shipping real apps: more runs, rooms, sandboxes and deploys.' },
  team: { label: 'Team', blurb: 'For a team building together: high limits for every team project.' },
  enterprise: { label: 'Enterprise', blurb: 'No usage caps, the largest app sandboxes and rooms.' },
};

/** The paid plans (free has no plan: it is what everyone has without a subscription). */
export const BILLING_PLANS: readonly BillingPlan[] = [
  { id: 'pro-monthly', tier: 'pro', interval: 'monthly', prices: { INR: 149_900, USD: 1_900 }, totalCount: 120 },
  { id: 'pro-yearly', tier: 'pro', interval: 'yearly', prices: { INR: 1_499_000, USD: 19_000 }, totalCount: 10 },
  { id: 'team-monthly', tier: 'team', interval: 'monthly', prices: { INR: 399_900, USD: 4_900 }, totalCount: 120 },
  { id: 'team-yearly', tier: 'team', interval: 'yearly', prices: { INR: 3_999_000, USD: 49_000 }, totalCount: 10 },
  { id: 'enterprise-monthly', tier: 'enterprise', interval: 'monthly', prices: { INR: 1_999_900, USD: 24_900 }, totalCount: 120 },
  { id: 'enterprise-yearly', tier: 'enterprise', interval: 'yearly', prices: { INR: 19_999_000, USD: 249_000 }, totalCount: 10 },
];

/** A plan by id, or undefined. */
export function billingPlan(id: string): BillingPlan | undefined {
  return BILLING_PLANS.find((p) => p.id === id);
}

/** Rank of a tier (free 0 … enterprise 3): a change to a higher rank is an upgrade. */
export function tierRank(tier: string): number {
  const rank = (BILLING_TIERS as readonly string[]).indexOf(tier);
  return rank < 0 ? 0 : rank;
}

/** The higher of two tiers. */
export function higherTier(a: string, b: string): BillingTier {
  return BILLING_TIERS[Math.max(tierRank(a), tierRank(b))];
}

/**
 * A subscription's status: Razorpay's own (https://razorpay.com/docs/api/payments/subscriptions/#subscription-states),
 * mirrored. `created` waits for the first payment; `authenticated` has a mandate and waits for its start; `active`
 * is paid up; `pending` has a failed charge Razorpay is still retrying; `halted` gave up retrying; `paused` is
 * paused by the customer; `cancelled`, `completed` and `expired` end it.
 */
export const SUBSCRIPTION_STATUSES = ['created', 'authenticated', 'active', 'pending', 'halted', 'paused', 'cancelled', 'completed', 'expired'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Statuses that end a subscription: it never leaves them. */
export const SUBSCRIPTION_ENDED: readonly SubscriptionStatus[] = ['cancelled', 'completed', 'expired'];

/**
 * Where each status sits on Razorpay's way forward. An event whose entity shows a status of a lower rank than the
 * stored one is stale (it arrived out of order) unless it is a documented way back (`pending`/`halted` → `active`
 * on a charge, `paused` → `active` on resume, `active` → `paused`/`pending`/`halted`); the workflow therefore
 * takes the status from a fresh fetch of the subscription, never from the event's order.
 */
export const SUBSCRIPTION_STATUS_RANK: Readonly<Record<SubscriptionStatus, number>> = {
  created: 0,
  authenticated: 1,
  active: 2,
  pending: 2,
  halted: 2,
  paused: 2,
  cancelled: 3,
  completed: 3,
  expired: 3,
};

/**
 * Dunning: after a failed renewal, Atelier retries on these days after the first failure (each retry is a
 * payment link mailed to the payer, reconciled with Razorpay's own retries), then downgrades to free, keeping
 * every project and file. A payment at any point ends dunning and restores the tier.
 */
export const DUNNING_RETRY_DAYS = [1, 3, 7] as const;

/** The state of a subscription's dunning, as the billing page shows it. */
export interface DunningState {
  /** When the first failed charge was seen (ISO). */
  readonly since: string;
  /** Retries made so far (0 to 3). */
  readonly attempts: number;
  /** When the next retry is due (ISO), or null after the last one. */
  readonly nextRetryAt: string | null;
  /** The open payment link that settles the amount due, if one was sent. */
  readonly payUrl: string | null;
  /** Minor units due. */
  readonly amountDue: number;
}

/** The Razorpay webhook events Atelier handles; any other event is acknowledged and ignored. */
export const RAZORPAY_EVENTS = [
  'payment.captured',
  'payment.failed',
  'order.paid',
  'subscription.authenticated',
  'subscription.activated',
  'subscription.charged',
  'subscription.pending',
  'subscription.halted',
  'subscription.cancelled',
  'subscription.paused',
  'subscription.resumed',
  'subscription.completed',
  'payment_link.paid',
  'refund.created',
  'refund.processed',
  'refund.failed',
] as const;
export type RazorpayEventName = (typeof RAZORPAY_EVENTS)[number];

/**
 * One webhook event as the API hands it to `subscriptionWorkflow` (signal `razorpayEvent`): the ids it names,
 * never the entity's state, which the workflow fetches itself so a reordered or replayed event cannot move the
 * state backwards.
 */
export interface BillingEventSignal {
  /** `x-razorpay-event-id`, already deduplicated by the API; the workflow ignores ids it has seen too. */
  readonly eventId: string;
  readonly event: RazorpayEventName;
  /** Unix seconds, the payload's `created_at`. */
  readonly createdAt: number;
  readonly subscriptionId?: string;
  readonly paymentId?: string;
  readonly orderId?: string;
  readonly paymentLinkId?: string;
  readonly refundId?: string;
}

/** What the API tells the workflow the user did (it has checked the signature or the caller's rights first). */
export type BillingCommand =
  | { readonly kind: 'payment-verified'; readonly paymentId: string; readonly orderId?: string }
  | { readonly kind: 'sync' }
  | { readonly kind: 'comp'; readonly tier: BillingTier | null; readonly until: string | null; readonly actorId: string };

/** A webhook event or a verified callback for the workflow (signal-with-start). */
export const razorpayEventSignal = defineSignal<[BillingEventSignal]>('razorpayEvent');
/** A user action the API verified (signal-with-start). */
export const billingCommandSignal = defineSignal<[BillingCommand]>('billingCommand');

/** What `subscriptionWorkflow` holds: the status it last mirrored and its dunning. */
export interface SubscriptionWorkflowState {
  readonly subscriptionId: string;
  readonly status: SubscriptionStatus | null;
  readonly dunning: DunningState | null;
  /** Events handled in this run (continue-as-new starts a new count). */
  readonly handled: number;
}
export const subscriptionStateQuery = defineQuery<SubscriptionWorkflowState>('subscriptionState');

/** Invoice numbers: `<prefix>/<yy-yy>/<6 digits>`, at most 16 characters (CGST Rule 46). */
export const INVOICE_NUMBER_MAX = 16;
/** SAC of "IT design and development services" unless configured. */
export const DEFAULT_SAC = '998314';
/** GST on software services: 18% (CGST 9% + SGST 9% within the supplier's state, else IGST 18%). */
export const GST_RATE_PERCENT = 18;
