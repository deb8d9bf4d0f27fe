/**
 * `POST /webhooks/razorpay`: Razorpay's webhooks. The raw body's HMAC is checked before anything is read or written;
 * each delivery is recorded once by `x-razorpay-event-id`; an event of a subscription is handed to its
 * `subscriptionWorkflow` (signal-with-start), one of no subscription (a one-off payment link, its refund) is applied
 * inline. Razorpay wants a 2xx within 5 s, so the work after the signature check runs under a deadline; past it, or
 * with Temporal down, the answer is 503 and the dedupe row is removed, so Razorpay's redelivery is not dropped.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { RAZORPAY_EVENTS, type BillingEventSignal, type RazorpayEventName } from '../../../../contracts/billing';
import { BillingError } from '../../../../core/billing/billing.errors';
import { BillingOrder, BillingPaymentLink, Payment, Subscription, WebhookEvent } from '../../../../core/billing/billing.entities';
import { verifyWebhook } from '../../../../core/billing/razorpay';

export const WEBHOOK_BODY_LIMIT = '64kb';

export interface WebhookRouteDeps {
  /** Null while billing is off: the route answers 404. */
  webhookSecret: () => string | null;
  em: () => EntityManager;
  /** Signal-with-start of the subscription's workflow with `razorpayEventSignal` (BillingService.signal). */
  signal(razorpaySubscriptionId: string, event: BillingEventSignal): Promise<unknown>;
  /** Applies an event that belongs to no subscription (BillingMirror; both idempotent). */
  mirror: { recordPayment(razorpayPaymentId: string): Promise<unknown>; recordRefund(razorpayRefundId: string): Promise<unknown> };
  logger: Logger;
  /** The budget for everything after the signature check (default 4 s: Razorpay gives up at 5). */
  deadlineMs?: number;
}

interface Entity {
  id?: string;
  subscription_id?: string | null;
  order_id?: string | null;
  payment_id?: string | null;
}
interface Delivery {
  id?: string;
  event?: string;
  created_at?: number;
  payload?: Record<string, { entity?: Entity } | undefined>;
}

class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/** The router to mount at `/webhooks/razorpay`, before any JSON parser: the signature covers the exact bytes. */
export function createRazorpayWebhookRouter(deps: WebhookRouteDeps): express.Router {
  const router = express.Router();
  router.post('/', express.raw({ type: '*/*', limit: WEBHOOK_BODY_LIMIT }), (req, res) => void handle(deps, req, res));
  const tooLarge: ErrorRequestHandler = (error: { status?: number }, _req, res, _next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
    res.status(status).json({ error: status === 413 ? 'body too large' : 'unreadable body' });
  };
  router.use(tooLarge);
  return router;
}

async function handle(deps: WebhookRouteDeps, req: Request, res: Response): Promise<void> {
  const secret = deps.webhookSecret();
  if (!secret) return void res.status(404).json({ error: 'billing is off' });
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!verifyWebhook(secret, raw, req.get('x-razorpay-signature'))) return void res.status(400).json({ error: 'invalid signature' });
  let delivery: Delivery;
  try {
    delivery = JSON.parse(raw.toString('utf8')) as Delivery;
    if (typeof delivery !== 'object' || delivery === null || typeof delivery.event !== 'string') throw new Error('no event');
  } catch {
    return void res.status(400).json({ error: 'invalid body' });
  }
  const eventId = (req.get('x-razorpay-event-id') || delivery.id || `sha-${createHash('sha256').update(raw).digest('hex').slice(0, 40)}`).slice(0, 64);
  // recorded: the dedupe row exists; abandoned: the deadline passed. Whichever comes second removes the row.
  const state = { recorded: false, abandoned: false };
  try {
    const outcome = await withDeadline(deps.deadlineMs ?? 4000, state, async () => {
      const em = deps.em();
      const signal = signalOf(eventId, delivery);
      const subscriptionId = signal ? await subscriptionOf(em, signal, delivery) : null;
      if (!(await record(em, eventId, delivery.event!, subscriptionId))) return { duplicate: true };
      state.recorded = true;
      if (state.abandoned) await forget(deps, eventId);
      if (!signal) return { ignored: true };
      if (subscriptionId) await deps.signal(subscriptionId, { ...signal, subscriptionId });
      else await applyInline(deps, signal);
      return { ok: true };
    });
    res.status(200).json(outcome);
  } catch (error) {
    if (error instanceof BillingError) {
      // A refusal of the event itself (a payment Razorpay does not know): a redelivery would fail the same way.
      deps.logger.warn({ eventId, event: delivery.event, code: error.code }, 'razorpay webhook refused');
      return void res.status(200).json({ ignored: true });
    }
    if (state.recorded) await forget(deps, eventId);
    deps.logger.warn(
      { err: error instanceof DeadlineError ? undefined : error, eventId, event: delivery.event },
      'razorpay webhook not handled in time; Razorpay will redeliver',
    );
    res.set('Retry-After', '5');
    res.status(503).json({ error: 'try again' });
  }
}

