/**
 * subscriptionWorkflow's dunning clock on Temporal's time-skipping test server (days pass in moments). The mirror's
 * activities are an in-memory map (test/fixtures/billing-map-mirror.ts); the mails go through the real
 * `sendBillingMail` and its texts to a recording mailer. Signals are sent half a day away from any timer (the test
 * server trips on a timer falling due while a signal's task is in flight).
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createBillingActivities } from '../activities/billing/billing.activities';
import type { ActivityDeps } from '../activities/deps';
import { razorpayEventSignal, subscriptionStateQuery, type BillingEventSignal } from '../contracts/billing';
import { workflowIds } from '../contracts/workflow-ids';
import type { MailMessage } from '../core/mail/mailer';
import { findTemporalTestServer } from '../infra/src/services/temporal-test-server';
import { loadStackConfig } from '../infra/src/stack-config';
import { BillingMapMirror } from '../test/fixtures/billing-map-mirror';
import { silentLogger, waitFor, workflowBundle } from '../test/harness';
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
