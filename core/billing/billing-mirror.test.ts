/**
 * BillingMirror against real PostgreSQL and the Razorpay wire fake (the real SDK pointed at it): every status
 * mirrored with its tier, stale fetches ignored, payments recorded once with one invoice, a paid proration
 * applied, refunds credited, dunning links idempotent, transient failures plain and refusals typed.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, silentLogger } from '../../test/harness';
import { RazorpayFake, type CheckoutHandlerFields } from '../../test/fakes/razorpay/razorpay-fake';
import { User } from '../user/user.entity';
import { BillingMirror } from './billing-mirror';
import { ensurePlan } from './billing-plans';
import { ensureBillingCustomer } from './billing-customers';
import { BillingError } from './billing.errors';
import { BillingOrder, BillingPaymentLink, Invoice, Payment, Subscription } from './billing.entities';
import { Invoices } from './invoices';
import { createRazorpayClient, type RazorpayClient } from './razorpay';

let db: { orm: MikroORM; dispose(): Promise<void> };
let fake: RazorpayFake;
let razorpay: RazorpayClient;
let mirror: BillingMirror;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await new RazorpayFake().start();
  razorpay = createRazorpayClient({ keyId: fake.keyId, keySecret: fake.keySecret, apiUrl: fake.url });
  mirror = new BillingMirror({
    orm: db.orm,
    razorpay,
    razorpayConfig: { keyId: fake.keyId, keySecret: fake.keySecret, webhookSecret: fake.webhookSecret, apiUrl: fake.url },
    invoices: new Invoices({
      supplier: { name: 'Atelier Software Pvt Ltd', address: '1 MG Road, Bengaluru', gstin: '29ABCDE1234F1Z5', stateCode: '29' },
      sac: '998314',
      invoicePrefix: 'ATL',
      creditNotePrefix: 'ATC',
    }),
    logger: silentLogger,
    // The mirror's clock follows the fake's, so periods and cancel-at-cycle-end compare on one time line.
    now: () => new Date(fake.now * 1000),
  });
});
afterAll(async () => {
  await fake?.close();
  await db?.dispose();
});

const em = (): EntityManager => db.orm.em.fork() as EntityManager;
const tierOf = async (id: string) => (await em().findOneOrFail(User, { id })).tier;

/** A user with a `pro-monthly` subscription created at the fake and our row of it, as checkout leaves them. */
async function subscribeUser(planId = 'pro-monthly', totalCount = 12) {
  const tx = em();
  const user = tx.create(User, { email: `${randomUUID()}@example.test`, displayName: 'Payer' });
  await tx.flush();
  const customer = await ensureBillingCustomer(tx, { kind: 'user', id: user.id }, '29');
  const planAt = await ensurePlan({ orm: db.orm, razorpay }, planId, 'INR');
  const notes = { atelier_subscriber_kind: 'user', atelier_subscriber_id: user.id, atelier_plan: planId };
  const created = await razorpay.subscriptions.create({ plan_id: planAt, total_count: totalCount, customer_notify: 0, notes });
  const row = tx.create(Subscription, {
    razorpaySubscriptionId: created.id,
    customerId: customer.id,
    subscriberKind: 'user',
    subscriberId: user.id,
    planId,
    currency: 'INR',
  });
  await tx.flush();
  return { user, customer, row, id: created.id };
}

function paid(fields: ReturnType<RazorpayFake['checkoutPay']>): CheckoutHandlerFields {
  if ('error' in fields) throw new Error(`checkout failed: ${fields.error.description}`);
  return fields;
}

const rowOf = (id: string) => em().findOneOrFail(Subscription, { razorpaySubscriptionId: id });

