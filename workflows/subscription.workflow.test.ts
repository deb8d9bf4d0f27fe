/**
 * subscriptionWorkflow's dunning clock on Temporal's time-skipping test server (days pass in moments). The mirror's
 * activities are an in-memory map (test/fixtures/billing-map-mirror.ts); the mails go through the real
 * `sendBillingMail` and its texts to a recording mailer. Signals are sent half a day away from any timer (the test
 * server trips on a timer falling due while a signal's task is in flight).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { createBuildWorker } from '../activities/build-worker';
import { createBillingActivities } from '../activities/billing/billing.activities';
import type { ActivityDeps } from '../activities/deps';
import { razorpayEventSignal, subscriptionStateQuery, type BillingEventSignal } from '../contracts/billing';
import { workflowIds } from '../contracts/workflow-ids';
import { BillingMirror } from '../core/billing/billing-mirror';
import { BillingPaymentLink, Invoice, Subscription } from '../core/billing/billing.entities';
import { Invoices } from '../core/billing/invoices';
import { createRazorpayClient } from '../core/billing/razorpay';
import { ProjectEventStream } from '../core/events/project-event-stream';
import { createEmlMailer } from '../core/mail/eml-mailer';
import type { MailMessage } from '../core/mail/mailer';
import { User } from '../core/user/user.entity';
import { findTemporalTestServer } from '../infra/src/services/temporal-test-server';
import { loadStackConfig } from '../infra/src/stack-config';
import { RazorpayFake } from '../test/fakes/razorpay/razorpay-fake';
import { BillingMapMirror } from '../test/fixtures/billing-map-mirror';
import { seedRazorpaySubscription, toBillingSignal } from '../test/fixtures/billing-subscriptions';
import { seedProject } from '../test/fixtures/local-apps';
import { createTestDatabase, silentLogger, testServices, waitFor, workflowBundle } from '../test/harness';
import type { SubscriptionWorkflowInput } from './subscription.workflow';

const DAY = 24 * 60 * 60_000;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `subscription-${randomUUID()}`;
const map = new BillingMapMirror();
const mails: MailMessage[] = [];

beforeAll(async () => {
  const server = await findTemporalTestServer(loadStackConfig({ ATELIER_TOOLS_DIR: process.env.ATELIER_TOOLS_DIR }).toolsDir);
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: server } } });
  const mailer = { send: async (m: MailMessage) => void mails.push(m) };
  // Only the mail step is the real activity here; it needs nothing of the deps but billing and the logger.
  const { sendBillingMail } = createBillingActivities({ billing: { mirror: map, mailer, publicUrl: 'https://atelier.test' }, logger: silentLogger } as unknown as ActivityDeps);
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: { ...map.activities(), sendBillingMail },
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const handleOf = (subId: string) => env.client.workflow.getHandle(workflowIds.subscription(subId));
const state = (subId: string) => handleOf(subId).query(subscriptionStateQuery);
/** Signal-with-start, as the webhook route does; resolves once the workflow has handled `handled` signals. */
async function deliver(subId: string, events: BillingEventSignal[], handled: number, input: Partial<SubscriptionWorkflowInput> = {}) {
  for (const event of events) {
    await env.client.workflow.signalWithStart('subscriptionWorkflow', {
      taskQueue,
      workflowId: workflowIds.subscription(subId),
      args: [{ razorpaySubscriptionId: subId, ...input } satisfies SubscriptionWorkflowInput],
      signal: razorpayEventSignal,
      signalArgs: [event],
    });
  }
  return waitFor(`${handled} handled`, async () => {
    const s = await state(subId);
    return s.handled >= handled && s;
  });
}
/** The mails to the subscription's payer, by subject. */
const mailsTo = (email: string) => mails.filter((m) => m.to === email).map((m) => m.subject);
/** A failed renewal: Razorpay's payment.failed and subscription.pending. */
function failRenewal(subId: string) {
  const pay = map.charge(subId, false);
  return [map.event('payment.failed', subId, pay), map.event('subscription.pending', subId)];
}
const RETRY = (n: number) => `Payment failed: retry ${n} of 3`;
const FAILED = 'Payment failed: we will retry';
const DOWNGRADED = 'Moved to Free: your projects and files are kept';
const RECEIVED = 'Payment received: your plan is active';

