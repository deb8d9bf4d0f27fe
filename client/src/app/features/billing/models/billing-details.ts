/** The billing details form's rules and choices: countries, India's GST state codes, the GSTIN's shape. */

/** GST state codes (place of supply), as GST invoices print them. */
export const GST_STATES: readonly { readonly code: string; readonly name: string }[] = [
  ['01', 'Jammu and Kashmir'], ['02', 'Himachal Pradesh'], ['03', 'Punjab'], ['04', 'Chandigarh'],
  ['05', 'Uttarakhand'], ['06', 'Haryana'], ['07', 'Delhi'], ['08', 'Rajasthan'], ['09', 'Uttar Pradesh'],
  ['10', 'Bihar'], ['11', 'Sikkim'], ['12', 'Arunachal Pradesh'], ['13', 'Nagaland'], ['14', 'Manipur'],
  ['15', 'Mizoram'], ['16', 'Tripura'], ['17', 'Meghalaya'], ['18', 'Assam'], ['19', 'West Bengal'],
  ['20', 'Jharkhand'], ['21', 'Odisha'], ['22', 'Chhattisgarh'], ['23', 'Madhya Pradesh'], ['24', 'Gujarat'],
  ['26', 'Dadra and Nagar Haveli and Daman and Diu'], ['27', 'Maharashtra'], ['29', 'Karnataka'], ['30', 'Goa'],
  ['31', 'Lakshadweep'], ['32', 'Kerala'], ['33', 'Tamil Nadu'], ['34', 'Puducherry'],
  ['35', 'Andaman and Nicobar Islands'], ['36', 'Telangana'], ['37', 'Andhra Pradesh'], ['38', 'Ladakh'],
  ['97', 'Other Territory'],
].map(([code, name]) => ({ code: code!, name: name! }));

/** Not countries, though the region names know them. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA']);

let countries: readonly { code: string; name: string }[] | null = null;

/** ISO 3166-1 alpha-2 countries by English name, India first (most customers, and it decides INR). */
export function countryOptions(): readonly { code: string; name: string }[] {
  if (countries) return countries;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const all: { code: string; name: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = NOT_COUNTRIES.has(code) ? undefined : names.of(code);
      if (name && name !== code) all.push({ code, name });
    }
  }
  all.sort((x, y) => x.name.localeCompare(y.name));
  const india = all.findIndex((c) => c.code === 'IN');
  if (india > 0) all.unshift(...all.splice(india, 1));
  return (countries = all);
}

/** 15 characters: state code, PAN, entity number, Z, check character. */
const GSTIN = /^(\d{2})[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;

export interface DetailsDraft {
  name: string;
  email: string;
  gstin: string;
  country: string;
  stateCode: string;
  address: string;
}

/** Field → message for what the server would refuse anyway; empty when the draft may be sent. */
export function detailsErrors(d: DetailsDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.name.trim()) errors['name'] = 'Enter the name invoices should carry.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors['email'] = 'Enter an email address.';
  if (!d.country) errors['country'] = 'Choose a country.';
  if (d.country === 'IN' && !d.stateCode) errors['stateCode'] = 'Choose the state (place of supply).';
  const gstin = d.gstin.trim().toUpperCase();
  if (gstin) {
    const match = GSTIN.exec(gstin);
    if (d.country !== 'IN') errors['gstin'] = 'A GSTIN is for customers in India only.';
    else if (!match) errors['gstin'] = 'A GSTIN has 15 characters, like 29ABCDE1234F1Z5.';
    else if (d.stateCode && match[1] !== d.stateCode)
      errors['gstin'] = `This GSTIN is registered in state ${match[1]}, not ${d.stateCode}.`;
  }
  return errors;
}
