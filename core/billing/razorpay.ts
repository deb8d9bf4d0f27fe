/**
 * The Razorpay SDK, built once per process from the configuration, and the four signature checks. Every signature
 * is a hex HMAC-SHA256 compared in constant time (the SDK's own `validate*` helpers compare with `===`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Razorpay from 'razorpay';

/** Billing's configuration: all three keys, or none (billing off). */
export interface RazorpayConfig {
  readonly keyId: string;
  readonly keySecret: string;
  readonly webhookSecret: string;
  /** Razorpay's API origin (default https://api.razorpay.com); tests point it at the wire fake. */
  readonly apiUrl?: string;
  /** Where the client loads Checkout from (default https://checkout.razorpay.com/v1/checkout.js); tests: the stand-in. */
  readonly checkoutUrl?: string;
}

export const RAZORPAY_API_URL = 'https://api.razorpay.com';
export const RAZORPAY_CHECKOUT_URL = 'https://checkout.razorpay.com/v1/checkout.js';

/** The billing keys from the environment: null when billing is off; a readable error when only some are set. */
export function razorpayConfigFrom(env: {
  RAZORPAY_KEY_ID?: string;
  RAZORPAY_KEY_SECRET?: string;
  RAZORPAY_WEBHOOK_SECRET?: string;
  ATELIER_RAZORPAY_API_URL?: string;
  ATELIER_RAZORPAY_CHECKOUT_URL?: string;
}): RazorpayConfig | null {
  const keys = [env.RAZORPAY_KEY_ID, env.RAZORPAY_KEY_SECRET, env.RAZORPAY_WEBHOOK_SECRET];
  if (keys.every((k) => !k)) return null;
  if (!keys.every(Boolean)) {
    throw new Error('Billing needs RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET together (or none: billing off)');
  }
  return {
    keyId: env.RAZORPAY_KEY_ID!,
    keySecret: env.RAZORPAY_KEY_SECRET!,
    webhookSecret: env.RAZORPAY_WEBHOOK_SECRET!,
    apiUrl: env.ATELIER_RAZORPAY_API_URL,
    checkoutUrl: env.ATELIER_RAZORPAY_CHECKOUT_URL,
  };
}

export type RazorpayClient = InstanceType<typeof Razorpay>;

/**
 * The real SDK. Its API origin is fixed in its constructor, so a configured `apiUrl` (the wire fake in tests, a
 * proxy in production) is set on its axios instance afterwards; every resource goes through that instance.
 */
export function createRazorpayClient(config: Pick<RazorpayConfig, 'keyId' | 'keySecret' | 'apiUrl'>): RazorpayClient {
  const client = new Razorpay({ key_id: config.keyId, key_secret: config.keySecret });
  if (config.apiUrl) {
    (client as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL = config.apiUrl.replace(/\/$/, '');
  }
  return client;
}

/** Hex HMAC-SHA256 of `payload` under `secret`. */
export function hmacHex(secret: string, payload: string | Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** Constant-time check of a hex signature; false for a missing or malformed one. */
export function signatureMatches(expectedHex: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string' || !/^[0-9a-f]+$/i.test(given)) return false;
  const a = Buffer.from(expectedHex, 'hex');
  const b = Buffer.from(given, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checkout of an order: HMAC of `order_id|payment_id` under the key secret. */
export function verifyOrderPayment(keySecret: string, fields: { orderId: string; paymentId: string; signature: string }): boolean {
  return signatureMatches(hmacHex(keySecret, `${fields.orderId}|${fields.paymentId}`), fields.signature);
}

/** Checkout of a subscription: HMAC of `payment_id|subscription_id` under the key secret. */
export function verifySubscriptionPayment(keySecret: string, fields: { paymentId: string; subscriptionId: string; signature: string }): boolean {
  return signatureMatches(hmacHex(keySecret, `${fields.paymentId}|${fields.subscriptionId}`), fields.signature);
}

/** A payment link's callback: HMAC of `plink_id|reference_id|status|payment_id` under the key secret. */
export function verifyPaymentLink(
  keySecret: string,
  fields: { paymentLinkId: string; referenceId: string; status: string; paymentId: string; signature: string },
): boolean {
  return signatureMatches(hmacHex(keySecret, `${fields.paymentLinkId}|${fields.referenceId}|${fields.status}|${fields.paymentId}`), fields.signature);
}

/** A webhook: HMAC of the raw body, exactly as received, under the webhook secret (`X-Razorpay-Signature`). */
export function verifyWebhook(webhookSecret: string, rawBody: Buffer, signature: string | undefined): boolean {
  return signatureMatches(hmacHex(webhookSecret, rawBody), signature);
}