/** The ids the event names, or null for an event Atelier does not handle. */
function signalOf(eventId: string, delivery: Delivery): BillingEventSignal | null {
  if (!(RAZORPAY_EVENTS as readonly string[]).includes(delivery.event!)) return null;
  const p = delivery.payload ?? {};
  const id = (name: string) => p[name]?.entity?.id ?? undefined;
  return {
    eventId,
    event: delivery.event as RazorpayEventName,
    createdAt: typeof delivery.created_at === 'number' ? delivery.created_at : Math.floor(Date.now() / 1000),
    subscriptionId: id('subscription') ?? p.payment?.entity?.subscription_id ?? undefined,
    paymentId: id('payment') ?? p.refund?.entity?.payment_id ?? undefined,
    orderId: id('order') ?? p.payment?.entity?.order_id ?? undefined,
    paymentLinkId: id('payment_link'),
    refundId: id('refund'),
  };
}

/** The Razorpay subscription the event belongs to: named in the payload, or through our order, link or payment rows. */
async function subscriptionOf(em: EntityManager, signal: BillingEventSignal, delivery: Delivery): Promise<string | null> {
  if (signal.subscriptionId) return signal.subscriptionId;
  const refundPayment = delivery.payload?.refund?.entity?.payment_id ?? undefined;
  const [order, link, payment] = await Promise.all([
    signal.orderId ? em.findOne(BillingOrder, { razorpayOrderId: signal.orderId }, { fields: ['subscriptionId'] }) : null,
    signal.paymentLinkId ? em.findOne(BillingPaymentLink, { razorpayPaymentLinkId: signal.paymentLinkId }, { fields: ['subscriptionId'] }) : null,
    signal.paymentId || refundPayment
      ? em.findOne(Payment, { razorpayPaymentId: (signal.paymentId ?? refundPayment)! }, { fields: ['subscriptionId'] })
      : null,
  ]);
  const rowId = order?.subscriptionId ?? link?.subscriptionId ?? payment?.subscriptionId;
  if (!rowId) return null;
  const row = await em.findOne(Subscription, { id: rowId }, { fields: ['razorpaySubscriptionId'] });
  return row?.razorpaySubscriptionId ?? null;
}

/** Records the delivery; false when its id was seen before (a replay). */
async function record(em: EntityManager, eventId: string, event: string, subscriptionId: string | null): Promise<boolean> {
  const rows = await em
    .createQueryBuilder(WebhookEvent)
    .insert({ eventId, event: event.slice(0, 64), subscriptionId })
    .onConflict('eventId')
    .ignore()
    .execute('run');
  return (rows as { affectedRows?: number }).affectedRows === 1;
}

async function forget(deps: WebhookRouteDeps, eventId: string): Promise<void> {
  try {
    await deps.em().nativeDelete(WebhookEvent, { eventId });
  } catch (error) {
    deps.logger.error({ err: error, eventId }, 'could not forget a webhook delivery; its redelivery will be taken for a replay');
  }
}

/** An event of no subscription: the payment or refund is fetched and written by the mirror, here and now. */
async function applyInline(deps: WebhookRouteDeps, signal: BillingEventSignal): Promise<void> {
  if (signal.refundId) await deps.mirror.recordRefund(signal.refundId);
  else if (signal.paymentId) await deps.mirror.recordPayment(signal.paymentId);
}

function withDeadline<T>(ms: number, state: { abandoned: boolean }, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      state.abandoned = true;
      reject(new DeadlineError(`not handled within ${ms} ms`));
    }, ms);
  });
  const running = work();
  running.catch(() => undefined); // Its failure after the deadline has been answered already.
  return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
}
