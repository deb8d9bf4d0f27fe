/**
 * `GET /billing/payment-link/callback`: where Razorpay sends the payer after a payment link (a dunning retry or a
 * one-off charge). The query's signature (`plink_id|reference_id|status|payment_id` under the key secret) is
 * checked by BillingService, which applies a genuine payment; the payer lands on `/billing?paid=1`, or `?paid=0`
 * when the fields do not verify. No session needed: the link may be paid from a mail on another device.
 */
import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';

/** The callback's query, as Razorpay names the fields. */
export interface PaymentLinkCallbackFields {
  razorpay_payment_id: string;
  razorpay_payment_link_id: string;
  razorpay_payment_link_reference_id: string;
  razorpay_payment_link_status: string;
  razorpay_signature: string;
}

export interface PaymentLinkCallbackDeps {
  enabled: () => boolean;
  /** BillingService.verifyPaymentLinkCallback: true once the signature checks out (and the payment is applied). */
  verify(fields: PaymentLinkCallbackFields): Promise<boolean>;
  logger: Logger;
}

const FIELDS: ReadonlyArray<keyof PaymentLinkCallbackFields> = [
  'razorpay_payment_id',
  'razorpay_payment_link_id',
  'razorpay_payment_link_reference_id',
  'razorpay_payment_link_status',
  'razorpay_signature',
];

/** The callback's query fields, or null when one is missing, repeated or absurdly long. */
export function callbackFields(query: Request['query']): PaymentLinkCallbackFields | null {
  const fields: Partial<PaymentLinkCallbackFields> = {};
  for (const name of FIELDS) {
    const value = query[name];
    if (typeof value !== 'string' || !value || value.length > 256) return null;
    fields[name] = value;
  }
  return fields as PaymentLinkCallbackFields;
}

/** The router to mount at the app's root. */
export function createPaymentLinkCallbackRouter(deps: PaymentLinkCallbackDeps): express.Router {
  const router = express.Router();
  router.get('/billing/payment-link/callback', (req, res) => void handle(deps, req, res));
  return router;
}

async function handle(deps: PaymentLinkCallbackDeps, req: Request, res: Response): Promise<void> {
  if (!deps.enabled()) return void res.status(404).json({ error: 'billing is off' });
  const fields = callbackFields(req.query);
  let paid = false;
  try {
    paid = fields !== null && (await deps.verify(fields));
  } catch (error) {
    // The webhook applies a genuine payment anyway; the payer is told it is not confirmed yet.
    deps.logger.warn({ err: error }, 'payment link callback not verified');
  }
  res.redirect(303, `/billing?paid=${paid ? 1 : 0}`);
}
