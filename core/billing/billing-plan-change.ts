/**
 * A plan change under the stated proration rule (proration.ts). An upgrade (a higher tier, same interval) pays
 * the rest of this cycle's difference now through Checkout with an order (purpose `proration`); the mirror applies
 * it once that payment is captured. Under the minimum charge nothing is due and the upgrade applies at once. A
 * downgrade or an interval change is scheduled at Razorpay for the end of the cycle; the tier stays until then.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TIER_INFO, billingPlan, tierRank, type BillingCurrency, type BillingPlan } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import type { BillingServiceDeps } from './billing-service.types';
import { ensurePlan } from './billing-plans';
import type { CheckoutSessionView, PlanChangeView } from './billing-views';
import { BillingCustomer, BillingOrder, Subscription } from './billing.entities';
import { BillingError, subscriptionStateInvalid } from './billing.errors';
import { cyclePosition, upgradeCharge } from './proration';
import { providerStep } from './provider-step';
import { razorpayCall } from './razorpay-call';
import { applyTier } from './tier-grants';

export interface PlanChangeContext {
  deps: BillingServiceDeps;
  em: EntityManager;
  now: Date;
  checkout(
    customer: BillingCustomer,
    session: { subscriptionId: string | null; orderId: string | null; amount: number; currency: BillingCurrency; description: string },
  ): CheckoutSessionView;
}

/** Changes `sub` (a live subscription of the caller) to `plan`. */
export async function changePlan(ctx: PlanChangeContext, sub: Subscription, plan: BillingPlan, actorId: string): Promise<PlanChangeView> {
  const current = billingPlan(sub.planId);
  if (sub.status !== 'active') throw subscriptionStateInvalid(sub.status, 'changed to another plan (only an active one can be)');
  if (sub.cancelAtCycleEnd) throw subscriptionStateInvalid('cancelled', 'changed to another plan; subscribe again after it ends');
  if (!current || plan.id === sub.planId) {
    throw new BillingError(ErrorCode.SUBSCRIPTION_PLAN_INVALID, `The subscription is on ${plan.id} already.`);
  }
  const kind = tierRank(plan.tier) > tierRank(current.tier) ? 'upgrade' : 'downgrade';
  const immediate = kind === 'upgrade' && plan.interval === current.interval;
  if (!immediate) return scheduleChange(ctx, sub, plan, kind);
  if (!sub.currentStart || !sub.currentEnd) throw subscriptionStateInvalid(sub.status, 'upgraded before its first cycle has started');
  const amount = upgradeCharge({
    oldPrice: current.prices[sub.currency],
    newPrice: plan.prices[sub.currency],
    currency: sub.currency,
    ...cyclePosition(sub.currentStart, sub.currentEnd, ctx.now),
  });
  if (amount === 0) return applyUpgradeNow(ctx, sub, plan);
  return prorationCheckout(ctx, sub, plan, amount, actorId);
}

/** Tells Razorpay to bill `plan` from the next renewal on (`schedule_change_at: cycle_end`). */
async function updateAtCycleEnd(ctx: PlanChangeContext, sub: Subscription, plan: BillingPlan): Promise<void> {
  const { deps } = ctx;
  await providerStep(deps.logger, 'subscriptions.update', async () => {
    const razorpayPlanId = await ensurePlan(deps, plan.id, sub.currency);
    await razorpayCall('subscriptions.update', () =>
      deps.razorpay.subscriptions.update(sub.razorpaySubscriptionId, { plan_id: razorpayPlanId, schedule_change_at: 'cycle_end' }),
    );
  });
}

async function scheduleChange(ctx: PlanChangeContext, sub: Subscription, plan: BillingPlan, kind: PlanChangeView['kind']): Promise<PlanChangeView> {
  await updateAtCycleEnd(ctx, sub, plan);
  await ctx.em.nativeUpdate(Subscription, { id: sub.id }, { scheduledPlanId: plan.id });
  return { kind, checkout: null, prorationAmount: 0, effectiveAt: sub.currentEnd ?? null };
}

/** Nothing (under the minimum) is due: the new plan and its tier apply now, and Razorpay bills it from the renewal. */
async function applyUpgradeNow(ctx: PlanChangeContext, sub: Subscription, plan: BillingPlan): Promise<PlanChangeView> {
  await updateAtCycleEnd(ctx, sub, plan);
  await ctx.em.transactional(async (tx) => {
    await tx.nativeUpdate(Subscription, { id: sub.id }, { planId: plan.id, scheduledPlanId: null });
    await applyTier(tx, { kind: sub.subscriberKind, id: sub.subscriberId }, ctx.now);
  });
  return { kind: 'upgrade', checkout: null, prorationAmount: 0, effectiveAt: ctx.now };
}

/** An order for the proration, and the Checkout session that pays it. */
async function prorationCheckout(ctx: PlanChangeContext, sub: Subscription, plan: BillingPlan, amount: number, actorId: string): Promise<PlanChangeView> {
  const { deps, em } = ctx;
  const customer = await em.findOneOrFail(BillingCustomer, { id: sub.customerId });
  const receipt = `pro-${sub.id.slice(0, 8)}-${randomUUID().slice(0, 8)}`;
  const description = `Upgrade to ${TIER_INFO[plan.tier].label} (${plan.interval}) for the rest of this cycle`;
  const order = await providerStep(deps.logger, 'orders.create', () =>
    razorpayCall('orders.create', () =>
      deps.razorpay.orders.create({
        amount,
        currency: sub.currency,
        receipt,
        notes: {
          atelier_subscriber_kind: sub.subscriberKind,
          atelier_subscriber_id: sub.subscriberId,
          atelier_plan: plan.id,
          atelier_purpose: 'proration',
          atelier_subscription: sub.razorpaySubscriptionId,
          atelier_actor: actorId,
        },
      }),
    ),
  );
  em.create(BillingOrder, {
    razorpayOrderId: order.id,
    receipt,
    customerId: customer.id,
    purpose: 'proration',
    subscriptionId: sub.id,
    planId: plan.id,
    amount,
    currency: sub.currency,
    description,
  });
  await em.flush();
  const checkout = ctx.checkout(customer, { orderId: order.id, subscriptionId: null, amount, currency: sub.currency, description });
  return { kind: 'upgrade', checkout, prorationAmount: amount, effectiveAt: null };
}
