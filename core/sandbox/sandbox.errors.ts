import { ErrorCode } from '../../contracts/errors';

/** Thrown when a user already has as many live sandboxes as their tier allows. */
export class SandboxLimitExceededError extends Error {
  override readonly name = 'SandboxLimitExceededError';
  readonly code = ErrorCode.CONCURRENT_LIMIT_EXCEEDED;
  constructor(readonly limit: number) {
    super(`At most ${limit} sandboxes at a time on your plan; stop one first`);
  }
}

/** Thrown when deploying one more app to the local target would pass the tier's `apps` (live apps of other projects). */
export class AppLimitExceededError extends Error {
  override readonly name = 'AppLimitExceededError';
  readonly code = ErrorCode.LIMIT_EXCEEDED;
  constructor(readonly limit: number) {
    super(`At most ${limit} deployed ${limit === 1 ? 'app' : 'apps'} running at a time on your plan; stop or delete one first`);
  }
}