test('a failed renewal is retried on days 1, 3 and 7 with a mailed link, downgraded on day 8, and restored by a payment after', async () => {
  const email = `dun-${randomUUID().slice(0, 6)}@example.test`;
  const sub = map.add(email);
  await deliver(sub, [map.event('subscription.activated', sub)], 1);
  const started = await deliver(sub, failRenewal(sub), 3);
  expect(started).toMatchObject({ status: 'pending', dunning: { attempts: 0, payUrl: null, amountDue: 149_900, downgraded: false } });
  const since = Date.parse(started.dunning!.since);
  expect(Date.parse(started.dunning!.nextRetryAt!)).toBe(since + DAY);
  expect(mailsTo(email)).toEqual([FAILED]);

  // Checkpoints half a day before and after each step.
  const at = async (days: number) => env.sleep(since + days * DAY - (await env.currentTimeMs()));
  await at(0.5);
  expect(mailsTo(email)).toEqual([FAILED]);
  await at(1.5);
  expect((await state(sub)).dunning).toMatchObject({ attempts: 1, payUrl: expect.stringMatching(/^https:\/\/rzp\.test\/l\//), nextRetryAt: new Date(since + 3 * DAY).toISOString() });
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1)]);
  await at(2.5);
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1)]);
  await at(3.5);
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1), RETRY(2)]);
  await at(6.5);
  expect(mailsTo(email)).toHaveLength(3);
  await at(7.5);
  expect((await state(sub)).dunning).toMatchObject({ attempts: 3, nextRetryAt: null, downgraded: false });
  expect(map.row(sub).grantsTier).toBe(true);
  const lastLink = mails.filter((m) => m.to === email).at(-1)!;
  expect(lastLink).toMatchObject({ subject: RETRY(3), link: (await state(sub)).dunning!.payUrl });
  expect(lastLink.text).toContain('₹1,499.00');
  await at(7.9);
  expect(mailsTo(email)).toHaveLength(4);
  await at(8.5);
  expect((await state(sub)).dunning).toMatchObject({ attempts: 3, downgraded: true });
  expect(map.row(sub)).toMatchObject({ grantsTier: false, dunning: { downgraded: true } });
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1), RETRY(2), RETRY(3), DOWNGRADED]);
  expect(map.links.size).toBeGreaterThanOrEqual(3);

  // Day 12: Razorpay has halted it; the payer pays the last link.
  await at(12);
  map.setStatus(sub, 'halted');
  const paid = map.payLink(sub);
  const restored = await deliver(sub, [map.event('subscription.halted', sub), map.event('payment_link.paid', sub, paid)], 5);
  expect(restored).toMatchObject({ status: 'halted', dunning: null });
  expect(map.row(sub)).toMatchObject({ grantsTier: true, dunning: null });
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1), RETRY(2), RETRY(3), DOWNGRADED, RECEIVED]);
  await at(30);
  expect(mailsTo(email)).toHaveLength(6);
  if (process.env.RECORD_HISTORIES) writeFileSync(join(__dirname, 'histories', 'subscription-dunning-downgrade-restore.json'), historyToJSON(await handleOf(sub).fetchHistory()));
});

