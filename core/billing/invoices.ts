/**
 * Issues GST invoices for captured payments and credit notes for refunds, numbered `<prefix>/<yy-yy>/<000001>`
 * consecutively per kind and financial year. The number comes from an upsert on `invoice_counters` inside the
 * caller's transaction: the counter row stays locked until that transaction ends, so concurrent charges queue for
 * it (no duplicates), and a transaction that rolls back rolls its number back with it (no gaps).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../../contracts/errors';
import { INVOICE_NUMBER_MAX, type SubscriberKind } from '../../contracts/billing';
import { ConfigError, type AppConfig } from '../config';
import { Invoice, type BillingCustomer, type InvoiceKind, type Payment, type TaxKind } from './billing.entities';
import { BillingError } from './billing.errors';
import { financialYearOf, gstSplit, placeOfSupply, taxKindOf, type GstBreakdown, type Supplier } from './gst';

/** Who issues invoices and how they are numbered. */
export interface InvoiceSettings {
  supplier: Supplier;
  /** SAC printed on every line (default 998314). */
  sac: string;
  /** `ATL`: invoices are `ATL/26-27/000001`. */
  invoicePrefix: string;
  /** `ATC`: credit notes are `ATC/26-27/000001`. */
  creditNotePrefix: string;
}

const SEQ_DIGITS = 6;
const MAX_SEQ = 10 ** SEQ_DIGITS - 1;

/** `ATL/26-27/000123`; refuses anything longer than 16 characters (CGST Rule 46) or a sequence beyond 6 digits. */
export function formatInvoiceNumber(prefix: string, financialYear: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`Invoice sequence ${seq} does not fit ${SEQ_DIGITS} digits`);
  const number = `${prefix}/${financialYear}/${String(seq).padStart(SEQ_DIGITS, '0')}`;
  if (number.length > INVOICE_NUMBER_MAX) throw new RangeError(`Invoice number ${number} is longer than ${INVOICE_NUMBER_MAX} characters`);
  return number;
}

/** The longest prefix that keeps `<prefix>/<yy-yy>/<6 digits>` within 16 characters. */
export const INVOICE_PREFIX_MAX = INVOICE_NUMBER_MAX - '/26-27/'.length - SEQ_DIGITS;

/** Invoice settings from validated config; refuses a prefix that would make numbers longer than 16 characters. */
export function invoiceSettingsFromConfig(config: AppConfig): InvoiceSettings {
  const settings: InvoiceSettings = {
    supplier: {
      name: config.ATELIER_GST_SUPPLIER_NAME,
      address: config.ATELIER_GST_SUPPLIER_ADDRESS,
      gstin: config.ATELIER_GST_SUPPLIER_GSTIN,
      stateCode: config.ATELIER_GST_SUPPLIER_STATE,
    },
    sac: config.ATELIER_GST_SAC,
    invoicePrefix: config.ATELIER_INVOICE_PREFIX,
    creditNotePrefix: config.ATELIER_CREDIT_NOTE_PREFIX,
  };
  assertSettings(settings);
  return settings;
}

function assertSettings(settings: InvoiceSettings): void {
  const problems = [
    ['ATELIER_INVOICE_PREFIX', settings.invoicePrefix],
    ['ATELIER_CREDIT_NOTE_PREFIX', settings.creditNotePrefix],
  ]
    .filter(([, prefix]) => !/^[A-Z]+$/.test(prefix) || prefix.length > INVOICE_PREFIX_MAX)
    .map(([name, prefix]) => `${name} "${prefix}" must be 1 to ${INVOICE_PREFIX_MAX} capital letters: invoice numbers (${prefix}/26-27/000001) may have at most ${INVOICE_NUMBER_MAX} characters`);
  if (problems.length) throw new ConfigError(problems);
}

/** Issues and lists invoices and credit notes; every write runs in the caller's transaction. */
export class Invoices {
  constructor(readonly settings: InvoiceSettings) {
    assertSettings(settings);
  }

