/**
 * Billing for the API: what a subscriber sees (`account`) and every billing action — checkout, payment
 * verification, plan changes, cancel, pause, resume — plus the platform admins' payment links, comps and refunds
 * (billing-admin.ts). Razorpay is the source of truth: each action calls it, then mirrors the fresh entity through
 * BillingMirror (which applies the tier in the same transaction) and signals the subscription's workflow.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import type { SignalDefinition } from '@temporalio/common';
import { billingCommandSignal, billingPlan, SUBSCRIPTION_ENDED, TIER_INFO, type BillingCurrency, type BillingTier } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import { workflowIds } from '../../contracts/workflow-ids';
import type { Actor } from '../access/policy';
import { adminSubscriptionViews, billingAccount } from './billing-account';
import { comp, createPaymentLink, refund, verifyPaymentLinkCallback, type AdminContext, type PaymentLinkCallbackQuery } from './billing-admin';
import { ensureBillingCustomer, ensureRazorpayCustomer } from './billing-customers';
import { currencyOf, parseBillingDetails, type BillingDetailsInput } from './billing-details';
import type { PaymentSnapshot, SubscriptionSnapshot } from './billing-mirror';
import type { BillingServiceDeps } from './billing-service.types';
import { changePlan } from './billing-plan-change';
import { ensurePlan } from './billing-plans';
import {
  customerView,
  type AdminSubscriptionView,
  type BillingAccountView,
  type BillingCustomerView,
  type CheckoutSessionView,
  type PlanChangeView,
  type TierCompView,
} from './billing-views';
import { BillingCustomer, BillingOrder, Payment, Subscription, type BillingPaymentLink } from './billing.entities';
import { BillingError, billingOff, paymentSignatureInvalid, subscriptionNotFound, subscriptionStateInvalid } from './billing.errors';
import { cancelRefund, cyclePosition } from './proration';
import { providerStep } from './provider-step';
import { razorpayCall } from './razorpay-call';
import { verifyOrderPayment, verifySubscriptionPayment } from './razorpay';
import type { Subscriber } from './tier-grants';

export { HOW_TO_ENABLE } from './billing-account';
export type { BillingServiceDeps } from './billing-service.types';

/** The workflow type `subscriptionWorkflow` is registered under (core does not import workflow code). */
export const SUBSCRIPTION_WORKFLOW = 'subscriptionWorkflow';

/** The Checkout callback fields (GraphQL `VerifyPaymentInput`); the server checks them, never trusts them. */
export interface VerifyPaymentInput {
  razorpayPaymentId: string;
  razorpaySignature: string;
  razorpayOrderId?: string | null;
  razorpaySubscriptionId?: string | null;
}

/** A live subscription: not cancelled, completed or expired (at most one per subscriber). */
const LIVE_FILTER = { status: { $nin: [...SUBSCRIPTION_ENDED] } };

export class BillingService {
  /** Whether billing is on (Razorpay keys configured). */
  readonly enabled: boolean;

  constructor(private readonly deps: BillingServiceDeps | null) {
    this.enabled = deps !== null;
  }

  /** The billing of a user or team as `viewer` sees it (the caller has checked `billing:read`); answers when billing is off too. */
  account(em: EntityManager, viewer: Actor, subscriber: Subscriber): Promise<BillingAccountView> {
    return billingAccount(em, viewer, subscriber, { enabled: this.enabled, now: this.now() });
  }

  /** Saves the details invoices carry; the country (hence the currency) is fixed while a paid subscription is live. */
  async saveDetails(subscriber: Subscriber, input: BillingDetailsInput, _actorId: string): Promise<BillingCustomerView> {
    const deps = this.on();
    const details = parseBillingDetails(input);
    const em = this.em();
    return em.transactional(async (tx) => {
      const customer = await ensureBillingCustomer(tx, subscriber, deps.invoices.settings.supplier.stateCode);
      const live = await tx.findOne(Subscription, { subscriberKind: subscriber.kind, subscriberId: subscriber.id, status: { $nin: [...SUBSCRIPTION_ENDED, 'created'] } });
      if (live && live.currency !== currencyOf(details.country)) {
        throw new BillingError(
          ErrorCode.PAYMENT_DETAILS_INVALID,
          `country: your subscription is billed in ${live.currency}; cancel it before moving to a country billed in ${currencyOf(details.country)}.`,
        );
      }
      Object.assign(customer, details);
      return customerView(customer);
    });
  }

