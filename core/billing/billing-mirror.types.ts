/** The types BillingMirror and its payment half share (a module of their own, so neither imports the other). */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { billingPlan, type BillingCurrency, type DunningState, type SubscriberKind, type SubscriptionStatus } from '../../contracts/billing';
import type { BillingCustomer, PaymentStatus, Subscription } from './billing.entities';
import type { Invoices } from './invoices';
import type { RazorpayClient, RazorpayConfig } from './razorpay';
import { subscriberOf } from './tier-grants';

/** What the mirror needs of Invoices: both calls idempotent, in the caller's transaction. */
export type InvoiceIssuer = Pick<Invoices, 'issueForPayment' | 'issueCreditNote'>;

export interface BillingDeps {
  orm: MikroORM;
  razorpay: RazorpayClient;
  razorpayConfig: RazorpayConfig;
  invoices: InvoiceIssuer;
  logger: Logger;
  /** The clock (tests pin it); defaults to the system's. */
  now?: () => Date;
  /** Where Razorpay sends a payer back after a payment link (GET /billing/payment-link/callback); none: no redirect. */
  paymentLinkCallbackUrl?: string;
}

/** Dunning as stored on the subscription row. */
export type StoredDunning = DunningState & { downgraded: boolean };

export interface SubscriptionSnapshot {
  id: string;
  razorpaySubscriptionId: string;
  status: SubscriptionStatus;
  planId: string;
  currency: BillingCurrency;
  /** The plan's price per cycle in minor units. */
  amount: number;
  currentEnd: string | null;
  grantsTier: boolean;
  dunning: StoredDunning | null;
  subscriber: { kind: SubscriberKind; id: string };
  payerEmail: string;
  payerName: string;
}

export interface PaymentSnapshot {
  razorpayPaymentId: string;
  status: PaymentStatus;
  amount: number;
  currency: BillingCurrency;
  subscriptionRowId: string | null;
  razorpaySubscriptionId: string | null;
  invoiceNumber: string | null;
  errorDescription: string | null;
}

export function subscriptionSnapshot(row: Subscription, customer: BillingCustomer): SubscriptionSnapshot {
  return {
    id: row.id,
    razorpaySubscriptionId: row.razorpaySubscriptionId,
    status: row.status,
    planId: row.planId,
    currency: row.currency,
    amount: billingPlan(row.planId)?.prices[row.currency] ?? 0,
    currentEnd: row.currentEnd?.toISOString() ?? null,
    grantsTier: row.grantsTier,
    dunning: row.dunning ? { ...row.dunning } : null,
    subscriber: subscriberOf(row),
    payerEmail: customer.email,
    payerName: customer.name,
  };
}
