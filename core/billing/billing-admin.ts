/**
 * The platform admins' billing actions — a one-off charge as a payment link, a comped tier, a refund — and the
 * payment link's callback. The API has checked `billing:admin` before any of these; each is audited.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BILLING_TIERS, type BillingTier } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import { recordAudit } from '../audit/audit-log';
import { NotFoundError, ValidationError, type FieldError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';
import type { BillingServiceDeps } from './billing-service.types';
import { ensureBillingCustomer } from './billing-customers';
import { currencyOf } from './billing-details';
import { compView, type TierCompView } from './billing-views';
import { BillingPaymentLink, Payment, Subscription, TierComp } from './billing.entities';
import { BillingError } from './billing.errors';
import { MIN_CHARGE } from './proration';
import { providerStep } from './provider-step';
import { razorpayCall } from './razorpay-call';
import { verifyPaymentLink } from './razorpay';
import { applyTier, type Subscriber } from './tier-grants';

export interface AdminContext {
  deps: BillingServiceDeps;
  em: EntityManager;
  now: Date;
  /** Tells the subscription's workflow a payment was verified (signal-with-start); never throws. */
  paymentVerified(razorpaySubscriptionId: string, paymentId: string): Promise<void>;
}

/** The query Razorpay redirects a payer to after a payment link (`callback_method: get`). */
export interface PaymentLinkCallbackQuery {
  razorpay_payment_id?: string;
  razorpay_payment_link_id?: string;
  razorpay_payment_link_reference_id?: string;
  razorpay_payment_link_status?: string;
  razorpay_signature?: string;
}

/** The largest single charge a money column holds (2^31 - 1 minor units). */
const MAX_AMOUNT = 2_147_483_647;

/** A one-off charge (a team invoice) as a Razorpay payment link, mailed to the payer by Razorpay. */
export async function createPaymentLink(ctx: AdminContext, subscriber: Subscriber, amount: number, description: string, actorId: string): Promise<BillingPaymentLink> {
  const { deps, em } = ctx;
  const text = description.trim();
  await assertSubscriber(em, subscriber);
  const customer = await ensureBillingCustomer(em, subscriber, deps.invoices.settings.supplier.stateCode);
  const currency = currencyOf(customer.country);
  const errors: FieldError[] = [];
  if (!Number.isInteger(amount) || amount < MIN_CHARGE[currency] || amount > MAX_AMOUNT) {
    errors.push({ field: 'amount', message: `A whole number of minor units from ${MIN_CHARGE[currency]} to ${MAX_AMOUNT} (${currency})` });
  }
  if (!text || text.length > 255) errors.push({ field: 'description', message: 'A description of 1 to 255 characters' });
  if (errors.length) throw new ValidationError(errors);
  const referenceId = `one-${randomUUID().slice(0, 8)}`;
  const link = await providerStep(deps.logger, 'paymentLink.create', () =>
    razorpayCall('paymentLink.create', () =>
      deps.razorpay.paymentLink.create({
        amount,
        currency,
        description: text,
        reference_id: referenceId,
        customer: { name: customer.name, email: customer.email },
        notify: { email: true, sms: false },
        // `<publicUrl>/billing/payment-link/callback`; without it the payment_link.paid webhook alone settles the link.
        ...(deps.paymentLinkCallbackUrl ? { callback_url: deps.paymentLinkCallbackUrl, callback_method: 'get' as const } : {}),
        // atelier_reference: how the mirror finds the link from the order Razorpay makes for it (webhooks carry no context).
        notes: { atelier_reference: referenceId, atelier_subscriber_kind: subscriber.kind, atelier_subscriber_id: subscriber.id, atelier_purpose: 'one_off', atelier_actor: actorId },
      }),
    ),
  );
  const row = em.create(BillingPaymentLink, {
    razorpayPaymentLinkId: link.id,
    referenceId,
    customerId: customer.id,
    purpose: 'one_off',
    amount,
    currency,
    description: text,
    shortUrl: link.short_url,
  });
  recordAudit(em, { actorId, action: 'billing.payment_link', target: `${subscriber.kind}:${subscriber.id}`, data: { amount, currency, referenceId } });
  await em.flush();
  return row;
}

/**
 * A payment link's callback: its signature (`plink_id|reference_id|status|payment_id` under the key secret) must
 * hold and name one of our links; a paid one is mirrored at once (invoice, dunning link settled) and, when it
 * belongs to a subscription, its workflow told. False when anything does not match: nothing changes.
 */