  /**
   * Starts a subscription to `planId`: the Razorpay customer and plan (each once), an abandoned checkout's
   * `created` subscription cancelled, then the new subscription and its row (status created), and what Checkout
   * needs for the first payment.
   */
  async subscribe(subscriber: Subscriber, planId: string, actorId: string): Promise<CheckoutSessionView> {
    const deps = this.on();
    const plan = billingPlan(planId);
    if (!plan) throw planInvalid(planId);
    const em = this.em();
    const customer = await ensureBillingCustomer(em, subscriber, deps.invoices.settings.supplier.stateCode);
    await this.provider(() => ensureRazorpayCustomer(em, deps.razorpay, customer));
    const live = await em.findOne(Subscription, { subscriberKind: subscriber.kind, subscriberId: subscriber.id, ...LIVE_FILTER });
    if (live && live.status !== 'created') {
      throw new BillingError(ErrorCode.SUBSCRIPTION_EXISTS, `There is a ${live.status} subscription already: change its plan instead of subscribing again.`);
    }
    if (live) await this.abandon(live);
    const currency = currencyOf(customer.country);
    const razorpayPlanId = await this.provider(() => ensurePlan(deps, planId, currency));
    const body = {
      plan_id: razorpayPlanId,
      total_count: plan.totalCount,
      customer_notify: 1 as const,
      notes: { atelier_subscriber_kind: subscriber.kind, atelier_subscriber_id: subscriber.id, atelier_plan: planId, atelier_actor: actorId },
    };
    const created = await this.provider(() => razorpayCall('subscriptions.create', () => deps.razorpay.subscriptions.create(body)));
    em.create(Subscription, {
      razorpaySubscriptionId: created.id,
      customerId: customer.id,
      subscriberKind: subscriber.kind,
      subscriberId: subscriber.id,
      planId,
      currency,
      status: 'created',
      shortUrl: created.short_url ?? null,
    });
    try {
      await em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // A concurrent checkout won the one-live-subscription index: drop ours at Razorpay too.
      await razorpayCall('subscriptions.cancel', () => deps.razorpay.subscriptions.cancel(created.id, false)).catch((e: unknown) =>
        deps.logger.warn({ err: e, subscriptionId: created.id }, 'could not cancel a duplicate checkout subscription'),
      );
      throw new BillingError(ErrorCode.SUBSCRIPTION_EXISTS, 'Another checkout for this subscriber is in progress.');
    }
    return this.checkout(customer, { subscriptionId: created.id, orderId: null, amount: plan.prices[currency], currency, description: `${TIER_INFO[plan.tier].label} (${plan.interval})` });
  }

  /**
   * Applies a Checkout callback: the signature first (PAYMENT_SIGNATURE_INVALID, nothing changes), then the order
   * or subscription must be one of this subscriber's rows and the payment must be of it (PAYMENT_NOT_FOUND); the
   * payment and subscription are mirrored before this returns (the tier applies at once) and the workflow told.
   */
  async verifyPayment(subscriber: Subscriber, input: VerifyPaymentInput, _actorId: string): Promise<PaymentSnapshot> {
    const deps = this.on();
    const { razorpayPaymentId: paymentId, razorpaySignature: signature, razorpayOrderId: orderId, razorpaySubscriptionId: subscriptionId } = input;
    const signed = orderId
      ? verifyOrderPayment(deps.razorpayConfig.keySecret, { orderId, paymentId, signature })
      : subscriptionId
        ? verifySubscriptionPayment(deps.razorpayConfig.keySecret, { paymentId, subscriptionId, signature })
        : false;
    if (!signed) throw paymentSignatureInvalid();
    const em = this.em();
    const razorpaySubscriptionId = orderId ? await this.orderSubscription(em, subscriber, orderId) : await this.ownSubscription(em, subscriber, subscriptionId!);
    const payment = await this.provider(() =>
      razorpayCall('payments.fetch', () => deps.razorpay.payments.fetch(paymentId), { code: ErrorCode.PAYMENT_NOT_FOUND, message: paymentNotFoundMessage }),
    );
    // An order payment names its order; a subscription payment names it only through its invoice, and the
    // signature (made by Razorpay under our key secret over payment_id|subscription_id) already binds the two.
    const paymentSub = (payment as { subscription_id?: string | null }).subscription_id;
    if ((orderId && payment.order_id !== orderId) || (subscriptionId && paymentSub && paymentSub !== subscriptionId)) throw paymentNotFound();
    const snapshot = await this.provider(() => deps.mirror.recordPayment(paymentId, subscriptionId ? { razorpaySubscriptionId: subscriptionId } : {}));
    if (razorpaySubscriptionId) {
      await this.provider(() => deps.mirror.syncSubscription(razorpaySubscriptionId));
      await this.paymentVerified(razorpaySubscriptionId, paymentId, orderId ?? undefined);
    }
    return snapshot;
  }

