/**
 * BillingMirror's payment half: payments, refunds and dunning links. A payment is recorded under an advisory lock
 * on its Razorpay id, so however often (and however concurrently) it is recorded, it is one row with one invoice.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { billingPlan, TIER_INFO, type BillingCurrency } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import { customerOf } from './billing-customers';
import type { BillingDeps, PaymentSnapshot } from './billing-mirror.types';
import { ensurePlan } from './billing-plans';
import { BillingError } from './billing.errors';
import { BillingOrder, BillingPaymentLink, Invoice, Payment, Subscription, type PaymentKind, type PaymentStatus } from './billing.entities';
import { razorpayCall, razorpayStatus } from './razorpay-call';
import { applyTier, grantsTierOf } from './tier-grants';

/** What the caller already knows about a payment (from a signed webhook or a verified Checkout callback). */
export interface PaymentContext {
  razorpaySubscriptionId?: string;
  paymentLinkId?: string;
}

/** The fields of Razorpay's payment entity the mirror reads. */
interface RazorpayPaymentEntity {
  id: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  order_id?: string | null;
  subscription_id?: string | null;
  invoice_id?: string | null;
  method?: string | null;
  amount_refunded?: number;
  error_description?: string | null;
}

// A payment only moves forward; a stale fetch of an older state changes nothing.
const STATUS_RANK: Record<PaymentStatus, number> = { created: 0, authorized: 1, failed: 1, captured: 2, refunded: 3 };

const notPaymentOfOurs = () => new BillingError(ErrorCode.PAYMENT_NOT_FOUND, 'This payment does not belong to any Atelier account.');

/** `Atelier Pro (monthly)` for a plan id. */
export function planDescription(planId: string): string {
  const plan = billingPlan(planId);
  return plan ? `Atelier ${TIER_INFO[plan.tier].label} (${plan.interval})` : `Atelier ${planId}`;
}

export async function recordPayment(deps: BillingDeps, now: Date, razorpayPaymentId: string, context: PaymentContext): Promise<PaymentSnapshot> {
  const fetched = (await razorpayCall('payments.fetch', () => deps.razorpay.payments.fetch(razorpayPaymentId), {
    code: ErrorCode.PAYMENT_NOT_FOUND,
    message: 'The payment provider does not know this payment.',
  })) as unknown as RazorpayPaymentEntity;
  return deps.orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`payment:${fetched.id}`]);
    const owner = await ownerOf(deps, em, fetched, context);
    const row =
      (await em.findOne(Payment, { razorpayPaymentId: fetched.id })) ??
      em.create(Payment, {
        razorpayPaymentId: fetched.id,
        kind: owner.kind,
        customerId: owner.customerId,
        subscriptionId: owner.subscription?.id ?? null,
        orderId: owner.order?.razorpayOrderId ?? null,
        paymentLinkId: owner.link?.razorpayPaymentLinkId ?? null,
        amount: fetched.amount,
        currency: fetched.currency as BillingCurrency,
        status: fetched.status,
      });
    if (STATUS_RANK[fetched.status] > STATUS_RANK[row.status] || (row.status === 'authorized' && fetched.status === 'failed')) row.status = fetched.status;
    row.amountRefunded = Math.max(row.amountRefunded, fetched.amount_refunded ?? 0);
    row.method = fetched.method ?? row.method ?? null;
    if (row.status === 'failed') row.errorDescription = fetched.error_description ?? row.errorDescription ?? null;
    await em.flush();
    let invoice: Invoice | null = null;
    if (row.status === 'captured' || row.status === 'refunded') {
      row.capturedAt ??= now;
      const customer = await customerOf(em, row.customerId);
      const description = owner.order?.description ?? owner.link?.description ?? planDescription(owner.subscription?.planId ?? '');
      invoice = await deps.invoices.issueForPayment(em, row, customer, { kind: customer.subscriberKind, id: customer.subscriberId }, description, row.capturedAt);
      for (const charge of [owner.order, owner.link]) {
        if (charge && charge.status !== 'paid') Object.assign(charge, { status: 'paid', paymentId: fetched.id, paidAt: now });
      }
      if (owner.order?.purpose === 'proration' && owner.order.planId && owner.subscription) await applyProration(deps, now, owner.subscription, owner.order.planId);
      await em.flush();
      await applyTier(em, { kind: customer.subscriberKind, id: customer.subscriberId }, now);
    }
    return {
      razorpayPaymentId: row.razorpayPaymentId,
      status: row.status,
      amount: row.amount,
      currency: row.currency,
      subscriptionRowId: row.subscriptionId ?? null,
      razorpaySubscriptionId: owner.subscription?.razorpaySubscriptionId ?? null,
      invoiceNumber: invoice?.number ?? null,
      errorDescription: row.errorDescription ?? null,
    };
  });
}

