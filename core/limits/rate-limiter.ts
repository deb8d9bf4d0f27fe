import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../shared/domain.errors';
import { RateLimitExceededError } from './limits.errors';
import { degradedResult, parseWindowReply, type LimitWarningEvent, type RateCheckResult, type WindowSpec } from './rate-check-result';
import { callRedis, overridesKey, userTag, withLimitScripts, type LimitScripts } from './limit-redis';
import { DEFAULT_LIMITS, type AccountKind, type AttemptKind, type IpKind, type LimitSubject, type LimitsConfig, type RedisDownPolicy, type RequestKind, type UserAction } from './tiers';

export type { LimitWarningEvent, RateCheckResult, WindowUsage } from './rate-check-result';

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

  /**
   * Counts one attempt against the account `account` names (a normalised email), known or not, so a refusal
   * says nothing about which accounts exist. The key holds a hash: Redis never sees the address.
   */
  checkAccount(account: string, kind: AccountKind): Promise<RateCheckResult> {
    const policy = this.config.account[kind];
    const tag = accountTag(account);
    const windows = [{ kind, limit: policy.limit, windowMs: policy.windowMs }];
    return this.run(tag, tag, windows, policy.gracePercent, policy.onRedisDown, `ratelimit:${tag}:overrides`);
  }

  /** Empties an account's window, e.g. after the owner proved the password; a lost reset only costs attempts. */
  async resetAccount(account: string, kind: AccountKind): Promise<void> {
    await callRedis(this.redis, () => this.redis.del(`ratelimit:${accountTag(account)}:${kind}`), this.options.timeoutMs ?? 500).catch((error: unknown) => {
      this.options.logger?.warn({ err: error, kind }, 'could not reset an account window');
    });
  }

  /** Counts one GraphQL operation of `subject` (a client IP or a user id) in the window of `kind`. */
  checkRequest(kind: RequestKind, subject: string): Promise<RateCheckResult> {
    const policy = this.config.requests[kind];
    const tag = kind === 'graphql:ip' ? `ip:{${subject}}` : userTag(subject);
    const windows = [{ kind, limit: policy.limit, windowMs: policy.windowMs }];
    return this.run(`${kind}:${subject}`, tag, windows, policy.gracePercent, policy.onRedisDown, `ratelimit:${tag}:overrides`);
  }

  /**
   * Counts one attempt at a secret (a room password) by `subject` (a client IP, a room id) in the window of
   * `kind`, before the secret is checked, so parallel guesses cannot all pass under the limit; RateLimitExceededError
   * once the window is used up, whatever the answer would have been. A right answer gives its place back with
   * `refund()`, so only wrong attempts stay counted.
   */
  async attempt(kind: AttemptKind, subject: string): Promise<{ result: RateCheckResult; refund(): Promise<void> }> {
    const policy = this.config.attempts[kind];
    if (/[{}]/.test(subject)) throw new Error(`${JSON.stringify(subject)} cannot be a Redis hash tag`);
    const tag = `attempt:{${subject}}`;
    const member = this.nextMember();
    const windows = [{ kind, limit: policy.limit, windowMs: policy.windowMs }];
    const result = await this.run(`${kind}:${subject}`, tag, windows, policy.gracePercent, policy.onRedisDown, `ratelimit:${tag}:overrides`, member);
    const refund = async () => {
      // A lost refund only costs the person one attempt of the window; it is logged, never thrown.
      await callRedis(this.redis, () => this.redis.zrem(`ratelimit:${tag}:${kind}`, member), this.options.timeoutMs ?? 500).catch((error: unknown) => {
        this.options.logger?.warn({ err: error, kind }, 'could not give back an attempt');
      });
    };
    return { result, refund };
  }

  private nextMember(): string {
    return `${this.memberPrefix}:${(this.sequence++).toString(36)}`;
  }

  private async run(
    subject: string,
    tag: string,
    windows: WindowSpec[],
    grace: number,
    onDown: RedisDownPolicy,
    overrides: string,
    member = this.nextMember(),
  ): Promise<RateCheckResult> {
    const [low, high] = this.config.warnAtPercent;
    const args = windows.flatMap((w) => [w.limit ?? -1, w.windowMs, w.kind]);
    const keys = windows.map((w) => `ratelimit:${tag}:${w.kind}`);
    let reply: number[];
    try {
      const call = () => this.redis.atelierSlidingWindow(keys.length + 1, overrides, ...keys, member, grace, low, high, ...args);
      reply = (await callRedis(this.redis, call, this.options.timeoutMs ?? 500)) as number[];
    } catch (error) {
      if (onDown === 'closed' || !(error instanceof ServiceUnavailableError)) throw error;
      this.options.logger?.warn({ err: error.cause, subject }, 'rate limits unavailable, admitting (fail open)');
      return degradedResult(windows);
    }
    const outcome = parseWindowReply(subject, windows, reply);
    if ('refused' in outcome) throw new RateLimitExceededError(outcome.refused);
    outcome.result.warnings.forEach((event) => this.emit(event));
    return outcome.result;
  }

  private emit(event: LimitWarningEvent): void {
    try {
      this.options.onWarning?.(event);
    } catch (error) {
      this.options.logger?.warn({ err: error, event }, 'onWarning callback failed');
    }
  }
}

/** `account:{<sha256 of the name, 128 bits>}`: one Redis Cluster slot per account, no email in key names. */
function accountTag(account: string): string {
  return `account:{${createHash('sha256').update(account).digest('hex').slice(0, 32)}}`;
}
