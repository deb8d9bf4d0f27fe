import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode } from '../../contracts/errors';
import { BillingError } from '../../core/billing/billing.errors';
import { silentLogger } from '../../test/harness';
import { retryPolicies } from '../../temporal.config';
import type { ActivityDeps } from '../deps';
import { asFailure, createBillingActivities } from './billing.activities';

test('billing off: every step fails at once, non-retryably, with PAYMENT_BILLING_OFF', async () => {
  // A worker built without billing deps; nothing else of the deps is touched before the check.
  const acts = createBillingActivities({ logger: silentLogger } as unknown as ActivityDeps);
  const steps = [
    acts.syncSubscription({ razorpaySubscriptionId: 'sub_x' }),
    acts.recordPayment({ razorpayPaymentId: 'pay_x' }),
    acts.recordRefund({ razorpayRefundId: 'rfnd_x' }),
    acts.setDunning({ razorpaySubscriptionId: 'sub_x', dunning: null }),
    acts.createDunningLink({ razorpaySubscriptionId: 'sub_x', attempt: 1, since: new Date().toISOString() }),
    acts.sendBillingMail({ kind: 'payment-received', to: 'a@example.test', subscriptionId: 'row', key: 'k' }),
  ];
  for (const step of steps) await expect(step).rejects.toMatchObject({ type: ErrorCode.PAYMENT_BILLING_OFF, nonRetryable: true });
});

test('failures are typed for the retry policy: refusals final, an unavailable provider and plain faults retried', () => {
  const typed = (error: unknown) => {
    const failure = asFailure(error);
    return failure instanceof ApplicationFailure ? { type: failure.type, nonRetryable: failure.nonRetryable } : failure;
  };
  expect(typed(new BillingError(ErrorCode.SUBSCRIPTION_NOT_FOUND, 'gone'))).toEqual({ type: 'SUBSCRIPTION_NOT_FOUND', nonRetryable: true });
  expect(typed(new BillingError(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 'later'))).toEqual({ type: 'PAYMENT_PROVIDER_UNAVAILABLE', nonRetryable: false });
  expect(typed({ statusCode: 503, error: { description: 'down' } })).toEqual({ type: 'PAYMENT_PROVIDER_UNAVAILABLE', nonRetryable: false });
  expect(typed({ statusCode: 429, error: { description: 'slow down' } })).toEqual({ type: 'PAYMENT_PROVIDER_UNAVAILABLE', nonRetryable: false });
  expect(typed({ statusCode: 400, error: { description: 'The id provided does not exist' } })).toEqual({ type: 'PAYMENT_NOT_FOUND', nonRetryable: true });
  const network = new Error('ECONNRESET');
  expect(asFailure(network)).toBe(network);
  const final: readonly string[] = retryPolicies.billing.nonRetryableErrorTypes;
  expect(final).toEqual(expect.arrayContaining(['PAYMENT_BILLING_OFF', 'PAYMENT_NOT_FOUND', 'SUBSCRIPTION_NOT_FOUND', 'SUBSCRIPTION_STATE_INVALID']));
  expect(final).not.toContain('PAYMENT_PROVIDER_UNAVAILABLE');
});
