import { Client, Connection } from '@temporalio/client';
import express from 'express';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { RAZORPAY_EVENTS, razorpayEventSignal, subscriptionStateQuery } from '../../../../contracts/billing';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { Invoice, Payment, Subscription, WebhookEvent } from '../../../../core/billing/billing.entities';
import { BillingMirror } from '../../../../core/billing/billing-mirror';
import { BillingService } from '../../../../core/billing/billing.service';
import { createRazorpayClient, hmacHex } from '../../../../core/billing/razorpay';
import { Team } from '../../../../core/team/team.entity';
import { User } from '../../../../core/user/user.entity';
import { BILLING_KEYS, createBillingKit, type BillingKit, type Delivery } from '../../../../test/fixtures/billing-api';
import { silentLogger, waitFor } from '../../../../test/harness';
import { createRazorpayWebhookRouter } from './webhook.route';

/**
 * `POST /webhooks/razorpay` over real HTTP, against the Razorpay wire fake and a worker running
 * `subscriptionWorkflow`: every delivery replayed 3×, in reverse order, stale events after newer ones, bad and
 * missing signatures, unknown events, a one-off payment link applied inline, and Temporal not answering.
 * After each sequence the state in PostgreSQL is checked exactly.
 */
let kit: BillingKit;
beforeAll(async () => {
  kit = await createBillingKit();
  await kit.startWorker();
}, 120_000);
afterAll(() => kit?.dispose());

const SUBSCRIBE = 'mutation($p: ID!, $t: ID) { subscribe(planId: $p, teamId: $t) { subscriptionId amount currency } }';
const em = () => kit.stack.db.orm.em.fork();
const known = (d: Delivery) => (RAZORPAY_EVENTS as readonly string[]).includes(d.event);

/** Every delivery `times` times, the whole sequence in reverse (the newest first); answers' bodies in order. */
async function deliverReplayed(deliveries: Delivery[], times = 3): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (let round = 0; round < times; round++) {
    for (const d of [...deliveries].reverse()) {
      const answer = await kit.deliver(d);
      expect(answer.status).toBe(200);
      answers.push(answer.body);
    }
  }
  return answers;
}

/** Waits until the subscription's workflow has handled every distinct event the API handed it. */
async function settled(razorpaySubscriptionId: string): Promise<void> {
  const handed = await em().count(WebhookEvent, { subscriptionId: razorpaySubscriptionId, event: { $in: [...RAZORPAY_EVENTS] } });
  const handle = kit.stack.temporal.workflow.getHandle(workflowIds.subscription(razorpaySubscriptionId));
  await waitFor(`${handed} events handled`, async () => (await handle.query(subscriptionStateQuery)).handled >= handed, 60_000);
}

async function subscribed(name: string) {
  const userId = await kit.person(name);
  const session = (await kit.ok(SUBSCRIBE, { p: 'pro-monthly' }, userId)).subscribe as { subscriptionId: string };
  const before = kit.fake.events.length;
  kit.fake.checkoutPay({ subscriptionId: session.subscriptionId });
  return { userId, subscriptionId: session.subscriptionId, deliveries: kit.fake.events.slice(before) as Delivery[] };
}

async function snapshot(userId: string, razorpaySubscriptionId: string) {
  const fork = em();
  const row = await fork.findOneOrFail(Subscription, { razorpaySubscriptionId });
  const payments = await fork.find(Payment, { subscriptionId: row.id }, { orderBy: { createdAt: 'asc' } });
  const invoices = await fork.find(Invoice, { subscriberId: userId }, { orderBy: { seq: 'asc' } });
  const user = await fork.findOneOrFail(User, { id: userId });
  return { row, payments, invoices, tier: user.tier };
}

it('applies a subscription checkout exactly once when every event is replayed 3× in reverse order', async () => {
  const { userId, subscriptionId, deliveries } = await subscribed('Ada');
  expect(deliveries.length).toBeGreaterThan(1);
  const answers = await deliverReplayed(deliveries);

  // The first delivery of each event id is handled; every later one is a replay.
  const distinct = new Set(deliveries.map((d) => d.id)).size;
  expect(answers.filter((a) => (a as { duplicate?: boolean }).duplicate)).toHaveLength(answers.length - distinct);
  expect(await em().count(WebhookEvent, { eventId: { $in: deliveries.map((d) => d.id) } })).toBe(distinct);

  await waitFor('pro', async () => (await snapshot(userId, subscriptionId)).tier === 'pro', 60_000);
  await settled(subscriptionId);
  const state = await snapshot(userId, subscriptionId);
  expect(state.row).toMatchObject({ status: 'active', grantsTier: true, planId: 'pro-monthly', dunning: null, paidCount: 1 });
  expect(state.payments.map((p) => [p.status, p.amount, p.currency])).toEqual([['captured', 149_900, 'INR']]);
  expect(state.invoices.map((i) => [i.kind, i.total, i.paymentId])).toEqual([['invoice', 149_900, state.payments[0]!.id]]);
  expect(state.invoices[0]!.number).toMatch(/^ATL\/\d\d-\d\d\/\d{6}$/);
});

