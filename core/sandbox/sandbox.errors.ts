import { ErrorCode } from '../../contracts/errors';

/** Thrown when a user already has as many live sandboxes as their tier allows. */
export class SandboxLimitExceededError extends Error {
  override readonly name = 'SandboxLimitExceededError';
  readonly code = ErrorCode.CONCURRENT_LIMIT_EXCEEDED;
  constructor(readonly limit: number) {
    super(`At most ${limit} sandboxes at a time on your plan; stop one first`);
  }
}