test('a payment during dunning ends it at once: no further retries or mails', async () => {
  const email = `mid-${randomUUID().slice(0, 6)}@example.test`;
  const sub = map.add(email);
  const since = Date.parse((await deliver(sub, failRenewal(sub), 2)).dunning!.since);
  await env.sleep(since + 3.5 * DAY - (await env.currentTimeMs()));
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1), RETRY(2)]);
  const paid = map.payLink(sub);
  expect(await deliver(sub, [map.event('payment_link.paid', sub, paid), map.event('payment.captured', sub, paid)], 4)).toMatchObject({ dunning: null });
  await env.sleep(12 * DAY);
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1), RETRY(2), RECEIVED]);
  expect(map.row(sub)).toMatchObject({ grantsTier: true, dunning: null });
});

test("Razorpay's own retry succeeding on day 2 ends dunning with no further mails", async () => {
  const email = `own-${randomUUID().slice(0, 6)}@example.test`;
  const sub = map.add(email);
  const since = Date.parse((await deliver(sub, failRenewal(sub), 2)).dunning!.since);
  await env.sleep(since + 2 * DAY - (await env.currentTimeMs()));
  const pay = map.charge(sub, true);
  expect(await deliver(sub, [map.event('subscription.charged', sub, pay), map.event('payment.captured', sub, pay)], 4)).toMatchObject({ status: 'active', dunning: null });
  await env.sleep(12 * DAY);
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1), RECEIVED]);
});

test('a retry that finds the subscription paid (its webhook lost) ends dunning instead of mailing a link', async () => {
  const email = `lost-${randomUUID().slice(0, 6)}@example.test`;
  const sub = map.add(email);
  const since = Date.parse((await deliver(sub, failRenewal(sub), 2)).dunning!.since);
  await env.sleep(since + 0.5 * DAY - (await env.currentTimeMs()));
  map.charge(sub, true); // no event reaches the workflow
  await env.sleep(1 * DAY);
  expect(await state(sub)).toMatchObject({ status: 'active', dunning: null });
  await env.sleep(10 * DAY);
  expect(mailsTo(email)).toEqual([FAILED, RECEIVED]);
});

test('replayed and reordered events end in the same state', async () => {
  const [a, b] = [map.add(), map.add()];
  const history = (sub: string) => {
    const failed = map.charge(sub, false);
    const events = [map.event('payment.failed', sub, failed), map.event('subscription.pending', sub)];
    const ok = map.charge(sub, true);
    return [...events, map.event('subscription.charged', sub, ok), map.event('payment.captured', sub, ok)];
  };
  const inOrder = history(a);
  const shuffled = history(b);
  await deliver(a, inOrder, 4);
  // Reversed, and each delivered three times: the duplicates are dropped, the stale ones change nothing.
  const reversed = [...shuffled].reverse();
  const sb = await deliver(b, [...reversed, ...reversed, ...reversed], 4);
  const sa = await state(a);
  expect({ status: sb.status, dunning: sb.dunning, handled: sb.handled }).toEqual({ status: sa.status, dunning: sa.dunning, handled: sa.handled });
  expect(sa).toMatchObject({ status: 'active', dunning: null, handled: 4 });
  const { id: _a, razorpaySubscriptionId: _ra, subscriber: _sa, ...rowA } = map.row(a);
  const { id: _b, razorpaySubscriptionId: _rb, subscriber: _sb, ...rowB } = map.row(b);
  expect(rowB).toEqual(rowA);
});

