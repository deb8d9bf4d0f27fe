import { CombinedGraphQLErrors } from '@apollo/client/errors';
import {
  DEPLOY_ERROR_CODES,
  DEPLOY_ERROR_MESSAGES,
  type DeployErrorCode,
} from '@contracts/deploy-errors';
import { ErrorCode } from '@contracts/errors';
import { type UserFacingError, toUserFacingError } from '../../../core/user-facing-error';

/**
 * A failed deployment call as the user reads it: the DEPLOY_* refusals (contracts/deploy-errors.ts, with their words)
 * told apart, beyond the app-wide failures.
 */
export interface DeployProblem {
  readonly code: DeployErrorCode | UserFacingError['code'];
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
}

export type DeployResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DeployProblem };

/** Where the server's message says more than ours (which token, which name, the provider's answer). */
const SERVER_WORDS: ReadonlySet<string> = new Set([
  ErrorCode.DEPLOY_TOKEN_MISSING,
  ErrorCode.DEPLOY_TOKEN_REFUSED,
  ErrorCode.DEPLOY_NAME_TAKEN,
  ErrorCode.DEPLOY_PROVIDER_FAILED,
]);

export function isDeployCode(code: unknown): code is DeployErrorCode {
  return typeof code === 'string' && (DEPLOY_ERROR_CODES as readonly string[]).includes(code);
}

/** Maps what Apollo reported to a `DeployProblem`: DEPLOY_* by code, the rest as the app maps them. */
export function toDeployError(error: unknown): DeployProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (isDeployCode(code)) {
      const message =
        SERVER_WORDS.has(code) && first?.message ? first.message : DEPLOY_ERROR_MESSAGES[code];
      return { code, message, fieldErrors: {} };
    }
  }
  return toUserFacingError(error);
}

/** A deployment's stored error for people: its readable text, else our words for its code. */
export function deploymentError(d: {
  error: string | null;
  errorCode: string | null;
}): string | null {
  if (d.error) return d.error;
  return isDeployCode(d.errorCode) ? DEPLOY_ERROR_MESSAGES[d.errorCode] : null;
}
