import { DEPLOY_ERROR_MESSAGES, type DeployErrorCode } from '../../contracts/deploy-errors';
import { ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';

/** The `DEPLOY_*` codes and their words live in contracts/deploy-errors.ts, which the client reads too. */
export { DEPLOY_ERROR_CODES, type DeployErrorCode } from '../../contracts/deploy-errors';

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
  new DeployError(ErrorCode.DEPLOY_IN_PROGRESS, DEPLOY_ERROR_MESSAGES.DEPLOY_IN_PROGRESS, deploymentId);

export const deployTargetUnavailable = (target: string) =>
  new DeployError(ErrorCode.DEPLOY_TARGET_UNAVAILABLE, `The deploy target "${target}" is not available on this platform.`);

export const deployTokenMissing = (providers: readonly string[]) =>
  new DeployError(ErrorCode.DEPLOY_TOKEN_MISSING, `Add a ${providers.join(' and a ')} token in the target settings before deploying.`);

export const deployRollbackInvalid = (deploymentId: string, why: string) => new DeployError(ErrorCode.DEPLOY_ROLLBACK_INVALID, why, deploymentId);
