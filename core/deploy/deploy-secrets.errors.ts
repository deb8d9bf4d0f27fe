import { type ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';

/** The deployment codes a person can be refused with when storing tokens or deploying. */
export type DeployErrorCode =
  | typeof ErrorCode.DEPLOY_TOKEN_MISSING
  | typeof ErrorCode.DEPLOY_TOKEN_REFUSED
  | typeof ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE
  | typeof ErrorCode.DEPLOY_TARGET_UNAVAILABLE;

/**
 * Thrown when a deployment token or target cannot be used: the code says why (DEPLOY_TOKEN_REFUSED …) and the
 * message says it in words a person can act on, never with the token in it. The API maps it to `extensions.code`.
 */
export class DeploySecretsError extends ConflictError {
  override readonly name = 'DeploySecretsError';
  constructor(
    override readonly code: DeployErrorCode,
    message: string,
    readonly provider: string | null = null,
  ) {
    super(message);
  }
}