describe('syncSubscription', () => {
  test('mirrors created, active, pending, halted, paused, cancelled and the tier each grants', async () => {
    const { user, id } = await subscribeUser();
    expect((await mirror.syncSubscription(id)).status).toBe('created');
    expect(await tierOf(user.id)).toBe('free');

    paid(fake.checkoutPay({ subscriptionId: id }, { prefill: { email: 'payer@example.test' } }));
    const active = await mirror.syncSubscription(id);
    expect(active).toMatchObject({ status: 'active', grantsTier: true, planId: 'pro-monthly', amount: 149_900, currency: 'INR' });
    expect(active.currentEnd).not.toBeNull();
    expect(await tierOf(user.id)).toBe('pro');

    fake.chargeSubscription(id, { fail: true });
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'pending', grantsTier: true });
    fake.haltSubscription(id);
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'halted', grantsTier: true });
    expect(await tierOf(user.id)).toBe('pro');

    fake.chargeSubscription(id);
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'active', grantsTier: true });
    expect((await rowOf(id)).paidCount).toBe(2);

    await razorpay.subscriptions.pause(id, { pause_at: 'now' });
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'paused', grantsTier: false });
    expect(await tierOf(user.id)).toBe('free');
    await razorpay.subscriptions.resume(id, { resume_at: 'now' });
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'active', grantsTier: true });
    expect(await tierOf(user.id)).toBe('pro');

    await razorpay.subscriptions.cancel(id, false);
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'cancelled', grantsTier: false });
    expect(await tierOf(user.id)).toBe('free');
  });

  test('mirrors authenticated (a future start) and completed (the last cycle paid)', async () => {
    const { user, id: later } = await subscribeUser();
    await razorpay.subscriptions.cancel(later, false);
    expect((await mirror.syncSubscription(later)).status).toBe('cancelled');
    // A subscription starting later: authenticated by checkout, no tier until its first charge.
    const planAt = await ensurePlan({ orm: db.orm, razorpay }, 'pro-monthly', 'INR');
    const notes = { atelier_subscriber_kind: 'user', atelier_subscriber_id: user.id, atelier_plan: 'pro-monthly' };
    const deferred = await razorpay.subscriptions.create({ plan_id: planAt, total_count: 1, customer_notify: 0, start_at: fake.now + 86_400, notes });
    const tx = em();
    const row = await tx.findOneOrFail(Subscription, { razorpaySubscriptionId: later });
    tx.create(Subscription, { razorpaySubscriptionId: deferred.id, customerId: row.customerId, subscriberKind: 'user', subscriberId: user.id, planId: 'pro-monthly', currency: 'INR' });
    await tx.flush();
    paid(fake.checkoutPay({ subscriptionId: deferred.id }));
    expect(await mirror.syncSubscription(deferred.id)).toMatchObject({ status: 'authenticated', grantsTier: false });
    expect(await tierOf(user.id)).toBe('free');

    fake.advanceClock(86_400);
    fake.chargeSubscription(deferred.id);
    expect(await mirror.syncSubscription(deferred.id)).toMatchObject({ status: 'completed', grantsTier: false });
    expect(await tierOf(user.id)).toBe('free');
  });

  test('a stale fetch never moves our row backwards', async () => {
    const { id } = await subscribeUser();
    paid(fake.checkoutPay({ subscriptionId: id }));
    await mirror.syncSubscription(id);
    // Another sync that fetched later has committed: a fetch that began earlier writes nothing.
    const ahead = new Date((fake.now + 3600) * 1000);
    await em().nativeUpdate(Subscription, { razorpaySubscriptionId: id }, { syncedAt: ahead, status: 'cancelled', grantsTier: false });
    expect(await mirror.syncSubscription(id)).toMatchObject({ status: 'cancelled', grantsTier: false });
    // More cycles paid than Razorpay's answer shows: that answer is older than what we hold.
    await em().nativeUpdate(Subscription, { razorpaySubscriptionId: id }, { syncedAt: null, status: 'active', paidCount: 5 });
    fake.haltSubscription(id);
    expect((await mirror.syncSubscription(id)).status).toBe('active');
    // An ended subscription never comes back.
    await em().nativeUpdate(Subscription, { razorpaySubscriptionId: id }, { paidCount: 1, status: 'completed' });
    expect((await mirror.syncSubscription(id)).status).toBe('completed');
  });

  test('a 5xx or 429 is a plain (retried) error; an unknown subscription is a BillingError', async () => {
    const { id } = await subscribeUser();
    fake.fail('server-error');
    const transient = await mirror.syncSubscription(id).catch((e: unknown) => e);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(BillingError);
    fake.fail('rate-limit');
    expect(await mirror.syncSubscription(id).catch((e: unknown) => e)).not.toBeInstanceOf(BillingError);
    expect(await mirror.syncSubscription('sub_unknown00000').catch((e: unknown) => e)).toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
  });

  test('a subscription Atelier did not create (no subscriber in its notes) is refused for good, not retried', async () => {
    const planAt = await ensurePlan({ orm: db.orm, razorpay }, 'pro-monthly', 'INR');
    const foreign = await razorpay.subscriptions.create({ plan_id: planAt, total_count: 12, customer_notify: 0 });
    const refused = await mirror.syncSubscription(foreign.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BillingError);
    expect(refused).toMatchObject({ code: 'SUBSCRIPTION_NOT_FOUND' });
  });
});

