/**
 * Razorpay's REST API at the wire (razorpay.com/docs/api), in the shapes the `razorpay` SDK sends and parses, for
 * what billing uses: customers, plans, orders, payments (capture, refunds), refunds, subscriptions (with pause,
 * resume, cancel, plan updates and scheduled changes), payment links and the invoices Razorpay raises for
 * subscription charges. Basic auth with the fake's key id and secret; Razorpay's error body
 * `{ error: { code, description, field, source, step, reason, metadata } }`; unknown request fields are refused
 * like Razorpay refuses them ("x is/are not required and should not be sent").
 *
 * What a customer or the bank would do is a test control: `checkoutPay` (the Checkout form), `chargeSubscription`
 * (a renewal, or a failed one), `haltSubscription`, `payPaymentLink`. The clock is the fake's own (`now`,
 * `advanceClock`), so periods are exact. Every state change appends the webhook events Razorpay would send to
 * `events`; `deliver` posts them signed. The stand-in Checkout (`checkoutUrl`) is served from checkout-standin.ts.
 * See README.md.
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { paymentLinkPage, standinCheckoutSource } from './checkout-standin';

/** A Razorpay entity as JSON (the fake keeps entities exactly as it answers them). */
export type Entity = Record<string, unknown> & { id: string; created_at: number };
type Body = Record<string, unknown>;

/** A webhook event: the exact body Razorpay posts, plus `id` (sent as `x-razorpay-event-id`, not in the body). */
export interface FakeRazorpayEvent {
  readonly id: string;
  readonly entity: 'event';
  readonly account_id: string;
  readonly event: string;
  readonly contains: readonly string[];
  readonly payload: Readonly<Record<string, { entity: Entity }>>;
  readonly created_at: number;
}

/** The fields Checkout hands its `handler` on success. */
export interface CheckoutHandlerFields {
  razorpay_payment_id: string;
  razorpay_order_id?: string;
  razorpay_subscription_id?: string;
  razorpay_signature: string;
}

/** What Checkout hands `on('payment.failed', cb)`. */
export interface CheckoutFailure {
  error: {
    code: string;
    description: string;
    source: string;
    step: string;
    reason: string;
    metadata: { payment_id: string; order_id?: string; subscription_id?: string };
  };
}

/** The query a payment link's callback carries (`callback_url?…`). */
export interface PaymentLinkCallbackFields {
  razorpay_payment_id: string;
  razorpay_payment_link_id: string;
  razorpay_payment_link_reference_id: string;
  razorpay_payment_link_status: string;
  razorpay_signature: string;
}

export type CheckoutTarget = { orderId: string } | { subscriptionId: string };
export interface CheckoutOptions {
  /** The payment fails (bank declined): payment.failed, no state change beyond the attempt. */
  fail?: boolean;
  /** The handler fields carry a signature that does not verify. */
  badSignature?: boolean;
  method?: 'card' | 'upi' | 'netbanking' | 'wallet';
  /** false: the payment stays `authorized` until `payments.capture` (orders only; default true). */
  autoCapture?: boolean;
  /** Checkout's `customer_id` option: the customer a subscription is linked to when authorised. */
  customerId?: string;
  /** Checkout's `prefill`: without `customerId`, a subscription's customer is found by this email or created. */
  prefill?: { name?: string; email?: string; contact?: string };
}
export type RazorpayFault = 'rate-limit' | 'server-error';

export interface DeliverOptions {
  /** Deliveries of each event (default 1; 3 = the event is posted three times in a row). */
  replay?: number;
  /** Sign with the wrong secret. */
  badSignature?: boolean;
  /** Post in a random order (each replayed copy included). */
  shuffle?: boolean;
  /** The webhook secret (default the fake's). */
  secret?: string;
}
export interface Delivery {
  readonly eventId: string;
  readonly event: string;
  readonly status: number;
}

export interface RazorpayFakeOptions {
  keyId?: string;
  keySecret?: string;
  webhookSecret?: string;
  accountId?: string;
  /** Unix seconds the fake's clock starts at (default: the real time at start and at each reset). */
  now?: number;
}

/** Consecutive failed charges after which a pending subscription is halted (the first try and Razorpay's retries). */
export const MAX_CHARGE_ATTEMPTS = 4;
const MIN_AMOUNT: Record<string, number> = { INR: 100, USD: 50 };

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly field: string | null = null,
    readonly code = 'BAD_REQUEST_ERROR',
    /** What was looked up, for the fake's own misuse messages. */
    readonly kind?: string,
  ) {
    super(kind ? `${description} (${kind})` : description);
  }
}
const bad = (description: string, field: string | null = null) => new ApiError(400, description, field);

export class RazorpayFake {
  readonly keyId: string;
  readonly keySecret: string;
  readonly webhookSecret: string;
  readonly accountId: string;
  readonly customers = new Map<string, Entity>();
  readonly plans = new Map<string, Entity>();
  readonly orders = new Map<string, Entity>();
  readonly payments = new Map<string, Entity>();
  readonly refunds = new Map<string, Entity>();
  readonly subscriptions = new Map<string, Entity>();
  readonly paymentLinks = new Map<string, Entity>();
  readonly invoices = new Map<string, Entity>();
  /** Webhook events of every state change since the last reset, oldest first. */
  readonly events: FakeRazorpayEvent[] = [];
  /** Every request received since the last reset: method, path (with query) and parsed body. */
  readonly requests: { method: string; path: string; body: unknown }[] = [];
  readonly #scheduled = new Map<string, Body>();
  readonly #cancelAtCycleEnd = new Set<string>();
  readonly #faults: RazorpayFault[] = [];
  readonly #fixedStart: number | undefined;
  #now: number;
  #port = 0;
  readonly #server = http.createServer((req, res) => void this.#handle(req, res));

  constructor(options: RazorpayFakeOptions = {}) {
    this.keyId = options.keyId ?? 'rzp_test_fakekey000001';
    this.keySecret = options.keySecret ?? 'fake-key-secret';
    this.webhookSecret = options.webhookSecret ?? 'fake-webhook-secret';
    this.accountId = options.accountId ?? 'acc_FakeAccount0001';
    this.#fixedStart = options.now;
    this.#now = options.now ?? Math.floor(Date.now() / 1000);
  }

  /** The API origin to give `createRazorpayClient({ apiUrl })` (the SDK adds `/v1`). */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** The stand-in `checkout.js` (ATELIER_RAZORPAY_CHECKOUT_URL). */
  get checkoutUrl(): string {
    return `${this.url}/v1/checkout.js`;
  }

