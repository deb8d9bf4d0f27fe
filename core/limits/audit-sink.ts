import type { Redis } from 'ioredis';

/** One administrative action, as the audit log keeps it. */
export interface AuditEntry {
  /** Who acted (a platform admin's user id). */
  readonly actorId: string;
  /** What was done, dotted, e.g. `limits.override.set`. */
  readonly action: string;
  /** Whom it was done to (a user id). */
  readonly targetId: string;
  /** Why, in the actor's words. */
  readonly reason: string;
  /** Action-specific details, e.g. the limit kind and the old and new values. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** Where audit entries go. The accounts work replaces the Redis stream with a PostgreSQL table. */
export interface AuditSink {
  record(entry: AuditEntry): Promise<void>;
}

/** Appends audit entries to a capped Redis stream (`audit:events` by default), field `e`: JSON with `at`. */
export class RedisStreamAuditSink implements AuditSink {
  constructor(
    private readonly redis: Redis,
    private readonly options: { stream?: string; maxLen?: number } = {},
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    const body = JSON.stringify({ ...entry, at: new Date().toISOString() });
    await this.redis.xadd(this.options.stream ?? 'audit:events', 'MAXLEN', '~', this.options.maxLen ?? 1_000_000, '*', 'e', body);
  }
}
