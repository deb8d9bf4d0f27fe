import type { BillingCurrency, DunningState, SubscriberKind, SubscriptionStatus } from '../../contracts/billing';
import type { Mailer } from '../../core/mail/mailer';

/** A subscription's dunning as the mirror stores it: {@link DunningState} plus whether the tier was taken away. */
export type StoredDunning = DunningState & { readonly downgraded: boolean };

/** A subscription as the mirror wrote it after a fresh fetch (core/billing/billing-mirror.ts `SubscriptionSnapshot`). */
export interface SubscriptionSnapshotView {
  id: string;
  razorpaySubscriptionId: string;
  status: SubscriptionStatus;
  planId: string;
  currency: BillingCurrency;
  amount: number;
  currentEnd: string | null;
  grantsTier: boolean;
  dunning: StoredDunning | null;
  subscriber: { kind: SubscriberKind; id: string };
  payerEmail: string;
  payerName: string;
}

/** A payment as the mirror recorded it (core/billing/billing-mirror.ts `PaymentSnapshot`). */
export interface PaymentSnapshotView {
  razorpayPaymentId: string;
  status: 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
  amount: number;
  currency: BillingCurrency;
  subscriptionRowId: string | null;
  razorpaySubscriptionId: string | null;
  invoiceNumber: string | null;
  errorDescription: string | null;
}

/** The subscription or payment link an event named beside the payment (core/billing/mirror-payments.ts `PaymentContext`). */
export interface PaymentContextView {
  razorpaySubscriptionId?: string;
  paymentLinkId?: string;
}

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