it('never moves state backwards: a renewal and a failed renewal delivered shuffled, stale events after them', async () => {
  const { userId, subscriptionId, deliveries: first } = await subscribed('Bea');
  await deliverReplayed(first, 1);
  await waitFor('pro', async () => (await snapshot(userId, subscriptionId)).tier === 'pro', 60_000);

  let mark = kit.fake.events.length;
  kit.fake.chargeSubscription(subscriptionId);
  const renewal = kit.fake.events.slice(mark) as Delivery[];
  await deliverReplayed(renewal);
  await waitFor('two invoices', async () => (await snapshot(userId, subscriptionId)).invoices.length === 2, 60_000);
  await settled(subscriptionId);
  const paid = await snapshot(userId, subscriptionId);
  expect(paid.row).toMatchObject({ status: 'active', grantsTier: true, paidCount: 2, dunning: null });
  expect(paid.payments.map((p) => p.status)).toEqual(['captured', 'captured']);
  const [a, b] = paid.invoices.map((i) => i.seq);
  expect(b).toBe(a! + 1);

  mark = kit.fake.events.length;
  kit.fake.chargeSubscription(subscriptionId, { fail: true });
  const failed = kit.fake.events.slice(mark) as Delivery[];
  await deliverReplayed(failed);
  // Stale events (the first activation and charge, under new delivery ids) arrive after the failure.
  for (const old of first.filter(known)) expect((await kit.deliver({ ...old, id: `${old.id}_late` })).status).toBe(200);
  await waitFor('pending', async () => (await snapshot(userId, subscriptionId)).row.status === 'pending', 60_000);
  await settled(subscriptionId);
  const pending = await snapshot(userId, subscriptionId);
  expect(pending.row).toMatchObject({ status: 'pending', paidCount: 2, grantsTier: true });
  expect(pending.row.dunning).toMatchObject({ attempts: 0, downgraded: false });
  expect(pending.payments.map((p) => p.status).sort()).toEqual(['captured', 'captured', 'failed']);
  expect(pending.invoices).toHaveLength(2);
  expect(pending.tier).toBe('pro');
});

it('refuses a bad or missing signature with 400 and writes nothing', async () => {
  const { userId, subscriptionId, deliveries } = await subscribed('Cyd');
  const before = await em().count(WebhookEvent, {});
  const body = JSON.stringify(deliveries[0]);
  const forged = [
    { signature: null },
    { signature: hmacHex('not-the-webhook-secret', body) },
    { signature: hmacHex(BILLING_KEYS.RAZORPAY_WEBHOOK_SECRET, `${body} `) },
    { signature: 'zz-not-hex' },
  ];
  for (const options of forged) {
    const answer = await kit.deliver(body, { eventId: deliveries[0]!.id, ...options });
    expect(answer).toEqual({ status: 400, body: { error: 'invalid signature' } });
  }
  // The exact bytes signed, then one byte changed.
  const tampered = body.replace('"created_at":', '"created_at": ');
  expect((await kit.deliver(tampered, { eventId: 'evt_tampered', signature: hmacHex(BILLING_KEYS.RAZORPAY_WEBHOOK_SECRET, body) })).status).toBe(400);
  expect(await em().count(WebhookEvent, {})).toBe(before);
  const state = await snapshot(userId, subscriptionId);
  expect(state.row).toMatchObject({ status: 'created', grantsTier: false, paidCount: 0 });
  expect(state.payments).toHaveLength(0);
  expect(state.tier).toBe('free');
  // A body over 64 KiB is refused before its signature is even checked.
  const huge = 'x'.repeat(70 * 1024);
  expect((await kit.deliver(huge, { eventId: 'evt_huge', signature: hmacHex(BILLING_KEYS.RAZORPAY_WEBHOOK_SECRET, huge) })).status).toBe(413);
});

it('records an unknown event, answers 200 and changes nothing', async () => {
  const { userId, subscriptionId, deliveries } = await subscribed('Dov');
  // A real event's body under an event name Atelier does not handle.
  const template = deliveries.find((d) => d.payload.subscription)!;
  const unknown: Delivery = { ...template, id: 'evt_unknown_0001', event: 'subscription.updated_somehow' };
  expect(await kit.deliver(unknown)).toEqual({ status: 200, body: { ignored: true } });
  expect(await kit.deliver(unknown)).toEqual({ status: 200, body: { duplicate: true } });
  expect(await em().findOne(WebhookEvent, { eventId: unknown.id })).toMatchObject({ event: 'subscription.updated_somehow', subscriptionId: null });
  const state = await snapshot(userId, subscriptionId);
  expect(state.row).toMatchObject({ status: 'created', grantsTier: false });
  expect(state.tier).toBe('free');
  // Nothing was handed to a workflow.
  await expect(kit.stack.temporal.workflow.getHandle(workflowIds.subscription(subscriptionId)).describe()).rejects.toThrow();
});

