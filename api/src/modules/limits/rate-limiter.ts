import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../../shared/errors';
import { RateLimitExceededError, refusal } from './limit-errors';
import { callRedis, overridesKey, userTag, withLimitScripts, type LimitScripts } from './limit-redis';
import { DEFAULT_LIMITS, type IpKind, type LimitKind, type LimitSubject, type LimitsConfig, type RedisDownPolicy, type UserAction } from './tiers';

/** A usage threshold crossed by one admitted request; fires once per crossing. */
export interface LimitWarningEvent {
  /** The user id, or `ip:<address>` for IP windows. */
  readonly subject: string;
  readonly kind: LimitKind;
  /** The threshold in percent of the limit, e.g. 80 or 90. */
  readonly threshold: number;
  readonly used: number;
  readonly limit: number;
  readonly resetAt: Date;
}

/** The state of one window after an admitted request. */
export interface WindowUsage {
  readonly kind: LimitKind;
  /** `null` when the window has no limit. */
  readonly limit: number | null;
  readonly used: number;
  readonly remaining: number;
  readonly inGrace: boolean;
  readonly resetAt: Date;
}

/** An admitted check. A refused one throws RateLimitExceededError. */
export interface RateCheckResult {
  readonly allowed: true;
  /** Admitted without counting because Redis was unreachable and the policy fails open. */
  readonly degraded: boolean;
  /** Admitted above the limit, within the grace. */
  readonly inGrace: boolean;
  /** The fewest units left among the windows (`null` when none is limited or degraded). */
  readonly remaining: number | null;
  /** Thresholds this request crossed. */
  readonly warnings: readonly LimitWarningEvent[];
  readonly windows: readonly WindowUsage[];
}

export interface RateLimiterOptions {
  /** Limits and windows; DEFAULT_LIMITS unless given. */
  config?: LimitsConfig;
  /** Called for each crossed threshold; the caller publishes it to the user. Errors are logged, not thrown. */
  onWarning?: (event: LimitWarningEvent) => void;
  /** Receives fail-open and onWarning failures. */
  logger?: { warn(obj: object, msg: string): void };
  /** Longest wait for Redis before the Redis-down policy applies, in ms. */
  timeoutMs?: number;
}

interface WindowSpec {
  kind: LimitKind;
  limit: number | null;
  windowMs: number;
}

/** Sliding-window limits of users (messages, uploads) and of client IPs (auth), one round trip each. */
export class RateLimiter {
  private readonly redis: Redis & LimitScripts;
  private readonly config: LimitsConfig;
  private readonly memberPrefix = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(
    redis: Redis,
    private readonly options: RateLimiterOptions = {},
  ) {
    this.redis = withLimitScripts(redis);
    this.config = options.config ?? DEFAULT_LIMITS;
  }

  /** Counts one `action` of `user`; throws RateLimitExceededError when any of its windows is used up. */
  check(user: LimitSubject, action: UserAction): Promise<RateCheckResult> {
    const policy = this.config.actions[action];
    const limits = this.config.tiers[user.tier];
    const windows = policy.windows.map((kind) => {
      const window = this.config.windows[kind];
      return { kind, limit: limits[window.tierField], windowMs: window.windowMs };
    });
    return this.run(user.id, userTag(user.id), windows, this.config.gracePercent, policy.onRedisDown, overridesKey(user.id));
  }

  /** Counts one request of a client IP to an unauthenticated endpoint. */
  checkIp(ip: string, kind: IpKind): Promise<RateCheckResult> {
    const policy = this.config.ip[kind];
    const tag = `ip:{${ip}}`;
    const windows = [{ kind, limit: policy.limit, windowMs: policy.windowMs }];
    return this.run(`ip:${ip}`, tag, windows, policy.gracePercent, policy.onRedisDown, `ratelimit:${tag}:overrides`);
  }

  private async run(subject: string, tag: string, windows: WindowSpec[], grace: number, onDown: RedisDownPolicy, overrides: string): Promise<RateCheckResult> {
    const member = `${this.memberPrefix}:${(this.sequence++).toString(36)}`;
    const [low, high] = this.config.warnAtPercent;
    const args = windows.flatMap((w) => [w.limit ?? -1, w.windowMs, w.kind]);
    const keys = windows.map((w) => `ratelimit:${tag}:${w.kind}`);
    let reply: number[];
    try {
      const call = () => this.redis.atelierSlidingWindow(keys.length + 1, overrides, ...keys, member, grace, low, high, ...args);
      reply = (await callRedis(call, this.options.timeoutMs ?? 500)) as number[];
    } catch (error) {
      if (onDown === 'closed' || !(error instanceof ServiceUnavailableError)) throw error;
      this.options.logger?.warn({ err: error.cause, subject }, 'rate limits unavailable, admitting (fail open)');
      const degraded = windows.map((w) => ({ kind: w.kind, limit: w.limit, used: 0, remaining: w.limit ?? 0, inGrace: false, resetAt: new Date() }));
      return { allowed: true, degraded: true, inGrace: false, remaining: null, warnings: [], windows: degraded };
    }
    return this.interpret(subject, windows, reply);
  }

  private interpret(subject: string, windows: WindowSpec[], reply: number[]): RateCheckResult {
    const [now = 0, allowed] = reply;
    const usage: WindowUsage[] = [];
    const warnings: LimitWarningEvent[] = [];
    const refused: Array<{ kind: LimitKind; limit: number; resetAt: number }> = [];
    windows.forEach((w, i) => {
      const [limit = -1, used = 0, hard = 0, resetAt = 0, warning = 0] = reply.slice(2 + i * 5, 7 + i * 5);
      const unlimited = limit < 0;
      if (!unlimited && used >= hard) refused.push({ kind: w.kind, limit, resetAt });
      usage.push({ kind: w.kind, limit: unlimited ? null : limit, used, remaining: unlimited ? 0 : Math.max(0, limit - used), inGrace: !unlimited && used > limit, resetAt: new Date(resetAt) });
      if (warning > 0) warnings.push({ subject, kind: w.kind, threshold: warning, used, limit, resetAt: new Date(resetAt) });
    });
    if (allowed !== 1) {
      const binding = refused.reduce((a, b) => (b.resetAt > a.resetAt ? b : a));
      throw new RateLimitExceededError(refusal(binding.kind, binding.limit, binding.resetAt, now));
    }
    warnings.forEach((event) => this.emit(event));
    const limited = usage.filter((u) => u.limit !== null);
    const remaining = limited.length ? Math.min(...limited.map((u) => u.remaining)) : null;
    return { allowed: true, degraded: false, inGrace: usage.some((u) => u.inGrace), remaining, warnings, windows: usage };
  }

  private emit(event: LimitWarningEvent): void {
    try {
      this.options.onWarning?.(event);
    } catch (error) {
      this.options.logger?.warn({ err: error, event }, 'onWarning callback failed');
    }
  }
}