export async function verifyPaymentLinkCallback(ctx: AdminContext, query: PaymentLinkCallbackQuery): Promise<boolean> {
  const { deps, em } = ctx;
  const fields = {
    paymentLinkId: query.razorpay_payment_link_id ?? '',
    referenceId: query.razorpay_payment_link_reference_id ?? '',
    status: query.razorpay_payment_link_status ?? '',
    paymentId: query.razorpay_payment_id ?? '',
    signature: query.razorpay_signature ?? '',
  };
  if (!fields.paymentLinkId || !fields.paymentId || !verifyPaymentLink(deps.razorpayConfig.keySecret, fields)) return false;
  const link = await em.findOne(BillingPaymentLink, { razorpayPaymentLinkId: fields.paymentLinkId, referenceId: fields.referenceId });
  if (!link || fields.status !== 'paid') return false;
  const payment = await providerStep(deps.logger, 'recordPayment', () => deps.mirror.recordPayment(fields.paymentId, { paymentLinkId: fields.paymentLinkId }));
  if (payment.status !== 'captured') return false;
  const sub = link.subscriptionId ? await em.findOne(Subscription, { id: link.subscriptionId }) : null;
  if (sub) {
    await providerStep(deps.logger, 'syncSubscription', () => deps.mirror.syncSubscription(sub.razorpaySubscriptionId));
    await ctx.paymentVerified(sub.razorpaySubscriptionId, fields.paymentId);
  }
  return true;
}

/** Grants `tier` (null revokes) until `until` (null: until revoked); audited `billing.comp`; the tier applies at once. */
export async function comp(ctx: AdminContext, subscriber: Subscriber, tier: BillingTier | null, until: Date | null, reason: string, actorId: string): Promise<TierCompView | null> {
  const text = reason.trim();
  const errors: FieldError[] = [];
  if (tier !== null && (tier === 'free' || !(BILLING_TIERS as readonly string[]).includes(tier))) errors.push({ field: 'tier', message: 'pro, team or enterprise (null revokes)' });
  if (until && until.getTime() <= ctx.now.getTime()) errors.push({ field: 'until', message: 'A date in the future, or none for "until revoked"' });
  if (!text || text.length > 1000) errors.push({ field: 'reason', message: 'A reason of 1 to 1000 characters (it is audited)' });
  if (errors.length) throw new ValidationError(errors);
  await assertSubscriber(ctx.em, subscriber);
  return ctx.em.transactional(async (tx) => {
    const key = { subscriberKind: subscriber.kind, subscriberId: subscriber.id };
    const existing = await tx.findOne(TierComp, key);
    let row: TierComp | null = null;
    if (tier === null) {
      if (existing) tx.remove(existing);
    } else {
      row = existing ?? tx.create(TierComp, { ...key, tier, reason: text, grantedBy: actorId });
      Object.assign(row, { tier, until, reason: text, grantedBy: actorId });
    }
    recordAudit(tx, { actorId, action: 'billing.comp', target: `${subscriber.kind}:${subscriber.id}`, data: { tier, until: until?.toISOString() ?? null, reason: text } });
    await tx.flush();
    await applyTier(tx, subscriber, ctx.now);
    return row ? compView(row) : null;
  });
}

/**
 * Refunds a captured payment at Razorpay (null: all that is left), issues the credit note through the mirror and
 * audits `billing.refund`.
 */
export async function refund(ctx: AdminContext, paymentRowId: string, amount: number | null, reason: string, actorId: string): Promise<{ refundId: string; creditNoteNumber: string | null }> {
  const { deps, em } = ctx;
  const payment = isUuid(paymentRowId) ? await em.findOne(Payment, { id: paymentRowId }) : null;
  if (!payment) throw new BillingError(ErrorCode.PAYMENT_NOT_FOUND, 'There is no such payment.');
  const left = payment.amount - payment.amountRefunded;
  if (payment.status !== 'captured' || left <= 0) {
    throw new BillingError(ErrorCode.SUBSCRIPTION_STATE_INVALID, `A ${payment.status === 'captured' ? 'fully refunded' : payment.status} payment cannot be refunded.`);
  }
  const value = amount ?? left;
  const text = reason.trim();
  const errors: FieldError[] = [];
  if (!Number.isInteger(value) || value < 1 || value > left) errors.push({ field: 'amount', message: `A whole number of minor units from 1 to ${left}` });
  if (!text || text.length > 1000) errors.push({ field: 'reason', message: 'A reason of 1 to 1000 characters (it is audited)' });
  if (errors.length) throw new ValidationError(errors);
  const made = await providerStep(deps.logger, 'payments.refund', () =>
    razorpayCall('payments.refund', () =>
      deps.razorpay.payments.refund(payment.razorpayPaymentId, { amount: value, notes: { reason: text.slice(0, 250), atelier_actor: actorId, atelier_payment: payment.id } }),
    ),
  );
  const { creditNoteNumber } = await providerStep(deps.logger, 'recordRefund', () => deps.mirror.recordRefund(made.id));
  recordAudit(em, { actorId, action: 'billing.refund', target: `payment:${payment.id}`, data: { amount: value, currency: payment.currency, reason: text, refundId: made.id, creditNoteNumber } });
  await em.flush();
  return { refundId: made.id, creditNoteNumber };
}

async function assertSubscriber(em: EntityManager, subscriber: Subscriber): Promise<void> {
  const found = !isUuid(subscriber.id)
    ? null
    : subscriber.kind === 'user'
      ? await em.findOne(User, { id: subscriber.id })
      : subscriber.kind === 'team'
        ? await em.findOne(Team, { id: subscriber.id })
        : null;
  if (!found) throw new NotFoundError(subscriber.kind === 'team' ? 'Team' : 'User', subscriber.id);
}