it('applies a one-off payment link of a team inline: one payment, one invoice, no workflow', async () => {
  const root = await kit.person('Root', { admin: true });
  const owner = await kit.person('Olga');
  const teamId = await kit.team(owner);
  const link = (
    await kit.ok(
      'mutation($k: String!, $s: ID!, $a: Int!, $d: String!) { createPaymentLink(subscriberKind: $k, subscriberId: $s, amount: $a, description: $d) { id url amount currency status } }',
      { k: 'team', s: teamId, a: 500_000, d: 'Onboarding workshop' },
      root,
    )
  ).createPaymentLink as { id: string; url: string };
  const mark = kit.fake.events.length;
  kit.fake.payPaymentLink(kit.paymentLinkId(link.url));
  const deliveries = kit.fake.events.slice(mark) as Delivery[];
  await deliverReplayed(deliveries);
  const fork = em();
  const invoices = await fork.find(Invoice, { subscriberId: teamId });
  expect(invoices.map((i) => [i.kind, i.total, i.description])).toEqual([['invoice', 500_000, 'Onboarding workshop']]);
  const payments = await fork.find(Payment, { id: invoices[0]!.paymentId! });
  expect(payments.map((p) => [p.kind, p.status, p.subscriptionId])).toEqual([['payment_link', 'captured', null]]);
  expect(await fork.count(Subscription, { subscriberId: teamId })).toBe(0);
  // A one-off charge grants no tier.
  expect((await fork.findOneOrFail(Team, { id: teamId })).tier).toBe('free');
});

it('answers 503 and forgets the delivery while Temporal does not answer, so the redelivery is handled', async () => {
  const { subscriptionId, deliveries } = await subscribed('Eli');
  const event = deliveries.find((d) => d.event.startsWith('subscription.'))!;
  // A Temporal frontend that accepts the connection and never answers (no retries: the deadline must cut it off).
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => void sockets.add(socket.on('error', () => undefined)));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const connection = Connection.lazy({ address: `127.0.0.1:${(silent.address() as AddressInfo).port}`, interceptors: [] });
  // The API's own BillingService, but over that connection (Razorpay and the mirror are not reached).
  const deadService = new BillingService({
    orm: kit.stack.db.orm,
    razorpay: createRazorpayClient(kit.razorpay!),
    razorpayConfig: kit.razorpay!,
    invoices: kit.stack.app.createContext(null).invoices,
    logger: silentLogger,
    temporal: () => new Client({ connection }),
    taskQueue: kit.stack.taskQueue,
    mirror: new BillingMirror({ orm: kit.stack.db.orm, razorpay: createRazorpayClient(kit.razorpay!), razorpayConfig: kit.razorpay!, invoices: kit.stack.app.createContext(null).invoices, logger: silentLogger }),
    checkoutUrl: kit.fake.checkoutUrl,
  });
  const app = express();
  app.use(
    '/webhooks/razorpay',
    createRazorpayWebhookRouter({
      webhookSecret: () => BILLING_KEYS.RAZORPAY_WEBHOOK_SECRET,
      em: () => em(),
      signal: (id, e) => deadService.signal(id, razorpayEventSignal, e),
      mirror: { recordPayment: () => Promise.reject(new Error('unused')), recordRefund: () => Promise.reject(new Error('unused')) },
      logger: silentLogger,
      deadlineMs: 500,
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  try {
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/razorpay`;
    const raw = JSON.stringify(event);
    const post = () =>
      fetch(url, { method: 'POST', body: raw, headers: { 'x-razorpay-event-id': event.id, 'x-razorpay-signature': hmacHex(BILLING_KEYS.RAZORPAY_WEBHOOK_SECRET, raw) } });
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await em().count(WebhookEvent, { eventId: event.id })).toBe(0);
    // Razorpay's redelivery to the real API (Temporal up) is handled, not taken for a replay.
    expect(await kit.deliver(event)).toEqual({ status: 200, body: { ok: true } });
    expect(await em().findOne(WebhookEvent, { eventId: event.id })).toMatchObject({ subscriptionId });
  } finally {
    await new Promise((r) => server.close(r));
    for (const socket of sockets) socket.destroy();
    silent.close();
    await connection.close().catch(() => undefined);
  }
});