  /** In the caller's transaction (em inside em.transactional); idempotent per payment (returns the existing one). */
  async issueForPayment(
    em: EntityManager,
    payment: Payment,
    customer: BillingCustomer,
    subscriber: { kind: SubscriberKind; id: string },
    description: string,
    at: Date = payment.capturedAt ?? new Date(),
  ): Promise<Invoice> {
    // Serialises issuers of one payment: the second waits, then sees the first one's committed invoice.
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`invoice:payment:${payment.id}`]);
    const existing = await em.findOne(Invoice, { paymentId: payment.id }, { refresh: true });
    if (existing) return existing;
    if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0) throw new RangeError(`Payment ${payment.id} has no amount to invoice`);
    // The currency charged decides the tax if it disagrees with details edited since: INR is taxed, USD is an export.
    const taxCustomer = payment.currency === 'USD' ? { country: customer.country === 'IN' ? 'ZZ' : customer.country } : { country: 'IN', stateCode: customer.country === 'IN' ? customer.stateCode : null };
    const { supplier } = this.settings;
    const split = gstSplit(payment.amount, taxKindOf(supplier.stateCode, taxCustomer));
    return this.insert(em, 'invoice', at, split, {
      subscriberKind: subscriber.kind,
      subscriberId: subscriber.id,
      customerId: customer.id,
      paymentId: payment.id,
      customerName: customer.name,
      customerGstin: customer.gstin ?? null,
      customerAddress: customer.address ?? null,
      customerCountry: customer.country,
      placeOfSupply: placeOfSupply(taxCustomer, supplier.stateCode),
      supplier: { ...supplier },
      sac: this.settings.sac,
      description: description.slice(0, 255),
      currency: payment.currency,
    });
  }

  /**
   * A credit note for a refund of `amount` against `original`, idempotent per refund id. Its split follows the
   * same rule on the refunded amount with the original's tax kind; the note that credits the last of an invoice
   * takes exactly what is left of each component, so an invoice's notes never reverse more tax than it charged.
   */
  async issueCreditNote(em: EntityManager, input: { refundId: string; amount: number; original: Invoice; at?: Date }): Promise<Invoice> {
    const { refundId, amount, original } = input;
    if (original.kind !== 'invoice') throw new RangeError(`Credit notes reduce invoices, and ${original.number} is a ${original.kind}`);
    await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`invoice:credit:${original.id}`]);
    const existing = await em.findOne(Invoice, { refundId }, { refresh: true });
    if (existing) return existing;
    if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`A credit note needs a positive amount, got ${amount}`);
    const earlier = await em.find(Invoice, { originalInvoiceId: original.id, kind: 'credit_note' }, { refresh: true });
    const credited = sum(earlier, 'total');
    if (amount > original.total - credited) {
      throw new BillingError(
        ErrorCode.PAYMENT_DETAILS_INVALID,
        `A refund of ${amount} exceeds what is left to credit on invoice ${original.number} (${original.total - credited} of ${original.total}).`,
      );
    }
    const split: GstBreakdown =
      amount === original.total - credited
        ? {
            taxKind: original.taxKind,
            taxableValue: original.taxableValue - sum(earlier, 'taxableValue'),
            cgst: original.cgst - sum(earlier, 'cgst'),
            sgst: original.sgst - sum(earlier, 'sgst'),
            igst: original.igst - sum(earlier, 'igst'),
            total: amount,
          }
        : gstSplit(amount, original.taxKind);
    return this.insert(em, 'credit_note', input.at ?? new Date(), split, {
      subscriberKind: original.subscriberKind,
      subscriberId: original.subscriberId,
      customerId: original.customerId,
      refundId,
      originalInvoiceId: original.id,
      customerName: original.customerName,
      customerGstin: original.customerGstin ?? null,
      customerAddress: original.customerAddress ?? null,
      customerCountry: original.customerCountry,
      placeOfSupply: original.placeOfSupply,
      supplier: { ...original.supplier },
      sac: original.sac,
      description: `Refund against ${original.number}: ${original.description}`.slice(0, 255),
      currency: original.currency,
    });
  }

  /** A subscriber's invoices and credit notes, newest first (at most 200). */
  list(em: EntityManager, subscriber: { kind: SubscriberKind; id: string }, limit = 50): Promise<Invoice[]> {
    return em.find(
      Invoice,
      { subscriberKind: subscriber.kind, subscriberId: subscriber.id },
      { orderBy: { issuedAt: 'desc', kind: 'asc', seq: 'desc' }, limit: Math.min(Math.max(1, Math.floor(limit)), 200) },
    );
  }

  private async insert(
    em: EntityManager,
    kind: InvoiceKind,
    at: Date,
    split: GstBreakdown,
    fields: Omit<Invoice, 'id' | 'kind' | 'number' | 'financialYear' | 'seq' | 'issuedAt' | 'taxKind' | 'taxableValue' | 'cgst' | 'sgst' | 'igst' | 'total'>,
  ): Promise<Invoice> {
    const financialYear = financialYearOf(at);
    const seq = await nextSeq(em, kind, financialYear);
    const prefix = kind === 'invoice' ? this.settings.invoicePrefix : this.settings.creditNotePrefix;
    const invoice = em.create(Invoice, {
      ...fields,
      kind,
      number: formatInvoiceNumber(prefix, financialYear, seq),
      financialYear,
      seq,
      issuedAt: at,
      taxKind: split.taxKind,
      taxableValue: split.taxableValue,
      cgst: split.cgst,
      sgst: split.sgst,
      igst: split.igst,
      total: split.total,
    });
    await em.flush();
    return invoice;
  }
}

/**
 * The next number of a kind and year. `em.execute` runs on the transaction's connection (`getConnection().execute`
 * would take a pooled one, committing the increment at once and leaving a gap if the invoice then rolls back).
 */
async function nextSeq(em: EntityManager, kind: InvoiceKind, financialYear: string): Promise<number> {
  if (!em.isInTransaction()) throw new Error('Invoice numbers are taken inside the invoice’s transaction (em.transactional)');
  const rows = await em.execute<Array<{ last_seq: number }>>(
    `insert into invoice_counters (kind, financial_year, last_seq) values (?, ?, 1)
     on conflict (kind, financial_year) do update set last_seq = invoice_counters.last_seq + 1 returning last_seq`,
    [kind, financialYear],
  );
  return Number(rows[0].last_seq);
}

function sum(invoices: readonly Invoice[], field: 'total' | 'taxableValue' | 'cgst' | 'sgst' | 'igst'): number {
  return invoices.reduce((acc, i) => acc + i[field], 0);
}

export type { TaxKind };
