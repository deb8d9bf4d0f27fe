import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@contracts/errors';
import { type UserFacingError, toUserFacingError } from '../../../core/user-facing-error';

/** The deployment refusals the pages tell apart, beyond the app-wide failures. */
export const DEPLOY_CODES = [
  ErrorCode.DEPLOY_BUILD_FAILED,
  ErrorCode.DEPLOY_TESTS_FAILED,
  ErrorCode.DEPLOY_TOKEN_MISSING,
  ErrorCode.DEPLOY_TOKEN_REFUSED,
  ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE,
  ErrorCode.DEPLOY_PROVIDER_FAILED,
  ErrorCode.DEPLOY_UNHEALTHY,
  ErrorCode.DEPLOY_NAME_TAKEN,
  ErrorCode.DEPLOY_IN_PROGRESS,
  ErrorCode.DEPLOY_ROLLBACK_INVALID,
  ErrorCode.DEPLOY_TARGET_UNAVAILABLE,
  ErrorCode.DEPLOY_CANCELLED,
] as const;
export type DeployCode = (typeof DEPLOY_CODES)[number];

/** A failed deployment call as the user reads it. */
export interface DeployProblem {
  readonly code: DeployCode | UserFacingError['code'];
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, string>>;
}

export type DeployResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: DeployProblem };

/** Our own words for each refusal, so each reads the same whatever the server's wording. */
export const DEPLOY_WORDS: Readonly<Record<DeployCode, string>> = {
  DEPLOY_BUILD_FAILED: 'The build failed: the log shows why. Nothing went live.',
  DEPLOY_TESTS_FAILED:
    'The project\'s tests failed, so nothing was deployed. Fix them, or deploy again with "Skip tests".',
  DEPLOY_TOKEN_MISSING: 'This target needs a provider token: add it in your account settings.',
  DEPLOY_TOKEN_REFUSED: 'The provider refused the stored token: replace it in your account settings.',
  DEPLOY_PROVIDER_UNAVAILABLE:
    'The provider kept failing or limiting requests, even after retries. Try again later.',
  DEPLOY_PROVIDER_FAILED: 'The provider rejected the deployment: the log shows its answer.',
  DEPLOY_UNHEALTHY:
    'The app never answered its health check. The previous deployment stays live.',
  DEPLOY_NAME_TAKEN:
    'That name is already taken at the provider: choose another name in the target settings.',
  DEPLOY_IN_PROGRESS:
    'Another deployment to this target is still running: wait for it or cancel it first.',
  DEPLOY_ROLLBACK_INVALID: 'That deployment cannot be rolled back to: it never went live.',
  DEPLOY_TARGET_UNAVAILABLE: 'This target is not available on this server.',
  DEPLOY_CANCELLED: 'The deployment was cancelled.',
};

/** Where the server's message says more than ours (which token, which name, the provider's answer). */
const SERVER_WORDS: ReadonlySet<string> = new Set([
  ErrorCode.DEPLOY_TOKEN_MISSING,
  ErrorCode.DEPLOY_TOKEN_REFUSED,
  ErrorCode.DEPLOY_NAME_TAKEN,
  ErrorCode.DEPLOY_PROVIDER_FAILED,
]);

export function isDeployCode(code: unknown): code is DeployCode {
  return typeof code === 'string' && (DEPLOY_CODES as readonly string[]).includes(code);
}

/** Maps what Apollo reported to a `DeployProblem`: DEPLOY_* by code, the rest as the app maps them. */
export function toDeployError(error: unknown): DeployProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (isDeployCode(code)) {
      const message = SERVER_WORDS.has(code) && first?.message ? first.message : DEPLOY_WORDS[code];
      return { code, message, fieldErrors: {} };
    }
  }
  return toUserFacingError(error);
}

/** A deployment's stored error for people: its readable text, else our words for its code. */
export function deploymentError(d: { error: string | null; errorCode: string | null }): string | null {
  if (d.error) return d.error;
  return isDeployCode(d.errorCode) ? DEPLOY_WORDS[d.errorCode] : null;
}
