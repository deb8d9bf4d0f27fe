import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { planAction, subscriptionNotes, subscriptionStatus, nextCharge, paidSubscription } from './billing.models';
import { detailsErrors } from './billing-details';
import { BILLING_CODES, BILLING_WORDS, toBillingError } from './billing-error';
import { formatMoney, taxNote } from './money';
import { account, plans, subscription } from '../testing/billing-payloads';

const graphqlError = (code: string, message = 'server words', extensions: Record<string, unknown> = {}) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extensions } }] });

describe('formatMoney', () => {
  it('formats integer minor units as rupees (lakh grouping) and dollars, decimals only when there are paise or cents', () => {
    expect(formatMoney(149_900, 'INR')).toBe('₹1,499');
    expect(formatMoney(1_499_000, 'INR')).toBe('₹14,990');
    expect(formatMoney(19_999_000, 'INR')).toBe('₹1,99,990');
    expect(formatMoney(149_950, 'INR')).toBe('₹1,499.50');
    expect(formatMoney(1_900, 'USD')).toBe('$19');
    expect(formatMoney(249_000, 'USD')).toBe('$2,490');
    expect(formatMoney(1_901, 'USD')).toBe('$19.01');
    expect(formatMoney(-50_000, 'INR')).toBe('−₹500');
    expect(taxNote('INR')).toBe('incl. 18% GST');
    expect(taxNote('USD')).not.toContain('GST included');
  });
});

describe('toBillingError', () => {
  it('has short words for every PAYMENT_* and SUBSCRIPTION_* code and keeps the code', () => {
    for (const code of BILLING_CODES) {
      const problem = toBillingError(graphqlError(code, 'internal detail'));
      expect(problem.code).toBe(code);
      expect(problem.message.length).toBeGreaterThan(10);
      expect(problem.message.length).toBeLessThan(140);
    }
    expect(toBillingError(graphqlError('SUBSCRIPTION_EXISTS', 'row 42 conflicts')).message).toBe(BILLING_WORDS.SUBSCRIPTION_EXISTS);
    expect(toBillingError(graphqlError('PAYMENT_SIGNATURE_INVALID', 'hmac mismatch')).message).toContain('nothing changed');
  });

  it("keeps the server's words where they say more, and puts a field's refusal on the field", () => {
    expect(toBillingError(graphqlError('PAYMENT_FAILED', 'Your bank declined the payment.')).message).toBe('Your bank declined the payment.');
    const invalid = toBillingError(graphqlError('PAYMENT_DETAILS_INVALID', 'The GSTIN is not valid.', { field: 'gstin' }));
    expect(invalid.fieldErrors).toEqual({ gstin: 'The GSTIN is not valid.' });
  });

  it('maps other failures as the app does', () => {
    expect(toBillingError(graphqlError('SOMETHING_INTERNAL')).code).toBe('INTERNAL');
    expect(toBillingError(new Error('fetch failed')).code).toBe('NETWORK');
  });
});

describe('plan choices and notes', () => {
  const plan = (id: string) => plans().find((p) => p.id === id)!;

  it('tells subscribe, current, upgrade, downgrade and an interval switch apart', () => {
    const pro = subscription();
    expect(planAction(plan('pro-monthly'), null)).toBe('subscribe');
    expect(planAction(plan('pro-monthly'), pro)).toBe('current');
    expect(planAction(plan('team-monthly'), pro)).toBe('upgrade');
    expect(planAction(plan('pro-yearly'), pro)).toBe('switch');
    expect(planAction(plan('pro-monthly'), subscription({ planId: 'team-monthly', tier: 'team' }))).toBe('downgrade');
  });

  it('treats a subscription still waiting for its first payment as none (subscribing again replaces it)', () => {
    expect(paidSubscription(account({ subscription: subscription({ status: 'created' }) }))).toBeNull();
    expect(paidSubscription(account({ subscription: subscription() }))?.id).toBe('s1');
  });

  it('says what ends or changes and when, and when the next charge is', () => {
    expect(subscriptionNotes(subscription({ cancelAtCycleEnd: true }))).toEqual(['Cancels on 7 Jan 2027: Pro until then, then Free.']);
    expect(subscriptionNotes(subscription({ planId: 'team-monthly', tier: 'team', scheduledPlanId: 'pro-monthly' }))).toEqual([
      'Changes to Pro, monthly on 7 Jan 2027.',
    ]);
    expect(subscriptionStatus(subscription({ cancelAtCycleEnd: true })).label).toBe('Cancelling');
    expect(subscriptionStatus(subscription({ status: 'halted' })).tone).toBe('danger');
    expect(nextCharge(subscription())).toBe('2027-01-07T10:00:00.000Z');
    expect(nextCharge(subscription({ cancelAtCycleEnd: true }))).toBeNull();
    expect(nextCharge(subscription({ status: 'paused' }))).toBeNull();
  });
});

describe('detailsErrors', () => {
  const draft = { name: 'Ada Labs', email: 'billing@ada.in', gstin: '', country: 'IN', stateCode: '29', address: '' };

  it('accepts a consumer and a business whose GSTIN is registered in the chosen state', () => {
    expect(detailsErrors(draft)).toEqual({});
    expect(detailsErrors({ ...draft, gstin: '29ABCDE1234F1Z5' })).toEqual({});
    expect(detailsErrors({ ...draft, country: 'US', stateCode: '' })).toEqual({});
  });

  it('refuses a malformed GSTIN, one of another state, one outside India, and India without a state', () => {
    expect(detailsErrors({ ...draft, gstin: '29ABCDE1234' })['gstin']).toContain('15 characters');
    expect(detailsErrors({ ...draft, gstin: '27ABCDE1234F1Z5' })['gstin']).toContain('state 27');
    expect(detailsErrors({ ...draft, country: 'US', gstin: '29ABCDE1234F1Z5' })['gstin']).toContain('India only');
    expect(detailsErrors({ ...draft, stateCode: '' })['stateCode']).toBeDefined();
    expect(detailsErrors({ ...draft, name: ' ', email: 'nope' })).toEqual({ name: expect.any(String), email: expect.any(String) });
  });
});
