import { ErrorCode } from '../../contracts/errors';
import { BillingDetailsError, parseBillingDetails, type BillingDetailsInput } from './billing-details';

const valid: BillingDetailsInput = { name: 'Ada Lovelace Pvt Ltd', email: 'Ada@Example.com ', gstin: '29abcde1234f1z5', country: 'in', stateCode: '29', address: '1 MG Road, Bengaluru' };

function fieldsOf(input: BillingDetailsInput): string[] {
  try {
    parseBillingDetails(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BillingDetailsError);
    expect((error as BillingDetailsError).code).toBe(ErrorCode.PAYMENT_DETAILS_INVALID);
    return (error as BillingDetailsError).fieldErrors.map((e) => e.field);
  }
  return [];
}

describe('parseBillingDetails', () => {
  it('normalises valid details: trimmed, lower-case email, upper-case codes', () => {
    expect(parseBillingDetails(valid)).toEqual({
      name: 'Ada Lovelace Pvt Ltd',
      email: 'ada@example.com',
      gstin: '29ABCDE1234F1Z5',
      country: 'IN',
      stateCode: '29',
      address: '1 MG Road, Bengaluru',
    });
  });

  it('accepts a consumer in India without a GSTIN and a customer abroad without a state', () => {
    expect(parseBillingDetails({ ...valid, gstin: '  ', address: null }).gstin).toBeNull();
    expect(parseBillingDetails({ name: 'Grace', email: 'grace@example.org', country: 'US' })).toEqual({
      name: 'Grace',
      email: 'grace@example.org',
      gstin: null,
      country: 'US',
      stateCode: null,
      address: null,
    });
  });

  it('refuses a GSTIN whose state prefix is not the state code, naming the field', () => {
    expect(() => parseBillingDetails({ ...valid, stateCode: '27' })).toThrow(/gstin: The GSTIN is registered in state 29, but the state code is 27/);
  });

  it('refuses a malformed GSTIN', () => {
    expect(fieldsOf({ ...valid, gstin: '29ABCDE1234F1X5' })).toEqual(['gstin']);
    expect(fieldsOf({ ...valid, gstin: '29ABCDE1234F1Z' })).toEqual(['gstin']);
  });

  it('refuses an unknown country, and a state code or GSTIN outside India', () => {
    expect(fieldsOf({ ...valid, country: 'XX' })).toEqual(['country', 'stateCode', 'gstin']);
    expect(fieldsOf({ name: 'Grace', email: 'grace@example.org', country: 'US', stateCode: '29' })).toEqual(['stateCode']);
  });

  it('refuses India without a state code, or with one not on the GST list', () => {
    expect(fieldsOf({ ...valid, gstin: null, stateCode: null })).toEqual(['stateCode']);
    expect(fieldsOf({ ...valid, gstin: null, stateCode: '96' })).toEqual(['stateCode']);
    expect(fieldsOf({ ...valid, gstin: null, stateCode: '9' })).toEqual(['stateCode']);
  });

  it('refuses an empty or too long name and a bad email, listing every broken field', () => {
    expect(fieldsOf({ ...valid, name: ' ', email: 'not-an-email' })).toEqual(['name', 'email']);
    expect(fieldsOf({ ...valid, name: 'x'.repeat(201) })).toEqual(['name']);
    expect(parseBillingDetails({ ...valid, name: 'x'.repeat(200) }).name).toHaveLength(200);
  });
});