test('continues as new with its status, dunning and seen event ids, and the dunning clock runs on', async () => {
  const email = `can-${randomUUID().slice(0, 6)}@example.test`;
  const sub = map.add(email);
  const first = failRenewal(sub);
  const before = await deliver(sub, first, 2, { maxHandled: 3 });
  const firstRun = (await handleOf(sub).describe()).runId;
  await deliver(sub, [map.event('subscription.pending', sub), map.event('subscription.pending', sub)], 1, { maxHandled: 3 });
  const continued = await waitFor('a continued run', async () => (await handleOf(sub).describe()).runId !== firstRun && (await state(sub)));
  expect(continued).toMatchObject({ status: 'pending', dunning: before.dunning });
  // A replay of an event the first run handled is dropped by the carried ids.
  const handled = (await state(sub)).handled;
  await deliver(sub, [first[0]], handled);
  await env.sleep(0.2 * DAY);
  expect((await state(sub)).handled).toBe(handled);
  await env.sleep(Date.parse(before.dunning!.since) + 1.5 * DAY - (await env.currentTimeMs()));
  expect(await state(sub)).toMatchObject({ dunning: { since: before.dunning!.since, attempts: 1 } });
  expect(mailsTo(email)).toEqual([FAILED, RETRY(1)]);
  if (process.env.RECORD_HISTORIES) {
    writeFileSync(join(__dirname, 'histories', 'subscription-dunning-continued.json'), historyToJSON(await env.client.workflow.getHandle(workflowIds.subscription(sub), firstRun).fetchHistory()));
  }
});

test('an ended subscription finishes after a quiet day; a late event starts it again', async () => {
  const sub = map.add();
  map.setStatus(sub, 'cancelled');
  await deliver(sub, [map.event('subscription.cancelled', sub)], 1);
  await expect(handleOf(sub).result()).resolves.toMatchObject({ status: 'cancelled', dunning: null, handled: 1 });
  const again = await deliver(sub, [map.event('subscription.cancelled', sub)], 1);
  expect(again).toMatchObject({ status: 'cancelled', handled: 1 });
  await handleOf(sub).terminate('done');
});

