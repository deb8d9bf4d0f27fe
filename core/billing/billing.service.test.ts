import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { ErrorCode } from '../../contracts/errors';
import { workflowIds } from '../../contracts/workflow-ids';
import { createTestDatabase, silentLogger, testServices } from '../../test/harness';
import { RazorpayFake } from '../../test/fakes/razorpay/razorpay-fake';
import type { Actor } from '../access/policy';
import { AuditEvent } from '../audit/audit.entity';
import { Team, TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { BillingMirror } from './billing-mirror';
import { BillingService, HOW_TO_ENABLE, type BillingServiceDeps } from './billing.service';
import { BillingOrder, BillingPaymentLink, Invoice, Payment, Subscription, TierComp } from './billing.entities';
import { Invoices } from './invoices';
import { cancelRefund, cyclePosition, upgradeCharge } from './proration';
import { createRazorpayClient, hmacHex } from './razorpay';
import type { Subscriber } from './tier-grants';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let orm: MikroORM;
let fake: RazorpayFake;
let connection: Connection;
let temporal: Client;
let billing: BillingService;
let deps: BillingServiceDeps;
const taskQueue = `billing-service-test-${randomUUID()}`;
/** One clock for the fake and the service, so proration is exact. */
let clock = Math.floor(Date.parse('2026-12-07T10:00:00Z') / 1000);
const now = () => new Date(clock * 1000);

beforeAll(async () => {
  db = await createTestDatabase();
  orm = db.orm;
  fake = await new RazorpayFake({ now: clock }).start();
  connection = await Connection.connect({ address: testServices().temporalAddress });
  temporal = new Client({ connection, namespace: 'default' });
  const razorpayConfig = { keyId: fake.keyId, keySecret: fake.keySecret, webhookSecret: fake.webhookSecret, apiUrl: fake.url };
  const invoices = new Invoices({
    supplier: { name: 'Atelier Labs Pvt Ltd', address: '1 MG Road, Bengaluru 560001', gstin: '29ABCDE1234F1Z5', stateCode: '29' },
    sac: '998314',
    invoicePrefix: 'ATL',
    creditNotePrefix: 'ATC',
  });
  const base = {
    orm,
    razorpay: createRazorpayClient(razorpayConfig),
    razorpayConfig,
    invoices,
    logger: silentLogger,
    now,
    paymentLinkCallbackUrl: 'https://atelier.example/billing/payment-link/callback',
  };
  deps = { ...base, mirror: new BillingMirror(base), temporal: () => temporal, taskQueue, checkoutUrl: fake.checkoutUrl };
  billing = new BillingService(deps);
});

afterAll(async () => {
  await fake?.close();
  await connection?.close();
  await db?.dispose();
});

async function seedUser(tier = 'free'): Promise<{ subscriber: Subscriber; actor: Actor; email: string }> {
  const em = orm.em.fork();
  const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
  const user = em.create(User, { email, displayName: 'Ada Lovelace', tier });
  await em.flush();
  return { subscriber: { kind: 'user', id: user.id }, actor: { userId: user.id, platformAdmin: false, teams: new Map() }, email };
}

async function seedTeam(): Promise<{ subscriber: Subscriber; owner: Actor; member: Actor }> {
  const em = orm.em.fork();
  const owner = em.create(User, { email: `owner-${randomUUID().slice(0, 8)}@example.com`, displayName: 'Team Owner' });
  const other = em.create(User, { email: `member-${randomUUID().slice(0, 8)}@example.com`, displayName: 'Team Member' });
  const team = em.create(Team, { name: 'Analytical Engines' });
  em.create(TeamMember, { team, user: owner, role: 'owner' });
  em.create(TeamMember, { team, user: other, role: 'member' });
  await em.flush();
  return {
    subscriber: { kind: 'team', id: team.id },
    owner: { userId: owner.id, platformAdmin: false, teams: new Map([[team.id, 'owner']]) },
    member: { userId: other.id, platformAdmin: false, teams: new Map([[team.id, 'member']]) },
  };
}

async function tierOf(subscriber: Subscriber): Promise<string> {
  const em = orm.em.fork();
  return subscriber.kind === 'user' ? (await em.findOneOrFail(User, { id: subscriber.id })).tier : (await em.findOneOrFail(Team, { id: subscriber.id })).tier;
}

async function rowOf(razorpaySubscriptionId: string): Promise<Subscription> {
  return orm.em.fork().findOneOrFail(Subscription, { razorpaySubscriptionId });
}

/** Subscribes to `planId` and pays the first charge through the fake's Checkout, verified by the service. */
async function subscribed(subscriber: Subscriber, email: string, planId = 'pro-monthly'): Promise<string> {
  const session = await billing.subscribe(subscriber, planId, subscriber.id);
  const fields = fake.checkoutPay({ subscriptionId: session.subscriptionId! }, { prefill: { email } });
  await billing.verifyPayment(subscriber, { razorpayPaymentId: fields.razorpay_payment_id, razorpaySubscriptionId: fields.razorpay_subscription_id, razorpaySignature: fields.razorpay_signature }, subscriber.id);
  return session.subscriptionId!;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

describe('billing off', () => {
  const off = new BillingService(null);

  it('answers the billing query: enabled false, the stored tier, how to turn it on', async () => {
    const { subscriber, actor } = await seedUser('pro');
    const view = await off.account(orm.em.fork() as never, actor, subscriber);
    expect(view).toMatchObject({ enabled: false, howToEnable: HOW_TO_ENABLE, tier: 'pro', canManage: true, currency: 'INR', subscription: null, comp: null });
    expect(view.limits.tier).toBe('pro');
  });

  it('refuses every mutation with PAYMENT_BILLING_OFF', async () => {
    const { subscriber } = await seedUser();
    const refusals = await Promise.all([
      code(off.saveDetails(subscriber, { name: 'Ada', email: 'ada@example.com', country: 'US' }, subscriber.id)),
      code(off.subscribe(subscriber, 'pro-monthly', subscriber.id)),
      code(off.verifyPayment(subscriber, { razorpayPaymentId: 'pay_x', razorpaySignature: 'ab', razorpayOrderId: 'order_x' }, subscriber.id)),
      code(off.changePlan(subscriber, 'team-monthly', subscriber.id)),
      code(off.cancel(subscriber, true, subscriber.id)),
      code(off.pause(subscriber, subscriber.id)),
      code(off.resume(subscriber, subscriber.id)),
      code(off.createPaymentLink(subscriber, 10_000, 'Invoice', subscriber.id)),
      code(off.comp(subscriber, 'pro', null, 'Friend of the project', subscriber.id)),
      code(off.refund(randomUUID(), null, 'Refund', subscriber.id)),
    ]);
    expect(refusals).toEqual(Array(10).fill(ErrorCode.PAYMENT_BILLING_OFF));
    expect(await off.verifyPaymentLinkCallback({})).toBe(false);
  });
});

describe('checkout', () => {
  it('creates the plan once, a subscription whose notes name the subscriber, and a Checkout session', async () => {
    const { subscriber } = await seedUser();
    const session = await billing.subscribe(subscriber, 'pro-monthly', subscriber.id);
    expect(session).toMatchObject({ keyId: fake.keyId, checkoutUrl: fake.checkoutUrl, orderId: null, amount: 149_900, currency: 'INR', prefillName: 'Ada Lovelace' });
    const remote = fake.subscriptions.get(session.subscriptionId!)!;
    expect(remote.notes).toMatchObject({ atelier_subscriber_kind: 'user', atelier_subscriber_id: subscriber.id, atelier_plan: 'pro-monthly' });
    expect(await rowOf(session.subscriptionId!)).toMatchObject({ status: 'created', planId: 'pro-monthly', currency: 'INR', subscriberId: subscriber.id });

    // Abandoned: a second checkout cancels the first 'created' subscription and reuses the plan.
    const plans = fake.plans.size;
    const again = await billing.subscribe(subscriber, 'pro-monthly', subscriber.id);
    expect(fake.plans.size).toBe(plans);
    expect(fake.subscriptions.get(session.subscriptionId!)!.status).toBe('cancelled');
    expect((await rowOf(session.subscriptionId!)).status).toBe('cancelled');
    expect((await rowOf(again.subscriptionId!)).status).toBe('created');
  });

  it('concurrent checkouts leave one live subscription; every other one is cancelled at Razorpay', async () => {
    const { subscriber } = await seedUser();
    const results = await Promise.allSettled([1, 2, 3].map(() => billing.subscribe(subscriber, 'pro-monthly', subscriber.id)));
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe(ErrorCode.SUBSCRIPTION_EXISTS);
    const live = await orm.em.fork().find(Subscription, { subscriberId: subscriber.id, status: 'created' });
    expect(live).toHaveLength(1);
    const ours = [...fake.subscriptions.values()].filter((e) => (e.notes as Record<string, string>).atelier_subscriber_id === subscriber.id);
    expect(ours.length).toBeGreaterThanOrEqual(1);
    for (const e of ours) expect(e.status).toBe(e.id === live[0]!.razorpaySubscriptionId ? 'created' : 'cancelled');
  });

  it('refuses an unknown plan with SUBSCRIPTION_PLAN_INVALID', async () => {
    const { subscriber } = await seedUser();
    expect(await code(billing.subscribe(subscriber, 'gold-weekly', subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_PLAN_INVALID);
  });

  it('a forged signature changes nothing (PAYMENT_SIGNATURE_INVALID)', async () => {
    const { subscriber, email } = await seedUser();
    const session = await billing.subscribe(subscriber, 'pro-monthly', subscriber.id);
    const fields = fake.checkoutPay({ subscriptionId: session.subscriptionId! }, { prefill: { email }, badSignature: true });
    const input = { razorpayPaymentId: fields.razorpay_payment_id, razorpaySubscriptionId: fields.razorpay_subscription_id, razorpaySignature: fields.razorpay_signature };
    expect(await code(billing.verifyPayment(subscriber, input, subscriber.id))).toBe(ErrorCode.PAYMENT_SIGNATURE_INVALID);
    expect(await orm.em.fork().count(Payment, { razorpayPaymentId: fields.razorpay_payment_id })).toBe(0);
    expect((await rowOf(session.subscriptionId!)).status).toBe('created');
    expect(await tierOf(subscriber)).toBe('free');
  });

  it('a verified payment applies the tier before it returns, issues the invoice and starts the workflow', async () => {
    const { subscriber, actor, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email);
    expect(await tierOf(subscriber)).toBe('pro');
    const row = await rowOf(subscriptionId);
    expect(row).toMatchObject({ status: 'active', grantsTier: true });
    const payment = await orm.em.fork().findOneOrFail(Payment, { subscriptionId: row.id });
    expect(payment).toMatchObject({ status: 'captured', amount: 149_900 });
    expect(await orm.em.fork().count(Invoice, { paymentId: payment.id, kind: 'invoice' })).toBe(1);

    const description = await temporal.workflow.getHandle(workflowIds.subscription(subscriptionId)).describe();
    expect(description).toMatchObject({ type: 'subscriptionWorkflow', taskQueue });
    await temporal.workflow.getHandle(workflowIds.subscription(subscriptionId)).terminate('test');

    const view = await billing.account(orm.em.fork() as never, actor, subscriber);
    expect(view).toMatchObject({ enabled: true, tier: 'pro', subscription: { planId: 'pro-monthly', status: 'active', amount: 149_900 } });
    expect(await code(billing.subscribe(subscriber, 'team-monthly', subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_EXISTS);

    const listed = await billing.adminSubscriptions('active', 500);
    expect(listed.find((s) => s.subscriberId === subscriber.id)).toMatchObject({ subscriberName: email, tier: 'pro', subscription: { status: 'active' } });
  });

  it("refuses another subscriber's signed payment with PAYMENT_NOT_FOUND", async () => {
    const victim = await seedUser();
    const thief = await seedUser();
    const session = await billing.subscribe(victim.subscriber, 'pro-monthly', victim.subscriber.id);
    const fields = fake.checkoutPay({ subscriptionId: session.subscriptionId! }, { prefill: { email: victim.email } });
    const input = { razorpayPaymentId: fields.razorpay_payment_id, razorpaySubscriptionId: fields.razorpay_subscription_id, razorpaySignature: fields.razorpay_signature };
    expect(await code(billing.verifyPayment(thief.subscriber, input, thief.subscriber.id))).toBe(ErrorCode.PAYMENT_NOT_FOUND);
    expect(await tierOf(thief.subscriber)).toBe('free');
    expect(await orm.em.fork().count(Payment, { razorpayPaymentId: fields.razorpay_payment_id })).toBe(0);
  });

  it('a failed signal is logged, not fatal: the payment applies anyway', async () => {
    const { subscriber, email } = await seedUser();
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const broken = new BillingService({ ...deps, logger, temporal: () => Promise.reject(new Error('temporal is down')) });
    const session = await broken.subscribe(subscriber, 'pro-monthly', subscriber.id);
    const fields = fake.checkoutPay({ subscriptionId: session.subscriptionId! }, { prefill: { email } });
    await broken.verifyPayment(subscriber, { razorpayPaymentId: fields.razorpay_payment_id, razorpaySubscriptionId: session.subscriptionId!, razorpaySignature: fields.razorpay_signature }, subscriber.id);
    expect(await tierOf(subscriber)).toBe('pro');
    expect(lines.map((l) => JSON.parse(l) as { msg: string; subscriptionId: string })).toEqual([
      expect.objectContaining({ msg: 'could not signal subscriptionWorkflow after a verified payment', subscriptionId: session.subscriptionId }),
    ]);
  });

  it('a team owner subscribes for the team; its members cannot manage it', async () => {
    const { subscriber, owner, member } = await seedTeam();
    const em = orm.em.fork();
    const ownerEmail = (await em.findOneOrFail(User, { id: owner.userId! })).email;
    await subscribed(subscriber, ownerEmail, 'team-monthly');
    expect(await tierOf(subscriber)).toBe('team');
    expect((await billing.account(orm.em.fork() as never, owner, subscriber)).canManage).toBe(true);
    expect((await billing.account(orm.em.fork() as never, member, subscriber)).canManage).toBe(false);
  });

  it('maps Razorpay 5xx and 429 to PAYMENT_PROVIDER_UNAVAILABLE', async () => {
    const second = await seedUser();
    await billing.saveDetails(second.subscriber, { name: 'Grace Hopper', email: second.email, country: 'IN', stateCode: '29' }, second.subscriber.id);
    fake.fail('server-error');
    expect(await code(billing.subscribe(second.subscriber, 'pro-monthly', second.subscriber.id))).toBe(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
    fake.fail('rate-limit');
    expect(await code(billing.subscribe(second.subscriber, 'pro-monthly', second.subscriber.id))).toBe(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
    expect(await orm.em.fork().count(Subscription, { subscriberId: second.subscriber.id })).toBe(0);
  });
});

describe('billing details', () => {
  it('saves checked details; the currency follows the country', async () => {
    const { subscriber, actor, email } = await seedUser();
    const saved = await billing.saveDetails(subscriber, { name: 'Ada Pvt Ltd', email, gstin: '27ABCDE1234F1Z5', country: 'IN', stateCode: '27' }, subscriber.id);
    expect(saved).toMatchObject({ gstin: '27ABCDE1234F1Z5', stateCode: '27', country: 'IN' });
    await billing.saveDetails(subscriber, { name: 'Ada Inc', email, country: 'US' }, subscriber.id);
    expect(await billing.account(orm.em.fork() as never, actor, subscriber)).toMatchObject({ currency: 'USD', customer: { name: 'Ada Inc', country: 'US', gstin: null } });
    const session = await billing.subscribe(subscriber, 'pro-monthly', subscriber.id);
    expect(session).toMatchObject({ amount: 1_900, currency: 'USD' });
  });

  it('refuses a GSTIN of another state with PAYMENT_DETAILS_INVALID and keeps the old details', async () => {
    const { subscriber, actor, email } = await seedUser();
    await expect(billing.saveDetails(subscriber, { name: 'Ada', email, gstin: '29ABCDE1234F1Z5', country: 'IN', stateCode: '27' }, subscriber.id)).rejects.toMatchObject({
      code: ErrorCode.PAYMENT_DETAILS_INVALID,
      message: expect.stringContaining('gstin'),
    });
    expect((await billing.account(orm.em.fork() as never, actor, subscriber)).customer).toBeNull();
  });
});

describe('plan changes', () => {
  it('an upgrade charges the stated proration through an order; once paid the higher tier applies at once', async () => {
    const { subscriber, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email);
    clock += 10 * 86_400;
    fake.now = clock;
    const row = await rowOf(subscriptionId);
    const expected = upgradeCharge({ oldPrice: 149_900, newPrice: 399_900, currency: 'INR', ...cyclePosition(row.currentStart!, row.currentEnd!, now()) });
    expect(expected).toBeGreaterThan(0);

    const change = await billing.changePlan(subscriber, 'team-monthly', subscriber.id);
    expect(change).toMatchObject({ kind: 'upgrade', prorationAmount: expected, effectiveAt: null, checkout: { amount: expected, currency: 'INR', subscriptionId: null } });
    const order = await orm.em.fork().findOneOrFail(BillingOrder, { razorpayOrderId: change.checkout!.orderId! });
    expect(order).toMatchObject({ purpose: 'proration', planId: 'team-monthly', subscriptionId: row.id, amount: expected });
    expect(await tierOf(subscriber)).toBe('pro');

    const fields = fake.checkoutPay({ orderId: order.razorpayOrderId });
    await billing.verifyPayment(subscriber, { razorpayPaymentId: fields.razorpay_payment_id, razorpayOrderId: order.razorpayOrderId, razorpaySignature: fields.razorpay_signature }, subscriber.id);
    expect(await tierOf(subscriber)).toBe('team');
    expect((await rowOf(subscriptionId)).planId).toBe('team-monthly');
    await temporal.workflow.getHandle(workflowIds.subscription(subscriptionId)).terminate('test');
  });

  it('an upgrade under the minimum charge applies at once without a payment', async () => {
    const { subscriber, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email);
    const row = await rowOf(subscriptionId);
    // 30 seconds before the cycle ends: (399900 - 149900) * 30 / cycle < ₹1.
    const saved = clock;
    clock = Math.floor(row.currentEnd!.getTime() / 1000) - 30;
    try {
      const change = await billing.changePlan(subscriber, 'team-monthly', subscriber.id);
      expect(change).toMatchObject({ kind: 'upgrade', checkout: null, prorationAmount: 0, effectiveAt: now() });
      expect(await tierOf(subscriber)).toBe('team');
      expect((await rowOf(subscriptionId)).planId).toBe('team-monthly');
      expect(fake.subscriptions.get(subscriptionId)!.has_scheduled_changes).toBe(true);
    } finally {
      clock = saved;
    }
  });

  it('a downgrade waits for the end of the cycle and keeps the tier until then', async () => {
    const { subscriber, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email, 'team-monthly');
    const change = await billing.changePlan(subscriber, 'pro-monthly', subscriber.id);
    const row = await rowOf(subscriptionId);
    expect(change).toEqual({ kind: 'downgrade', checkout: null, prorationAmount: 0, effectiveAt: row.currentEnd });
    expect(row).toMatchObject({ planId: 'team-monthly', scheduledPlanId: 'pro-monthly' });
    expect(await tierOf(subscriber)).toBe('team');
    expect(fake.subscriptions.get(subscriptionId)!.has_scheduled_changes).toBe(true);
    expect(await code(billing.changePlan(subscriber, 'team-monthly', subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_PLAN_INVALID);
  });

  it('refuses a change without a subscription, or to an unknown plan', async () => {
    const { subscriber } = await seedUser();
    expect(await code(billing.changePlan(subscriber, 'team-monthly', subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_NOT_FOUND);
    expect(await code(billing.changePlan(subscriber, 'nope', subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_PLAN_INVALID);
  });
});

describe('cancel, pause and resume', () => {
  it('pause drops to free, resume restores the tier; each only from the right state', async () => {
    const { subscriber, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email);
    expect(await code(billing.resume(subscriber, subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_STATE_INVALID);
    await billing.pause(subscriber, subscriber.id);
    expect((await rowOf(subscriptionId)).status).toBe('paused');
    expect(await tierOf(subscriber)).toBe('free');
    expect(await code(billing.pause(subscriber, subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_STATE_INVALID);
    await billing.resume(subscriber, subscriber.id);
    expect((await rowOf(subscriptionId)).status).toBe('active');
    expect(await tierOf(subscriber)).toBe('pro');
  });

  it('cancel at cycle end keeps the tier; cancel now drops it and refunds the unused part with a credit note', async () => {
    const { subscriber, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email);
    await billing.cancel(subscriber, true, subscriber.id);
    expect(await rowOf(subscriptionId)).toMatchObject({ status: 'active', cancelAtCycleEnd: true });
    expect(await tierOf(subscriber)).toBe('pro');
    expect(await code(billing.cancel(subscriber, true, subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_STATE_INVALID);

    clock += 5 * 86_400;
    fake.now = clock;
    const row = await rowOf(subscriptionId);
    const expected = cancelRefund({ lastCharge: 149_900, currency: 'INR', ...cyclePosition(row.currentStart!, row.currentEnd!, now()) });
    await billing.cancel(subscriber, false, subscriber.id);
    expect((await rowOf(subscriptionId)).status).toBe('cancelled');
    expect(await tierOf(subscriber)).toBe('free');
    const payment = await orm.em.fork().findOneOrFail(Payment, { subscriptionId: row.id });
    const refunds = [...fake.refunds.values()].filter((r) => r.payment_id === payment.razorpayPaymentId);
    expect(refunds.map((r) => r.amount)).toEqual([expected]);
    expect(payment.amountRefunded).toBe(expected);
    const original = await orm.em.fork().findOneOrFail(Invoice, { paymentId: payment.id });
    expect(await orm.em.fork().find(Invoice, { originalInvoiceId: original.id, kind: 'credit_note' })).toHaveLength(1);
    expect(await code(billing.cancel(subscriber, false, subscriber.id))).toBe(ErrorCode.SUBSCRIPTION_NOT_FOUND);
  });
});

describe('admin actions', () => {
  it('a payment link: one-off reference, mailed, our callback URL; its callback is verified', async () => {
    const { subscriber } = await seedUser();
    const admin = randomUUID();
    const link = await billing.createPaymentLink(subscriber, 250_000, 'Team invoice for December', admin);
    expect(link.referenceId).toMatch(/^one-[0-9a-f]{8}$/);
    const remote = fake.paymentLinks.get(link.razorpayPaymentLinkId)!;
    expect(remote).toMatchObject({
      amount: 250_000,
      currency: 'INR',
      reference_id: link.referenceId,
      callback_url: 'https://atelier.example/billing/payment-link/callback',
      callback_method: 'get',
      notify: { email: true },
    });
    const forged = fake.payPaymentLink(link.razorpayPaymentLinkId, { badSignature: true });
    expect(await billing.verifyPaymentLinkCallback({ ...forged })).toBe(false);
    expect(await orm.em.fork().count(Payment, { razorpayPaymentId: forged.razorpay_payment_id })).toBe(0);
    expect(await billing.verifyPaymentLinkCallback({ ...forged, razorpay_signature: signedLikeRazorpay(forged) })).toBe(true);
    const payment = await orm.em.fork().findOneOrFail(Payment, { razorpayPaymentId: forged.razorpay_payment_id });
    expect(payment.status).toBe('captured');
    expect((await orm.em.fork().findOneOrFail(BillingPaymentLink, { id: link.id })).status).toBe('paid');
    expect(await orm.em.fork().count(Invoice, { paymentId: payment.id })).toBe(1);
  });

  it('a comp grants the tier at once and is audited; revoking it drops back', async () => {
    const { subscriber } = await seedUser();
    const admin = randomUUID();
    const until = new Date(now().getTime() + 30 * 86_400_000);
    const view = await billing.comp(subscriber, 'enterprise', until, 'Conference speaker', admin);
    expect(view).toEqual({ tier: 'enterprise', until, reason: 'Conference speaker' });
    expect(await tierOf(subscriber)).toBe('enterprise');
    const actor: Actor = { userId: subscriber.id, platformAdmin: false, teams: new Map() };
    expect(await billing.account(orm.em.fork() as never, actor, subscriber)).toMatchObject({ tier: 'enterprise', comp: { tier: 'enterprise', until }, limits: { tier: 'enterprise' } });
    const audit = await orm.em.fork().findOneOrFail(AuditEvent, { action: 'billing.comp', target: `user:${subscriber.id}` });
    expect(audit).toMatchObject({ actorId: admin, data: { tier: 'enterprise', until: until.toISOString(), reason: 'Conference speaker' } });
    expect(await billing.comp(subscriber, null, null, 'Talk done', admin)).toBeNull();
    expect(await tierOf(subscriber)).toBe('free');
    expect(await orm.em.fork().count(TierComp, { subscriberId: subscriber.id })).toBe(0);
    expect(await orm.em.fork().count(AuditEvent, { action: 'billing.comp', target: `user:${subscriber.id}` })).toBe(2);
  });

  it('a refund goes to Razorpay with its reason, issues a credit note and is audited', async () => {
    const { subscriber, email } = await seedUser();
    const subscriptionId = await subscribed(subscriber, email);
    const row = await rowOf(subscriptionId);
    const payment = await orm.em.fork().findOneOrFail(Payment, { subscriptionId: row.id });
    const admin = randomUUID();
    const result = await billing.refund(payment.id, 10_000, 'Goodwill', admin);
    expect(fake.refunds.get(result.refundId)).toMatchObject({ amount: 10_000, notes: { reason: 'Goodwill' } });
    expect(result.creditNoteNumber).toMatch(/^ATC\//);
    expect(await orm.em.fork().findOneOrFail(AuditEvent, { action: 'billing.refund', target: `payment:${payment.id}` })).toMatchObject({
      actorId: admin,
      data: { amount: 10_000, reason: 'Goodwill', refundId: result.refundId },
    });
    expect(await code(billing.refund(payment.id, 1_000_000, 'Too much', admin))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(await code(billing.refund(randomUUID(), null, 'Nothing', admin))).toBe(ErrorCode.PAYMENT_NOT_FOUND);
  });
});

function signedLikeRazorpay(fields: { razorpay_payment_link_id: string; razorpay_payment_link_reference_id: string; razorpay_payment_link_status: string; razorpay_payment_id: string }): string {
  return hmacHex(fake.keySecret, `${fields.razorpay_payment_link_id}|${fields.razorpay_payment_link_reference_id}|${fields.razorpay_payment_link_status}|${fields.razorpay_payment_id}`);
}
