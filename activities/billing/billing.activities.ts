import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode } from '../../contracts/errors';
import { BillingError } from '../../core/billing/billing.errors';
import { Payment, type PaymentKind } from '../../core/billing/billing.entities';
import { billingMail, type BillingMailInput } from '../../core/billing/billing-mails';
import type { ActivityDeps } from '../deps';
import type { BillingActivityDeps, PaymentContextView, PaymentSnapshotView, StoredDunning, SubscriptionSnapshotView } from './billing-deps';

export type { BillingActivityDeps, BillingMirrorPort, PaymentContextView, PaymentSnapshotView, StoredDunning, SubscriptionSnapshotView } from './billing-deps';
export type { BillingMailInput, BillingMailKind } from '../../core/billing/billing-mails';

/** A recorded payment and what it paid for (a subscription charge, an order, a payment link); null kind: no row. */
export type RecordedPayment = PaymentSnapshotView & { kind: PaymentKind | null };

const BILLING_OFF = 'Billing is off on this worker: set RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET to turn it on.';

/**
 * `subscriptionWorkflow`'s steps. Each mirror call fetches the entity from Razorpay and writes our rows, so an
 * attempt repeated after a crash changes nothing twice; `sendBillingMail` passes its key to the Mailer (see README.md).
 * Billing off: every step fails at once, non-retryably, with PAYMENT_BILLING_OFF.
 */
export function createBillingActivities({ billing, orm, logger }: ActivityDeps) {
  const run = async <T>(step: (b: BillingActivityDeps) => Promise<T>): Promise<T> => {
    if (!billing) throw ApplicationFailure.nonRetryable(BILLING_OFF, ErrorCode.PAYMENT_BILLING_OFF);
    try {
      return await step(billing);
    } catch (error) {
      throw asFailure(error);
    }
  };
  return {
    /** Fetches the subscription from Razorpay and mirrors it (status, grantsTier, the subscriber's tier). */
    syncSubscription: ({ razorpaySubscriptionId }: { razorpaySubscriptionId: string }): Promise<SubscriptionSnapshotView> =>
      run((b) => b.mirror.syncSubscription(razorpaySubscriptionId)),

    /**
     * Fetches and records a payment (its invoice when captured) and says what it paid for. The event's subscription
     * and payment link tell the mirror whose it is when Razorpay's payment does not say (a failed renewal).
     */
    recordPayment: ({ razorpayPaymentId, context }: { razorpayPaymentId: string; context?: PaymentContextView }): Promise<RecordedPayment> =>
      run(async (b) => {
        const payment = await b.mirror.recordPayment(razorpayPaymentId, context);
        const row = await orm.em.fork().findOne(Payment, { razorpayPaymentId }, { fields: ['kind'] });
        return { ...payment, kind: row?.kind ?? null };
      }),

    /** Fetches a refund and issues its credit note once processed. */
    recordRefund: ({ razorpayRefundId }: { razorpayRefundId: string }) => run((b) => b.mirror.recordRefund(razorpayRefundId)),

    /** Writes the subscription's dunning (null ends it); grantsTier and the tier follow. */
    setDunning: ({ razorpaySubscriptionId, dunning }: { razorpaySubscriptionId: string; dunning: StoredDunning | null }) =>
      run((b) => b.mirror.setDunning(razorpaySubscriptionId, dunning)),

    /** The payment link of dunning retry `attempt` for the amount due (the same link when asked again). */
    createDunningLink: ({ razorpaySubscriptionId, attempt, since }: { razorpaySubscriptionId: string; attempt: number; since: string }) =>
      run((b) => b.mirror.createDunningLink(razorpaySubscriptionId, attempt, since)),

    /** Sends one billing mail (core/billing/billing-mails.ts); the workflow sends each (subscription, since, step) once. */
    sendBillingMail: (input: BillingMailInput & { key: string }): Promise<void> =>
      run(async (b) => {
        const { subject, text } = billingMail(input, b.publicUrl);
        await b.mailer.send({ to: input.to, subject, text, link: input.payUrl ?? undefined, key: `billing:${input.subscriptionId}:${input.key}` });
        logger.info({ subscriptionId: input.subscriptionId, kind: input.kind, key: input.key }, 'billing mail sent');
      }),
  };
}

/** Codes of a refusal that another attempt cannot change (everything but an unavailable provider). */
const isFinal = (code: string) => code !== ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE;

/**
 * A typed failure for Temporal's retry policy (temporal.config.ts `retryPolicies.billing`): a BillingError keeps its
 * code; Razorpay's 429/5xx are PAYMENT_PROVIDER_UNAVAILABLE (retried), its other refusals final; anything else (a
 * network or database fault) is rethrown as it is and retried.
 */
export function asFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof BillingError) {
    return ApplicationFailure.create({ message: error.message, type: error.code, nonRetryable: isFinal(error.code) });
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') {
    const description = (error as { error?: { description?: string } }).error?.description ?? `HTTP ${status}`;
    if (status === 429 || status >= 500) return ApplicationFailure.retryable(`Razorpay is unavailable: ${description}`, ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE);
    const type = status === 404 || /does not exist|not found/i.test(description) ? ErrorCode.PAYMENT_NOT_FOUND : ErrorCode.PAYMENT_FAILED;
    return ApplicationFailure.nonRetryable(`Razorpay refused the request: ${description}`, type);
  }
  return error;
}