describe('with the real activities, PostgreSQL and the Razorpay wire fake', () => {
  const realQueue = `subscription-real-${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'atelier-dunning-mail-'));
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: RazorpayFake;
  let redis: Redis;
  let realWorker: Worker;
  let realRunning: Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = await new RazorpayFake().start();
    redis = new Redis(testServices().redisUrl);
    const razorpayConfig = { keyId: fake.keyId, keySecret: fake.keySecret, webhookSecret: fake.webhookSecret, apiUrl: fake.url };
    const invoices = new Invoices({
      supplier: { name: 'Atelier Labs Pvt Ltd', address: '1 MG Road, Bengaluru 560001', gstin: '29ABCDE1234F1Z5', stateCode: '29' },
      sac: '998314',
      invoicePrefix: 'ATL',
      creditNotePrefix: 'ATC',
    });
    const mirror = new BillingMirror({ orm: db.orm, razorpay: createRazorpayClient(razorpayConfig), razorpayConfig, invoices, logger: silentLogger });
    realWorker = await createBuildWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue: realQueue,
      deps: {
        orm: db.orm,
        events: new ProjectEventStream(redis),
        logger: silentLogger,
        scaffoldFileDelayMs: 0,
        billing: { mirror, mailer: createEmlMailer({ dir, logger: silentLogger }), publicUrl: 'https://atelier.test' },
      },
      workflowBundle: await workflowBundle(),
    });
    realRunning = realWorker.run();
  });
  afterAll(async () => {
    realWorker?.shutdown();
    await realRunning;
    redis?.disconnect();
    await fake?.close();
    await db?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const subjects = () => readdirSync(dir).map((f) => /^Subject: (.*)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1]);

  test('a failed renewal is dunned on days 1, 3 and 7, moved to Free on day 8, and a paid link restores pro', async () => {
    const { userId } = await seedProject(db.orm, { tier: 'free' });
    const { subId, customerId } = await seedRazorpaySubscription(db.orm, fake, userId);
    let delivered = fake.events.length;
    /** The fake's new events, as the webhook route signals them; resolves once all are handled. */
    const deliverNew = async () => {
      const signals = fake.events.slice(delivered).map((e) => toBillingSignal(e, subId)).filter((e) => e !== null);
      delivered = fake.events.length;
      const before = (await state(subId).catch(() => ({ handled: 0 }))).handled;
      await env.client.workflow.signalWithStart('subscriptionWorkflow', {
        taskQueue: realQueue,
        workflowId: workflowIds.subscription(subId),
        args: [{ razorpaySubscriptionId: subId } satisfies SubscriptionWorkflowInput],
        signal: razorpayEventSignal,
        signalArgs: [signals[0]],
      });
      for (const signal of signals.slice(1)) await handleOf(subId).signal(razorpayEventSignal, signal);
      return waitFor('the events handled', async () => {
        const s = await state(subId);
        return s.handled >= before + signals.length && s;
      });
    };
    const row = () => db.orm.em.fork().findOneOrFail(Subscription, { razorpaySubscriptionId: subId });
    const tier = async () => (await db.orm.em.fork().findOneOrFail(User, { id: userId })).tier;
    const links = async () => db.orm.em.fork().count(BillingPaymentLink, { subscriptionId: (await row()).id, purpose: 'dunning' });

    fake.checkoutPay({ subscriptionId: subId }, { customerId });
    expect(await deliverNew()).toMatchObject({ status: 'active', dunning: null });
    expect(await tier()).toBe('pro');
    fake.chargeSubscription(subId, { fail: true });
    const started = await deliverNew();
    expect(started).toMatchObject({ status: 'pending', dunning: { attempts: 0, downgraded: false } });
    const since = Date.parse(started.dunning!.since);
    const at = async (days: number) => env.sleep(since + days * DAY - (await env.currentTimeMs()));

    await at(1.5);
    expect(await links()).toBe(1);
    await at(3.5);
    expect(await links()).toBe(2);
    await at(7.5);
    expect(await links()).toBe(3);
    expect(await tier()).toBe('pro');
    await at(8.5);
    expect(await row()).toMatchObject({ grantsTier: false, dunning: { attempts: 3, downgraded: true } });
    expect(await tier()).toBe('free');

    const last = await db.orm.em.fork().findOneOrFail(BillingPaymentLink, { subscriptionId: (await row()).id }, { orderBy: { createdAt: 'desc' } });
    fake.payPaymentLink(last.razorpayPaymentLinkId);
    expect(await deliverNew()).toMatchObject({ dunning: null });
    expect(await row()).toMatchObject({ grantsTier: true, dunning: null });
    expect(await tier()).toBe('pro');
    expect(await db.orm.em.fork().count(Invoice, { kind: 'invoice', subscriberId: userId })).toBe(2);
    expect(subjects().sort()).toEqual([FAILED, RETRY(1), RETRY(2), RETRY(3), DOWNGRADED, RECEIVED].sort());
    await handleOf(subId).terminate('done');
  });

  test('a subscription Atelier did not create (made on the dashboard) ends its workflow instead of waiting forever', async () => {
    const razorpay = createRazorpayClient({ keyId: fake.keyId, keySecret: fake.keySecret, apiUrl: fake.url });
    const plan = await razorpay.plans.create({ period: 'monthly', interval: 1, item: { name: 'Dashboard plan', amount: 50_000, currency: 'INR' } });
    const foreign = await razorpay.subscriptions.create({ plan_id: plan.id, total_count: 12, customer_notify: 0 });
    await env.client.workflow.signalWithStart('subscriptionWorkflow', {
      taskQueue: realQueue,
      workflowId: workflowIds.subscription(foreign.id),
      args: [{ razorpaySubscriptionId: foreign.id } satisfies SubscriptionWorkflowInput],
      signal: razorpayEventSignal,
      signalArgs: [{ eventId: `evt_${randomUUID().slice(0, 8)}`, event: 'subscription.activated', createdAt: fake.now, subscriptionId: foreign.id }],
    });
    await expect(handleOf(foreign.id).result()).resolves.toMatchObject({ status: null, dunning: null, handled: 1 });
    expect(await db.orm.em.fork().count(Subscription, { razorpaySubscriptionId: foreign.id })).toBe(0);
  });
});
