import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type Observable, catchError, firstValueFrom, map, of } from 'rxjs';
import { ErrorCode } from '@contracts/errors';
import type { ApolloOutcome } from '../../../core/apollo-result';
import { type UserFacingError, toUserFacingError } from '../../../core/user-facing-error';

/** The billing refusals the page tells apart, beyond the app-wide failures. */
export const BILLING_CODES = [
  ErrorCode.PAYMENT_BILLING_OFF,
  ErrorCode.PAYMENT_SIGNATURE_INVALID,
  ErrorCode.PAYMENT_NOT_FOUND,
  ErrorCode.PAYMENT_FAILED,
  ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE,
  ErrorCode.PAYMENT_DETAILS_INVALID,
  ErrorCode.PAYMENT_INVOICE_NOT_FOUND,
  ErrorCode.SUBSCRIPTION_NOT_FOUND,
  ErrorCode.SUBSCRIPTION_EXISTS,
  ErrorCode.SUBSCRIPTION_PLAN_INVALID,
  ErrorCode.SUBSCRIPTION_STATE_INVALID,
] as const;
export type BillingCode = (typeof BILLING_CODES)[number];

/** A failed billing call as the user reads it; `CHECKOUT_FAILED`: Checkout itself failed in the browser. */
export interface BillingProblem {
  readonly code: BillingCode | UserFacingError['code'] | 'CHECKOUT_FAILED';
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
}

export type BillingResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BillingProblem };

/** Our own short words for each refusal, so each reads the same whatever the server's wording. */
export const BILLING_WORDS: Readonly<Record<BillingCode, string>> = {
  PAYMENT_BILLING_OFF: 'Billing is off on this server, so everyone is on Free.',
  PAYMENT_SIGNATURE_INVALID:
    'The payment could not be verified, so nothing changed. If you were charged, it is refunded automatically.',
  PAYMENT_NOT_FOUND: 'That payment was not found. Nothing changed.',
  PAYMENT_FAILED: 'The payment did not go through. Nothing was charged; try again or use another method.',
  PAYMENT_PROVIDER_UNAVAILABLE:
    'The payment provider is not answering. Nothing was charged twice; try again in a minute.',
  PAYMENT_DETAILS_INVALID: 'Some billing details are not valid: check the GSTIN, country and state.',
  PAYMENT_INVOICE_NOT_FOUND: 'That invoice was not found.',
  SUBSCRIPTION_NOT_FOUND: 'There is no subscription to change.',
  SUBSCRIPTION_EXISTS: 'A subscription is already running: change its plan instead.',
  SUBSCRIPTION_PLAN_INVALID: 'That plan cannot be chosen here.',
  SUBSCRIPTION_STATE_INVALID: 'The subscription cannot do that in its current state. Reload to see it now.',
};

/** Where the server's message says more than ours (what the bank said, which field). */
const SERVER_WORDS: ReadonlySet<string> = new Set([
  ErrorCode.PAYMENT_FAILED,
  ErrorCode.PAYMENT_DETAILS_INVALID,
  ErrorCode.SUBSCRIPTION_STATE_INVALID,
]);

export function isBillingCode(code: unknown): code is BillingCode {
  return typeof code === 'string' && (BILLING_CODES as readonly string[]).includes(code);
}

/** Maps what Apollo reported to a `BillingProblem`: PAYMENT_* and SUBSCRIPTION_* by code, the rest as the app does. */
export function toBillingError(error: unknown): BillingProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (isBillingCode(code)) {
      const message = SERVER_WORDS.has(code) && first?.message ? first.message : BILLING_WORDS[code];
      const field = first?.extensions?.['field'];
      const fieldErrors = typeof field === 'string' && first?.message ? { [field]: first.message } : {};
      return { code, message, fieldErrors };
    }
  }
  return toUserFacingError(error);
}

const MISSING: BillingProblem = { code: 'NOT_FOUND', message: 'Not found.', fieldErrors: {} };

/** Ends an Apollo call in a `BillingResult`; a missing value is NOT_FOUND. Nothing is thrown. */
export function billingResult<D, T>(
  source: Observable<ApolloOutcome<D>>,
  pick: (data: D) => T | null | undefined,
): Promise<BillingResult<T>> {
  return firstValueFrom(
    source.pipe(
      map((outcome): BillingResult<T> => {
        if (outcome.error) return { ok: false, error: toBillingError(outcome.error) };
        const value = outcome.data ? pick(outcome.data) : undefined;
        return value == null ? { ok: false, error: MISSING } : { ok: true, value };
      }),
      catchError((error: unknown) => of<BillingResult<T>>({ ok: false, error: toBillingError(error) })),
    ),
  );
}