  /** Upgrade (proration now, new tier once paid) or downgrade / interval change (at the end of the cycle). */
  async changePlan(subscriber: Subscriber, planId: string, actorId: string): Promise<PlanChangeView> {
    const deps = this.on();
    const plan = billingPlan(planId);
    if (!plan) throw planInvalid(planId);
    const em = this.em();
    const sub = await this.live(em, subscriber);
    return changePlan({ deps, em, now: this.now(), checkout: (c, s) => this.checkout(c, s) }, sub, plan, actorId);
  }

  /**
   * Cancels at the end of the cycle (Razorpay keeps it active; the tier stays until `currentEnd`) or now (the
   * tier drops at once and the unused part of the last charge is refunded with a credit note).
   */
  async cancel(subscriber: Subscriber, atCycleEnd: boolean, actorId: string): Promise<SubscriptionSnapshot> {
    const deps = this.on();
    const em = this.em();
    const sub = await this.live(em, subscriber);
    if (atCycleEnd && sub.status !== 'active') throw subscriptionStateInvalid(sub.status, 'cancelled at the end of its cycle (only an active one has a cycle to finish)');
    if (atCycleEnd && sub.cancelAtCycleEnd) throw subscriptionStateInvalid('cancelled', 'cancelled again');
    const refundable = atCycleEnd ? null : await this.unusedPart(em, sub);
    await this.provider(() => razorpayCall('subscriptions.cancel', () => deps.razorpay.subscriptions.cancel(sub.razorpaySubscriptionId, atCycleEnd)));
    if (atCycleEnd) await em.nativeUpdate(Subscription, { id: sub.id }, { cancelAtCycleEnd: true });
    const snapshot = await this.provider(() => deps.mirror.syncSubscription(sub.razorpaySubscriptionId));
    if (refundable && refundable.amount > 0) {
      // The subscription is cancelled already: a refund that fails now must not turn the cancel into an error.
      await refund(this.admin(), refundable.payment.id, refundable.amount, 'Cancelled before the end of the cycle: the unused part is refunded', actorId).catch((error: unknown) =>
        deps.logger.error({ err: error, paymentId: refundable.payment.id, amount: refundable.amount }, 'billing: the cancel-now refund failed; refund it by hand'),
      );
    }
    return snapshot;
  }

  /** Pauses charging now; the tier drops to free until resumed. */
  async pause(subscriber: Subscriber, _actorId: string): Promise<SubscriptionSnapshot> {
    const deps = this.on();
    const sub = await this.live(this.em(), subscriber);
    if (sub.status !== 'active') throw subscriptionStateInvalid(sub.status, 'paused (only an active one can be)');
    await this.provider(() => razorpayCall('subscriptions.pause', () => deps.razorpay.subscriptions.pause(sub.razorpaySubscriptionId, { pause_at: 'now' })));
    return this.provider(() => deps.mirror.syncSubscription(sub.razorpaySubscriptionId));
  }

