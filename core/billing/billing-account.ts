/**
 * What the billing page and the admins' list read: the tier in force (users.tier / teams.tier, which billing
 * alone writes), the customer, the live subscription and a comp. Read-only, and answered when billing is off.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { SUBSCRIPTION_ENDED, type BillingTier } from '../../contracts/billing';
import type { Actor } from '../access/policy';
import { asTier } from '../limits/tiers';
import { NotFoundError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { Team, TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { currencyOf } from './billing-details';
import { compView, customerView, subscriptionView, tierLimitsView, type AdminSubscriptionView, type BillingAccountView } from './billing-views';
import { BillingCustomer, Subscription, TierComp } from './billing.entities';
import type { Subscriber } from './tier-grants';

/** What the billing page says when billing is off. */
export const HOW_TO_ENABLE =
  'Billing is off on this server, so everyone is on the Free tier. An operator turns it on by setting RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET (test-mode keys work) and restarting.';

/** The billing of a user or team as `viewer` sees it; NOT_FOUND for a subscriber that does not exist. */
export async function billingAccount(em: EntityManager, viewer: Actor, subscriber: Subscriber, options: { enabled: boolean; now: Date }): Promise<BillingAccountView> {
  const where = { subscriberKind: subscriber.kind, subscriberId: subscriber.id };
  const tier = await storedTier(em, subscriber);
  const customer = await em.findOne(BillingCustomer, where);
  const subscription = options.enabled ? await em.findOne(Subscription, { ...where, status: { $nin: [...SUBSCRIPTION_ENDED] } }) : null;
  const comp = await em.findOne(TierComp, where);
  const liveComp = comp && (!comp.until || comp.until > options.now) ? comp : null;
  return {
    enabled: options.enabled,
    howToEnable: options.enabled ? null : HOW_TO_ENABLE,
    subscriberKind: subscriber.kind,
    subscriberId: subscriber.id,
    tier,
    limits: tierLimitsView(tier),
    canManage: await canManage(em, viewer, subscriber),
    currency: customer ? currencyOf(customer.country) : 'INR',
    customer: customer ? customerView(customer) : null,
    subscription: subscription ? subscriptionView(subscription) : null,
    comp: liveComp ? compView(liveComp) : null,
  };
}

/** Subscriptions newest first, optionally of one status; `limit` 1 to 500 (default 100). */
export async function adminSubscriptionViews(em: EntityManager, status: string | null, limit: number | null): Promise<AdminSubscriptionView[]> {
  const rows = await em.find(Subscription, status ? { status: status as Subscription['status'] } : {}, {
    orderBy: { createdAt: 'desc' },
    limit: Math.min(Math.max(limit ?? 100, 1), 500),
  });
  const views: AdminSubscriptionView[] = [];
  for (const row of rows) {
    const owner = row.subscriberKind === 'user' ? await em.findOne(User, { id: row.subscriberId }) : await em.findOne(Team, { id: row.subscriberId });
    views.push({
      subscription: subscriptionView(row),
      subscriberKind: row.subscriberKind,
      subscriberId: row.subscriberId,
      subscriberName: !owner ? '(deleted)' : owner instanceof User ? owner.email : owner.name,
      tier: owner ? asTier(owner.tier) : 'free',
    });
  }
  return views;
}

/** users.tier / teams.tier: what the limiters use now. */
async function storedTier(em: EntityManager, subscriber: Subscriber): Promise<BillingTier> {
  const id = subscriber.id;
  const row = !isUuid(id) ? null : subscriber.kind === 'user' ? await em.findOne(User, { id }) : subscriber.kind === 'team' ? await em.findOne(Team, { id }) : null;
  if (!row) throw new NotFoundError(subscriber.kind === 'team' ? 'Team' : 'User', id);
  return asTier(row.tier);
}

/** Whether `viewer` may change this billing: the user themselves, or an owner of the team. */
async function canManage(em: EntityManager, viewer: Actor, subscriber: Subscriber): Promise<boolean> {
  if (!viewer.userId) return false;
  if (subscriber.kind === 'user') return viewer.userId === subscriber.id;
  const member = await em.findOne(TeamMember, { team: subscriber.id, user: viewer.userId });
  return member?.role === 'owner';
}
