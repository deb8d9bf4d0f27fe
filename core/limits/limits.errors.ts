import { ErrorCode } from '../../contracts/errors';
import type { LimitKind } from './tiers';

/** What a refused check knows; both limit errors carry it. */
export interface LimitRefusal {
  /** The limit that refused, e.g. `messages:hourly` or `agent-runs`. */
  readonly kind: LimitKind;
  /** The limit in force (the tier's, or an admin override). */
  readonly limit: number;
  /** Units left in the window; 0 whenever a check is refused. */
  readonly remaining: number;
  /** When one unit frees up again, by the Redis server clock. */
  readonly resetAt: Date;
  /** Seconds until `resetAt`, rounded up, at least 1; what the Retry-After header carries. */
  readonly retryAfter: number;
}

/** The readonly context both limit errors carry, copied from the refusal. */
abstract class LimitExceededError extends Error implements LimitRefusal {
  readonly kind: LimitKind;
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: Date;
  readonly retryAfter: number;
  constructor(message: string, refusal: LimitRefusal) {
    super(message);
    ({ kind: this.kind, limit: this.limit, remaining: this.remaining, resetAt: this.resetAt, retryAfter: this.retryAfter } = refusal);
  }
}

/** Thrown when a sliding window (messages, uploads, auth attempts by IP) is used up, grace included. */
export class RateLimitExceededError extends LimitExceededError {
  override readonly name = 'RateLimitExceededError';
  readonly code = ErrorCode.RATE_LIMIT_EXCEEDED;
  constructor(refusal: LimitRefusal) {
    super(`Rate limit reached for ${refusal.kind} (${refusal.limit}); try again in ${refusal.retryAfter} s`, refusal);
  }
}

/** Thrown when a user already holds as many leases (agent runs, rooms) as the limit allows. */
export class ConcurrentLimitExceededError extends LimitExceededError {
  override readonly name = 'ConcurrentLimitExceededError';
  readonly code = ErrorCode.CONCURRENT_LIMIT_EXCEEDED;
  constructor(refusal: LimitRefusal) {
    super(`At most ${refusal.limit} ${refusal.kind} at a time; finish one first or try again in ${refusal.retryAfter} s`, refusal);
  }
}

/** What a count limit is counted over: one user's own things, or a team's (against its owner's tier). */
export type QuotaScope = 'user' | 'team';

/** Thrown when creating one more of something (projects) would pass the tier's count limit. */
export class QuotaExceededError extends Error {
  override readonly name = 'QuotaExceededError';
  readonly code = ErrorCode.LIMIT_EXCEEDED;
  constructor(
    readonly kind: 'projects',
    readonly limit: number,
    readonly used: number,
    readonly scope: QuotaScope,
  ) {
    super(`${scope === 'team' ? 'This team has' : 'You have'} ${used} of ${limit} ${kind} allowed by ${scope === 'team' ? "its owner's" : 'your'} plan; delete one or upgrade to create another`);
  }
}

/** The refusal of a check answered at `nowMs` (Redis clock) whose next free unit comes at `resetAtMs`. */
export function refusal(kind: LimitKind, limit: number, resetAtMs: number, nowMs: number): LimitRefusal {
  return { kind, limit, remaining: 0, resetAt: new Date(resetAtMs), retryAfter: Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000)) };
}
