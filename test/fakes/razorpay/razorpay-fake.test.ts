import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import {
  createRazorpayClient,
  verifyOrderPayment,
  verifyPaymentLink,
  verifySubscriptionPayment,
  verifyWebhook,
  type RazorpayClient,
} from '../../../core/billing/razorpay';
import { MAX_CHARGE_ATTEMPTS, RazorpayFake, type CheckoutHandlerFields } from './razorpay-fake';

const DAY = 86_400;
const START = Date.UTC(2026, 0, 31, 10, 0, 0) / 1000; // Jan 31: the monthly period ends on Feb 28 (calendar months)

/** The SDK rejects with `{ statusCode, error }`; this returns it (and fails the test if the call succeeded). */
async function sdkError(
  call: Promise<unknown>,
): Promise<{ statusCode: number; error: { code: string; description: string; field: string | null } }> {
  try {
    await call;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the call to fail');
}

describe('RazorpayFake (real razorpay SDK at the wire)', () => {
  let fake: RazorpayFake;
  let rzp: RazorpayClient;
  beforeAll(async () => {
    fake = await new RazorpayFake({ now: START }).start();
    rzp = createRazorpayClient({ keyId: fake.keyId, keySecret: fake.keySecret, apiUrl: fake.url });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const events = () => fake.events.map((e) => e.event);
  const planOf = (amount: number, period: 'monthly' | 'yearly' = 'monthly', name = 'Pro monthly') =>
    rzp.plans.create({ period, interval: 1, item: { name, amount, currency: 'INR' }, notes: { atelier_plan: name } });

  it('refuses a wrong key or secret with 401 and a missing one too, in Razorpay error shape', async () => {
    const wrong = createRazorpayClient({ keyId: fake.keyId, keySecret: 'nope', apiUrl: fake.url });
    expect(await sdkError(wrong.plans.all())).toMatchObject({
      statusCode: 401,
      error: { code: 'BAD_REQUEST_ERROR', description: 'The api key provided is invalid' },
    });
    const other = createRazorpayClient({ keyId: 'rzp_test_other', keySecret: fake.keySecret, apiUrl: fake.url });
    expect((await sdkError(other.plans.all())).statusCode).toBe(401);
    const anonymous = await fetch(`${fake.url}/v1/plans`);
    expect([anonymous.status, ((await anonymous.json()) as { error: { code: string } }).error.code]).toEqual([401, 'BAD_REQUEST_ERROR']);
    expect((await rzp.plans.all()).items).toEqual([]);
  });

  it('creates a customer once: fail_existing 0 returns it, the default refuses; unknown fields are refused', async () => {
    const input = { name: 'Ada Lovelace', email: 'ada@example.com', contact: '+919876543210', notes: { atelier_user: 'u1' } };
    const ada = await rzp.customers.create({ ...input, fail_existing: 0 });
    expect(ada).toMatchObject({
      entity: 'customer',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      gstin: null,
      notes: { atelier_user: 'u1' },
    });
    expect(ada.id).toMatch(/^cust_[A-Za-z0-9]{14}$/);
    expect((await rzp.customers.create({ ...input, fail_existing: 0 })).id).toBe(ada.id);
    expect(await sdkError(rzp.customers.create(input))).toMatchObject({
      statusCode: 400,
      error: { description: 'Customer already exists for the merchant' },
    });
    expect((await rzp.customers.fetch(ada.id)).email).toBe('ada@example.com');
    expect(await sdkError(rzp.customers.create({ name: 'Bob Smith', shoe_size: 9 } as never))).toMatchObject({
      statusCode: 400,
      error: { code: 'BAD_REQUEST_ERROR', description: 'shoe_size is/are not required and should not be sent', field: 'shoe_size' },
    });
    expect((await sdkError(rzp.customers.fetch('cust_missing000000001'))).error.field).toBe('id');
  });

  it('creates, fetches and lists plans (newest first), validating period and amount', async () => {
    const monthly = await planOf(49900);
    const yearly = await planOf(499000, 'yearly', 'Pro yearly');
    expect(monthly).toMatchObject({
      entity: 'plan',
      period: 'monthly',
      interval: 1,
      item: { name: 'Pro monthly', amount: 49900, currency: 'INR' },
      created_at: START,
    });
    expect(monthly.id).toMatch(/^plan_/);
    expect((await rzp.plans.fetch(yearly.id)).item.amount).toBe(499000);
    expect((await rzp.plans.all()).items.map((p) => p.id)).toEqual([yearly.id, monthly.id]);
    expect((await rzp.plans.all({ count: 1, skip: 1 })).items.map((p) => p.id)).toEqual([monthly.id]);
    expect(
      (await sdkError(rzp.plans.create({ period: 'hourly' as never, interval: 1, item: { name: 'x', amount: 100, currency: 'INR' } })))
        .error.field,
    ).toBe('period');
    expect((await sdkError(planOf(99))).error).toMatchObject({ field: 'item.amount', description: 'The amount must be atleast INR 1.00' });
  });

  it('order → Checkout → a signature verifyOrderPayment accepts; the order is paid and the payment captured', async () => {
    const order = await rzp.orders.create({ amount: 59000, currency: 'INR', receipt: 'proration-1', notes: { purpose: 'proration' } });
    expect(order).toMatchObject({ entity: 'order', status: 'created', amount_due: 59000, receipt: 'proration-1' });
    const again = await rzp.orders.create({ amount: 59000, currency: 'INR', receipt: 'proration-1' }); // Razorpay allows a repeated receipt
    expect(again.id).not.toBe(order.id);
    const fields = fake.checkoutPay({ orderId: order.id });
    expect(Object.keys(fields).sort()).toEqual(['razorpay_order_id', 'razorpay_payment_id', 'razorpay_signature']);
    const check = { orderId: fields.razorpay_order_id!, paymentId: fields.razorpay_payment_id, signature: fields.razorpay_signature };
    expect(verifyOrderPayment(fake.keySecret, check)).toBe(true);
    expect(verifyOrderPayment('another-secret', check)).toBe(false);
    expect(await rzp.orders.fetch(order.id)).toMatchObject({ status: 'paid', amount_paid: 59000, amount_due: 0 });
    expect(await rzp.payments.fetch(fields.razorpay_payment_id)).toMatchObject({
      status: 'captured',
      captured: true,
      order_id: order.id,
      amount: 59000,
    });
    expect((await rzp.orders.fetchPayments(order.id)).items.map((p: { id: string }) => p.id)).toEqual([fields.razorpay_payment_id]);
    expect(events()).toEqual(['payment.authorized', 'payment.captured', 'order.paid']);
    expect(fake.events[2]).toMatchObject({
      entity: 'event',
      account_id: fake.accountId,
      contains: ['payment', 'order'],
      created_at: START,
    });
    expect(() => fake.checkoutPay({ orderId: order.id })).toThrow('Order has already been paid');

    const other = await rzp.orders.create({ amount: 10000, currency: 'INR' });
    const forged = fake.checkoutPay({ orderId: other.id }, { badSignature: true });
    expect(
      verifyOrderPayment(fake.keySecret, {
        orderId: other.id,
        paymentId: forged.razorpay_payment_id,
        signature: forged.razorpay_signature,
      }),
    ).toBe(false);
  });

  it('a failed Checkout leaves the order attempted with a failed payment; an authorized payment captures once', async () => {
    const order = await rzp.orders.create({ amount: 10000, currency: 'INR' });
    const failure = fake.checkoutPay({ orderId: order.id }, { fail: true });
    expect(failure.error).toMatchObject({
      code: 'BAD_REQUEST_ERROR',
      source: 'bank',
      reason: 'payment_declined',
      metadata: { order_id: order.id },
    });
    expect(await rzp.payments.fetch(failure.error.metadata.payment_id)).toMatchObject({
      status: 'failed',
      error_reason: 'payment_declined',
    });
    expect(await rzp.orders.fetch(order.id)).toMatchObject({ status: 'attempted', attempts: 1 });
    const held = fake.checkoutPay({ orderId: order.id }, { autoCapture: false });
    expect((await rzp.payments.fetch(held.razorpay_payment_id)).status).toBe('authorized');
    expect((await rzp.payments.capture(held.razorpay_payment_id, 10000, 'INR')).status).toBe('captured');
    expect((await sdkError(rzp.payments.capture(held.razorpay_payment_id, 10000, 'INR'))).error.description).toBe(
      'This payment has already been captured',
    );
    expect((await rzp.orders.fetch(order.id)).status).toBe('paid');
    expect(events()).toEqual(['payment.failed', 'payment.authorized', 'payment.captured', 'order.paid']);
  });

  it('subscription: created → Checkout → active with its first period, paid_count 1 and a charged payment', async () => {
    const plan = await planOf(49900);
    const customer = await rzp.customers.create({ name: 'Ada Lovelace', email: 'ada@example.com', fail_existing: 0 });
    const notes = { atelier_subscriber_kind: 'user', atelier_subscriber_id: 'u1', atelier_plan: 'pro-monthly' };
    expect(
      (await sdkError(rzp.subscriptions.create({ plan_id: plan.id, total_count: 12, customer_id: customer.id } as never))).error.field,
    ).toBe('customer_id');
    const created = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12, notes });
    expect(created).toMatchObject({
      entity: 'subscription',
      status: 'created',
      plan_id: plan.id,
      customer_id: null,
      paid_count: 0,
      notes,
      current_start: null,
    });
    expect(created.short_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const fields = fake.checkoutPay({ subscriptionId: created.id }, { customerId: customer.id });
    expect(Object.keys(fields).sort()).toEqual(['razorpay_payment_id', 'razorpay_signature', 'razorpay_subscription_id']);
    const check = { paymentId: fields.razorpay_payment_id, subscriptionId: created.id, signature: fields.razorpay_signature };
    expect(verifySubscriptionPayment(fake.keySecret, check)).toBe(true);
    expect(verifySubscriptionPayment(fake.keySecret, { ...check, subscriptionId: 'sub_Other000000001' })).toBe(false);
    const sub = await rzp.subscriptions.fetch(created.id);
    const feb28 = Date.UTC(2026, 1, 28, 10, 0, 0) / 1000;
    expect(sub).toMatchObject({
      status: 'active',
      customer_id: customer.id,
      current_start: START,
      current_end: feb28,
      charge_at: feb28,
      paid_count: 1,
      remaining_count: 11,
      auth_attempts: 0,
    });
    const payment = await rzp.payments.fetch(fields.razorpay_payment_id);
    expect(payment).toMatchObject({ status: 'captured', amount: 49900, currency: 'INR', customer_id: customer.id });
    const invoice = await (
      rzp as unknown as { invoices: { fetch(id: string): Promise<{ subscription_id: string; payment_id: string }> } }
    ).invoices.fetch(payment.invoice_id!);
    expect(invoice).toMatchObject({ subscription_id: created.id, payment_id: payment.id });
    expect(events()).toEqual([
      'subscription.authenticated',
      'payment.authorized',
      'payment.captured',
      'order.paid',
      'subscription.activated',
      'subscription.charged',
    ]);
    const charged = fake.events.at(-1)!;
    expect(charged.contains).toEqual(['subscription', 'payment']);
    expect(charged.payload.subscription!.entity).toMatchObject({ id: created.id, status: 'active', paid_count: 1 });
    expect(charged.payload.payment!.entity).toMatchObject({ id: payment.id, status: 'captured' });
    expect((await rzp.subscriptions.all({ plan_id: plan.id })).items.map((s) => s.id)).toEqual([created.id]);
    const second = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
    const forged = fake.checkoutPay({ subscriptionId: second.id }, { badSignature: true });
    expect(
      verifySubscriptionPayment(fake.keySecret, {
        paymentId: forged.razorpay_payment_id,
        subscriptionId: second.id,
        signature: forged.razorpay_signature,
      }),
    ).toBe(false);
  });

  it('pause and resume an active subscription; cancel at cycle end waits for the renewal; cancel now ends it', async () => {
    const plan = await planOf(49900);
    const sub = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
    expect((await sdkError(rzp.subscriptions.pause(sub.id, { pause_at: 'now' }))).error.description).toBe(
      'Subscription cannot be paused in created state',
    );
    fake.checkoutPay({ subscriptionId: sub.id });
    fake.events.length = 0;
    expect(await rzp.subscriptions.pause(sub.id, { pause_at: 'now' })).toMatchObject({
      status: 'paused',
      paused_at: START,
      pause_initiated_by: 'self',
    });
    expect((await sdkError(rzp.subscriptions.pause(sub.id, { pause_at: 'now' }))).statusCode).toBe(400);
    fake.advanceClock(3 * DAY);
    expect(await rzp.subscriptions.resume(sub.id, { resume_at: 'now' })).toMatchObject({ status: 'active', paused_at: null });
    const active = await rzp.subscriptions.cancel(sub.id, true);
    expect(active.status).toBe('active'); // Razorpay keeps it active until the cycle ends
    expect(fake.chargeSubscription(sub.id)).toBeNull();
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({ status: 'cancelled', ended_at: START + 3 * DAY, paid_count: 1 });
    expect(events()).toEqual(['subscription.paused', 'subscription.resumed', 'subscription.cancelled']);
    expect((await sdkError(rzp.subscriptions.cancel(sub.id))).error.description).toBe(
      'Subscription cannot be cancelled since it is already cancelled',
    );

    const other = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
    fake.checkoutPay({ subscriptionId: other.id });
    expect(await rzp.subscriptions.cancel(other.id, false)).toMatchObject({ status: 'cancelled', ended_at: fake.now });
  });

  it('updates the plan now, or at cycle end (pendingUpdate shows it; the renewal applies it and charges the new price)', async () => {
    const pro = await planOf(49900);
    const team = await planOf(149900, 'monthly', 'Team monthly');
    const sub = await rzp.subscriptions.create({ plan_id: pro.id, total_count: 12 });
    fake.checkoutPay({ subscriptionId: sub.id });
    expect((await sdkError(rzp.subscriptions.pendingUpdate(sub.id))).error.description).toBe(
      'Subscription does not have any scheduled changes',
    );
    const scheduled = await rzp.subscriptions.update(sub.id, { plan_id: team.id, schedule_change_at: 'cycle_end' });
    expect(scheduled).toMatchObject({ plan_id: pro.id, has_scheduled_changes: true, change_scheduled_at: scheduled.current_end });
    expect((await rzp.subscriptions.pendingUpdate(sub.id)).plan_id).toBe(team.id);
    fake.events.length = 0;
    const renewal = fake.chargeSubscription(sub.id)!;
    expect(renewal).toMatchObject({ amount: 149900, status: 'captured' });
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({ plan_id: team.id, has_scheduled_changes: false, paid_count: 2 });
    expect(events()).toEqual(['subscription.updated', 'payment.authorized', 'payment.captured', 'order.paid', 'subscription.charged']);
    expect(await rzp.subscriptions.update(sub.id, { plan_id: pro.id, schedule_change_at: 'now' })).toMatchObject({
      plan_id: pro.id,
      has_scheduled_changes: false,
    });
    const usd = await rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Pro USD', amount: 900, currency: 'USD' } });
    expect((await sdkError(rzp.subscriptions.update(sub.id, { plan_id: usd.id }))).error.field).toBe('plan_id');
  });

  it('renewals: a paid one advances the period; failures → pending → halted; a later charge reactivates; completes at total_count', async () => {
    const plan = await planOf(49900);
    const sub = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 3 });
    fake.checkoutPay({ subscriptionId: sub.id });
    const first = await rzp.subscriptions.fetch(sub.id);
    fake.now = first.current_end!;
    fake.chargeSubscription(sub.id);
    const second = await rzp.subscriptions.fetch(sub.id);
    expect(second).toMatchObject({ status: 'active', current_start: first.current_end, paid_count: 2, remaining_count: 1 });
    expect(second.current_end).toBe(Date.UTC(2026, 2, 31, 10, 0, 0) / 1000);

    fake.now = second.current_end!;
    fake.events.length = 0;
    const failed = fake.chargeSubscription(sub.id, { fail: true })!;
    expect(failed.status).toBe('failed');
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({
      status: 'pending',
      auth_attempts: 1,
      current_end: second.current_end,
      paid_count: 2,
    });
    expect(events()).toEqual(['payment.failed', 'subscription.pending']);
    for (let attempt = 2; attempt <= MAX_CHARGE_ATTEMPTS; attempt++) fake.chargeSubscription(sub.id, { fail: true });
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({ status: 'halted', auth_attempts: MAX_CHARGE_ATTEMPTS });
    expect(events().filter((e) => e.startsWith('subscription.'))).toEqual(['subscription.pending', 'subscription.halted']);

    fake.events.length = 0;
    fake.chargeSubscription(sub.id);
    expect(await rzp.subscriptions.fetch(sub.id)).toMatchObject({
      status: 'completed',
      paid_count: 3,
      remaining_count: 0,
      current_start: second.current_end,
      auth_attempts: 0,
    });
    expect(events()).toEqual([
      'payment.authorized',
      'payment.captured',
      'order.paid',
      'subscription.activated',
      'subscription.charged',
      'subscription.completed',
    ]);

    const other = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
    fake.checkoutPay({ subscriptionId: other.id });
    expect(fake.haltSubscription(other.id).status).toBe('halted');
    expect(fake.events.at(-1)!.event).toBe('subscription.halted');
  });

  it('payment links: reference_id is unique, paying signs the callback for verifyPaymentLink, a paid link cannot be cancelled', async () => {
    const input = {
      amount: 250000,
      currency: 'INR',
      reference_id: 'dun-1a2b3c4d-1767225600-1',
      description: 'Team invoice',
      customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
      notify: { email: false, sms: false },
      notes: { atelier_subscription: 'row-1' },
      callback_url: 'http://127.0.0.1:9/billing/payment-link/callback',
      callback_method: 'get',
    };
    const link = await rzp.paymentLink.create(input);
    expect(link).toMatchObject({ status: 'created', amount: 250000, amount_paid: 0, reference_id: input.reference_id, payments: null });
    expect(link.id).toMatch(/^plink_/);
    expect(await sdkError(rzp.paymentLink.create(input))).toMatchObject({
      statusCode: 400,
      error: { code: 'BAD_REQUEST_ERROR', field: 'reference_id' },
    });
    const query = fake.payPaymentLink(link.id);
    const check = {
      paymentLinkId: query.razorpay_payment_link_id,
      referenceId: query.razorpay_payment_link_reference_id,
      status: query.razorpay_payment_link_status,
      paymentId: query.razorpay_payment_id,
      signature: query.razorpay_signature,
    };
    expect(verifyPaymentLink(fake.keySecret, check)).toBe(true);
    expect(verifyPaymentLink(fake.keySecret, { ...check, status: 'cancelled' })).toBe(false);
    const callback = new URL(fake.callbackUrlFor(link.id, query)!);
    expect([callback.pathname, callback.searchParams.get('razorpay_signature')]).toEqual([
      '/billing/payment-link/callback',
      query.razorpay_signature,
    ]);
    const paid = await rzp.paymentLink.fetch(link.id);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 250000 });
    expect(paid.payments).toEqual([expect.objectContaining({ payment_id: query.razorpay_payment_id, status: 'captured' })]);
    expect(fake.events.at(-1)).toMatchObject({ event: 'payment_link.paid', contains: ['payment_link', 'order', 'payment'] });
    expect((await sdkError(rzp.paymentLink.cancel(link.id))).statusCode).toBe(400);
    const hosted = await rzp.paymentLink.create({ ...input, reference_id: 'hosted-1' });
    const page = await fetch(hosted.short_url);
    expect([page.status, (await page.text()).includes('data-testid="standin-pay"')]).toEqual([200, true]);
    const paidHere = await fetch(`${hosted.short_url}/pay`, { method: 'POST', redirect: 'manual' });
    const location = new URL(paidHere.headers.get('location')!);
    expect([paidHere.status, location.searchParams.get('razorpay_payment_link_id')]).toEqual([303, hosted.id]);
    expect((await rzp.paymentLink.fetch(hosted.id)).status).toBe('paid');
    const other = await rzp.paymentLink.create({ amount: 10000, currency: 'INR', reference_id: 'other-ref', customer: {} } as never);
    expect(await rzp.paymentLink.cancel(other.id)).toMatchObject({ status: 'cancelled', cancelled_at: fake.now });
    const bad = fake.payPaymentLink((await rzp.paymentLink.create({ amount: 10000, customer: {} } as never)).id, { badSignature: true });
    expect(
      verifyPaymentLink(fake.keySecret, {
        paymentLinkId: bad.razorpay_payment_link_id,
        referenceId: '',
        status: 'paid',
        paymentId: bad.razorpay_payment_id,
        signature: bad.razorpay_signature,
      }),
    ).toBe(false);
  });

  it('refunds: partial then the rest, fetched three ways; more than captured is refused', async () => {
    const order = await rzp.orders.create({ amount: 49900, currency: 'INR' });
    const { razorpay_payment_id: paymentId } = fake.checkoutPay({ orderId: order.id });
    fake.events.length = 0;
    const part = await rzp.payments.refund(paymentId, { amount: 20000, notes: { reason: 'cancel now' } });
    expect(part).toMatchObject({ entity: 'refund', amount: 20000, payment_id: paymentId, status: 'processed', currency: 'INR' });
    expect(part.id).toMatch(/^rfnd_/);
    expect(await rzp.payments.fetch(paymentId)).toMatchObject({ amount_refunded: 20000, refund_status: 'partial', status: 'captured' });
    expect((await sdkError(rzp.payments.refund(paymentId, { amount: 30000 }))).error).toMatchObject({
      field: 'amount',
      description: 'The refund amount provided is greater than amount captured',
    });
    const rest = await rzp.payments.refund(paymentId, {});
    expect(rest.amount).toBe(29900);
    expect(await rzp.payments.fetch(paymentId)).toMatchObject({ amount_refunded: 49900, refund_status: 'full', status: 'refunded' });
    expect((await rzp.payments.fetchRefund(paymentId, part.id)).amount).toBe(20000);
    expect((await rzp.refunds.fetch(rest.id)).payment_id).toBe(paymentId);
    expect((await rzp.payments.fetchMultipleRefund(paymentId)).items.map((r: { id: string }) => r.id)).toEqual([rest.id, part.id]);
    expect(events()).toEqual(['refund.created', 'refund.processed', 'refund.created', 'refund.processed']);
    expect(fake.events[1]!.payload.refund!.entity).toMatchObject({ id: part.id, status: 'processed' });
  });

  describe('webhook delivery', () => {
    let server: http.Server;
    let hook: string;
    const received: { id: string; signature: string; body: Buffer }[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks);
          const signature = String(req.headers['x-razorpay-signature']);
          received.push({ id: String(req.headers['x-razorpay-event-id']), signature, body });
          res.writeHead(verifyWebhook(fake.webhookSecret, body, signature) ? 200 : 400).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/razorpay`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => (received.length = 0));

    it('posts the exact body signed under the webhook secret, with the event id; replays, shuffles and forges on request', async () => {
      const order = await rzp.orders.create({ amount: 10000, currency: 'INR' });
      fake.checkoutPay({ orderId: order.id });
      const ids = fake.events.map((e) => e.id);
      expect(ids.every((id) => /^evt_[A-Za-z0-9]{14}$/.test(id))).toBe(true);
      const sent = await fake.deliver(hook, fake.events);
      expect(sent).toEqual(fake.events.map((e) => ({ eventId: e.id, event: e.event, status: 200 })));
      expect(received.map((r) => r.id)).toEqual(ids);
      const body = JSON.parse(received[2]!.body.toString('utf8')) as Record<string, unknown>;
      expect(Object.keys(body)).toEqual(['entity', 'account_id', 'event', 'contains', 'payload', 'created_at']);
      expect(received[2]!.body.toString('utf8')).toBe(fake.webhookBody(fake.events[2]!));

      received.length = 0;
      const replayed = await fake.deliver(hook, fake.events[0]!, { replay: 3 });
      expect(replayed.map((d) => [d.eventId, d.status])).toEqual([
        [ids[0], 200],
        [ids[0], 200],
        [ids[0], 200],
      ]);
      const forged = await fake.deliver(hook, fake.events, { badSignature: true });
      expect(forged.map((d) => d.status)).toEqual([400, 400, 400]);
      const shuffled = await fake.deliver(hook, fake.events, { shuffle: true, replay: 2 });
      expect(shuffled.map((d) => d.eventId).sort()).toEqual([...ids, ...ids].sort());
      expect(shuffled.every((d) => d.status === 200)).toBe(true);
    });
  });

  it('a queued fault answers the next call once: 429, then 500, then normal service', async () => {
    fake.fail('rate-limit');
    expect(await sdkError(rzp.plans.all())).toMatchObject({ statusCode: 429, error: { code: 'BAD_REQUEST_ERROR' } });
    fake.fail('server-error');
    expect(await sdkError(rzp.orders.create({ amount: 10000, currency: 'INR' }))).toMatchObject({
      statusCode: 500,
      error: { code: 'SERVER_ERROR' },
    });
    expect((await rzp.orders.create({ amount: 10000, currency: 'INR' })).status).toBe('created');
    expect(fake.orders.size).toBe(1);
  });

  it('serves the stand-in checkout.js (no auth, CORS, JavaScript) and pays through /v1/standin/pay', async () => {
    const script = await fetch(fake.checkoutUrl);
    expect([script.status, script.headers.get('content-type'), script.headers.get('access-control-allow-origin')]).toEqual([
      200,
      'application/javascript; charset=utf-8',
      '*',
    ]);
    expect(await script.text()).toContain('window.Razorpay = Razorpay');
    const preflight = await fetch(`${fake.url}/v1/standin/pay`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST' },
    });
    expect([preflight.status, preflight.headers.get('access-control-allow-headers')]).toEqual([204, 'content-type']);
    const order = await rzp.orders.create({ amount: 10000, currency: 'INR' });
    const post = (body: unknown) =>
      fetch(`${fake.url}/v1/standin/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ key: 'rzp_test_wrong', order_id: order.id })).status).toBe(400);
    const fields = (await (await post({ key: fake.keyId, order_id: order.id })).json()) as CheckoutHandlerFields;
    expect(
      verifyOrderPayment(fake.keySecret, {
        orderId: order.id,
        paymentId: fields.razorpay_payment_id,
        signature: fields.razorpay_signature,
      }),
    ).toBe(true);
  });
});

