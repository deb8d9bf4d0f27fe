/**
 * The billing details a customer enters (GraphQL `BillingDetailsInput`), checked before they reach an invoice: the
 * GSTIN's shape and its state, an ISO country, a GST state code for India, a bounded name and a real-looking email.
 */
import type { BillingCurrency } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import type { FieldError } from '../shared/domain.errors';
import { BillingError } from './billing.errors';
import { GST_STATES } from './gst-states';

/** The currency a customer pays in: India INR (with GST), everyone else USD (a zero-rated export). */
export function currencyOf(country: string): BillingCurrency {
  return country === 'IN' ? 'INR' : 'USD';
}

/** ISO 3166-1 alpha-2 country codes. */
const COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC ' +
    'CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD ' +
    'GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH ' +
    'KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW ' +
    'MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC ' +
    'SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY ' +
    'UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** A GSTIN: state code, PAN (5 letters, 4 digits, 1 letter), entity number, `Z`, check character. */
export const GSTIN = /^(\d{2})[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NAME_MAX = 200;
const EMAIL_MAX = 320;
const ADDRESS_MAX = 1000;

/** What a customer enters (GraphQL `BillingDetailsInput`; nulls are "not given"). */
export interface BillingDetailsInput {
  name: string;
  email: string;
  gstin?: string | null;
  country: string;
  stateCode?: string | null;
  address?: string | null;
}

/** The details as stored on BillingCustomer: trimmed, upper-cased codes, empty optionals as null. */
export interface BillingDetails {
  readonly name: string;
  readonly email: string;
  readonly gstin: string | null;
  readonly country: string;
  readonly stateCode: string | null;
  readonly address: string | null;
}

/** Thrown when billing details break a rule: PAYMENT_DETAILS_INVALID, its message naming every broken field. */
export class BillingDetailsError extends BillingError {
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(ErrorCode.PAYMENT_DETAILS_INVALID, `Billing details need fixing: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
}

const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Checks and normalises billing details, or throws BillingDetailsError listing every broken field. */
export function parseBillingDetails(input: BillingDetailsInput): BillingDetails {
  const errors: FieldError[] = [];
  const name = (input.name ?? '').trim();
  const email = (input.email ?? '').trim().toLowerCase();
  const country = (input.country ?? '').trim().toUpperCase();
  const gstin = blankToNull(input.gstin)?.toUpperCase() ?? null;
  const stateCode = blankToNull(input.stateCode);
  const address = blankToNull(input.address);

  if (!name) errors.push({ field: 'name', message: 'The name on invoices is required' });
  else if (name.length > NAME_MAX) errors.push({ field: 'name', message: `The name must be at most ${NAME_MAX} characters` });
  if (email.length > EMAIL_MAX || !EMAIL.test(email)) errors.push({ field: 'email', message: 'Enter an email address such as ada@example.com' });
  if (!COUNTRIES.has(country)) errors.push({ field: 'country', message: 'Enter a two-letter ISO country code such as IN or US' });
  if (address && address.length > ADDRESS_MAX) errors.push({ field: 'address', message: `The address must be at most ${ADDRESS_MAX} characters` });

  if (country === 'IN') {
    if (!stateCode) errors.push({ field: 'stateCode', message: 'Customers in India need a GST state code (the place of supply), such as 29 for Karnataka' });
    else if (!GST_STATES[stateCode]) errors.push({ field: 'stateCode', message: `${stateCode} is not a GST state code; use two digits such as 29 for Karnataka` });
  } else if (stateCode) {
    errors.push({ field: 'stateCode', message: 'A GST state code applies only to customers in India' });
  }
  if (gstin) {
    const match = GSTIN.exec(gstin);
    if (country !== 'IN') errors.push({ field: 'gstin', message: 'A GSTIN applies only to customers in India' });
    else if (!match) errors.push({ field: 'gstin', message: 'A GSTIN has 15 characters, such as 29ABCDE1234F1Z5' });
    else if (stateCode && GST_STATES[stateCode] && match[1] !== stateCode) {
      errors.push({ field: 'gstin', message: `The GSTIN is registered in state ${match[1]}, but the state code is ${stateCode}; they must match` });
    }
  }
  if (errors.length) throw new BillingDetailsError(errors);
  return { name, email, gstin, country, stateCode: country === 'IN' ? stateCode : null, address };
}