  /** The fake's clock, unix seconds. */
  get now(): number {
    return this.#now;
  }

  set now(seconds: number) {
    this.#now = Math.floor(seconds);
  }

  advanceClock(seconds: number): number {
    this.#now += Math.floor(seconds);
    return this.#now;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The next API call (any authenticated /v1 route) answers 429 or 500, once per call to `fail`. */
  fail(fault: RazorpayFault): void {
    this.#faults.push(fault);
  }

  reset(): void {
    for (const map of [
      this.customers,
      this.plans,
      this.orders,
      this.payments,
      this.refunds,
      this.subscriptions,
      this.paymentLinks,
      this.invoices,
    ])
      map.clear();
    this.events.length = 0;
    this.requests.length = 0;
    this.#scheduled.clear();
    this.#cancelAtCycleEnd.clear();
    this.#faults.length = 0;
    this.#now = this.#fixedStart ?? Math.floor(Date.now() / 1000);
  }

  // ---------------------------------------------------------------- test controls (what customers and banks do)

  /** The customer completes (or fails) Checkout for an order or a subscription. */
  checkoutPay(target: CheckoutTarget, options: CheckoutOptions & { fail: true }): CheckoutFailure;
  checkoutPay(target: CheckoutTarget, options?: CheckoutOptions & { fail?: false }): CheckoutHandlerFields;
  checkoutPay(target: CheckoutTarget, options?: CheckoutOptions): CheckoutHandlerFields | CheckoutFailure;
  checkoutPay(target: CheckoutTarget, options: CheckoutOptions = {}): CheckoutHandlerFields | CheckoutFailure {
    return 'orderId' in target ? this.#payOrder(target.orderId, options) : this.#paySubscription(target.subscriptionId, options);
  }

  /**
   * A renewal at the end of the current period. Success: a captured payment, the period advances, status active
   * (completed after the last of `total_count`). Failure: a failed payment, status pending; halted after
   * MAX_CHARGE_ATTEMPTS consecutive failures. A subscription cancelled at cycle end is cancelled instead, and a
   * scheduled plan change applies first.
   */
  chargeSubscription(subscriptionId: string, options: { fail?: boolean; method?: CheckoutOptions['method'] } = {}): Entity | null {
    const sub = this.#entity(this.subscriptions, subscriptionId, 'subscription');
    if (!['active', 'authenticated', 'pending', 'halted'].includes(String(sub.status)))
      throw new Error(`fake: subscription ${subscriptionId} is ${String(sub.status)}; nothing to charge`);
    if (this.#cancelAtCycleEnd.has(subscriptionId)) {
      this.#cancelAtCycleEnd.delete(subscriptionId);
      Object.assign(sub, { status: 'cancelled', ended_at: this.#now, charge_at: null });
      this.#emit('subscription.cancelled', { subscription: sub });
      return null;
    }
    this.#applyScheduled(sub);
    const plan = this.plans.get(String(sub.plan_id))!;
    const amount = planAmount(plan) * Number(sub.quantity);
    if (options.fail) {
      const payment = this.#newPayment(
        { amount, currency: planCurrency(plan), customer_id: sub.customer_id, description: itemOf(plan).name },
        options.method,
      );
      this.#failPayment(payment);
      sub.auth_attempts = Number(sub.auth_attempts) + 1;
      const halted = sub.status === 'halted' || Number(sub.auth_attempts) >= MAX_CHARGE_ATTEMPTS;
      const from = sub.status;
      sub.status = halted ? 'halted' : 'pending';
      this.#emit('payment.failed', { payment });
      if (sub.status !== from) this.#emit(`subscription.${String(sub.status)}`, { subscription: sub, payment });
      return payment;
    }
    const from = sub.status;
    const start = typeof sub.current_end === 'number' ? sub.current_end : this.#now;
    const payment = this.#chargeCycle(sub, plan, start, options.method);
    if (from === 'authenticated' || from === 'halted') this.#emit('subscription.activated', { subscription: sub, payment });
    this.#emit('subscription.charged', { subscription: sub, payment });
    this.#completeIfDone(sub);
    return payment;
  }

  /** Razorpay gives up on a subscription's charges: status halted. */
  haltSubscription(subscriptionId: string): Entity {
    const sub = this.#entity(this.subscriptions, subscriptionId, 'subscription');
    Object.assign(sub, { status: 'halted' });
    this.#emit('subscription.halted', { subscription: sub });
    return sub;
  }

  /** The customer pays a payment link: order + captured payment, link paid; answers the callback's query. */
  payPaymentLink(
    paymentLinkId: string,
    options: { badSignature?: boolean; method?: CheckoutOptions['method'] } = {},
  ): PaymentLinkCallbackFields {
    const link = this.#entity(this.paymentLinks, paymentLinkId, 'payment link');
    if (link.status !== 'created') throw bad(`Payment link cannot be paid as it is ${String(link.status)}`);
    const order = this.#newOrder({ amount: link.amount, currency: link.currency, receipt: null, notes: link.notes });
    const payment = this.#newPayment(
      { amount: link.amount, currency: link.currency, order_id: order.id, description: link.description },
      options.method,
    );
    this.#capture(payment, order);
    Object.assign(link, {
      status: 'paid',
      amount_paid: link.amount,
      order_id: order.id,
      updated_at: this.#now,
      payments: [
        {
          amount: link.amount,
          created_at: this.#now,
          method: payment.method,
          payment_id: payment.id,
          plink_id: link.id,
          status: 'captured',
          updated_at: this.#now,
        },
      ],
    });
    this.#emit('payment_link.paid', { payment_link: link, order, payment });
    const referenceId = String(link.reference_id ?? '');
    const signed = `${link.id}|${referenceId}|paid|${payment.id}`;
    return {
      razorpay_payment_id: payment.id,
      razorpay_payment_link_id: link.id,
      razorpay_payment_link_reference_id: referenceId,
      razorpay_payment_link_status: 'paid',
      razorpay_signature: hmac(options.badSignature ? 'not-the-key-secret' : this.keySecret, signed),
    };
  }

  /** The link's `callback_url` with the callback query appended (null when the link has none). */
  callbackUrlFor(paymentLinkId: string, fields: PaymentLinkCallbackFields): string | null {
    const link = this.#entity(this.paymentLinks, paymentLinkId, 'payment link');
    if (typeof link.callback_url !== 'string' || !link.callback_url) return null;
    const url = new URL(link.callback_url);
    for (const [key, value] of Object.entries(fields)) url.searchParams.set(key, value);
    return url.toString();
  }

  /** POSTs events to a webhook URL as Razorpay does: the exact JSON body, signed, with the event id header. */
  async deliver(url: string, events: FakeRazorpayEvent | readonly FakeRazorpayEvent[], options: DeliverOptions = {}): Promise<Delivery[]> {
    const list = (Array.isArray(events) ? events : [events]) as FakeRazorpayEvent[];
    const copies = list.flatMap((e) => Array.from({ length: Math.max(1, options.replay ?? 1) }, () => e));
    if (options.shuffle) shuffleInPlace(copies);
    const secret = options.badSignature ? `${options.secret ?? this.webhookSecret}-wrong` : (options.secret ?? this.webhookSecret);
    const out: Delivery[] = [];
    for (const event of copies) {
      const body = webhookBody(event);
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Razorpay-Webhook/v1',
          'x-razorpay-signature': hmac(secret, body),
          'x-razorpay-event-id': event.id,
        },
        body,
      });
      await res.arrayBuffer();
      out.push({ eventId: event.id, event: event.event, status: res.status });
    }
    return out;
  }

  /** The exact body `deliver` posts for an event (to sign or post it yourself). */
  webhookBody(event: FakeRazorpayEvent): string {
    return webhookBody(event);
  }

  // ---------------------------------------------------------------- the HTTP server

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    try {
      const raw = await readBody(req);
      const body = parseBody(raw, req.headers['content-type']);
      this.requests.push({ method, path: `${url.pathname}${url.search}`, body });
      const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (segments[0] !== 'v1') throw new ApiError(404, 'The requested URL was not found on the server.');
      const rest = segments.slice(1);
      if (rest[0] === 'checkout.js' || rest[0] === 'standin') return this.#standin(method, rest, url, body, res);
      this.#authenticate(req.headers.authorization);
      const fault = this.#faults.shift();
      if (fault === 'rate-limit') throw new ApiError(429, 'Request failed. Please try after sometime.', null, 'BAD_REQUEST_ERROR');
      if (fault === 'server-error')
        throw new ApiError(500, 'The server encountered an error. The incident has been reported to admins.', null, 'SERVER_ERROR');
      const answer = this.#api(method, rest, url.searchParams, asObject(body));
      sendJson(res, 200, answer);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      const e = error instanceof ApiError ? error : new ApiError(500, `fake failed: ${String(error)}`, null, 'SERVER_ERROR');
      sendJson(res, e.status, errorBody(e), url.pathname.startsWith('/v1/standin') ? CORS : {});
    }
  }

  #authenticate(header: string | undefined): void {
    const match = /^Basic\s+(.+)$/i.exec(header ?? '');
    if (!match) throw new ApiError(401, 'Please provide your api key for authentication purposes.');
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (decoded.slice(0, colon) !== this.keyId || decoded.slice(colon + 1) !== this.keySecret)
      throw new ApiError(401, 'The api key provided is invalid');
  }

  #api(method: string, [resource, id, action, subId, ...extra]: string[], query: URLSearchParams, body: Body): unknown {
    if (extra.length) throw new ApiError(404, 'The requested URL was not found on the server.');
    const route = `${method} ${resource ?? ''}${id ? '/:id' : ''}${action ? `/${action}` : ''}${subId ? '/:sub' : ''}`;
    switch (route) {
      case 'POST customers':
        return this.#createCustomer(body);
      case 'GET customers/:id':
        return this.#entity(this.customers, id!, 'customer');
      case 'POST plans':
        return this.#createPlan(body);
      case 'GET plans/:id':
        return this.#entity(this.plans, id!, 'plan');
      case 'GET plans':
        return this.#collection(this.plans, query);
      case 'POST orders':
        return this.#createOrder(body);
      case 'GET orders/:id':
        return this.#entity(this.orders, id!, 'order');
      case 'GET orders':
        return this.#collection(this.orders, query, (o) => !query.get('receipt') || o.receipt === query.get('receipt'));
      case 'GET orders/:id/payments':
        return this.#collection(
          this.payments,
          new URLSearchParams({ count: '100' }),
          (p) => p.order_id === this.#entity(this.orders, id!, 'order').id,
        );
      case 'GET payments/:id':
        return this.#entity(this.payments, id!, 'payment');
      case 'POST payments/:id/capture':
        return this.#capturePayment(id!, body);
      case 'POST payments/:id/refund':
        return this.#refund(id!, body);
      case 'GET payments/:id/refunds':
        return this.#collection(this.refunds, query, (r) => r.payment_id === this.#entity(this.payments, id!, 'payment').id);
      case 'GET payments/:id/refunds/:sub':
        return this.#paymentRefund(id!, subId!);
      case 'GET refunds/:id':
        return this.#entity(this.refunds, id!, 'refund');
      case 'GET refunds':
        return this.#collection(this.refunds, query);
      case 'GET invoices/:id':
        return this.#entity(this.invoices, id!, 'invoice');
      case 'GET invoices':
        return this.#collection(
          this.invoices,
          query,
          (i) => !query.get('subscription_id') || i.subscription_id === query.get('subscription_id'),
        );
      case 'POST subscriptions':
        return this.#createSubscription(body);
      case 'GET subscriptions/:id':
        return this.#entity(this.subscriptions, id!, 'subscription');
      case 'GET subscriptions':
        return this.#collection(this.subscriptions, query, (s) => !query.get('plan_id') || s.plan_id === query.get('plan_id'));
      case 'PATCH subscriptions/:id':
        return this.#updateSubscription(id!, body);
      case 'GET subscriptions/:id/retrieve_scheduled_changes':
        return this.#pendingUpdate(id!);
      case 'POST subscriptions/:id/cancel_scheduled_changes':
        return this.#cancelScheduled(id!);
      case 'POST subscriptions/:id/cancel':
        return this.#cancelSubscription(id!, body);
      case 'POST subscriptions/:id/pause':
        return this.#pause(id!, body);
      case 'POST subscriptions/:id/resume':
        return this.#resume(id!, body);
      case 'POST payment_links':
        return this.#createPaymentLink(body);
      case 'GET payment_links/:id':
        return this.#entity(this.paymentLinks, id!, 'payment link');
      case 'GET payment_links':
        return { payment_links: [...this.paymentLinks.values()].reverse() };
      case 'POST payment_links/:id/cancel':
        return this.#cancelPaymentLink(id!);
      default:
        throw new ApiError(404, 'The requested URL was not found on the server.');
    }
  }

  /** The stand-in Checkout: its script, its pay/quote calls (no auth, CORS) and the payment link page. */
  #standin(method: string, [first, kind, id, action]: string[], url: URL, body: unknown, res: http.ServerResponse): void {
    if (method === 'OPTIONS') return void res.writeHead(204, { ...CORS, 'access-control-max-age': '600' }).end();
    if (first === 'checkout.js' && method === 'GET') {
      const source = Buffer.from(standinCheckoutSource(this.url));
      res.writeHead(200, {
        ...CORS,
        'content-type': 'application/javascript; charset=utf-8',
        'content-length': source.length,
        'cache-control': 'no-store',
      });
      return void res.end(source);
    }
    const input = asObject(body);
    if (method === 'POST' && kind === 'pay') {
      if (input.key !== this.keyId) throw bad('The api key provided is invalid', 'key');
      const target: CheckoutTarget =
        typeof input.order_id === 'string' ? { orderId: input.order_id } : { subscriptionId: String(input.subscription_id ?? '') };
      const prefill = asObject(input.prefill) as CheckoutOptions['prefill'];
      const customerId = typeof input.customer_id === 'string' ? input.customer_id : undefined;
      return sendJson(
        res,
        200,
        this.checkoutPay(target, { fail: input.fail === true, method: input.method as CheckoutOptions['method'], customerId, prefill }),
        CORS,
      );
    }
    if (method === 'GET' && kind === 'quote') return sendJson(res, 200, this.#quote(url.searchParams), CORS);
    if (kind === 'payment_links' && id) {
      const link = this.#entity(this.paymentLinks, id, 'payment link');
      if (method === 'GET' && !action)
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(paymentLinkPage(link));
      if (method === 'POST' && action === 'pay') {
        const fields = this.payPaymentLink(id);
        const target = this.callbackUrlFor(id, fields);
        if (target) return void res.writeHead(303, { location: target }).end();
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!doctype html><title>Paid</title><p>Payment received.</p>');
      }
    }
    throw new ApiError(404, 'The requested URL was not found on the server.');
  }

  #quote(query: URLSearchParams): { amount: number; currency: string; description: string } {
    const orderId = query.get('order_id');
    if (orderId) {
      const order = this.#entity(this.orders, orderId, 'order');
      return { amount: Number(order.amount_due), currency: String(order.currency), description: String(order.receipt ?? '') };
    }
    const sub = this.#entity(this.subscriptions, query.get('subscription_id') ?? '', 'subscription');
    const plan = this.plans.get(String(sub.plan_id))!;
    return { amount: planAmount(plan) * Number(sub.quantity), currency: planCurrency(plan), description: String(itemOf(plan).name) };
  }

  // ---------------------------------------------------------------- customers, plans, orders

  #createCustomer(body: Body): Entity {
    allowOnly(body, ['name', 'email', 'contact', 'fail_existing', 'gstin', 'notes']);
    if (body.name !== undefined && (typeof body.name !== 'string' || body.name.length < 3 || body.name.length > 50))
      throw bad('The name must be between 3 and 50 characters.', 'name');
    if (body.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(String(body.email)))
      throw bad('The email must be a valid email address.', 'email');
    if (body.gstin !== undefined && body.gstin !== null && !/^[0-9]{2}[A-Z0-9]{13}$/.test(String(body.gstin)))
      throw bad('The gstin provided is invalid.', 'gstin');
    checkNotes(body.notes);
    const existing = [...this.customers.values()].find((c) => c.email === (body.email ?? null) && c.contact === (body.contact ?? null));
    if (existing) {
      if (['0', 0, false].includes(body.fail_existing as never)) return existing;
      throw bad('Customer already exists for the merchant', null);
    }
    return this.#put(this.customers, 'cust', {
      entity: 'customer',
      name: body.name ?? null,
      email: body.email ?? null,
      contact: body.contact === undefined ? null : String(body.contact),
      gstin: body.gstin ?? null,
      notes: body.notes ?? {},
    });
  }

  #createPlan(body: Body): Entity {
    allowOnly(body, ['period', 'interval', 'item', 'notes']);
    if (!['daily', 'weekly', 'monthly', 'yearly'].includes(String(body.period)))
      throw bad('The period field is required and must be one of daily, weekly, monthly, yearly.', 'period');
    const interval = body.interval;
    if (!Number.isInteger(interval) || (interval as number) < 1 || (body.period === 'daily' && (interval as number) < 7))
      throw bad('The interval must be an integer at least 1 (at least 7 for daily plans).', 'interval');
    const item = asObject(body.item);
    allowOnly(item, ['name', 'amount', 'currency', 'description'], 'item.');
    if (typeof item.name !== 'string' || !item.name) throw bad('The item.name field is required.', 'item.name');
    const currency = checkCurrency(item.currency, 'item.currency');
    checkAmount(item.amount, currency, 'item.amount');
    checkNotes(body.notes);
    const at = this.#now;
    return this.#put(this.plans, 'plan', {
      entity: 'plan',
      interval,
      period: body.period,
      item: {
        id: newId('item'),
        active: true,
        name: item.name,
        description: item.description ?? null,
        amount: item.amount,
        unit_amount: item.amount,
        currency,
        type: 'plan',
        unit: null,
        tax_inclusive: false,
        hsn_code: null,
        sac_code: null,
        tax_rate: null,
        tax_id: null,
        tax_group_id: null,
        created_at: at,
        updated_at: at,
      },
      notes: body.notes ?? {},
    });
  }

  #createOrder(body: Body): Entity {
    allowOnly(body, [
      'amount',
      'currency',
      'receipt',
      'notes',
      'partial_payment',
      'first_payment_min_amount',
      'customer_id',
      'method',
      'offer_id',
    ]);
    const currency = checkCurrency(body.currency ?? 'INR', 'currency');
    checkAmount(body.amount, currency, 'amount');
    if (body.receipt !== undefined && (typeof body.receipt !== 'string' || body.receipt.length > 40))
      throw bad('The receipt may not be greater than 40 characters.', 'receipt');
    checkNotes(body.notes);
    return this.#newOrder({ amount: body.amount, currency, receipt: body.receipt ?? null, notes: body.notes ?? {} });
  }

  #newOrder(fields: { amount: unknown; currency: unknown; receipt: unknown; notes: unknown }): Entity {
    return this.#put(this.orders, 'order', {
      entity: 'order',
      amount: fields.amount,
      amount_paid: 0,
      amount_due: fields.amount,
      currency: fields.currency,
      receipt: fields.receipt,
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: fields.notes ?? {},
    });
  }

  // ---------------------------------------------------------------- payments and refunds

  #newPayment(
    fields: { amount: unknown; currency: unknown; order_id?: unknown; invoice_id?: unknown; customer_id?: unknown; description?: unknown },
    method = 'card',
  ): Entity {
    const customer = typeof fields.customer_id === 'string' ? this.customers.get(fields.customer_id) : undefined;
    const cardId = method === 'card' ? newId('card') : null;
    return this.#put(this.payments, 'pay', {
      entity: 'payment',
      amount: fields.amount,
      currency: fields.currency,
      status: 'created',
      order_id: fields.order_id ?? null,
      invoice_id: fields.invoice_id ?? null,
      international: fields.currency !== 'INR',
      method,
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      description: fields.description ?? null,
      card_id: cardId,
      ...(cardId
        ? {
            card: {
              id: cardId,
              entity: 'card',
              name: customer?.name ?? 'Ada Lovelace',
              last4: '1111',
              network: 'Visa',
              type: 'credit',
              issuer: null,
              international: false,
              emi: false,
            },
          }
        : {}),
      bank: method === 'netbanking' ? 'HDFC' : null,
      wallet: method === 'wallet' ? 'paytm' : null,
      vpa: method === 'upi' ? 'success@razorpay' : null,
      email: customer?.email ?? 'void@razorpay.com',
      contact: customer?.contact ?? '+919000090000',
      customer_id: fields.customer_id ?? null,
      token_id: null,
      notes: {},
      fee: 0,
      tax: 0,
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      acquirer_data: { auth_code: String(100000 + Math.floor(Math.random() * 899999)) },
    });
  }

  #failPayment(payment: Entity): void {
    Object.assign(payment, {
      status: 'failed',
      error_code: 'BAD_REQUEST_ERROR',
      error_description: 'Payment failed because the card was declined by the bank.',
      error_source: 'bank',
      error_step: 'payment_authorization',
      error_reason: 'payment_declined',
    });
  }

  /** authorized → captured, order paid; emits what Razorpay emits, in its order. */
  #capture(payment: Entity, order: Entity | undefined, emitAuthorized = true): void {
    if (emitAuthorized) {
      payment.status = 'authorized';
      this.#emit('payment.authorized', { payment });
    }
    Object.assign(payment, {
      status: 'captured',
      captured: true,
      fee: Math.round(Number(payment.amount) * 0.02),
      tax: Math.round(Number(payment.amount) * 0.0036),
    });
    this.#emit('payment.captured', { payment });
    if (order) {
      Object.assign(order, { status: 'paid', amount_paid: order.amount, amount_due: 0 });
      this.#emit('order.paid', { payment, order });
    }
  }

  #capturePayment(id: string, body: Body): Entity {
    allowOnly(body, ['amount', 'currency']);
    const payment = this.#entity(this.payments, id, 'payment');
    if (payment.status === 'captured' || payment.status === 'refunded') throw bad('This payment has already been captured', null);
    if (payment.status !== 'authorized') throw bad('Only payments which have been authorized and not yet captured can be captured', null);
    if (body.amount !== payment.amount) throw bad('Capture amount must be equal to the amount authorized', 'amount');
    const order = typeof payment.order_id === 'string' ? this.orders.get(payment.order_id) : undefined;
    this.#capture(payment, order, false);
    return payment;
  }

  #refund(paymentId: string, body: Body): Entity {
    allowOnly(body, ['amount', 'speed', 'notes', 'receipt']);
    const payment = this.#entity(this.payments, paymentId, 'payment');
    if (!['captured', 'refunded'].includes(String(payment.status))) throw bad('The payment has not been captured yet', null);
    const left = Number(payment.amount) - Number(payment.amount_refunded);
    const amount = body.amount === undefined ? left : body.amount;
    if (!Number.isInteger(amount) || (amount as number) < 100) throw bad('The amount must be atleast INR 1.00', 'amount');
    if ((amount as number) > left) throw bad('The refund amount provided is greater than amount captured', 'amount');
    checkNotes(body.notes);
    const refund = this.#put(this.refunds, 'rfnd', {
      entity: 'refund',
      amount,
      currency: payment.currency,
      payment_id: payment.id,
      notes: body.notes ?? {},
      receipt: body.receipt ?? null,
      acquirer_data: { arn: null },
      batch_id: null,
      status: 'pending',
      speed_processed: 'normal',
      speed_requested: body.speed ?? 'normal',
    });
    const refunded = Number(payment.amount_refunded) + (amount as number);
    Object.assign(payment, {
      amount_refunded: refunded,
      refund_status: refunded === payment.amount ? 'full' : 'partial',
      status: refunded === payment.amount ? 'refunded' : 'captured',
    });
    this.#emit('refund.created', { refund, payment });
    Object.assign(refund, { status: 'processed', acquirer_data: { arn: `ARN${Date.now()}` } });
    this.#emit('refund.processed', { refund, payment });
    return refund;
  }

  #paymentRefund(paymentId: string, refundId: string): Entity {
    const refund = this.#entity(this.refunds, refundId, 'refund');
    if (refund.payment_id !== this.#entity(this.payments, paymentId, 'payment').id) throw bad('The id provided does not exist', 'id');
    return refund;
  }

  #payOrder(orderId: string, options: CheckoutOptions): CheckoutHandlerFields | CheckoutFailure {
    const order = this.#entity(this.orders, orderId, 'order');
    if (order.status === 'paid') throw bad('Order has already been paid', 'order_id');
    order.status = 'attempted';
    order.attempts = Number(order.attempts) + 1;
    const payment = this.#newPayment(
      { amount: order.amount, currency: order.currency, order_id: order.id, description: order.receipt },
      options.method,
    );
    if (options.fail) {
      this.#failPayment(payment);
      this.#emit('payment.failed', { payment });
      return this.#failure(payment, { order_id: order.id });
    }
    if (options.autoCapture === false) {
      payment.status = 'authorized';
      this.#emit('payment.authorized', { payment });
    } else this.#capture(payment, order);
    return {
      razorpay_payment_id: payment.id,
      razorpay_order_id: order.id,
      razorpay_signature: hmac(options.badSignature ? 'not-the-key-secret' : this.keySecret, `${order.id}|${payment.id}`),
    };
  }

  #failure(payment: Entity, metadata: { order_id?: string; subscription_id?: string }): CheckoutFailure {
    return {
      error: {
        code: String(payment.error_code),
        description: String(payment.error_description),
        source: String(payment.error_source),
        step: String(payment.error_step),
        reason: String(payment.error_reason),
        metadata: { payment_id: payment.id, ...metadata },
      },
    };
  }

  // ---------------------------------------------------------------- subscriptions

  #createSubscription(body: Body): Entity {
    // No customer_id: Razorpay fills it in when the customer authorises the subscription in Checkout.
    allowOnly(body, [
      'plan_id',
      'total_count',
      'customer_notify',
      'quantity',
      'start_at',
      'expire_by',
      'addons',
      'notes',
      'offer_id',
      'notify_info',
    ]);
    const plan = this.plans.get(String(body.plan_id));
    if (!plan) throw bad('The id provided does not exist', 'plan_id');
    if (!Number.isInteger(body.total_count) || (body.total_count as number) < 1)
      throw bad('The total count field is required and must be at least 1.', 'total_count');
    const quantity = body.quantity ?? 1;
    if (!Number.isInteger(quantity) || (quantity as number) < 1) throw bad('The quantity must be at least 1.', 'quantity');
    if (body.start_at !== undefined && (!Number.isInteger(body.start_at) || (body.start_at as number) <= this.#now))
      throw bad('start_at cannot be lesser than the current time', 'start_at');
    checkNotes(body.notes);
    const startAt = (body.start_at as number | undefined) ?? this.#now;
    const sub = this.#put(this.subscriptions, 'sub', {
      entity: 'subscription',
      plan_id: plan.id,
      customer_id: null,
      status: 'created',
      current_start: null,
      current_end: null,
      ended_at: null,
      quantity,
      notes: body.notes ?? {},
      charge_at: body.start_at ?? null,
      start_at: startAt,
      end_at: addPeriods(startAt, plan, body.total_count as number),
      auth_attempts: 0,
      total_count: body.total_count,
      paid_count: 0,
      customer_notify: body.customer_notify ?? true,
      expire_by: body.expire_by ?? null,
      short_url: '',
      has_scheduled_changes: false,
      change_scheduled_at: null,
      source: 'api',
      payment_method: null,
      offer_id: body.offer_id ?? null,
      remaining_count: body.total_count,
    });
    sub.short_url = `${this.url}/v1/standin/subscriptions/${sub.id}`;
    return sub;
  }

  #paySubscription(subscriptionId: string, options: CheckoutOptions): CheckoutHandlerFields | CheckoutFailure {
    const sub = this.#entity(this.subscriptions, subscriptionId, 'subscription');
    if (sub.status !== 'created') throw bad(`Subscription is ${String(sub.status)}; it cannot be authenticated again`, 'subscription_id');
    const plan = this.plans.get(String(sub.plan_id))!;
    sub.customer_id = this.#customerFor(options);
    const deferred = typeof sub.charge_at === 'number' && sub.charge_at > this.#now;
    const amount = deferred ? 100 : planAmount(plan) * Number(sub.quantity);
    if (options.fail) {
      const payment = this.#newPayment(
        { amount, currency: planCurrency(plan), customer_id: sub.customer_id, description: itemOf(plan).name },
        options.method,
      );
      this.#failPayment(payment);
      sub.auth_attempts = Number(sub.auth_attempts) + 1;
      this.#emit('payment.failed', { payment });
      return this.#failure(payment, { subscription_id: sub.id });
    }
    let payment: Entity;
    sub.payment_method = options.method ?? 'card';
    if (deferred) {
      // Start in the future: only the ₹1 authorisation now (refunded by Razorpay), the first charge at start_at.
      payment = this.#newPayment(
        { amount, currency: planCurrency(plan), customer_id: sub.customer_id, description: 'Authorisation' },
        options.method,
      );
      payment.status = 'authorized';
      sub.status = 'authenticated';
      this.#emit('payment.authorized', { payment });
      this.#emit('subscription.authenticated', { subscription: sub, payment });
    } else {
      sub.status = 'authenticated';
      this.#emit('subscription.authenticated', { subscription: sub });
      Object.assign(sub, { start_at: this.#now, end_at: addPeriods(this.#now, plan, Number(sub.total_count)) });
      payment = this.#chargeCycle(sub, plan, this.#now, options.method);
      this.#emit('subscription.activated', { subscription: sub, payment });
      this.#emit('subscription.charged', { subscription: sub, payment });
      this.#completeIfDone(sub);
    }
    return {
      razorpay_payment_id: payment.id,
      razorpay_subscription_id: sub.id,
      razorpay_signature: hmac(options.badSignature ? 'not-the-key-secret' : this.keySecret, `${payment.id}|${sub.id}`),
    };
  }

  /** Razorpay links the customer at authorisation (subscriptions take no customer_id at create). */
  #customerFor({ customerId, prefill = {} }: CheckoutOptions): string {
    if (customerId) return this.#entity(this.customers, customerId, 'customer').id;
    const email = prefill.email ?? 'void@razorpay.com';
    const known = [...this.customers.values()].find((c) => c.email === email);
    if (known) return known.id;
    return this.#put(this.customers, 'cust', {
      entity: 'customer',
      name: prefill.name ?? null,
      email,
      contact: prefill.contact ?? '+919000090000',
      gstin: null,
      notes: {},
    }).id;
  }

  /** One paid cycle from `start`: Razorpay's invoice and order, the captured payment, the period and counts. */
  #chargeCycle(sub: Entity, plan: Entity, start: number, method?: string): Entity {
    const amount = planAmount(plan) * Number(sub.quantity);
    const currency = planCurrency(plan);
    const end = addPeriods(start, plan, 1, anchorDayOf(sub));
    const order = this.#newOrder({ amount, currency, receipt: null, notes: {} });
    const invoice = this.#put(this.invoices, 'inv', {
      entity: 'invoice',
      type: 'invoice',
      customer_id: sub.customer_id,
      order_id: order.id,
      subscription_id: sub.id,
      payment_id: null,
      status: 'issued',
      amount,
      amount_paid: 0,
      amount_due: amount,
      currency,
      billing_start: start,
      billing_end: end,
      paid_at: null,
    });
    const payment = this.#newPayment(
      { amount, currency, order_id: order.id, invoice_id: invoice.id, customer_id: sub.customer_id, description: itemOf(plan).name },
      method,
    );
    this.#capture(payment, order);
    Object.assign(invoice, { payment_id: payment.id, status: 'paid', amount_paid: amount, amount_due: 0, paid_at: this.#now });
    const paid = Number(sub.paid_count) + 1;
    Object.assign(sub, {
      status: 'active',
      current_start: start,
      current_end: end,
      charge_at: end,
      paid_count: paid,
      auth_attempts: 0,
      remaining_count: Number(sub.total_count) - paid,
    });
    return payment;
  }

  #completeIfDone(sub: Entity): void {
    if (Number(sub.paid_count) < Number(sub.total_count)) return;
    Object.assign(sub, { status: 'completed', ended_at: this.#now, charge_at: null });
    this.#emit('subscription.completed', { subscription: sub });
  }

  #updateSubscription(id: string, body: Body): Entity {
    allowOnly(body, ['plan_id', 'offer_id', 'quantity', 'remaining_count', 'start_at', 'schedule_change_at', 'customer_notify']);
    const sub = this.#entity(this.subscriptions, id, 'subscription');
    if (!['active', 'authenticated'].includes(String(sub.status)))
      throw bad(`Subscription cannot be updated when it is in ${String(sub.status)} state`, null);
    const when = body.schedule_change_at ?? 'now';
    if (when !== 'now' && when !== 'cycle_end') throw bad('The selected schedule change at is invalid.', 'schedule_change_at');
    if (body.plan_id !== undefined) {
      const plan = this.plans.get(String(body.plan_id));
      if (!plan) throw bad('The id provided does not exist', 'plan_id');
      if (planCurrency(plan) !== planCurrency(this.plans.get(String(sub.plan_id))!))
        throw bad('Currency of the new plan should be same as the old plan', 'plan_id');
    }
    const { schedule_change_at: _when, ...change } = body;
    if (when === 'cycle_end') {
      this.#scheduled.set(id, change);
      Object.assign(sub, { has_scheduled_changes: true, change_scheduled_at: sub.current_end ?? sub.charge_at });
      return sub;
    }
    this.#apply(sub, change);
    return sub;
  }

  #apply(sub: Entity, change: Body): void {
    Object.assign(sub, change, { has_scheduled_changes: false, change_scheduled_at: null });
    if (change.remaining_count !== undefined) sub.total_count = Number(sub.paid_count) + Number(change.remaining_count);
    this.#emit('subscription.updated', { subscription: sub });
  }

  #applyScheduled(sub: Entity): void {
    const change = this.#scheduled.get(sub.id);
    if (!change) return;
    this.#scheduled.delete(sub.id);
    this.#apply(sub, change);
  }

  #pendingUpdate(id: string): Entity {
    const sub = this.#entity(this.subscriptions, id, 'subscription');
    const change = this.#scheduled.get(id);
    if (!change) throw bad('Subscription does not have any scheduled changes', null);
    return { ...sub, ...change };
  }

  #cancelScheduled(id: string): Entity {
    const sub = this.#entity(this.subscriptions, id, 'subscription');
    this.#scheduled.delete(id);
    return Object.assign(sub, { has_scheduled_changes: false, change_scheduled_at: null });
  }

  #cancelSubscription(id: string, body: Body): Entity {
    allowOnly(body, ['cancel_at_cycle_end']);
    const sub = this.#entity(this.subscriptions, id, 'subscription');
    if (['cancelled', 'completed', 'expired'].includes(String(sub.status)))
      throw bad(`Subscription cannot be cancelled since it is already ${String(sub.status)}`, null);
    const atCycleEnd = [1, '1', true].includes(body.cancel_at_cycle_end as never);
    if (atCycleEnd && sub.status === 'active') {
      this.#cancelAtCycleEnd.add(id);
      return sub;
    }
    this.#cancelAtCycleEnd.delete(id);
    this.#scheduled.delete(id);
    Object.assign(sub, {
      status: 'cancelled',
      ended_at: this.#now,
      charge_at: null,
      has_scheduled_changes: false,
      change_scheduled_at: null,
    });
    this.#emit('subscription.cancelled', { subscription: sub });
    return sub;
  }

  #pause(id: string, body: Body): Entity {
    allowOnly(body, ['pause_at']);
    if ((body.pause_at ?? 'now') !== 'now') throw bad('The selected pause at is invalid.', 'pause_at');
    const sub = this.#entity(this.subscriptions, id, 'subscription');
    if (sub.status === 'authenticated') {
      Object.assign(sub, { status: 'cancelled', ended_at: this.#now, charge_at: null });
      this.#emit('subscription.cancelled', { subscription: sub });
      return sub;
    }
    if (sub.status !== 'active') throw bad(`Subscription cannot be paused in ${String(sub.status)} state`, null);
    Object.assign(sub, { status: 'paused', paused_at: this.#now, pause_initiated_by: 'self', charge_at: null });
    this.#emit('subscription.paused', { subscription: sub });
    return sub;
  }

  #resume(id: string, body: Body): Entity {
    allowOnly(body, ['resume_at']);
    if ((body.resume_at ?? 'now') !== 'now') throw bad('The selected resume at is invalid.', 'resume_at');
    const sub = this.#entity(this.subscriptions, id, 'subscription');
    if (sub.status !== 'paused') throw bad(`Subscription cannot be resumed in ${String(sub.status)} state`, null);
    Object.assign(sub, {
      status: 'active',
      paused_at: null,
      pause_initiated_by: null,
      charge_at: Math.max(Number(sub.current_end ?? 0), this.#now),
    });
    this.#emit('subscription.resumed', { subscription: sub });
    return sub;
  }

  // ---------------------------------------------------------------- payment links

  #createPaymentLink(body: Body): Entity {
    allowOnly(body, [
      'upi_link',
      'amount',
      'currency',
      'accept_partial',
      'first_min_partial_amount',
      'expire_by',
      'reference_id',
      'description',
      'customer',
      'notify',
      'reminder_enable',
      'notes',
      'callback_url',
      'callback_method',
      'options',
    ]);
    const currency = checkCurrency(body.currency ?? 'INR', 'currency');
    checkAmount(body.amount, currency, 'amount');
    if (body.reference_id !== undefined) {
      if (typeof body.reference_id !== 'string' || body.reference_id.length > 40)
        throw bad('The reference id may not be greater than 40 characters.', 'reference_id');
      if ([...this.paymentLinks.values()].some((l) => l.reference_id === body.reference_id && l.status !== 'cancelled'))
        throw bad(`Payment Link with reference_id ${body.reference_id} already exists`, 'reference_id');
    }
    if (body.callback_url !== undefined && body.callback_method !== 'get')
      throw bad('callback_method should be get when callback_url is passed', 'callback_method');
    if (body.expire_by !== undefined && (!Number.isInteger(body.expire_by) || (body.expire_by as number) < this.#now + 15 * 60))
      throw bad('expire_by should be at least 15 minutes after current time', 'expire_by');
    checkNotes(body.notes);
    const link = this.#put(this.paymentLinks, 'plink', {
      amount: body.amount,
      amount_paid: 0,
      currency,
      accept_partial: body.accept_partial ?? false,
      cancelled_at: 0,
      expired_at: 0,
      customer: body.customer ?? {},
      description: body.description ?? '',
      expire_by: body.expire_by ?? 0,
      first_min_partial_amount: 0,
      notes: body.notes ?? null,
      notify: { email: false, sms: false, whatsapp: false, ...asObject(body.notify) },
      payments: null,
      reference_id: body.reference_id ?? '',
      reminder_enable: body.reminder_enable ?? false,
      reminders: [],
      short_url: '',
      status: 'created',
      updated_at: this.#now,
      upi_link: body.upi_link ?? false,
      user_id: '',
      callback_url: body.callback_url ?? '',
      callback_method: body.callback_method ?? '',
    });
    link.short_url = `${this.url}/v1/standin/payment_links/${link.id}`;
    return link;
  }

  #cancelPaymentLink(id: string): Entity {
    const link = this.#entity(this.paymentLinks, id, 'payment link');
    if (link.status !== 'created') throw bad(`Payment link cannot be cancelled as it is already ${String(link.status)}`, null);
    Object.assign(link, { status: 'cancelled', cancelled_at: this.#now, updated_at: this.#now });
    this.#emit('payment_link.cancelled', { payment_link: link });
    return link;
  }

  // ---------------------------------------------------------------- helpers

  #put(map: Map<string, Entity>, prefix: string, fields: Body): Entity {
    const entity = { id: newId(prefix), ...fields, created_at: this.#now } as Entity;
    map.set(entity.id, entity);
    return entity;
  }

  #entity(map: Map<string, Entity>, id: string, kind: string): Entity {
    const entity = map.get(id);
    if (!entity) throw new ApiError(400, `The id provided does not exist`, 'id', 'BAD_REQUEST_ERROR', kind);
    return entity;
  }

  /** Razorpay's collection: newest first, `count` (default 10, max 100) from `skip`, `from`/`to` on created_at. */
  #collection(map: Map<string, Entity>, query: URLSearchParams, keep: (e: Entity) => boolean = () => true): unknown {
    const count = Math.min(100, Number(query.get('count') ?? 10) || 10);
    const skip = Number(query.get('skip') ?? 0) || 0;
    const from = Number(query.get('from') ?? 0) || 0;
    const to = Number(query.get('to') ?? 0) || Infinity;
    const items = [...map.values()]
      .filter((e) => keep(e) && e.created_at >= from && e.created_at <= to)
      .reverse()
      .slice(skip, skip + count);
    return { entity: 'collection', count: items.length, items };
  }

  /** Appends a webhook event whose payload is a snapshot of the entities now. */
  #emit(event: string, entities: Record<string, Entity>): void {
    this.events.push({
      id: newId('evt'),
      entity: 'event',
      account_id: this.accountId,
      event,
      contains: Object.keys(entities),
      payload: Object.fromEntries(Object.entries(entities).map(([key, entity]) => [key, { entity: structuredClone(entity) }])),
      created_at: this.#now,
    });
  }
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