describe('stand-in Checkout in Chromium, from a page on another origin', () => {
  const chromiumPath = process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium';
  let fake: RazorpayFake;
  let app: http.Server;
  let appUrl: string;
  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath} (set ATELIER_CHROMIUM_PATH)`);
    fake = await new RazorpayFake().start();
    app = http.createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><html><head><title>app</title><script src="${fake.checkoutUrl}"></script></head><body><button id="buy">Buy</button></body></html>`,
        ),
    );
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await fake.close();
    await new Promise<void>((resolve) => app.close(() => resolve()));
  });

  it('opens an accessible dialog showing the amount; Pay hands the handler verifiable fields, Fail calls payment.failed', async () => {
    const rzp = createRazorpayClient({ keyId: fake.keyId, keySecret: fake.keySecret, apiUrl: fake.url });
    const plan = await rzp.plans.create({ period: 'monthly', interval: 1, item: { name: 'Pro monthly', amount: 49900, currency: 'INR' } });
    const sub = await rzp.subscriptions.create({ plan_id: plan.id, total_count: 12 });
    const order = await rzp.orders.create({ amount: 10000, currency: 'INR' });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(appUrl);
      type Call = {
        ok?: CheckoutHandlerFields;
        failed?: { error: { reason: string; metadata: Record<string, string> } };
        dismissed?: true;
      };
      await page.evaluate(() => ((globalThis as unknown as { calls: unknown[] }).calls = []));
      const open = (options: Record<string, unknown>) =>
        page.evaluate((o) => {
          const w = globalThis as unknown as {
            Razorpay: new (o: unknown) => { open(): void; on(e: string, cb: (r: unknown) => void): void };
            calls: unknown[];
          };
          const checkout = new w.Razorpay({
            ...o,
            handler: (fields: unknown) => w.calls.push({ ok: fields }),
            modal: { ondismiss: () => w.calls.push({ dismissed: true }) },
          });
          checkout.on('payment.failed', (response) => w.calls.push({ failed: response }));
          checkout.open();
        }, options);
      /** The n-th callback (1-based), once it has happened. */
      const call = async (n: number): Promise<Call> => {
        await page.waitForFunction((k) => (globalThis as unknown as { calls: unknown[] }).calls.length >= k, n);
        return page.evaluate((k) => (globalThis as unknown as { calls: Call[] }).calls[k - 1]!, n);
      };

      await open({
        key: fake.keyId,
        subscription_id: sub.id,
        name: 'Atelier',
        description: 'Pro, monthly',
        prefill: { name: 'Ada Lovelace', email: 'ada@example.com' },
      });
      await page.getByRole('dialog', { name: 'Atelier' }).waitFor();
      await page.getByTestId('standin-amount').filter({ hasText: '₹499.00' }).waitFor();
      expect(
        await page.evaluate(() =>
          (
            globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }
          ).document.activeElement?.getAttribute('data-testid'),
        ),
      ).toBe('standin-pay');
      await page.getByTestId('standin-fail').click();
      expect((await call(1)).failed!.error).toMatchObject({ reason: 'payment_declined', metadata: { subscription_id: sub.id } });
      expect(await page.getByTestId('standin-status').textContent()).toContain('declined');
      await page.getByTestId('standin-pay').click();
      const subscribed = (await call(2)).ok!;
      await page.getByTestId('standin-checkout').waitFor({ state: 'detached' });
      expect(
        verifySubscriptionPayment(fake.keySecret, {
          paymentId: subscribed.razorpay_payment_id,
          subscriptionId: sub.id,
          signature: subscribed.razorpay_signature,
        }),
      ).toBe(true);
      const active = await rzp.subscriptions.fetch(sub.id);
      expect(active.status).toBe('active');
      expect((await rzp.customers.fetch(active.customer_id!)).email).toBe('ada@example.com');

      await open({ key: fake.keyId, order_id: order.id, amount: 10000, currency: 'INR', name: 'Atelier' });
      await page.getByTestId('standin-pay').click();
      const paid = (await call(3)).ok!;
      expect(
        verifyOrderPayment(fake.keySecret, { orderId: order.id, paymentId: paid.razorpay_payment_id, signature: paid.razorpay_signature }),
      ).toBe(true);

      await open({ key: fake.keyId, order_id: order.id, name: 'Atelier' });
      await page.getByTestId('standin-checkout').waitFor();
      await page.keyboard.press('Escape');
      expect(await call(4)).toEqual({ dismissed: true });
      expect(await page.getByTestId('standin-checkout').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
