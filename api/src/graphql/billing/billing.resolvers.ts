import { loadActor } from '../../../../core/access/actor';
import { can, type Actor, type BillingAction } from '../../../../core/access/policy';
import { BILLING_TIERS, type BillingTier, type SubscriberKind } from '../../../../contracts/billing';
import { billingPlanViews, paymentLinkView, tierLimitsViews } from '../../../../core/billing/billing-views';
import { ForbiddenError, ValidationError } from '../../../../core/shared/domain.errors';
import { isUuid } from '../../../../core/shared/validation';
import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { bounded } from '../deploy/deploy-views';

/** The subscriber a call is about: the caller, or a team the caller names. */
export interface Subscriber {
  kind: SubscriberKind;
  id: string;
}

const REFUSALS: Record<BillingAction, string> = {
  'billing:read': "Only the team's owners see its billing",
  'billing:manage': "Only the team's owners manage its billing",
  'billing:admin': 'Only platform admins do this',
};

/**
 * The caller (UNAUTHENTICATED when signed out), their actor, and the subscriber `teamId` names (the caller without
 * it); FORBIDDEN unless the policy allows `action` on that billing.
 */
async function billingOf(ctx: GraphQLContext, teamId: string | null | undefined, action: BillingAction) {
  const viewerId = requireViewer(ctx);
  if (teamId && !isUuid(teamId)) throw new ValidationError([{ field: 'teamId', message: 'teamId must be a team id (a UUID)' }]);
  const subscriber: Subscriber = teamId ? { kind: 'team', id: teamId } : { kind: 'user', id: viewerId };
  const actor = await loadActor(ctx.em, viewerId);
  if (!can(actor, action, { kind: 'billing', subscriberKind: subscriber.kind, subscriberId: subscriber.id })) throw new ForbiddenError(REFUSALS[action]);
  return { viewerId, actor, subscriber };
}

/** A platform admin (billing:admin), or FORBIDDEN. */
async function admin(ctx: GraphQLContext): Promise<{ viewerId: string; actor: Actor }> {
  const viewerId = requireViewer(ctx);
  const actor = await loadActor(ctx.em, viewerId);
  if (!can(actor, 'billing:admin', { kind: 'platform' })) throw new ForbiddenError(REFUSALS['billing:admin']);
  return { viewerId, actor };
}

function subscriberArg(kind: string, id: string): Subscriber {
  if (kind !== 'user' && kind !== 'team') throw new ValidationError([{ field: 'subscriberKind', message: 'subscriberKind must be user or team' }]);
  if (!isUuid(id)) throw new ValidationError([{ field: 'subscriberId', message: 'subscriberId must be a user or team id (a UUID)' }]);
  return { kind, id };
}

function tierArg(tier: string | null | undefined): BillingTier | null {
  if (tier == null) return null;
  if (!(BILLING_TIERS as readonly string[]).includes(tier)) throw new ValidationError([{ field: 'tier', message: `tier must be one of ${BILLING_TIERS.join(', ')}` }]);
  return tier as BillingTier;
}

/**
 * The billing account after a mutation, read through a fresh unit of work: the service wrote the tier through its
 * own, and the request's entity manager already holds the caller's row as it was before.
 */
async function accountAfter(ctx: GraphQLContext, actor: Actor, subscriber: Subscriber) {
  return ctx.billing.account(ctx.em.fork(), actor, subscriber);
}

/**
 * Billing (billing.graphql): plans, the caller's or a team's billing, checkout and plan changes, and the platform
 * admins' tools. Authorization is decided here with `can()` (billing:read / billing:manage / billing:admin) before
 * BillingService runs; its BillingErrors carry the PAYMENT_* / SUBSCRIPTION_* codes to `extensions.code`.
 */
export const billingResolvers: Resolvers = {
  Query: {
    billingPlans: () => billingPlanViews(),
    tierLimits: (_root, _args, ctx) => tierLimitsViews(ctx.limits),
    billing: async (_root, { teamId }, ctx) => {
      const { actor, subscriber } = await billingOf(ctx, teamId, 'billing:read');
      return ctx.billing.account(ctx.em, actor, subscriber);
    },
    adminSubscriptions: async (_root, { status, limit }, ctx) => {
      await admin(ctx);
      return ctx.billing.adminSubscriptions(status ?? null, bounded('limit', limit, 100, 1, 500));
    },
  },
  BillingAccount: {
    invoices: (parent, { limit }, ctx) =>
      ctx.invoices.list(ctx.em, { kind: parent.subscriberKind, id: parent.subscriberId }, bounded('limit', limit, 50, 1, 200)),
  },
  Invoice: {
    pdfUrl: (invoice) => `/billing/invoices/${invoice.id}.pdf`,
  },
  Mutation: {
    saveBillingDetails: async (_root, { teamId, input }, ctx) => {
      const { viewerId, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      return ctx.billing.saveDetails(subscriber, input, viewerId);
    },
    subscribe: async (_root, { teamId, planId }, ctx) => {
      const { viewerId, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      return ctx.billing.subscribe(subscriber, planId, viewerId);
    },
    verifyPayment: async (_root, { teamId, input }, ctx) => {
      const { viewerId, actor, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      await ctx.billing.verifyPayment(subscriber, input, viewerId);
      return accountAfter(ctx, actor, subscriber);
    },
    changePlan: async (_root, { teamId, planId }, ctx) => {
      const { viewerId, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      return ctx.billing.changePlan(subscriber, planId, viewerId);
    },
    cancelSubscription: async (_root, { teamId, atCycleEnd }, ctx) => {
      const { viewerId, actor, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      await ctx.billing.cancel(subscriber, atCycleEnd, viewerId);
      return accountAfter(ctx, actor, subscriber);
    },
    pauseSubscription: async (_root, { teamId }, ctx) => {
      const { viewerId, actor, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      await ctx.billing.pause(subscriber, viewerId);
      return accountAfter(ctx, actor, subscriber);
    },
    resumeSubscription: async (_root, { teamId }, ctx) => {
      const { viewerId, actor, subscriber } = await billingOf(ctx, teamId, 'billing:manage');
      await ctx.billing.resume(subscriber, viewerId);
      return accountAfter(ctx, actor, subscriber);
    },
    createPaymentLink: async (_root, { subscriberKind, subscriberId, amount, description }, ctx) => {
      const { viewerId } = await admin(ctx);
      return paymentLinkView(await ctx.billing.createPaymentLink(subscriberArg(subscriberKind, subscriberId), amount, description, viewerId));
    },
    compTier: async (_root, { subscriberKind, subscriberId, tier, until, reason }, ctx) => {
      const { viewerId } = await admin(ctx);
      return ctx.billing.comp(subscriberArg(subscriberKind, subscriberId), tierArg(tier), until ?? null, reason, viewerId);
    },
    refundPayment: async (_root, { paymentId, amount, reason }, ctx) => {
      const { viewerId } = await admin(ctx);
      await ctx.billing.refund(paymentId, amount ?? null, reason, viewerId);
      return true;
    },
  },
};