describe('setDunning', () => {
  test('a downgraded dunning stops the grant; clearing it restores the tier', async () => {
    const { user, id } = await subscribeUser();
    paid(fake.checkoutPay({ subscriptionId: id }));
    fake.chargeSubscription(id, { fail: true });
    await mirror.syncSubscription(id);
    const since = new Date(fake.now * 1000).toISOString();
    const dunning = { since, attempts: 3, nextRetryAt: null, payUrl: null, amountDue: 149_900 };
    expect(await mirror.setDunning(id, { ...dunning, downgraded: false })).toMatchObject({ grantsTier: true });
    expect(await tierOf(user.id)).toBe('pro');
    expect(await mirror.setDunning(id, { ...dunning, downgraded: true })).toMatchObject({ grantsTier: false, dunning: { downgraded: true } });
    expect(await tierOf(user.id)).toBe('free');
    expect(await mirror.setDunning(id, null)).toMatchObject({ grantsTier: true, dunning: null });
    expect(await tierOf(user.id)).toBe('pro');
  });
});

describe('recordPayment', () => {
  test('a payment recorded twice (and concurrently) is one row with one invoice', async () => {
    const { user, id, row } = await subscribeUser();
    const fields = paid(fake.checkoutPay({ subscriptionId: id }));
    await mirror.syncSubscription(id);
    const results = await Promise.all([mirror.recordPayment(fields.razorpay_payment_id), mirror.recordPayment(fields.razorpay_payment_id)]);
    const again = await mirror.recordPayment(fields.razorpay_payment_id, { razorpaySubscriptionId: id });
    expect(results[0]).toMatchObject({ status: 'captured', amount: 149_900, currency: 'INR', subscriptionRowId: row.id, razorpaySubscriptionId: id });
    expect(results[0].invoiceNumber).toBeTruthy();
    expect(new Set([...results, again].map((r) => r.invoiceNumber)).size).toBe(1);
    const payments = await em().find(Payment, { razorpayPaymentId: fields.razorpay_payment_id });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ kind: 'subscription', subscriptionId: row.id });
    expect(await em().count(Invoice, { paymentId: payments[0]!.id })).toBe(1);
    expect(await tierOf(user.id)).toBe('pro');
  });

  test('a failed payment is recorded with the bank reason and no invoice', async () => {
    const { id } = await subscribeUser();
    paid(fake.checkoutPay({ subscriptionId: id }));
    const failed = fake.chargeSubscription(id, { fail: true })!;
    const snapshot = await mirror.recordPayment(failed.id, { razorpaySubscriptionId: id });
    expect(snapshot).toMatchObject({ status: 'failed', invoiceNumber: null });
    expect(snapshot.errorDescription).toBeTruthy();
  });

  test('a payment that is none of ours is refused', async () => {
    const order = await razorpay.orders.create({ amount: 50_000, currency: 'INR', receipt: `foreign-${randomUUID().slice(0, 8)}` });
    const fields = paid(fake.checkoutPay({ orderId: order.id }));
    expect(await mirror.recordPayment(fields.razorpay_payment_id).catch((e: unknown) => e)).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
  });

  test('a paid proration order moves the plan at Razorpay for the next cycle and the tier now, once', async () => {
    const { user, id, row, customer } = await subscribeUser();
    paid(fake.checkoutPay({ subscriptionId: id }));
    await mirror.syncSubscription(id);
    const receipt = `pr-${randomUUID().slice(0, 12)}`;
    const order = await razorpay.orders.create({ amount: 83_000, currency: 'INR', receipt });
    const tx = em();
    tx.create(BillingOrder, {
      razorpayOrderId: order.id,
      receipt,
      customerId: customer.id,
      purpose: 'proration',
      subscriptionId: row.id,
      planId: 'team-monthly',
      amount: 83_000,
      currency: 'INR',
      description: 'Upgrade to Atelier Team (monthly), rest of this cycle',
    });
    await tx.flush();
    const fields = paid(fake.checkoutPay({ orderId: order.id }));
    const first = await mirror.recordPayment(fields.razorpay_payment_id);
    expect(first).toMatchObject({ status: 'captured', subscriptionRowId: row.id });
    expect(await tierOf(user.id)).toBe('team');
    expect((await rowOf(id)).planId).toBe('team-monthly');
    expect(await em().findOneOrFail(BillingOrder, { razorpayOrderId: order.id })).toMatchObject({ status: 'paid', paymentId: fields.razorpay_payment_id });
    const teamPlanAt = await ensurePlan({ orm: db.orm, razorpay }, 'team-monthly', 'INR');
    const pending = await razorpay.subscriptions.pendingUpdate(id);
    expect(pending).toMatchObject({ plan_id: teamPlanAt });

    // Razorpay still bills the old plan until the cycle ends: a sync keeps the paid-for plan and tier.
    expect(await mirror.syncSubscription(id)).toMatchObject({ planId: 'team-monthly', grantsTier: true });
    expect(await tierOf(user.id)).toBe('team');
    const again = await mirror.recordPayment(fields.razorpay_payment_id);
    expect(again.invoiceNumber).toBe(first.invoiceNumber);
    // At renewal Razorpay bills the new plan, and the mirror agrees.
    fake.chargeSubscription(id);
    expect(await mirror.syncSubscription(id)).toMatchObject({ planId: 'team-monthly', amount: 399_900 });
  });
});

