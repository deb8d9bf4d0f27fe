import { ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';

/** The `DEPLOY_*` codes a request or a deployment can end with (contracts/errors.ts). */
export type DeployErrorCode =
  | typeof ErrorCode.DEPLOY_BUILD_FAILED
  | typeof ErrorCode.DEPLOY_TESTS_FAILED
  | typeof ErrorCode.DEPLOY_TOKEN_MISSING
  | typeof ErrorCode.DEPLOY_TOKEN_REFUSED
  | typeof ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE
  | typeof ErrorCode.DEPLOY_PROVIDER_FAILED
  | typeof ErrorCode.DEPLOY_UNHEALTHY
  | typeof ErrorCode.DEPLOY_NAME_TAKEN
  | typeof ErrorCode.DEPLOY_IN_PROGRESS
  | typeof ErrorCode.DEPLOY_ROLLBACK_INVALID
  | typeof ErrorCode.DEPLOY_TARGET_UNAVAILABLE
  | typeof ErrorCode.DEPLOY_CANCELLED;

export const DEPLOY_ERROR_CODES: readonly DeployErrorCode[] = [
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
];

/**
 * Thrown when a deployment request is refused by a deployment rule (a run in progress, a missing token, an
 * unknown target …): the code says which rule and the message says it in words a person can act on. The API maps
 * it to `extensions.code` (a ConflictError subclass, like the rooms' RoomError).
 */
export class DeployError extends ConflictError {
  override readonly name = 'DeployError';
  constructor(
    override readonly code: DeployErrorCode,
    message: string,
    readonly deploymentId: string | null = null,
  ) {
    super(message);
  }
}

export const deployInProgress = (deploymentId: string | null) =>
  new DeployError(ErrorCode.DEPLOY_IN_PROGRESS, 'A deployment of this project to this target is still running; wait for it or cancel it.', deploymentId);

export const deployTargetUnavailable = (target: string) =>
  new DeployError(ErrorCode.DEPLOY_TARGET_UNAVAILABLE, `The deploy target "${target}" is not available on this platform.`);

export const deployTokenMissing = (providers: readonly string[]) =>
  new DeployError(ErrorCode.DEPLOY_TOKEN_MISSING, `Add a ${providers.join(' and a ')} token in the target settings before deploying.`);

export const deployRollbackInvalid = (deploymentId: string, why: string) => new DeployError(ErrorCode.DEPLOY_ROLLBACK_INVALID, why, deploymentId);
