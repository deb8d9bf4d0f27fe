import { signal } from '@angular/core';
import type { BillingResult } from '../models/billing-error';
import type {
  BillingAccount,
  BillingPlan,
  BillingSubscription,
  CheckoutSession,
  Invoice,
  TierLimits,
} from '../models/billing.models';
import type { BillingCatalog } from '../services/billing-store.service';
import type { CheckoutOpener, CheckoutOutcome } from '../services/razorpay-checkout.service';

export function limits(tier: string, overrides: Partial<TierLimits> = {}): TierLimits {
  const big = tier === 'free' ? 1 : tier === 'pro' ? 3 : tier === 'team' ? 10 : null;
  return {
    tier,
    label: tier.charAt(0).toUpperCase() + tier.slice(1),
    messagesPerHour: big === null ? null : big * 50,
    messagesPerDay: big === null ? null : big * 200,
    concurrentAgentRuns: big,
    concurrentRooms: big === null ? null : big * 2,
    projects: big === null ? null : big * 5,
    sandboxes: big,
    apps: big,
    maxRoomCapacity: 8,
    ...overrides,
  };
}

const PRICES: Record<string, [number, number]> = {
  'pro-monthly': [149_900, 1_900],
  'pro-yearly': [1_499_000, 19_000],
  'team-monthly': [399_900, 4_900],
  'team-yearly': [3_999_000, 49_000],
  'enterprise-monthly': [1_999_900, 24_900],
  'enterprise-yearly': [19_999_000, 249_000],
};

export function plans(): BillingPlan[] {
  return Object.entries(PRICES).map(([id, [priceInr, priceUsd]]) => {
    const [tier, interval] = id.split('-') as [string, string];
    return { id, tier, interval, priceInr, priceUsd, label: tier.charAt(0).toUpperCase() + tier.slice(1), blurb: `${tier} blurb` };
  });
}

export function catalog(): BillingCatalog {
  return { billingPlans: plans(), tierLimits: ['free', 'pro', 'team', 'enterprise'].map((t) => limits(t)) };
}

export function subscription(overrides: Partial<BillingSubscription> = {}): BillingSubscription {
  return {
    id: 's1',
    planId: 'pro-monthly',
    tier: 'pro',
    interval: 'monthly',
    currency: 'INR',
    amount: 149_900,
    status: 'active',
    grantsTier: true,
    currentStart: '2026-12-07T10:00:00.000Z',
    currentEnd: '2027-01-07T10:00:00.000Z',
    chargeAt: '2027-01-07T10:00:00.000Z',
    cancelAtCycleEnd: false,
    scheduledPlanId: null,
    dunning: null,
    manageUrl: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    ...overrides,
  };
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'i1',
    kind: 'invoice',
    number: 'ATL/26-27/000001',
    issuedAt: '2026-12-07T10:00:00.000Z',
    description: 'Atelier Pro, monthly',
    currency: 'INR',
    taxKind: 'intra',
    placeOfSupply: '29-Karnataka',
    taxableValue: 127_034,
    cgst: 11_433,
    sgst: 11_433,
    igst: 0,
    total: 149_900,
    pdfUrl: '/billing/invoices/i1.pdf',
    ...overrides,
  };
}

export function account(overrides: Partial<BillingAccount> = {}): BillingAccount {
  const tier = overrides.tier ?? 'free';
  return {
    enabled: true,
    howToEnable: null,
    subscriberKind: 'user',
    subscriberId: 'u1',
    tier,
    limits: limits(tier),
    canManage: true,
    currency: 'INR',
    customer: { name: 'Ada', email: 'ada@example.com', gstin: null, country: 'IN', stateCode: '29', address: null },
    subscription: null,
    comp: null,
    invoices: [],
    ...overrides,
  };
}

export function session(overrides: Partial<CheckoutSession> = {}): CheckoutSession {
  return {
    keyId: 'rzp_test_key',
    checkoutUrl: 'http://127.0.0.1:9/v1/checkout.js',
    orderId: null,
    subscriptionId: 'sub_1',
    amount: 149_900,
    currency: 'INR',
    name: 'Atelier',
    description: 'Pro, monthly',
    prefillName: 'Ada',
    prefillEmail: 'ada@example.com',
    ...overrides,
  };
}

/** Checkout that answers as the test says: paid with the given fields, dismissed, or failed to load. */
export class FakeCheckout implements CheckoutOpener {
  readonly opened: CheckoutSession[] = [];
  next: CheckoutOutcome = {
    kind: 'paid',
    payment: { razorpayPaymentId: 'pay_1', razorpaySignature: 'sig', razorpaySubscriptionId: 'sub_1', razorpayOrderId: null },
  };
  open(s: CheckoutSession): Promise<CheckoutOutcome> {
    this.opened.push(s);
    return Promise.resolve(this.next);
  }
}

/** The account feature's usage signal, counting reads (the page reads it again after a tier change). */
export class FakeUsageStatus {
  readonly usage = signal(null);
  readonly worst = signal(null);
  refreshes = 0;
  refresh(): Promise<void> {
    this.refreshes++;
    return Promise.resolve();
  }
}

export const ok = <T>(value: T): Promise<BillingResult<T>> => Promise.resolve({ ok: true, value });
export const refused = (code: string, message: string): Promise<BillingResult<never>> =>
  Promise.resolve({ ok: false, error: { code: code as 'INTERNAL', message, fieldErrors: {} } });