function newId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `${prefix}_${[...randomBytes(14)].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

function webhookBody({ id: _id, ...body }: FakeRazorpayEvent): string {
  return JSON.stringify(body);
}

function itemOf(plan: Entity): { name: string; amount: number; currency: string } {
  return plan.item as { name: string; amount: number; currency: string };
}
const planAmount = (plan: Entity) => itemOf(plan).amount;
const planCurrency = (plan: Entity) => itemOf(plan).currency;

/**
 * `start` plus `n` of the plan's periods. Months and years are calendar ones in UTC, on the billing anchor day
 * (the subscription's first day of month), clamped to short months: Jan 31 → Feb 28 → Mar 31.
 */
function addPeriods(start: number, plan: Entity, n: number, anchorDay?: number): number {
  const steps = Number(plan.interval) * n;
  if (plan.period === 'daily') return start + steps * 86_400;
  if (plan.period === 'weekly') return start + steps * 7 * 86_400;
  const date = new Date(start * 1000);
  const months = date.getUTCMonth() + (plan.period === 'monthly' ? steps : steps * 12);
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  date.setUTCFullYear(year, month, Math.min(anchorDay ?? date.getUTCDate(), lastDay));
  return Math.floor(date.getTime() / 1000);
}

const anchorDayOf = (sub: Entity) => new Date(Number(sub.start_at) * 1000).getUTCDate();

function allowOnly(body: Body, allowed: readonly string[], prefix = ''): void {
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length) throw bad(`${extra.map((k) => prefix + k).join(', ')} is/are not required and should not be sent`, prefix + extra[0]);
}

function checkCurrency(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value))
    throw bad('The currency field is required and must be a valid currency.', field);
  return value;
}

function checkAmount(value: unknown, currency: string, field: string): void {
  const min = MIN_AMOUNT[currency] ?? 100;
  if (!Number.isInteger(value)) throw bad('The amount must be an integer.', field);
  if ((value as number) < min) throw bad(`The amount must be atleast ${currency} ${(min / 100).toFixed(2)}`, field);
}

function checkNotes(notes: unknown): void {
  if (notes === undefined) return;
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) throw bad('The notes must be an object.', 'notes');
  const entries = Object.entries(notes);
  if (entries.length > 15) throw bad('Number of notes should not be more than 15', 'notes');
  if (entries.some(([, v]) => String(v).length > 256)) throw bad('The notes value may not be greater than 256 characters.', 'notes');
}

function asObject(value: unknown): Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : {};
}

/** JSON (what the SDK sends) or a form body (what Razorpay also accepts, and the payment link page posts). */
function parseBody(raw: Buffer, type: string | undefined): unknown {
  if (raw.length === 0) return {};
  if (type?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw bad('The request body is not valid JSON.', null);
  }
}

function errorBody(e: ApiError): unknown {
  return {
    error: {
      code: e.code,
      description: e.description,
      source: e.status === 400 ? 'business' : 'NA',
      step: 'NA',
      reason: e.status === 400 ? 'input_validation_failed' : 'NA',
      metadata: {},
      field: e.field,
    },
  };
}

function shuffleInPlace<T>(list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length, ...headers });
  res.end(payload);
}
