/**
 * Billing's tables. Money columns are integers of the currency's minor unit (paise, cents); one charge is at most
 * 2^31 - 1 of them (₹2.1 crore), far above any plan. A subscriber is a user or a team (`subscriberKind` +
 * `subscriberId`, no foreign key: a team or account may be deleted while its invoices must be kept, as the law asks).
 */
import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { BillingCurrency, BillingTier, DunningState, SubscriberKind, SubscriptionStatus } from '../../contracts/billing';

/** Who pays, with the details a GST invoice needs. One per user or team that ever opened billing. */
export class BillingCustomer {
  [OptionalProps]?: 'razorpayCustomerId' | 'gstin' | 'stateCode' | 'address' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  subscriberKind!: SubscriberKind;
  subscriberId!: string;
  /** Razorpay's customer id (`cust_…`), created once. */
  razorpayCustomerId?: string | null;
  /** Legal name on invoices. */
  name!: string;
  /** Where invoices and dunning mails go. */
  email!: string;
  /** The customer's GSTIN (15 characters), when they are a registered business. */
  gstin?: string | null;
  /** ISO 3166-1 alpha-2 country; `IN` pays INR with GST, any other USD as a zero-rated export. */
  country!: string;
  /** GST state code (`29` Karnataka) for customers in India: the place of supply. */
  stateCode?: string | null;
  address?: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/** A plan as created at Razorpay, once per plan id and currency. */
export class BillingPlanRecord {
  [OptionalProps]?: 'createdAt';
  planId!: string;
  currency!: BillingCurrency;
  razorpayPlanId!: string;
  createdAt: Date = new Date();
}

/** One Razorpay subscription, mirrored by its `subscriptionWorkflow`. */
export class Subscription {
  [OptionalProps]?:
    | 'status'
    | 'currentStart'
    | 'currentEnd'
    | 'chargeAt'
    | 'cancelAtCycleEnd'
    | 'scheduledPlanId'
    | 'grantsTier'
    | 'dunning'
    | 'paidCount'
    | 'shortUrl'
    | 'endedAt'
    | 'syncedAt'
    | 'createdAt'
    | 'updatedAt';
  id: string = randomUUID();
  razorpaySubscriptionId!: string;
  customerId!: string;
  subscriberKind!: SubscriberKind;
  subscriberId!: string;
  /** `pro-monthly` …: the plan it is billed at now. */
  planId!: string;
  currency!: BillingCurrency;
  status: SubscriptionStatus = 'created';
  currentStart?: Date | null;
  currentEnd?: Date | null;
  /** When Razorpay charges next. */
  chargeAt?: Date | null;
  /** Cancelled for the end of the cycle: it keeps its tier until `currentEnd`. */
  cancelAtCycleEnd: boolean = false;
  /** A downgrade waiting for the end of the cycle. */
  scheduledPlanId?: string | null;
  /** Whether it gives its plan's tier now; the workflow sets it from the mirrored status and its dunning. */
  grantsTier: boolean = false;
  /** Dunning after a failed renewal; null while paid up. `downgraded` once the last retry failed. */
  dunning?: (DunningState & { readonly downgraded: boolean }) | null;
  paidCount: number = 0;
  /** Razorpay's hosted page for the subscription (where a card is changed). */
  shortUrl?: string | null;
  endedAt?: Date | null;
  /** When the mirror last fetched the subscription from Razorpay. */
  syncedAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export type PaymentKind = 'subscription' | 'order' | 'payment_link';
export type PaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';

/** One Razorpay payment Atelier has seen (captured ones get an invoice). */
export class Payment {
  [OptionalProps]?: 'subscriptionId' | 'orderId' | 'paymentLinkId' | 'amountRefunded' | 'method' | 'errorDescription' | 'capturedAt' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  razorpayPaymentId!: string;
  kind!: PaymentKind;
  customerId!: string;
  /** Our subscription row's id, for a subscription charge, a proration order or a dunning link. */
  subscriptionId?: string | null;
  orderId?: string | null;
  paymentLinkId?: string | null;
  amount!: number;
  currency!: BillingCurrency;
  status!: PaymentStatus;
  amountRefunded: number = 0;
  method?: string | null;
  /** The bank's reason for a failed payment (shown to the payer). */
  errorDescription?: string | null;
  capturedAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/** Why an order or a payment link exists. */
export type ChargePurpose = 'proration' | 'one_off' | 'dunning';

/** A Razorpay order Atelier created for Checkout. */
export class BillingOrder {
  [OptionalProps]?: 'subscriptionId' | 'planId' | 'status' | 'paymentId' | 'createdAt' | 'paidAt';
  id: string = randomUUID();
  razorpayOrderId!: string;
  /** Our idempotency key (Razorpay's `receipt`, ≤ 40 characters). */
  receipt!: string;
  customerId!: string;
  purpose!: ChargePurpose;
  subscriptionId?: string | null;
  /** The plan an upgrade's proration pays for. */
  planId?: string | null;
  amount!: number;
  currency!: BillingCurrency;
  description!: string;
  status: 'created' | 'attempted' | 'paid' = 'created';
  paymentId?: string | null;
  createdAt: Date = new Date();
  paidAt?: Date | null;
}

/** A Razorpay payment link: a dunning retry or a one-off charge (a team invoice). */
export class BillingPaymentLink {
  [OptionalProps]?: 'subscriptionId' | 'status' | 'paymentId' | 'createdAt' | 'paidAt';
  id: string = randomUUID();
  razorpayPaymentLinkId!: string;
  /** Our idempotency key (Razorpay's `reference_id`, ≤ 40 characters), also part of its callback signature. */
  referenceId!: string;
  customerId!: string;
  purpose!: ChargePurpose;
  subscriptionId?: string | null;
  amount!: number;
  currency!: BillingCurrency;
  description!: string;
  shortUrl!: string;
  status: 'created' | 'paid' | 'cancelled' | 'expired' = 'created';
  paymentId?: string | null;
  createdAt: Date = new Date();
  paidAt?: Date | null;
}

/** A webhook delivery seen, keyed by `x-razorpay-event-id`: a replayed delivery is acknowledged and dropped. */
export class WebhookEvent {
  [OptionalProps]?: 'subscriptionId' | 'receivedAt';
  eventId!: string;
  event!: string;
  /** The Razorpay subscription the event was handed to, if any. */
  subscriptionId?: string | null;
  receivedAt: Date = new Date();
}

export type InvoiceKind = 'invoice' | 'credit_note';
/** intra: CGST + SGST; inter: IGST; export: zero-rated (customer outside India). */
export type TaxKind = 'intra' | 'inter' | 'export';

/** A GST tax invoice for a captured payment, or a credit note for a refund. Never changed once issued. */
export class Invoice {
  [OptionalProps]?: 'paymentId' | 'refundId' | 'originalInvoiceId' | 'customerGstin' | 'customerAddress' | 'issuedAt';
  id: string = randomUUID();
  kind!: InvoiceKind;
  /** `ATL/26-27/000123` (credit notes `ATC/…`): unique, consecutive per kind and financial year, ≤ 16 characters. */
  number!: string;
  /** `26-27`: April 2026 to March 2027. */
  financialYear!: string;
  seq!: number;
  subscriberKind!: SubscriberKind;
  subscriberId!: string;
  customerId!: string;
  /** The captured payment it is for (one invoice per payment). */
  paymentId?: string | null;
  /** The Razorpay refund a credit note is for (one credit note per refund). */
  refundId?: string | null;
  /** The invoice a credit note reduces. */
  originalInvoiceId?: string | null;
  customerName!: string;
  customerGstin?: string | null;
  customerAddress?: string | null;
  customerCountry!: string;
  /** `29-Karnataka`, or `96-Other Countries` for an export. */
  placeOfSupply!: string;
  /** The supplier as configured when it was issued: name, address, GSTIN, state code. */
  supplier!: { name: string; address: string; gstin: string; stateCode: string };
  sac!: string;
  description!: string;
  currency!: BillingCurrency;
  taxKind!: TaxKind;
  taxableValue!: number;
  cgst!: number;
  sgst!: number;
  igst!: number;
  total!: number;
  issuedAt: Date = new Date();
}

/** The last number issued per kind and financial year; incremented under a row lock, in the invoice's transaction. */
export class InvoiceCounter {
  kind!: InvoiceKind;
  financialYear!: string;
  lastSeq!: number;
}

/** A tier a platform admin granted by hand (audited); it wins over a lower paid tier until `until`. */
export class TierComp {
  [OptionalProps]?: 'until' | 'createdAt';
  subscriberKind!: SubscriberKind;
  subscriberId!: string;
  tier!: BillingTier;
  until?: Date | null;
  reason!: string;
  grantedBy!: string;
  createdAt: Date = new Date();
}

const createdAt = { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() } as const;
const updatedAt = { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() } as const;
const money = { type: 'integer' } as const;

export const BillingCustomerSchema = new EntitySchema<BillingCustomer>({
  class: BillingCustomer,
  tableName: 'billing_customers',
  uniques: [{ properties: ['subscriberKind', 'subscriberId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    subscriberKind: { type: 'string', length: 8 },
    subscriberId: { type: 'uuid' },
    razorpayCustomerId: { type: 'string', length: 64, nullable: true, unique: true },
    name: { type: 'string', length: 200 },
    email: { type: 'string', length: 320 },
    gstin: { type: 'string', length: 15, nullable: true },
    country: { type: 'string', length: 2 },
    stateCode: { type: 'string', length: 2, nullable: true },
    address: { type: 'text', nullable: true },
    createdAt,
    updatedAt,
  },
});

export const BillingPlanRecordSchema = new EntitySchema<BillingPlanRecord>({
  class: BillingPlanRecord,
  tableName: 'billing_plans',
  properties: {
    planId: { type: 'string', length: 32, primary: true },
    currency: { type: 'string', length: 3, primary: true },
    razorpayPlanId: { type: 'string', length: 64, unique: true },
    createdAt,
  },
});

export const SubscriptionSchema = new EntitySchema<Subscription>({
  class: Subscription,
  tableName: 'subscriptions',
  indexes: [
    { properties: ['subscriberKind', 'subscriberId'] },
    {
      // At most one live subscription per user or team: a second checkout changes the plan of the first.
      name: 'subscriptions_one_live',
      expression: `create unique index "subscriptions_one_live" on "subscriptions" ("subscriber_kind", "subscriber_id") where "status" not in ('cancelled', 'completed', 'expired')`,
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    razorpaySubscriptionId: { type: 'string', length: 64, unique: true },
    customerId: { type: 'uuid', index: true },
    subscriberKind: { type: 'string', length: 8 },
    subscriberId: { type: 'uuid' },
    planId: { type: 'string', length: 32 },
    currency: { type: 'string', length: 3 },
    status: { type: 'string', length: 16, default: 'created' },
    currentStart: { type: 'datetime', nullable: true },
    currentEnd: { type: 'datetime', nullable: true },
    chargeAt: { type: 'datetime', nullable: true },
    cancelAtCycleEnd: { type: 'boolean', default: false },
    scheduledPlanId: { type: 'string', length: 32, nullable: true },
    grantsTier: { type: 'boolean', default: false },
    dunning: { type: 'json', nullable: true },
    paidCount: { type: 'integer', default: 0 },
    shortUrl: { type: 'text', nullable: true },
    endedAt: { type: 'datetime', nullable: true },
    syncedAt: { type: 'datetime', nullable: true },
    createdAt,
    updatedAt,
  },
});

export const PaymentSchema = new EntitySchema<Payment>({
  class: Payment,
  tableName: 'payments',
  properties: {
    id: { type: 'uuid', primary: true },
    razorpayPaymentId: { type: 'string', length: 64, unique: true },
    kind: { type: 'string', length: 16 },
    customerId: { type: 'uuid', index: true },
    subscriptionId: { type: 'uuid', nullable: true, index: true },
    orderId: { type: 'string', length: 64, nullable: true },
    paymentLinkId: { type: 'string', length: 64, nullable: true },
    amount: money,
    currency: { type: 'string', length: 3 },
    status: { type: 'string', length: 16 },
    amountRefunded: { type: 'integer', default: 0 },
    method: { type: 'string', length: 32, nullable: true },
    errorDescription: { type: 'text', nullable: true },
    capturedAt: { type: 'datetime', nullable: true },
    createdAt,
    updatedAt,
  },
});

export const BillingOrderSchema = new EntitySchema<BillingOrder>({
  class: BillingOrder,
  tableName: 'billing_orders',
  properties: {
    id: { type: 'uuid', primary: true },
    razorpayOrderId: { type: 'string', length: 64, unique: true },
    receipt: { type: 'string', length: 40, unique: true },
    customerId: { type: 'uuid', index: true },
    purpose: { type: 'string', length: 16 },
    subscriptionId: { type: 'uuid', nullable: true },
    planId: { type: 'string', length: 32, nullable: true },
    amount: money,
    currency: { type: 'string', length: 3 },
    description: { type: 'string', length: 255 },
    status: { type: 'string', length: 16, default: 'created' },
    paymentId: { type: 'string', length: 64, nullable: true },
    createdAt,
    paidAt: { type: 'datetime', nullable: true },
  },
});

export const BillingPaymentLinkSchema = new EntitySchema<BillingPaymentLink>({
  class: BillingPaymentLink,
  tableName: 'billing_payment_links',
  properties: {
    id: { type: 'uuid', primary: true },
    razorpayPaymentLinkId: { type: 'string', length: 64, unique: true },
    referenceId: { type: 'string', length: 40, unique: true },
    customerId: { type: 'uuid', index: true },
    purpose: { type: 'string', length: 16 },
    subscriptionId: { type: 'uuid', nullable: true, index: true },
    amount: money,
    currency: { type: 'string', length: 3 },
    description: { type: 'string', length: 255 },
    shortUrl: { type: 'text' },
    status: { type: 'string', length: 16, default: 'created' },
    paymentId: { type: 'string', length: 64, nullable: true },
    createdAt,
    paidAt: { type: 'datetime', nullable: true },
  },
});

export const WebhookEventSchema = new EntitySchema<WebhookEvent>({
  class: WebhookEvent,
  tableName: 'billing_webhook_events',
  properties: {
    eventId: { type: 'string', length: 64, primary: true },
    event: { type: 'string', length: 64 },
    subscriptionId: { type: 'string', length: 64, nullable: true },
    receivedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), index: true },
  },
});

export const InvoiceSchema = new EntitySchema<Invoice>({
  class: Invoice,
  tableName: 'invoices',
  uniques: [{ properties: ['kind', 'financialYear', 'seq'] }],
  indexes: [{ properties: ['subscriberKind', 'subscriberId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'string', length: 16 },
    number: { type: 'string', length: 16, unique: true },
    financialYear: { type: 'string', length: 5 },
    seq: { type: 'integer' },
    subscriberKind: { type: 'string', length: 8 },
    subscriberId: { type: 'uuid' },
    customerId: { type: 'uuid', index: true },
    paymentId: { type: 'uuid', nullable: true, unique: true },
    refundId: { type: 'string', length: 64, nullable: true, unique: true },
    originalInvoiceId: { type: 'uuid', nullable: true },
    customerName: { type: 'string', length: 200 },
    customerGstin: { type: 'string', length: 15, nullable: true },
    customerAddress: { type: 'text', nullable: true },
    customerCountry: { type: 'string', length: 2 },
    placeOfSupply: { type: 'string', length: 64 },
    supplier: { type: 'json' },
    sac: { type: 'string', length: 8 },
    description: { type: 'string', length: 255 },
    currency: { type: 'string', length: 3 },
    taxKind: { type: 'string', length: 8 },
    taxableValue: money,
    cgst: money,
    sgst: money,
    igst: money,
    total: money,
    issuedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const InvoiceCounterSchema = new EntitySchema<InvoiceCounter>({
  class: InvoiceCounter,
  tableName: 'invoice_counters',
  properties: {
    kind: { type: 'string', length: 16, primary: true },
    financialYear: { type: 'string', length: 5, primary: true },
    lastSeq: { type: 'integer' },
  },
});

export const TierCompSchema = new EntitySchema<TierComp>({
  class: TierComp,
  tableName: 'tier_comps',
  properties: {
    subscriberKind: { type: 'string', length: 8, primary: true },
    subscriberId: { type: 'uuid', primary: true },
    tier: { type: 'string', length: 16 },
    until: { type: 'datetime', nullable: true },
    reason: { type: 'text' },
    grantedBy: { type: 'uuid' },
    createdAt,
  },
});

export const billingEntities = [
  BillingCustomerSchema,
  BillingPlanRecordSchema,
  SubscriptionSchema,
  PaymentSchema,
  BillingOrderSchema,
  BillingPaymentLinkSchema,
  WebhookEventSchema,
  InvoiceSchema,
  InvoiceCounterSchema,
  TierCompSchema,
];