  /** Resumes a paused subscription now; its tier applies again. */
  async resume(subscriber: Subscriber, _actorId: string): Promise<SubscriptionSnapshot> {
    const deps = this.on();
    const sub = await this.live(this.em(), subscriber);
    if (sub.status !== 'paused') throw subscriptionStateInvalid(sub.status, 'resumed (only a paused one can be)');
    await this.provider(() => razorpayCall('subscriptions.resume', () => deps.razorpay.subscriptions.resume(sub.razorpaySubscriptionId, { resume_at: 'now' })));
    return this.provider(() => deps.mirror.syncSubscription(sub.razorpaySubscriptionId));
  }

  /** Platform admins: a one-off charge as a payment link mailed to the payer. */
  async createPaymentLink(subscriber: Subscriber, amount: number, description: string, actorId: string): Promise<BillingPaymentLink> {
    return createPaymentLink(this.admin(), subscriber, amount, description, actorId);
  }

  /** The payment-link callback (GET /billing/payment-link/callback): true when its signature holds and it was paid. */
  async verifyPaymentLinkCallback(query: PaymentLinkCallbackQuery): Promise<boolean> {
    if (!this.deps) return false;
    return verifyPaymentLinkCallback(this.admin(), query);
  }

  /** Platform admins grant a tier (null revokes) until a date or revoked; audited, applied at once. */
  async comp(subscriber: Subscriber, tier: BillingTier | null, until: Date | null, reason: string, actorId: string): Promise<TierCompView | null> {
    return comp(this.admin(), subscriber, tier, until, reason, actorId);
  }

  /** Platform admins refund a captured payment (null: all that is left); a credit note is issued; audited. */
  async refund(paymentRowId: string, amount: number | null, reason: string, actorId: string): Promise<{ refundId: string; creditNoteNumber: string | null }> {
    return refund(this.admin(), paymentRowId, amount, reason, actorId);
  }

  /** Platform admins: subscriptions, newest first, optionally of one status (none while billing is off). */
  async adminSubscriptions(status: string | null, limit: number | null): Promise<AdminSubscriptionView[]> {
    return this.deps ? adminSubscriptionViews(this.em(), status, limit) : [];
  }

  /**
   * Signal-with-start of the subscription's workflow (`workflowIds.subscription`): the webhook route's events and
   * the API's commands. Throws when Temporal cannot take it (the webhook answers 5xx so Razorpay delivers again).
   */
  async signal<T>(razorpaySubscriptionId: string, signal: SignalDefinition<[T]>, arg: T): Promise<void> {
    const deps = this.on();
    await (await deps.temporal()).workflow.signalWithStart(SUBSCRIPTION_WORKFLOW, {
      workflowId: workflowIds.subscription(razorpaySubscriptionId),
      taskQueue: deps.taskQueue,
      args: [{ razorpaySubscriptionId }],
      signal,
      signalArgs: [arg],
    });
  }

  private on(): BillingServiceDeps {
    if (!this.deps) throw billingOff();
    return this.deps;
  }

  private provider<T>(step: () => Promise<T>): Promise<T> {
    return providerStep(this.on().logger, 'billing', step);
  }

  private now(): Date {
    return this.deps?.now?.() ?? new Date();
  }

  private em(): EntityManager {
    return this.on().orm.em.fork() as EntityManager;
  }

  private admin(): AdminContext {
    return { deps: this.on(), em: this.em(), now: this.now(), paymentVerified: (sub, payment) => this.paymentVerified(sub, payment) };
  }

  /**
   * Signals `payment-verified` to the subscription's workflow. A failure is logged, not thrown: the mirror has
   * applied the payment already and the webhook for the same payment signals the workflow too.
   */
  private async paymentVerified(razorpaySubscriptionId: string, paymentId: string, orderId?: string): Promise<void> {
    try {
      await this.signal(razorpaySubscriptionId, billingCommandSignal, { kind: 'payment-verified', paymentId, ...(orderId ? { orderId } : {}) });
    } catch (error) {
      this.on().logger.warn({ err: error, subscriptionId: razorpaySubscriptionId }, 'could not signal subscriptionWorkflow after a verified payment');
    }
  }

