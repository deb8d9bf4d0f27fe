import type { BillingCurrency } from '../../contracts/billing';
import type { Mailer } from '../../core/mail/mailer';

import type { PaymentSnapshot, StoredDunning, SubscriptionSnapshot } from '../../core/billing/billing-mirror.types';
import type { PaymentContext } from '../../core/billing/mirror-payments';

/** The mirror's shapes, under the names the workflow reads them by (types only: workflows may see them). */
export type { StoredDunning };
/** A subscription as the mirror wrote it after a fresh fetch. */
export type SubscriptionSnapshotView = SubscriptionSnapshot;
/** A payment as the mirror recorded it. */
export type PaymentSnapshotView = PaymentSnapshot;
/** The subscription or payment link an event named beside the payment. */
export type PaymentContextView = PaymentContext;

/**
 * What the billing activities need of core/billing's `BillingMirror` (it satisfies this): every call fetches the
 * entity from Razorpay and writes our rows, so each is safe to repeat.
 */
export interface BillingMirrorPort {
  syncSubscription(razorpaySubscriptionId: string): Promise<SubscriptionSnapshotView>;
  /** `context` names whose payment it is when Razorpay's entity does not (a failed renewal, a link's payment). */
  recordPayment(razorpayPaymentId: string, context?: PaymentContextView): Promise<PaymentSnapshotView>;
  recordRefund(razorpayRefundId: string): Promise<{ creditNoteNumber: string | null }>;
  setDunning(razorpaySubscriptionId: string, dunning: StoredDunning | null): Promise<SubscriptionSnapshotView>;
  createDunningLink(razorpaySubscriptionId: string, attempt: number, since: string): Promise<{ url: string; amount: number; currency: BillingCurrency }>;
}

/** What `subscriptionWorkflow`'s activities need; a worker without billing (billing off) has none. */
export interface BillingActivityDeps {
  readonly mirror: BillingMirrorPort;
  readonly mailer: Mailer;
  /** ATELIER_PUBLIC_URL (or the local origin): mails link to `<publicUrl>/billing`. */
  readonly publicUrl: string;
}
