import { billingMail, billingPageUrl, formatMoney } from './billing-mails';

const base = { to: 'payer@example.test', name: 'Priya', subscriptionId: 'row-1' };

test('amounts are exact from minor units, grouped the way each currency is read', () => {
  expect(formatMoney(149_900, 'INR')).toBe('₹1,499.00');
  expect(formatMoney(19_999_000, 'INR')).toBe('₹1,99,990.00');
  expect(formatMoney(1_905, 'USD')).toBe('$19.05');
  expect(formatMoney(7, 'USD')).toBe('$0.07');
});

test('a dunning retry names its number, the amount and the pay link; the last one warns of the downgrade', () => {
  const second = billingMail({ ...base, kind: 'dunning-retry', attempt: 2, payUrl: 'https://rzp.io/l/abc', amount: 149_900, currency: 'INR' }, 'https://atelier.test/');
  expect(second.subject).toBe('Payment failed: retry 2 of 3');
  expect(second.text).toContain('₹1,499.00');
  expect(second.text).toContain('https://rzp.io/l/abc');
  expect(second.text).not.toContain('last reminder');
  const third = billingMail({ ...base, kind: 'dunning-retry', attempt: 3, payUrl: 'https://rzp.io/l/abc', amount: 1_900, currency: 'USD' }, 'https://atelier.test');
  expect(third.subject).toBe('Payment failed: retry 3 of 3');
  expect(third.text).toMatch(/last reminder.*Free tier.*projects and files are kept/s);
});

test('the downgrade says data is kept and how to restore; payment received and payment failed say what happened', () => {
  const down = billingMail({ ...base, kind: 'downgraded', payUrl: 'https://rzp.io/l/x', subscriber: { kind: 'team', id: 't1' } }, 'https://atelier.test');
  expect(down.subject).toBe('Moved to Free: your projects and files are kept');
  expect(down.text).toContain('https://rzp.io/l/x');
  expect(down.text).toContain('https://atelier.test/teams/t1/billing');
  expect(billingMail({ ...base, kind: 'payment-received', amount: 149_900, currency: 'INR' }, 'https://a.test').text).toContain('payment of ₹1,499.00');
  expect(billingMail({ ...base, kind: 'payment-failed', amount: 149_900, currency: 'INR' }, 'https://a.test').subject).toBe('Payment failed: we will retry');
  expect(billingPageUrl('https://a.test/', { kind: 'user', id: 'u' })).toBe('https://a.test/billing');
});
