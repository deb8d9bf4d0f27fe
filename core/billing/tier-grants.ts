/**
 * Which tier a user or a team has: the highest of an unexpired comp, the plans of its subscriptions that grant
 * their tier now, and free. Billing is the only writer of `users.tier` (kind user) and `teams.tier` (kind team).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { billingPlan, higherTier, type BillingTier, type SubscriberKind } from '../../contracts/billing';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';
import { Subscription, TierComp } from './billing.entities';

/** Who pays: a person for their own tier, or a team for its projects' limits. */
export interface Subscriber {
  readonly kind: SubscriberKind;
  readonly id: string;
}

/** The subscriber a subscription (or a customer row) belongs to. */
export function subscriberOf(row: { subscriberKind: SubscriberKind; subscriberId: string }): Subscriber {
  return { kind: row.subscriberKind, id: row.subscriberId };
}

/** The tier a plan id maps to; free for an unknown id. */
export function planTier(planId: string): BillingTier {
  return billingPlan(planId)?.tier ?? 'free';
}

/**
 * Whether a subscription gives its plan's tier at `now`. Active grants (a cancel at cycle end only until
 * `currentEnd`); pending and halted grant during dunning until it downgrades (halted, after a paid dunning link,
 * until `currentEnd`); every other status grants nothing.
 */
export function grantsTierOf(
  sub: Pick<Subscription, 'status' | 'dunning' | 'cancelAtCycleEnd' | 'currentEnd'>,
  now: Date,
): boolean {
  const beforeEnd = !sub.currentEnd || now.getTime() < sub.currentEnd.getTime();
  switch (sub.status) {
    case 'active':
      return !sub.cancelAtCycleEnd || beforeEnd;
    case 'pending':
      return !sub.dunning?.downgraded;
    case 'halted':
      if (sub.dunning) return !sub.dunning.downgraded;
      return beforeEnd;
    default:
      return false;
  }
}

/** The tier a subscriber is entitled to at `now`, from its comp and its granting subscriptions. */
export async function entitledTier(em: EntityManager, subscriber: Subscriber, now = new Date()): Promise<BillingTier> {
  const [comp, subs] = await Promise.all([
    em.findOne(TierComp, { subscriberKind: subscriber.kind, subscriberId: subscriber.id }),
    em.find(Subscription, { subscriberKind: subscriber.kind, subscriberId: subscriber.id, grantsTier: true }),
  ]);
  let tier: BillingTier = 'free';
  if (comp && (!comp.until || comp.until.getTime() > now.getTime())) tier = higherTier(tier, comp.tier);
  // The stored flag is re-checked against the clock: a cancel at cycle end stops granting at `currentEnd` even
  // before the next sync writes the flag.
  for (const sub of subs) if (grantsTierOf(sub, now)) tier = higherTier(tier, planTier(sub.planId));
  return tier;
}

/**
 * Computes the subscriber's tier and writes it to `users.tier` or `teams.tier` in the caller's transaction, so the
 * limits (which read those columns on every check) follow at once. Returns the tier written.
 */
export async function applyTier(em: EntityManager, subscriber: Subscriber, now = new Date()): Promise<BillingTier> {
  const tier = await entitledTier(em, subscriber, now);
  if (subscriber.kind === 'user') await em.nativeUpdate(User, { id: subscriber.id }, { tier });
  else await em.nativeUpdate(Team, { id: subscriber.id }, { tier });
  return tier;
}
