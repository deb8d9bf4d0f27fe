import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { razorpayEventSignal, subscriptionStateQuery } from '../contracts/billing';
import { workflowIds } from '../contracts/workflow-ids';
import { BillingPaymentLink, Invoice, Payment, Subscription } from '../core/billing/billing.entities';
import { User } from '../core/user/user.entity';
import type { SubscriptionWorkflowInput } from '../workflows/subscription.workflow';
import { RazorpayFake } from './fakes/razorpay/razorpay-fake';
import { seedRazorpaySubscription, toBillingSignal } from './fixtures/billing-subscriptions';
import { seedProject } from './fixtures/local-apps';
import { waitFor } from './harness';
import { useWorkerProcesses } from './worker-process';

/**
 * A subscription's whole life through its webhooks — checkout, a renewal, a failed renewal, three dunning retries,
 * the downgrade to Free, the payer paying the last link — with the real worker process, PostgreSQL and the Razorpay
 * wire fake, while the worker is SIGKILLed at random points KILLS times. Every event is delivered twice. The end
 * state is exact: one payment row per Razorpay payment, one invoice per captured payment, one link per retry, the
 * tier back, dunning over. Each step's mail arrives exactly once: a send retried after a kill finds
 * its keyed `.eml` already written. A dunning "day" is DAY_MS here (the workflow's `dayMs`), so the whole dunning takes seconds.
 */
const KILLS = Number(process.env.BILLING_DURABILITY_KILLS ?? 5);
const DAY_MS = 2_500;
let fake: RazorpayFake;
const mailDir = mkdtempSync(join(tmpdir(), 'atelier-billing-mail-'));
beforeAll(async () => {
  fake = await new RazorpayFake().start();
});
afterAll(async () => {
  await fake?.close();
  rmSync(mailDir, { recursive: true, force: true });
});
const workers = useWorkerProcesses('billing-durability');

/** Subjects of the `.eml` files written so far. */
const mailSubjects = () =>
  readdirSync(mailDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => /^Subject: (.*)$/m.exec(readFileSync(join(mailDir, f), 'utf8'))?.[1] ?? '');

it(`runs a whole dunning exactly once although the worker is SIGKILLed ${KILLS} times`, async () => {
  const { stack } = workers;
  const orm = stack.db.orm;
  const env = {
    RAZORPAY_KEY_ID: fake.keyId,
    RAZORPAY_KEY_SECRET: fake.keySecret,
    RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
    ATELIER_RAZORPAY_API_URL: fake.url,
    ATELIER_MAIL_DIR: mailDir,
    ATELIER_PUBLIC_URL: 'https://atelier.test',
  };
  const { userId } = await seedProject(orm, { tier: 'free' });
  const { subId, customerId } = await seedRazorpaySubscription(orm, fake, userId);
  const handle = () => stack.temporal.workflow.getHandle(workflowIds.subscription(subId));
  let delivered = 0;
  /** Signals the fake's events since the last call, each twice (a replayed delivery), as the webhook route would. */
  const deliverNew = async () => {
    for (const event of fake.events.slice(delivered)) {
      const signal = toBillingSignal(event, subId);
      for (const _copy of [1, 2]) {
        if (!signal) continue;
        await stack.temporal.workflow.signalWithStart('subscriptionWorkflow', {
          taskQueue: stack.taskQueue,
          workflowId: workflowIds.subscription(subId),
          args: [{ razorpaySubscriptionId: subId, dayMs: DAY_MS } satisfies SubscriptionWorkflowInput],
          signal: razorpayEventSignal,
          signalArgs: [signal],
        });
      }
    }
    delivered = fake.events.length;
  };
  const row = () => orm.em.fork().findOneOrFail(Subscription, { razorpaySubscriptionId: subId });

  // The worker dies at random points while the sequence runs, then one stays.
  let kills = 0;
  const chaos = (async () => {
    for (let i = 0; i < KILLS; i++) {
      const worker = await workers.start(env);
      await new Promise((r) => setTimeout(r, 500 + Math.floor(Math.random() * 3000)));
      await workers.kill(worker);
      kills++;
    }
    await workers.start(env);
  })();

  fake.checkoutPay({ subscriptionId: subId }, { customerId });
  await deliverNew();
  await waitFor('the subscription active', async () => (await row()).status === 'active', 120_000);
  fake.chargeSubscription(subId);
  await deliverNew();
  fake.chargeSubscription(subId, { fail: true });
  await deliverNew();
  const downgraded = await waitFor('the downgrade after three retries', async () => ((await row()).dunning?.downgraded ? row() : null), 300_000);
  expect(downgraded).toMatchObject({ grantsTier: false, dunning: { attempts: 3, nextRetryAt: null } });
  expect(await orm.em.fork().findOneOrFail(User, { id: userId })).toMatchObject({ tier: 'free' });

  // The payer pays the last link.
  const links = await orm.em.fork().find(BillingPaymentLink, { subscriptionId: downgraded.id }, { orderBy: { createdAt: 'asc' } });
  fake.payPaymentLink(links.at(-1)!.razorpayPaymentLinkId);
  await deliverNew();
  await chaos;
  const end = await waitFor('dunning to end', async () => {
    const r = await row();
    return r.dunning === null && r.grantsTier && r;
  }, 300_000);
  expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 3));

  // Razorpay's truth, mirrored exactly once.
  expect(end.status).toBe(fake.subscriptions.get(subId)!.status);
  const payments = await orm.em.fork().find(Payment, {});
  expect(payments.map((p) => [p.razorpayPaymentId, p.status]).sort()).toEqual(
    [...fake.payments.values()].filter((p) => p.status !== 'authorized').map((p) => [p.id, p.status]).sort(),
  );
  const captured = payments.filter((p) => p.status === 'captured');
  expect(captured).toHaveLength(3); // the first charge, the renewal, the link
  const invoices = await orm.em.fork().find(Invoice, { kind: 'invoice' });
  expect(invoices.map((i) => i.paymentId).sort()).toEqual(captured.map((p) => p.id).sort());
  expect(links.map((l) => l.purpose)).toEqual(['dunning', 'dunning', 'dunning']);
  expect(fake.paymentLinks.size).toBe(3);
  expect(await orm.em.fork().findOneOrFail(User, { id: userId })).toMatchObject({ tier: 'pro' });
  expect(await handle().query(subscriptionStateQuery)).toMatchObject({ status: end.status, dunning: null });

  const subjects = mailSubjects();
  const expected = [
    'Payment failed: we will retry',
    'Payment failed: retry 1 of 3',
    'Payment failed: retry 2 of 3',
    'Payment failed: retry 3 of 3',
    'Moved to Free: your projects and files are kept',
    'Payment received: your plan is active',
  ];
  expect([...new Set(subjects)].sort()).toEqual([...expected].sort());
  // Keyed mails (core/mail MailMessage.key): a send retried after a kill writes no second file.
  for (const subject of expected) expect(subjects.filter((s) => s === subject).length).toBe(1);
  await handle().terminate('done');
}, 900_000);
