/**
 * Every Razorpay call goes through `razorpayCall`, which sorts its failures: a network fault, a 429 or a 5xx is a
 * plain Error (transient: Temporal retries the activity, the API answers PAYMENT_PROVIDER_UNAVAILABLE); any other
 * refusal is a BillingError with the caller's code (final: asking again gives the same answer).
 */
import { ErrorCode } from '../../contracts/errors';
import { BillingError, type BillingErrorCode } from './billing.errors';

/** What the SDK rejects with for an HTTP error: `{ statusCode, error: { code, description, field } }`. */
interface RazorpayRejection {
  statusCode: number;
  error?: { code?: string; description?: string; field?: string | null };
}

/** The HTTP status of a Razorpay SDK rejection, or null for a network fault (no answer at all). */
export function razorpayStatus(error: unknown): number | null {
  const status = (error as Partial<RazorpayRejection> | null)?.statusCode;
  return typeof status === 'number' ? status : null;
}

/** Razorpay's own description of a refusal (safe to log: it names fields, never card data). */
export function razorpayDescription(error: unknown): string {
  return (error as Partial<RazorpayRejection> | null)?.error?.description ?? 'no description';
}

/** Whether a failure is worth retrying: no answer, rate limited, or Razorpay's own fault. */
export function isTransientRazorpayFailure(error: unknown): boolean {
  const status = razorpayStatus(error);
  return status === null || status === 429 || status >= 500;
}

/**
 * Runs one Razorpay call. Transient failures become a plain Error naming `what` and the status; a 4xx becomes a
 * BillingError(`code`) whose message is `message` (what the person reading it can do), never Razorpay's text.
 */
export async function razorpayCall<T>(
  what: string,
  call: () => Promise<T>,
  refusal: { code: BillingErrorCode; message: string } = { code: ErrorCode.PAYMENT_FAILED, message: 'The payment provider refused the request.' },
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof BillingError) throw error;
    const status = razorpayStatus(error);
    if (isTransientRazorpayFailure(error)) {
      throw new Error(`Razorpay ${what} failed (${status ?? 'no answer'}): ${status === null ? String((error as Error)?.message ?? error) : razorpayDescription(error)}`);
    }
    throw new BillingError(refusal.code, refusal.message);
  }
}
