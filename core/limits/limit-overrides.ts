import type { Redis } from 'ioredis';
import { ValidationError } from '../shared/domain.errors';
import type { AuditSink } from './audit-sink';
import { overridesKey } from './limit-redis';
import type { UserLimitKind } from './tiers';

/** A user's overrides: kind → limit, `null` meaning unlimited. Kinds not listed follow the tier. */
export type LimitOverrideMap = Partial<Record<UserLimitKind, number | null>>;

/**
 * Per-user limits a platform admin sets above (or below) the tier's, kept in the hash
 * `ratelimit:{userId}:overrides` that the limiters' scripts read in the same round trip as the check.
 * Every change is audited.
 */
export class LimitOverrides {
  constructor(
    private readonly redis: Redis,
    private readonly audit: AuditSink,
  ) {}

  /** Sets `kind` of `userId` to `limit`, or lifts it (`null`: unlimited). */
  async setOverride(userId: string, kind: UserLimitKind, limit: number | null, actorId: string, reason: string): Promise<void> {
    if (limit !== null && !(Number.isSafeInteger(limit) && limit >= 0)) {
      throw new ValidationError([{ field: 'limit', message: 'must be a whole number of at least 0, or null for unlimited' }]);
    }
    requireReason(reason);
    const previous = await this.redis.hget(overridesKey(userId), kind);
    await this.redis.hset(overridesKey(userId), kind, String(limit ?? -1));
    await this.audit.record({
      actorId,
      action: 'limits.override.set',
      targetId: userId,
      reason,
      details: { kind, limit, previous: decode(previous) },
    });
  }

  /** Removes the override of `kind`, so the tier's limit applies again. */
  async clearOverride(userId: string, kind: UserLimitKind, actorId: string, reason: string): Promise<void> {
    requireReason(reason);
    const previous = await this.redis.hget(overridesKey(userId), kind);
    await this.redis.hdel(overridesKey(userId), kind);
    await this.audit.record({
      actorId,
      action: 'limits.override.cleared',
      targetId: userId,
      reason,
      details: { kind, previous: decode(previous) },
    });
  }

  /** The overrides in force for `userId`. */
  async get(userId: string): Promise<LimitOverrideMap> {
    const raw = await this.redis.hgetall(overridesKey(userId));
    return Object.fromEntries(Object.entries(raw).map(([kind, value]) => [kind, decode(value)]));
  }
}

function decode(value: string | null): number | null | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  return n < 0 ? null : n;
}

function requireReason(reason: string): void {
  if (!reason.trim()) throw new ValidationError([{ field: 'reason', message: 'say why the limit changes; it goes to the audit log' }]);
}
