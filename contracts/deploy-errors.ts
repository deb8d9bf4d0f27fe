/**
 * Deployment refusals: the `DEPLOY_*` codes and their words for people, shared by the server (core/deploy) and the
 * client. Free of @temporalio imports (unlike deploy.ts, which re-exports it), so the client bundle can import it.
 */
import { ErrorCode } from './errors';

/** The `DEPLOY_*` codes a request or a deployment can end with (contracts/errors.ts). */
export const DEPLOY_ERROR_CODES = [
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
export type DeployErrorCode = (typeof DEPLOY_ERROR_CODES)[number];

/**
 * Each `DEPLOY_*` code in words a person can act on, the same whatever the server's wording: the client shows
 * them, and the server uses them where it has nothing more specific to say.
 */
export const DEPLOY_ERROR_MESSAGES: Readonly<Record<DeployErrorCode, string>> = {
  DEPLOY_BUILD_FAILED: 'The build failed: the log shows why. Nothing went live.',
  DEPLOY_TESTS_FAILED: 'The project\'s tests failed, so nothing was deployed. Fix them, or deploy again with "Skip tests".',
  DEPLOY_TOKEN_MISSING: 'This target needs a provider token: add it in your account settings.',
  DEPLOY_TOKEN_REFUSED: 'The provider refused the stored token: replace it in your account settings.',
  DEPLOY_PROVIDER_UNAVAILABLE: 'The provider kept failing or limiting requests, even after retries. Try again later.',
  DEPLOY_PROVIDER_FAILED: 'The provider rejected the deployment: the log shows its answer.',
  DEPLOY_UNHEALTHY: 'The app never answered its health check. The previous deployment stays live.',
  DEPLOY_NAME_TAKEN: 'That name is already taken at the provider: choose another name in the target settings.',
  DEPLOY_IN_PROGRESS: 'Another deployment to this target is still running: wait for it or cancel it first.',
  DEPLOY_ROLLBACK_INVALID: 'That deployment cannot be rolled back to: it never went live.',
  DEPLOY_TARGET_UNAVAILABLE: 'This target is not available on this server.',
  DEPLOY_CANCELLED: 'The deployment was cancelled.',
};