describe('recordRefund', () => {
  test('a processed refund gets one credit note against the payment invoice', async () => {
    const { id } = await subscribeUser();
    const fields = paid(fake.checkoutPay({ subscriptionId: id }));
    const recorded = await mirror.recordPayment(fields.razorpay_payment_id, { razorpaySubscriptionId: id });
    const refund = await razorpay.payments.refund(fields.razorpay_payment_id, { amount: 50_000 });
    const first = await mirror.recordRefund(refund.id);
    const second = await mirror.recordRefund(refund.id);
    expect(first.creditNoteNumber).toBeTruthy();
    expect(second.creditNoteNumber).toBe(first.creditNoteNumber);
    const notes = await em().find(Invoice, { refundId: refund.id });
    expect(notes).toHaveLength(1);
    const original = await em().findOneOrFail(Invoice, { number: recorded.invoiceNumber! });
    expect(notes[0]).toMatchObject({ kind: 'credit_note', total: 50_000, originalInvoiceId: original.id });
    expect(notes[0]!.number).toMatch(/^ATC\//);
    expect(await em().findOneOrFail(Payment, { razorpayPaymentId: fields.razorpay_payment_id })).toMatchObject({ amountRefunded: 50_000 });
  });
});

describe('createDunningLink', () => {
  test('one link per retry: asked again, after a lost row, or paid, it is the same link', async () => {
    const { id, row } = await subscribeUser();
    paid(fake.checkoutPay({ subscriptionId: id }));
    fake.chargeSubscription(id, { fail: true });
    await mirror.syncSubscription(id);
    const since = new Date(fake.now * 1000).toISOString();
    const first = await mirror.createDunningLink(id, 1, since);
    const [again, concurrent] = await Promise.all([mirror.createDunningLink(id, 1, since), mirror.createDunningLink(id, 1, since)]);
    expect(first).toMatchObject({ amount: 149_900, currency: 'INR' });
    expect([again.url, concurrent.url]).toEqual([first.url, first.url]);
    expect(await em().count(BillingPaymentLink, { subscriptionId: row.id })).toBe(1);
    expect(fake.paymentLinks.size).toBeGreaterThanOrEqual(1);

    // Our row lost (a crash after Razorpay answered): Razorpay refuses the duplicate reference_id; we find its link.
    const link = await em().findOneOrFail(BillingPaymentLink, { subscriptionId: row.id });
    await em().nativeDelete(BillingPaymentLink, { id: link.id });
    const recovered = await mirror.createDunningLink(id, 1, since);
    expect(recovered.url).toBe(first.url);
    expect(await em().findOneOrFail(BillingPaymentLink, { subscriptionId: row.id })).toMatchObject({ razorpayPaymentLinkId: link.razorpayPaymentLinkId });

    const second = await mirror.createDunningLink(id, 2, since);
    expect(second.url).not.toBe(first.url);

    // Paid: the payment is tied to the link (through the order Razorpay made for it) and invoiced once.
    const callback = fake.payPaymentLink(link.razorpayPaymentLinkId);
    const recorded = await mirror.recordPayment(callback.razorpay_payment_id);
    expect(recorded).toMatchObject({ status: 'captured', subscriptionRowId: row.id, razorpaySubscriptionId: id });
    expect(recorded.invoiceNumber).toBeTruthy();
    expect(await em().findOneOrFail(BillingPaymentLink, { razorpayPaymentLinkId: link.razorpayPaymentLinkId })).toMatchObject({ status: 'paid' });
    expect(await em().findOneOrFail(Payment, { razorpayPaymentId: callback.razorpay_payment_id })).toMatchObject({ kind: 'payment_link' });
  });
});
