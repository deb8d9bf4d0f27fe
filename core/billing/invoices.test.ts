/**
 * Invoices over real PostgreSQL: consecutive numbers under concurrency, no gap after a rollback, the financial-year
 * rollover in IST, GST on issued invoices, credit notes. Each test issues in financial years of its own, so the
 * counters of one test never see another's.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ErrorCode } from '../../contracts/errors';
import { ConfigError, loadConfig } from '../config';
import { createTestDatabase } from '../../test/harness';
import { BillingCustomer, Invoice, InvoiceCounter, Payment } from './billing.entities';
import { BillingError } from './billing.errors';
import { renderInvoicePdf } from './invoice-pdf';
import { Invoices, invoiceSettingsFromConfig } from './invoices';

let db: { orm: MikroORM; dispose(): Promise<void> };
const invoices = new Invoices({
  supplier: { name: 'Atelier Software Pvt Ltd', address: '1 MG Road, Bengaluru', gstin: '29ABCDE1234F1Z5', stateCode: '29' },
  sac: '998314',
  invoicePrefix: 'ATL',
  creditNotePrefix: 'ATC',
});

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.dispose();
});

async function customer(fields: Partial<BillingCustomer> = {}): Promise<BillingCustomer> {
  const em = db.orm.em.fork();
  const c = em.create(BillingCustomer, { subscriberKind: 'user', subscriberId: randomUUID(), name: 'Asha Rao', email: 'asha@example.com', country: 'IN', stateCode: '29', ...fields });
  await em.flush();
  return c;
}

async function payments(c: BillingCustomer, count: number, amount = 149_900, currency: 'INR' | 'USD' = 'INR'): Promise<Payment[]> {
  const em = db.orm.em.fork();
  const rows = Array.from({ length: count }, () =>
    em.create(Payment, { razorpayPaymentId: `pay_${randomUUID().slice(0, 14)}`, kind: 'subscription', customerId: c.id, amount, currency, status: 'captured' }),
  );
  await em.flush();
  return rows;
}

const subscriberOf = (c: BillingCustomer) => ({ kind: c.subscriberKind, id: c.subscriberId });
const issue = (p: Payment, c: BillingCustomer, at: Date, em?: EntityManager) =>
  (em ?? db.orm.em.fork()).transactional((tx) => invoices.issueForPayment(tx, p, c, subscriberOf(c), 'Atelier Pro, monthly', at));

async function counter(kind: 'invoice' | 'credit_note', financialYear: string): Promise<number | undefined> {
  return (await db.orm.em.fork().findOne(InvoiceCounter, { kind, financialYear }))?.lastSeq;
}

test('50 concurrent charges, each in its own transaction, get 000001 to 000050 with no gap and no duplicate', async () => {
  const c = await customer();
  const ps = await payments(c, 50);
  const at = new Date('2030-06-01T10:00:00Z');
  const issued = await Promise.all(ps.map((p) => issue(p, c, at)));
  expect(issued.map((i) => i.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect(new Set(issued.map((i) => i.number)).size).toBe(50);
  expect(issued.every((i) => /^ATL\/30-31\/0000[0-5]\d$/.test(i.number) && i.number.length <= 16)).toBe(true);
  const stored = await db.orm.em.fork().find(Invoice, { financialYear: '30-31', kind: 'invoice' }, { orderBy: { seq: 'asc' } });
  expect(stored.map((i) => i.number)).toEqual(Array.from({ length: 50 }, (_, i) => `ATL/30-31/${String(i + 1).padStart(6, '0')}`));
  expect(new Set(stored.map((i) => i.paymentId))).toEqual(new Set(ps.map((p) => p.id)));
  expect(await counter('invoice', '30-31')).toBe(50);
});

test('a transaction that rolls back after taking a number gives it back: the next invoice takes it, no gap', async () => {
  const c = await customer();
  const [first, doomed, next] = await payments(c, 3);
  const at = new Date('2031-05-01T00:00:00Z');
  expect((await issue(first, c, at)).number).toBe('ATL/31-32/000001');
  await expect(
    db.orm.em.fork().transactional(async (tx) => {
      const taken = await invoices.issueForPayment(tx, doomed, c, subscriberOf(c), 'Atelier Pro, monthly', at);
      expect(taken.number).toBe('ATL/31-32/000002');
      throw new Error('the charge is rolled back');
    }),
  ).rejects.toThrow('the charge is rolled back');
  expect(await db.orm.em.fork().findOne(Invoice, { paymentId: doomed.id })).toBeNull();
  expect((await issue(next, c, at)).number).toBe('ATL/31-32/000002');
  expect((await issue(doomed, c, at)).number).toBe('ATL/31-32/000003');
  expect(await counter('invoice', '31-32')).toBe(3);
});

test('refuses to take a number outside a transaction (it would commit alone and could leave a gap)', async () => {
  const c = await customer();
  const [p] = await payments(c, 1);
  await expect(invoices.issueForPayment(db.orm.em.fork(), p, c, subscriberOf(c), 'x', new Date('2032-05-01T00:00:00Z'))).rejects.toThrow(/transaction/);
  expect(await counter('invoice', '32-33')).toBeUndefined();
});

test('issueForPayment is idempotent per payment, also when called concurrently', async () => {
  const c = await customer();
  const [p, q] = await payments(c, 2);
  const at = new Date('2033-07-01T00:00:00Z');
  const once = await issue(p, c, at);
  const again = await issue(p, c, new Date('2034-07-01T00:00:00Z'));
  expect(again.id).toBe(once.id);
  expect(again.number).toBe('ATL/33-34/000001');
  const racing = await Promise.all(Array.from({ length: 8 }, () => issue(q, c, at)));
  expect(new Set(racing.map((i) => i.id)).size).toBe(1);
  expect(racing[0].number).toBe('ATL/33-34/000002');
  expect(await db.orm.em.fork().count(Invoice, { paymentId: { $in: [p.id, q.id] } })).toBe(2);
  expect(await counter('invoice', '33-34')).toBe(2);
  expect(await counter('invoice', '34-35')).toBeUndefined();
});

test('the financial year rolls over at midnight IST on 1 April: 23:59 on 31 March is the old year, 00:00 starts 000001', async () => {
  const c = await customer();
  const [a, b, d] = await payments(c, 3);
  expect((await issue(a, c, new Date('2036-03-31T18:29:00Z'))).number).toBe('ATL/35-36/000001'); // 23:59 IST, 31 March
  expect((await issue(b, c, new Date('2036-03-31T18:30:00Z'))).number).toBe('ATL/36-37/000001'); // 00:00 IST, 1 April
  const late = await issue(d, c, new Date('2036-03-31T20:00:00Z')); // still 31 March in UTC
  expect(late.number).toBe('ATL/36-37/000002');
  expect(late.financialYear).toBe('36-37');
});

test('issued invoices carry the exact GST split, place of supply and customer details for intra, inter and export', async () => {
  const at = new Date('2037-04-10T00:00:00Z');
  const ka = await customer({ gstin: '29AAPFU0939F1ZV', address: 'Indiranagar, Bengaluru' });
  const mh = await customer({ stateCode: '27' });
  const noState = await customer({ stateCode: null });
  const us = await customer({ country: 'US', stateCode: null, name: 'Ada Lovelace' });
  const intra = await issue((await payments(ka, 1))[0], ka, at);
  expect(intra).toMatchObject({ taxKind: 'intra', taxableValue: 127_034, cgst: 11_433, sgst: 11_433, igst: 0, total: 149_900, placeOfSupply: '29-Karnataka', customerGstin: '29AAPFU0939F1ZV', customerAddress: 'Indiranagar, Bengaluru', currency: 'INR', sac: '998314' });
  const inter = await issue((await payments(mh, 1))[0], mh, at);
  expect(inter).toMatchObject({ taxKind: 'inter', taxableValue: 127_034, cgst: 0, sgst: 0, igst: 22_866, placeOfSupply: '27-Maharashtra' });
  const home = await issue((await payments(noState, 1))[0], noState, at);
  expect(home).toMatchObject({ taxKind: 'intra', cgst: 11_433, sgst: 11_433, placeOfSupply: '29-Karnataka' });
  const exported = await issue((await payments(us, 1, 1_900, 'USD'))[0], us, at);
  expect(exported).toMatchObject({ taxKind: 'export', taxableValue: 1_900, cgst: 0, sgst: 0, igst: 0, total: 1_900, currency: 'USD', customerCountry: 'US', placeOfSupply: '96-Other Countries' });
  const onePaisa = await issue((await payments(ka, 1, 1))[0], ka, at);
  expect(onePaisa).toMatchObject({ taxableValue: 1, cgst: 0, sgst: 0, total: 1 });
  const stored = await db.orm.em.fork().findOneOrFail(Invoice, { id: intra.id });
  expect(stored.supplier).toEqual({ name: 'Atelier Software Pvt Ltd', address: '1 MG Road, Bengaluru', gstin: '29ABCDE1234F1Z5', stateCode: '29' });
  expect(stored.subscriberId).toBe(ka.subscriberId);
  expect((await invoices.list(db.orm.em.fork(), subscriberOf(ka), 10)).map((i) => i.id).sort()).toEqual([intra.id, onePaisa.id].sort());
});

test('credit notes: numbered ATC/…, idempotent per refund, split by the same rule, never beyond the invoice, and summing to it exactly', async () => {
  const c = await customer();
  const at = new Date('2038-05-01T00:00:00Z');
  const original = await issue((await payments(c, 1))[0], c, at);
  const credit = (refundId: string, amount: number) =>
    db.orm.em.fork().transactional((tx) => invoices.issueCreditNote(tx, { refundId, amount, original, at: new Date('2038-05-02T00:00:00Z') }));
  // 50000 × 100 / 118 = 42372.88 → 42373; tax 7627 → CGST 3813 + SGST 3814.
  const first = await credit('rfnd_1', 50_000);
  expect(first).toMatchObject({ kind: 'credit_note', number: 'ATC/38-39/000001', refundId: 'rfnd_1', originalInvoiceId: original.id, taxKind: 'intra', taxableValue: 42_373, cgst: 3_813, sgst: 3_814, igst: 0, total: 50_000 });
  expect(first.description).toContain(original.number);
  expect((await credit('rfnd_1', 50_000)).id).toBe(first.id);
  const second = await credit('rfnd_2', 50_000);
  expect(second.number).toBe('ATC/38-39/000002');
  const tooMuch = await credit('rfnd_3', 49_901).catch((e: unknown) => e);
  expect(tooMuch).toBeInstanceOf(BillingError);
  expect((tooMuch as BillingError).code).toBe(ErrorCode.PAYMENT_DETAILS_INVALID);
  // The last 49900 takes what is left of each part: taxable 127034 - 84746 = 42288, CGST 11433 - 7626 = 3807,
  // SGST 11433 - 7628 = 3805 (the rule alone would give 3806 + 3806 and reverse one paisa more SGST than charged).
  const last = await credit('rfnd_3', 49_900);
  expect(last).toMatchObject({ number: 'ATC/38-39/000003', taxableValue: 42_288, cgst: 3_807, sgst: 3_805, total: 49_900 });
  const notes = [first, second, last];
  for (const part of ['taxableValue', 'cgst', 'sgst', 'igst', 'total'] as const) {
    expect(notes.reduce((s, n) => s + n[part], 0)).toBe(original[part]);
  }
  await expect(credit('rfnd_4', 1)).rejects.toBeInstanceOf(BillingError);
  expect(await counter('credit_note', '38-39')).toBe(3);
  expect(await counter('invoice', '38-39')).toBe(1);
});

test('a credit note keeps the original’s tax kind: IGST for an inter-state invoice, zero-rated for an export', async () => {
  const at = new Date('2039-05-01T00:00:00Z');
  const mh = await customer({ stateCode: '27' });
  const us = await customer({ country: 'US', stateCode: null });
  const inter = await issue((await payments(mh, 1))[0], mh, at);
  const exported = await issue((await payments(us, 1, 1_900, 'USD'))[0], us, at);
  const note = (original: Invoice, refundId: string, amount: number) =>
    db.orm.em.fork().transactional((tx) => invoices.issueCreditNote(tx, { refundId, amount, original, at }));
  // 74950 × 100 / 118 = 63516.95 → 63517; tax 11433, all IGST.
  expect(await note(inter, 'rfnd_i', 74_950)).toMatchObject({ taxKind: 'inter', taxableValue: 63_517, cgst: 0, sgst: 0, igst: 11_433, placeOfSupply: '27-Maharashtra' });
  expect(await note(exported, 'rfnd_e', 950)).toMatchObject({ taxKind: 'export', taxableValue: 950, igst: 0, currency: 'USD', placeOfSupply: '96-Other Countries' });
});

test('invoiceSettingsFromConfig reads the supplier, SAC and prefixes, and refuses a prefix that makes numbers longer than 16', () => {
  const env = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/atelier', REDIS_URL: 'redis://127.0.0.1:6379' };
  expect(invoiceSettingsFromConfig(loadConfig(env))).toEqual({
    supplier: { name: 'Atelier', address: expect.any(String), gstin: '29AAAAA0000A1Z5', stateCode: '29' },
    sac: '998314',
    invoicePrefix: 'ATL',
    creditNotePrefix: 'ATC',
  });
  const custom = loadConfig({ ...env, ATELIER_GST_SUPPLIER_NAME: 'Acme', ATELIER_GST_SUPPLIER_GSTIN: '27ABCDE1234F1Z5', ATELIER_GST_SUPPLIER_STATE: '27', ATELIER_GST_SAC: '998315', ATELIER_INVOICE_PREFIX: 'INV', ATELIER_CREDIT_NOTE_PREFIX: 'CN' });
  expect(invoiceSettingsFromConfig(custom)).toMatchObject({ supplier: { name: 'Acme', gstin: '27ABCDE1234F1Z5', stateCode: '27' }, sac: '998315', invoicePrefix: 'INV', creditNotePrefix: 'CN' });
  expect(() => invoiceSettingsFromConfig(loadConfig({ ...env, ATELIER_INVOICE_PREFIX: 'ATLX' }))).toThrow(ConfigError);
  expect(() => new Invoices({ ...invoices.settings, creditNotePrefix: 'ABCD' })).toThrow(/at most 16 characters/);
});

test('prints the time to issue one invoice and render its PDF (median of 50; informational, not asserted)', async () => {
  const c = await customer();
  const ps = await payments(c, 50);
  const at = new Date('2040-05-01T00:00:00Z');
  const times: number[] = [];
  for (const p of ps) {
    const start = process.hrtime.bigint();
    const invoice = await issue(p, c, at);
    const pdf = await renderInvoicePdf(invoice);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    expect(pdf.length).toBeGreaterThan(1000);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`\n[invoices] issue + PDF, 50 runs: median ${times[25].toFixed(1)} ms, p95 ${times[47].toFixed(1)} ms, max ${times[49].toFixed(1)} ms\n`);
  expect(await counter('invoice', '40-41')).toBe(50);
});
