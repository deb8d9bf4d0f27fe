import type { Logger } from 'pino';
import { paymentProviderUnavailable } from './billing.errors';

/**
 * Runs a step of an API action that reaches Razorpay (directly through razorpayCall, or through the mirror): its
 * transient failures — plain Errors (no answer, 429, 5xx) — are logged and become PAYMENT_PROVIDER_UNAVAILABLE;
 * typed errors (a BillingError, a domain or database error, all carrying a `code`) pass through unchanged.
 */
export async function providerStep<T>(logger: Logger, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw error;
    logger.warn({ err: error, step: what }, 'billing: the payment provider is unavailable');
    throw paymentProviderUnavailable();
  }
}
