/**
 * GST arithmetic for Atelier's invoices, exact in minor units. INR prices include 18% GST (CGST 9% + SGST 9% when
 * the place of supply is the supplier's own state, IGST 18% when it is another state); customers outside India pay
 * USD as a zero-rated export of services under a letter of undertaking (LUT). Whatever the split, taxable value plus
 * taxes is always exactly the amount paid.
 */
import { ErrorCode } from '../../contracts/errors';
import { GST_RATE_PERCENT } from '../../contracts/billing';
import type { TaxKind } from './billing.entities';
import { BillingError } from './billing.errors';
import { GST_EXPORT_STATE, gstStateName } from './gst-states';

export type { TaxKind } from './billing.entities';

/** Who issues the invoices (from config): legal name, address, GSTIN and GST state code. */
export interface Supplier {
  name: string;
  address: string;
  gstin: string;
  stateCode: string;
}

/** A GST-inclusive (or zero-rated) total split into its taxable value and taxes, in minor units. */
export interface GstBreakdown {
  taxKind: TaxKind;
  taxableValue: number;
  cgst: number;
  sgst: number;
  igst: number;
  total: number;
}

/** The part of a customer that decides the tax: country (ISO alpha-2) and, in India, the GST state code. */
export interface TaxCustomer {
  country: string;
  stateCode?: string | null;
}

/** The line printed on a zero-rated export invoice. */
export const EXPORT_LUT_NOTE = 'Supply meant for export under LUT without payment of IGST';

const IST_OFFSET_MS = 330 * 60_000;

/** intra (CGST + SGST), inter (IGST) or export (zero-rated): a customer in India without a state is supplied in the supplier's state. */
export function taxKindOf(supplierState: string, customer: TaxCustomer): TaxKind {
  if (customer.country !== 'IN') return 'export';
  return (customer.stateCode || supplierState) === supplierState ? 'intra' : 'inter';
}

/**
 * Splits `total` by a tax kind: taxable value = round(total × 100 / 118), half up, in integer arithmetic; tax = the
 * rest; intra-state CGST takes the smaller half (floor) and SGST the other. An export is all taxable value.
 */
export function gstSplit(total: number, taxKind: TaxKind): GstBreakdown {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`A GST total must be a whole number of minor units ≥ 0, got ${total}`);
  if (taxKind === 'export') return { taxKind, taxableValue: total, cgst: 0, sgst: 0, igst: 0, total };
  const scaled = total * 100 + (100 + GST_RATE_PERCENT) / 2;
  const taxableValue = (scaled - (scaled % (100 + GST_RATE_PERCENT))) / (100 + GST_RATE_PERCENT);
  const tax = total - taxableValue;
  if (taxKind === 'inter') return { taxKind, taxableValue, cgst: 0, sgst: 0, igst: tax, total };
  const cgst = Math.floor(tax / 2);
  return { taxKind, taxableValue, cgst, sgst: tax - cgst, igst: 0, total };
}

/** Splits a GST-inclusive total (INR) or a zero-rated export total (USD) into taxable value and taxes, exact in minor units. */
export function gstBreakdown(total: number, supplierState: string, customer: TaxCustomer): GstBreakdown {
  return gstSplit(total, taxKindOf(supplierState, customer));
}

/** `26-27` for any moment from 1 April 2026 00:00 to 31 March 2027 23:59:59.999 in India (IST, UTC+05:30, no DST). */
export function financialYearOf(date: Date): string {
  const ist = new Date(date.getTime() + IST_OFFSET_MS);
  const start = ist.getUTCMonth() >= 3 ? ist.getUTCFullYear() : ist.getUTCFullYear() - 1;
  const yy = (y: number) => String(y % 100).padStart(2, '0');
  return `${yy(start)}-${yy(start + 1)}`;
}

/**
 * `29-Karnataka`, or `96-Other Countries` for an export. A customer in India who gave no state is supplied in the
 * supplier's state (`supplierState`, needed only then). An unknown state code is refused (PAYMENT_DETAILS_INVALID).
 */
export function placeOfSupply(customer: TaxCustomer, supplierState?: string): string {
  if (customer.country !== 'IN') return `${GST_EXPORT_STATE.code}-${GST_EXPORT_STATE.name}`;
  const code = customer.stateCode || supplierState;
  if (!code) throw new RangeError('placeOfSupply needs the supplier state for a customer in India without a state code');
  const name = gstStateName(code);
  if (!name) throw new BillingError(ErrorCode.PAYMENT_DETAILS_INVALID, `"${code}" is not a GST state code; pick your state from the list.`);
  return `${code}-${name}`;
}

/** A date as invoices print it, in IST: `1 Apr 2027`. */
export function formatIstDate(date: Date): string {
  const ist = new Date(date.getTime() + IST_OFFSET_MS);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][ist.getUTCMonth()];
  return `${ist.getUTCDate()} ${month} ${ist.getUTCFullYear()}`;
}
