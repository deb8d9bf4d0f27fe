/**
 * `npm run bench -- billing [n]`: billing on the test stack, Razorpay played by its wire fake (the real SDK pointed at
 * it), a worker running `subscriptionWorkflow`.
 *  1. Webhook handling: a signed `POST /webhooks/razorpay` of a renewal's events until its 200 (signature check,
 *     dedupe insert, subscription lookup, signal-with-start), and until its state is applied in PostgreSQL (the
 *     renewal's invoice exists: the workflow fetched the subscription and the payment, wrote them, issued the
 *     invoice). Baseline in the same run: an unsigned POST to the same route (refused at the signature, no I/O).
 *  2. Invoice generation: `Invoices.issueForPayment` in a transaction (the counter row lock, the insert) plus
 *     `renderInvoicePdf`. Baseline: a bare insert of one row into the same database.
 * `n` (default 40) renewals and invoices.
 */
import { randomUUID } from 'node:crypto';
import { Invoice, Payment, BillingCustomer, WebhookEvent } from '../core/billing/billing.entities';
import { renderInvoicePdf } from '../core/billing/invoice-pdf';
import { Invoices, invoiceSettingsFromConfig } from '../core/billing/invoices';
import { loadConfig } from '../core/config';
import { createBillingKit, type Delivery } from '../test/fixtures/billing-api';
import { waitFor } from '../test/harness';
import { printTable, type Row } from './stats';

const SUBSCRIBE = 'mutation($p: ID!) { subscribe(planId: $p) { subscriptionId } }';

export async function run(args: string[]): Promise<void> {
  const n = Number(args[0] ?? 40);
  const kit = await createBillingKit();
  try {
    await kit.startWorker();
    const em = () => kit.stack.db.orm.em.fork();

    // One subscription, paid once through its webhooks, then renewed n times.
    const userId = await kit.person('Bench');
    const { subscriptionId } = (await kit.ok(SUBSCRIBE, { p: 'pro-monthly' }, userId)).subscribe as { subscriptionId: string };
    let mark = kit.fake.events.length;
    kit.fake.checkoutPay({ subscriptionId });
    for (const d of kit.fake.events.slice(mark) as Delivery[]) await kit.deliver(d);
    await waitFor('first invoice', async () => (await em().count(Invoice, { subscriberId: userId })) === 1, 60_000);

    const unsigned: number[] = [];
    const answered: number[] = [];
    const applied: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const refused = await kit.deliver('{"event":"payment.captured","payload":{}}', { eventId: `evt_bench_${i}`, signature: null });
      unsigned.push(performance.now() - t0);
      if (refused.status !== 400) throw new Error(`unsigned POST answered ${refused.status}`);

      mark = kit.fake.events.length;
      kit.fake.chargeSubscription(subscriptionId);
      const renewal = kit.fake.events.slice(mark) as Delivery[];
      const start = performance.now();
      for (const d of renewal) {
        const t = performance.now();
        const answer = await kit.deliver(d);
        answered.push(performance.now() - t);
        if (answer.status !== 200) throw new Error(`signed POST answered ${answer.status}`);
      }
      // Polled every 2 ms (waitFor's 100 ms would swamp the measure).
      while ((await em().count(Invoice, { subscriberId: userId })) !== i + 2) {
        if (performance.now() - start > 60_000) throw new Error('renewal not invoiced within 60 s');
        await new Promise((r) => setTimeout(r, 2));
      }
      applied.push(performance.now() - start);
    }

    const webhookRows: Row[] = [
      { name: 'baseline: unsigned POST → 400', samples: unsigned },
      { name: 'signed POST → 200', samples: answered },
      { name: 'renewal POSTs → invoice in PostgreSQL', samples: applied },
    ];
    printTable(`Webhook handling (${n} renewals, ${answered.length / n} events each)`, webhookRows);

    const invoices = new Invoices(invoiceSettingsFromConfig(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/unused', REDIS_URL: 'redis://127.0.0.1' })));
    const payer = await kit.person('Invoice bench');
    const customer = em().create(BillingCustomer, { subscriberKind: 'user', subscriberId: payer, name: 'Bench Ltd', email: 'bench@example.com', country: 'IN', stateCode: '27' });
    await em().persistAndFlush(customer);
    const issued: number[] = [];
    const rendered: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < n; i++) {
      const fork = em();
      const payment = fork.create(Payment, {
        razorpayPaymentId: `pay_bench_${randomUUID().slice(0, 12)}`,
        kind: 'order',
        customerId: customer.id,
        amount: 149_900,
        currency: 'INR',
        status: 'captured',
        capturedAt: new Date(),
      });
      await fork.flush();
      const t0 = performance.now();
      const invoice = await fork.transactional((tx) => invoices.issueForPayment(tx, payment, customer, { kind: 'user', id: payer }, 'Atelier Pro (monthly)'));
      const t1 = performance.now();
      await renderInvoicePdf(invoice);
      const t2 = performance.now();
      issued.push(t2 - t0);
      rendered.push(t2 - t1);

      const b0 = performance.now();
      await em().insert(WebhookEvent, { eventId: `evt_bare_${randomUUID()}`, event: 'bench' });
      bare.push(performance.now() - b0);
    }

    printTable(`Invoice generation (${n} invoices)`, [
      { name: 'baseline: bare insert', samples: bare },
      { name: 'issue + PDF', samples: issued },
      { name: '  of which the PDF', samples: rendered },
    ]);
  } finally {
    await kit.dispose();
  }
}