  private async live(em: EntityManager, subscriber: Subscriber): Promise<Subscription> {
    const sub = await em.findOne(Subscription, { subscriberKind: subscriber.kind, subscriberId: subscriber.id, ...LIVE_FILTER });
    if (!sub) throw subscriptionNotFound();
    return sub;
  }

  /** An abandoned checkout's subscription (status created): cancelled at Razorpay, mirrored as cancelled. */
  private async abandon(sub: Subscription): Promise<void> {
    const deps = this.on();
    // A concurrent checkout may have cancelled it first (Razorpay then refuses): the fetch below decides.
    const refusal = await this.provider(() => razorpayCall('subscriptions.cancel', () => deps.razorpay.subscriptions.cancel(sub.razorpaySubscriptionId, false))).then(
      () => null,
      (error: unknown) => {
        if (error instanceof BillingError && error.code === ErrorCode.PAYMENT_FAILED) return error;
        throw error;
      },
    );
    const after = await this.provider(() => deps.mirror.syncSubscription(sub.razorpaySubscriptionId));
    if (refusal && !SUBSCRIPTION_ENDED.includes(after.status)) throw refusal;
  }

  /** The Razorpay subscription a proration order of this subscriber pays for; PAYMENT_NOT_FOUND for anyone else's order. */
  private async orderSubscription(em: EntityManager, subscriber: Subscriber, orderId: string): Promise<string | null> {
    const customer = await em.findOne(BillingCustomer, { subscriberKind: subscriber.kind, subscriberId: subscriber.id });
    const order = customer ? await em.findOne(BillingOrder, { razorpayOrderId: orderId, customerId: customer.id }) : null;
    if (!order) throw paymentNotFound();
    if (!order.subscriptionId) return null;
    const sub = await em.findOne(Subscription, { id: order.subscriptionId });
    return sub?.razorpaySubscriptionId ?? null;
  }

  /** Checks the subscription is this subscriber's; PAYMENT_NOT_FOUND otherwise. */
  private async ownSubscription(em: EntityManager, subscriber: Subscriber, razorpaySubscriptionId: string): Promise<string> {
    const sub = await em.findOne(Subscription, { razorpaySubscriptionId, subscriberKind: subscriber.kind, subscriberId: subscriber.id });
    if (!sub) throw paymentNotFound();
    return sub.razorpaySubscriptionId;
  }

  /** The last captured charge of an active subscription in its current cycle, and its unused part. */
  private async unusedPart(em: EntityManager, sub: Subscription): Promise<{ payment: Payment; amount: number } | null> {
    if (sub.status !== 'active' || !sub.currentStart || !sub.currentEnd) return null;
    const payment = await em.findOne(
      Payment,
      { subscriptionId: sub.id, kind: 'subscription', status: 'captured', capturedAt: { $gte: sub.currentStart } },
      { orderBy: { capturedAt: 'desc' } },
    );
    if (!payment) return null;
    const amount = cancelRefund({ lastCharge: payment.amount, currency: payment.currency, ...cyclePosition(sub.currentStart, sub.currentEnd, this.now()) });
    return { payment, amount: Math.min(amount, payment.amount - payment.amountRefunded) };
  }

  private checkout(
    customer: BillingCustomer,
    session: { subscriptionId: string | null; orderId: string | null; amount: number; currency: BillingCurrency; description: string },
  ): CheckoutSessionView {
    const deps = this.on();
    return { keyId: deps.razorpayConfig.keyId, checkoutUrl: deps.checkoutUrl, name: 'Atelier', prefillName: customer.name, prefillEmail: customer.email, ...session };
  }
}

const paymentNotFoundMessage = 'That payment is not one of yours, or it does not exist. Nothing was changed.';
const paymentNotFound = () => new BillingError(ErrorCode.PAYMENT_NOT_FOUND, paymentNotFoundMessage);
const planInvalid = (planId: string) =>
  new BillingError(ErrorCode.SUBSCRIPTION_PLAN_INVALID, `There is no plan ${JSON.stringify(planId.slice(0, 40))}; choose one of the plans on the billing page.`);