/**
 * Whose payment this is: our row of it once it exists; else an order of ours, a payment link of ours (named by the
 * caller, or by the notes of the order Razorpay made for the link), else a subscription (named by the caller, the
 * payment, or the Razorpay invoice a renewal is paid against).
 */
async function ownerOf(deps: BillingDeps, em: EntityManager, fetched: RazorpayPaymentEntity, context: PaymentContext) {
  const known = await em.findOne(Payment, { razorpayPaymentId: fetched.id });
  const orderId = known?.orderId ?? fetched.order_id;
  const order = orderId ? await em.findOne(BillingOrder, { razorpayOrderId: orderId }) : null;
  const linkId = known?.paymentLinkId ?? context.paymentLinkId;
  let link = order ? null : linkId ? await em.findOne(BillingPaymentLink, { razorpayPaymentLinkId: linkId }) : await em.findOne(BillingPaymentLink, { paymentId: fetched.id });
  if (!known && !order && !link && fetched.order_id && !fetched.invoice_id) {
    const rzpOrder = (await razorpayCall('orders.fetch', () => deps.razorpay.orders.fetch(fetched.order_id!))) as unknown as { notes?: Record<string, string> | unknown[] };
    const reference = rzpOrder.notes && !Array.isArray(rzpOrder.notes) ? rzpOrder.notes.atelier_reference : undefined;
    if (reference) link = await em.findOne(BillingPaymentLink, { referenceId: reference });
  }
  let razorpaySubscriptionId = fetched.subscription_id ?? context.razorpaySubscriptionId;
  if (!known && !order && !link && !razorpaySubscriptionId && fetched.invoice_id) {
    const invoice = (await razorpayCall('invoices.fetch', () => deps.razorpay.invoices.fetch(fetched.invoice_id!))) as unknown as { subscription_id?: string | null };
    razorpaySubscriptionId = invoice.subscription_id ?? undefined;
  }
  const subscriptionRowId = known?.subscriptionId ?? order?.subscriptionId ?? link?.subscriptionId;
  const subscription = subscriptionRowId
    ? await em.findOne(Subscription, { id: subscriptionRowId })
    : razorpaySubscriptionId
      ? await em.findOne(Subscription, { razorpaySubscriptionId })
      : null;
  const customerId = known?.customerId ?? order?.customerId ?? link?.customerId ?? subscription?.customerId;
  if (!customerId) throw notPaymentOfOurs();
  const kind: PaymentKind = known?.kind ?? (order ? 'order' : link ? 'payment_link' : 'subscription');
  return { kind, customerId, order, link, subscription };
}

/**
 * A paid proration: Razorpay bills the new plan from the next renewal (`schedule_change_at: 'cycle_end'`) and the
 * higher tier applies now (our row's planId). Done once: a second call finds our row on the plan already. A
 * refusal (the subscription ended meanwhile) leaves the payment recorded and invoiced, and is logged for a refund.
 */
async function applyProration(deps: BillingDeps, now: Date, sub: Subscription, planId: string): Promise<void> {
  if (sub.planId === planId) return;
  const razorpayPlanId = await ensurePlan(deps, planId, sub.currency);
  try {
    await razorpayCall('subscriptions.update', () => deps.razorpay.subscriptions.update(sub.razorpaySubscriptionId, { plan_id: razorpayPlanId, schedule_change_at: 'cycle_end' }), {
      code: ErrorCode.SUBSCRIPTION_STATE_INVALID,
      message: 'The subscription can no longer be changed.',
    });
  } catch (error) {
    if (!(error instanceof BillingError)) throw error;
    deps.logger.warn({ subscriptionId: sub.id, planId }, 'a paid proration could not be applied at Razorpay; refund it');
    return;
  }
  sub.planId = planId;
  sub.scheduledPlanId = null;
  sub.grantsTier = grantsTierOf(sub, now);
}

/** The fields of Razorpay's refund entity the mirror reads. */
interface RazorpayRefundEntity {
  id: string;
  payment_id: string;
  amount: number;
  status: 'pending' | 'processed' | 'failed';
}

