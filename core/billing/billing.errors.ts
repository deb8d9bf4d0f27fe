import { ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';

/** The `PAYMENT_*` and `SUBSCRIPTION_*` codes (contracts/errors.ts). */
export type BillingErrorCode = Extract<ErrorCode, `PAYMENT_${string}` | `SUBSCRIPTION_${string}`>;

export const BILLING_ERROR_CODES = Object.values(ErrorCode).filter(
  (code): code is BillingErrorCode => code.startsWith('PAYMENT_') || code.startsWith('SUBSCRIPTION_'),
);

/**
 * Thrown when a billing request is refused by a billing rule (billing off, a forged signature, a plan change that
 * does not fit the subscription's state …): the code says which rule, the message says it in words a person can act
 * on. The API maps it to `extensions.code` (a ConflictError subclass, like DeployError).
 */
export class BillingError extends ConflictError {
  override readonly name = 'BillingError';
  constructor(
    override readonly code: BillingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const billingOff = () =>
  new BillingError(
    ErrorCode.PAYMENT_BILLING_OFF,
    'Billing is off on this server, so everyone is on the Free tier. An operator turns it on with RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET.',
  );

export const paymentSignatureInvalid = () =>
  new BillingError(ErrorCode.PAYMENT_SIGNATURE_INVALID, 'The payment could not be verified, so nothing was changed. If you were charged, it will be matched automatically within minutes.');

export const paymentProviderUnavailable = () =>
  new BillingError(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, 'The payment provider is not answering right now. Nothing was charged twice; please try again in a minute.');

export const subscriptionNotFound = () => new BillingError(ErrorCode.SUBSCRIPTION_NOT_FOUND, 'There is no active subscription to change.');

export const subscriptionStateInvalid = (status: string, action: string) =>
  new BillingError(ErrorCode.SUBSCRIPTION_STATE_INVALID, `A ${status} subscription cannot be ${action}.`);
