/**
 * GST state codes (the first two digits of a GSTIN) and the names invoices print beside them as the place of
 * supply: every state and union territory code the GST portal knows, 01 to 38 (25 Daman and Diu and 28 Andhra
 * Pradesh (Before Division) are kept for GSTINs issued under them), 97 Other Territory, and 96 Other Countries for
 * exports.
 */
export const GST_STATES: Readonly<Record<string, string>> = {
  '01': 'Jammu and Kashmir',
  '02': 'Himachal Pradesh',
  '03': 'Punjab',
  '04': 'Chandigarh',
  '05': 'Uttarakhand',
  '06': 'Haryana',
  '07': 'Delhi',
  '08': 'Rajasthan',
  '09': 'Uttar Pradesh',
  '10': 'Bihar',
  '11': 'Sikkim',
  '12': 'Arunachal Pradesh',
  '13': 'Nagaland',
  '14': 'Manipur',
  '15': 'Mizoram',
  '16': 'Tripura',
  '17': 'Meghalaya',
  '18': 'Assam',
  '19': 'West Bengal',
  '20': 'Jharkhand',
  '21': 'Odisha',
  '22': 'Chhattisgarh',
  '23': 'Madhya Pradesh',
  '24': 'Gujarat',
  '25': 'Daman and Diu',
  '26': 'Dadra and Nagar Haveli and Daman and Diu',
  '27': 'Maharashtra',
  '28': 'Andhra Pradesh (Before Division)',
  '29': 'Karnataka',
  '30': 'Goa',
  '31': 'Lakshadweep',
  '32': 'Kerala',
  '33': 'Tamil Nadu',
  '34': 'Puducherry',
  '35': 'Andaman and Nicobar Islands',
  '36': 'Telangana',
  '37': 'Andhra Pradesh',
  '38': 'Ladakh',
  '97': 'Other Territory',
};

/** The place-of-supply code of a customer outside India (an export of services). */
export const GST_EXPORT_STATE = { code: '96', name: 'Other Countries' } as const;

/** The state's name for a GST state code, or undefined for a code GST does not know. */
export function gstStateName(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(GST_STATES, code) ? GST_STATES[code] : undefined;
}
