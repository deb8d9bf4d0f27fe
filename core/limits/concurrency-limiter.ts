import type { Redis } from 'ioredis';
import { ConcurrentLimitExceededError, refusal } from './limits.errors';
import { callRedis, overridesKey, userTag, withLimitScripts, type LimitScripts } from './limit-redis';
import { DEFAULT_LIMITS, type ConcurrencyKind, type LimitSubject, type LimitsConfig } from './tiers';

/** A held lease. */
export interface Lease {
  readonly kind: ConcurrencyKind;
  readonly leaseId: string;
  /** Leases the user holds of this kind, this one included. */
  readonly held: number;
  /** `null` when the kind has no limit for this user. */
  readonly limit: number | null;
  /** Granted without Redis because the kind's policy fails open; nothing was recorded. */
  readonly degraded: boolean;
}

export interface ConcurrencyLimiterOptions {
  /** Limits and Redis-down policies; DEFAULT_LIMITS unless given. */
  config?: LimitsConfig;
  /** Receives release failures, which are not thrown (the lease expires anyway), and fail-open grants. */
  logger?: { warn(obj: object, msg: string): void };
  /** Longest wait for Redis, in ms, before a call fails with ServiceUnavailableError. */
  timeoutMs?: number;
}

/**
 * Concurrency limits (agent runs, open rooms) as leases with an expiry: a holder renews its lease while
 * it works and releases it when done; a crashed holder's lease expires and frees its slot.
 */
export class ConcurrencyLimiter {
  private readonly redis: Redis & LimitScripts;
  private readonly config: LimitsConfig;
  private readonly timeoutMs: number;

  constructor(
    redis: Redis,
    private readonly options: ConcurrencyLimiterOptions = {},
  ) {
    this.redis = withLimitScripts(redis);
    this.config = options.config ?? DEFAULT_LIMITS;
    this.timeoutMs = options.timeoutMs ?? 500;
  }

  /** The sorted set of a user's leases of one kind, scored by expiry. */
  static key(userId: string, kind: ConcurrencyKind): string {
    return `concurrency:${userTag(userId)}:${kind}`;
  }

  /**
   * Takes a slot for `leaseId` until now + `ttlMs` (Redis clock), in one atomic script. Acquiring a
   * lease already held extends it. Throws ConcurrentLimitExceededError when every slot is taken, and
   * ServiceUnavailableError when Redis is unreachable (concurrency fails closed, see tiers.ts).
   */
  async acquire(user: LimitSubject, kind: ConcurrencyKind, leaseId: string, ttlMs: number): Promise<Lease> {
    const tierLimit = this.config.tiers[user.tier][this.config.concurrency[kind].tierField];
    const keys = [ConcurrencyLimiter.key(user.id, kind), overridesKey(user.id)];
    const call = () => this.redis.atelierAcquireLease(...keys, tierLimit ?? -1, Math.ceil(ttlMs), leaseId, kind);
    let reply: number[];
    try {
      reply = (await callRedis(this.redis, call, this.timeoutMs)) as number[];
    } catch (error) {
      if (this.config.concurrency[kind].onRedisDown === 'closed') throw error;
      this.options.logger?.warn({ err: error, userId: user.id, kind }, 'concurrency limits unavailable, admitting (fail open)');
      return { kind, leaseId, held: 0, limit: tierLimit, degraded: true };
    }
    const [now = 0, allowed, limit = -1, held = 0, firstExpiry = 0] = reply;
    if (allowed !== 1) throw new ConcurrentLimitExceededError(refusal(kind, limit, firstExpiry, now));
    return { kind, leaseId, held, limit: limit < 0 ? null : limit, degraded: false };
  }

  /** Extends a live lease to now + `ttlMs`; false when it already expired or was released. */
  async renew(userId: string, kind: ConcurrencyKind, leaseId: string, ttlMs: number): Promise<boolean> {
    const call = () => this.redis.atelierRenewLease(ConcurrencyLimiter.key(userId, kind), Math.ceil(ttlMs), leaseId);
    return (await callRedis(this.redis, call, this.timeoutMs)) === 1;
  }

  /** Frees the slot; false when the lease was not held. Never throws: an unreleased lease expires. */
  async release(userId: string, kind: ConcurrencyKind, leaseId: string): Promise<boolean> {
    try {
      return (await callRedis(this.redis, () => this.redis.zrem(ConcurrencyLimiter.key(userId, kind), leaseId), this.timeoutMs)) === 1;
    } catch (error) {
      this.options.logger?.warn({ err: error, userId, kind, leaseId }, 'could not release a lease; it will expire');
      return false;
    }
  }

  /** The ids of a user's live leases of one kind (for agent runs: the run ids holding the slots). */
  async holders(userId: string, kind: ConcurrencyKind): Promise<string[]> {
    const key = ConcurrencyLimiter.key(userId, kind);
    return callRedis(
      this.redis,
      async () => {
        const now = await this.redis.time();
        return this.redis.zrangebyscore(key, `(${Number(now[0]) * 1000 + Math.floor(Number(now[1]) / 1000)}`, '+inf');
      },
      this.timeoutMs,
    );
  }

  /** Live leases of a user's kind. */
  async held(userId: string, kind: ConcurrencyKind): Promise<number> {
    const key = ConcurrencyLimiter.key(userId, kind);
    return callRedis(
      this.redis,
      async () => {
        const now = await this.redis.time();
        return this.redis.zcount(key, `(${Number(now[0]) * 1000 + Math.floor(Number(now[1]) / 1000)}`, '+inf');
      },
      this.timeoutMs,
    );
  }
}
