/**
 * Each plan exists at Razorpay once per plan id and currency, recorded in `billing_plans`. Creation is serialised
 * by an advisory lock and preceded by a search of Razorpay's plans for `notes.atelier_plan`, so a crash between
 * Razorpay's answer and our insert never makes a second plan.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { billingPlan, TIER_INFO, type BillingCurrency } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import { BillingError } from './billing.errors';
import { BillingPlanRecord } from './billing.entities';
import type { RazorpayClient } from './razorpay';
import { razorpayCall } from './razorpay-call';

const PAGE = 100;

/** Razorpay's plan id for `planId` in `currency`, creating the plan there the first time. */
export async function ensurePlan(deps: { orm: MikroORM; razorpay: RazorpayClient }, planId: string, currency: BillingCurrency): Promise<string> {
  const plan = billingPlan(planId);
  if (!plan) throw new BillingError(ErrorCode.SUBSCRIPTION_PLAN_INVALID, `There is no plan called ${planId}.`);
  const known = await deps.orm.em.fork().findOne(BillingPlanRecord, { planId, currency });
  if (known) return known.razorpayPlanId;
  return deps.orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`billing-plan:${planId}:${currency}`]);
    const again = await em.findOne(BillingPlanRecord, { planId, currency });
    if (again) return again.razorpayPlanId;
    const razorpayPlanId =
      (await findAtRazorpay(deps.razorpay, planId, currency)) ??
      (
        await razorpayCall('plans.create', () =>
          deps.razorpay.plans.create({
            period: plan.interval,
            interval: 1,
            item: { name: `Atelier ${TIER_INFO[plan.tier].label} (${plan.interval})`, amount: plan.prices[currency], currency, description: TIER_INFO[plan.tier].blurb },
            notes: { atelier_plan: planId, atelier_currency: currency },
          }),
        )
      ).id;
    em.create(BillingPlanRecord, { planId, currency, razorpayPlanId });
    await em.flush();
    return razorpayPlanId;
  });
}

/** Our plan id for a Razorpay plan id, from `billing_plans`; null for a plan Atelier did not create. */
export async function planIdOf(em: EntityManager, razorpayPlanId: string): Promise<string | null> {
  return (await em.findOne(BillingPlanRecord, { razorpayPlanId }))?.planId ?? null;
}

async function findAtRazorpay(razorpay: RazorpayClient, planId: string, currency: BillingCurrency): Promise<string | null> {
  for (let skip = 0; ; skip += PAGE) {
    const page = await razorpayCall('plans.all', () => razorpay.plans.all({ count: PAGE, skip }));
    const match = page.items.find((p) => p.notes?.atelier_plan === planId && p.item?.currency === currency);
    if (match) return match.id;
    if (page.items.length < PAGE) return null;
  }
}