export async function recordRefund(deps: BillingDeps, now: Date, razorpayRefundId: string): Promise<{ creditNoteNumber: string | null }> {
  const refund = (await razorpayCall('refunds.fetch', () => deps.razorpay.refunds.fetch(razorpayRefundId), {
    code: ErrorCode.PAYMENT_NOT_FOUND,
    message: 'The payment provider does not know this refund.',
  })) as unknown as RazorpayRefundEntity;
  await recordPayment(deps, now, refund.payment_id, {});
  if (refund.status !== 'processed') return { creditNoteNumber: null };
  return deps.orm.em.fork().transactional(async (em) => {
    const payment = await em.findOneOrFail(Payment, { razorpayPaymentId: refund.payment_id });
    const original = await em.findOne(Invoice, { paymentId: payment.id, kind: 'invoice' });
    if (!original) return { creditNoteNumber: null };
    const note = await deps.invoices.issueCreditNote(em, { refundId: refund.id, amount: refund.amount, original, at: now });
    return { creditNoteNumber: note.number };
  });
}

/** Our idempotency key of a dunning retry's link (≤ 40 characters, Razorpay's `reference_id`). */
export function dunningReference(subscriptionRowId: string, since: string, attempt: number): string {
  return `dun-${subscriptionRowId.slice(0, 8)}-${Math.floor(Date.parse(since) / 1000)}-${attempt}`;
}

interface RazorpayLinkEntity {
  id: string;
  short_url: string;
  reference_id?: string;
}

export async function createDunningLink(
  deps: BillingDeps,
  razorpaySubscriptionId: string,
  attempt: number,
  since: string,
): Promise<{ url: string; amount: number; currency: BillingCurrency }> {
  return deps.orm.em.fork().transactional(async (em) => {
    const sub = await em.findOne(Subscription, { razorpaySubscriptionId });
    if (!sub) throw new BillingError(ErrorCode.SUBSCRIPTION_NOT_FOUND, 'There is no such subscription.');
    const referenceId = dunningReference(sub.id, since, attempt);
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`payment-link:${referenceId}`]);
    const existing = await em.findOne(BillingPaymentLink, { referenceId });
    if (existing) return { url: existing.shortUrl, amount: existing.amount, currency: existing.currency };
    const customer = await customerOf(em, sub.customerId);
    const amount = sub.dunning?.amountDue || (billingPlan(sub.planId)?.prices[sub.currency] ?? 0);
    const description = `${planDescription(sub.planId)}: payment due (retry ${attempt} of 3)`;
    const link = await createLinkOnce(deps, referenceId, {
      amount,
      currency: sub.currency,
      accept_partial: false,
      reference_id: referenceId,
      description,
      customer: { name: customer.name, email: customer.email },
      // Atelier mails the link itself, with the dunning text.
      notify: { sms: false, email: false },
      reminder_enable: false,
      notes: { atelier_reference: referenceId, atelier_subscription: razorpaySubscriptionId },
      ...(deps.paymentLinkCallbackUrl ? { callback_url: deps.paymentLinkCallbackUrl, callback_method: 'get' as const } : {}),
    });
    em.create(BillingPaymentLink, {
      razorpayPaymentLinkId: link.id,
      referenceId,
      customerId: customer.id,
      purpose: 'dunning',
      subscriptionId: sub.id,
      amount,
      currency: sub.currency,
      description: description.slice(0, 255),
      shortUrl: link.short_url,
    });
    await em.flush();
    return { url: link.short_url, amount, currency: sub.currency };
  });
}

/** Creates the link, or (Razorpay refusing a second link with the same `reference_id`) finds the one made before. */
async function createLinkOnce(deps: BillingDeps, referenceId: string, body: Parameters<BillingDeps['razorpay']['paymentLink']['create']>[0]): Promise<RazorpayLinkEntity> {
  try {
    return (await deps.razorpay.paymentLink.create(body)) as unknown as RazorpayLinkEntity;
  } catch (error) {
    if (razorpayStatus(error) !== 400) return razorpayCall('paymentLink.create', () => Promise.reject(error));
  }
  const found = await razorpayCall('paymentLink.all', () => deps.razorpay.paymentLink.all({ reference_id: referenceId } as never));
  const link = (found.payment_links as unknown as RazorpayLinkEntity[]).find((l) => l.reference_id === referenceId);
  if (!link) throw new BillingError(ErrorCode.PAYMENT_FAILED, 'The payment provider refused the payment link for this retry.');
  return link;
}

