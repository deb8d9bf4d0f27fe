/** Money as the billing page shows it: integer minor units in, `₹1,499` / `$19` / `₹1,499.50` out. */
const FORMATS = new Map<string, Intl.NumberFormat>();

function format(currency: string, fraction: boolean): Intl.NumberFormat {
  const key = `${currency}:${fraction}`;
  let found = FORMATS.get(key);
  if (!found) {
    // en-IN groups rupees in lakhs (₹1,99,990), as Indian customers read them.
    found = new Intl.NumberFormat(currency === 'INR' ? 'en-IN' : 'en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: fraction ? 2 : 0,
      maximumFractionDigits: fraction ? 2 : 0,
    });
    FORMATS.set(key, found);
  }
  return found;
}

/** `minor` paise or cents as money; whole amounts without decimals. Integer arithmetic until the last step. */
export function formatMoney(minor: number, currency: string): string {
  const negative = minor < 0;
  const abs = Math.abs(Math.trunc(minor));
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  const text = format(currency, cents !== 0).format(cents === 0 ? whole : whole + cents / 100);
  return negative ? `−${text}` : text;
}

/** What a price includes: GST for India, nothing to add for export. */
export function taxNote(currency: string): string {
  return currency === 'INR' ? 'incl. 18% GST' : 'no GST (export)';
}
