import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The kinds of failure the UI distinguishes; each maps to a different presentation. */
export type UserFacingErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PROJECT_ARCHIVED'
  | 'CONFIRMATION_MISMATCH'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'LIMIT_REACHED'
  | 'SERVICE_UNAVAILABLE'
  | 'NETWORK'
  | 'INTERNAL';

/** A failure as the user sees it: a readable message and, for invalid input, one message per field. */
export interface UserFacingError {
  readonly code: UserFacingErrorCode;
  readonly message: string;
  /** Field name → first message for it; empty unless `code` is BAD_USER_INPUT. */
  readonly fieldErrors: Readonly<Record<string, string>>;
}

/** A value or the error to show instead: services return this so pages never handle exceptions. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: UserFacingError };

const MESSAGES: Record<UserFacingErrorCode, string> = {
  BAD_USER_INPUT: 'Some fields need attention.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'That cannot be done right now.',
  PROJECT_ARCHIVED: 'This project is archived, so it is read-only: restore it first.',
  CONFIRMATION_MISMATCH: 'The confirmation does not match.',
  UNAUTHENTICATED: 'Please log in to continue.',
  FORBIDDEN: 'You are not allowed to do that.',
  RATE_LIMITED: 'Too many attempts, try again later.',
  LIMIT_REACHED: 'Your plan does not allow more of that.',
  SERVICE_UNAVAILABLE: 'A service Atelier needs is unavailable. Try again shortly.',
  NETWORK: 'Cannot reach the Atelier server. Check that it is running, then try again.',
  INTERNAL: 'Something went wrong on the server. Please try again.',
};

interface FieldErrorExtension {
  readonly field?: unknown;
  readonly message?: unknown;
}

/** Maps whatever Apollo or the transport reported to what the user should read. */
export function toUserFacingError(error: unknown): UserFacingError {
  if (!CombinedGraphQLErrors.is(error))
    return { code: 'NETWORK', message: MESSAGES.NETWORK, fieldErrors: {} };
  const first = error.errors[0];
  const code = first?.extensions?.['code'];
  if (code === 'BAD_USER_INPUT') {
    return {
      code,
      message: MESSAGES.BAD_USER_INPUT,
      fieldErrors: fieldErrorsOf(first?.extensions ?? {}),
    };
  }
  // Written for users by contract (logIn sends one message for a wrong email or password).
  if (code === 'UNAUTHENTICATED')
    return { code, message: first?.message || MESSAGES.UNAUTHENTICATED, fieldErrors: {} };
  if (code === 'RATE_LIMIT_EXCEEDED') {
    const seconds = first?.extensions?.['retryAfter'];
    const message =
      typeof seconds === 'number' && seconds > 0
        ? `Too many attempts, try again in ${Math.ceil(seconds)} s.`
        : MESSAGES.RATE_LIMITED;
    return { code: 'RATE_LIMITED', message, fieldErrors: {} };
  }
  // Names the limit and the cap ("You have 5 of 5 projects allowed by your plan…"), written for users.
  if (code === 'LIMIT_EXCEEDED' || code === 'CONCURRENT_LIMIT_EXCEEDED')
    return { code: 'LIMIT_REACHED', message: first?.message || MESSAGES.LIMIT_REACHED, fieldErrors: {} };
  // Says which role the action needs ("Only the owner can delete the team."), written for users by contract.
  if (code === 'FORBIDDEN')
    return { code, message: first?.message || MESSAGES.FORBIDDEN, fieldErrors: {} };
  // Names what is missing ("Storing provider keys (set ATELIER_MASTER_KEYS) is unavailable…").
  if (code === 'SERVICE_UNAVAILABLE')
    return { code, message: first?.message || MESSAGES.SERVICE_UNAVAILABLE, fieldErrors: {} };
  if (code === 'NOT_FOUND')
    return { code, message: first?.message || MESSAGES.NOT_FOUND, fieldErrors: {} };
  // Says what the current state forbids ("There is no plan waiting for approval"), written for users.
  if (code === 'CONFLICT' || code === 'PROJECT_ARCHIVED' || code === 'CONFIRMATION_MISMATCH')
    return { code, message: first?.message || MESSAGES[code], fieldErrors: {} };
  // Messages of internal errors are generic by contract, but never echo them: they are not written for users.
  return { code: 'INTERNAL', message: MESSAGES.INTERNAL, fieldErrors: {} };
}

function fieldErrorsOf(extensions: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const list = Array.isArray(extensions['fieldErrors'])
    ? (extensions['fieldErrors'] as FieldErrorExtension[])
    : [];
  for (const { field, message } of list) {
    if (typeof field === 'string' && typeof message === 'string' && !(field in out))
      out[field] = message;
  }
  const single = extensions['field'];
  if (typeof single === 'string' && !(single in out)) out[single] = 'This value is not valid.';
  return out;
}

/** Whether retrying the same request later may succeed (the server was not reached or did not answer). */
export function isTransient(error: UserFacingError): boolean {
  return error.code === 'NETWORK';
}
