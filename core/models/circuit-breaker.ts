import type { Redis } from 'ioredis';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** Transient failures within `windowMs` that open the breaker. */
  failureThreshold: number;
  windowMs: number;
  /** How long an open breaker refuses calls before one probe is let through. */
  cooldownMs: number;
  /** How long a half-open probe may take before another caller may probe instead. */
  probeTimeoutMs: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, windowMs: 60_000, cooldownMs: 30_000, probeTimeoutMs: 60_000 };

// All three scripts read the clock inside Redis, so every worker agrees on time and on state.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const ACQUIRE = `${NOW}
local stored = redis.call('HGET', KEYS[1], 'state')
if not stored then return {1, 'closed', 0, 0} end
local state = stored
if state == 'closed' then return {1, 'closed', 0, 1} end
if state == 'open' then
  local reopen = tonumber(redis.call('HGET', KEYS[1], 'openedAt')) + tonumber(ARGV[1])
  if now < reopen then return {0, 'open', reopen - now, 1} end
end
if state == 'half_open' and now < tonumber(redis.call('HGET', KEYS[1], 'probeUntil') or 0) then return {0, 'half_open', 0, 1} end
redis.call('HSET', KEYS[1], 'state', 'half_open', 'probeUntil', now + tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return {1, 'half_open', 0, 1}`;

const FAILURE = `${NOW}
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
if state == 'half_open' or state == 'open' then
  redis.call('HSET', KEYS[1], 'state', 'open', 'openedAt', now)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return 'open'
end
local start = tonumber(redis.call('HGET', KEYS[1], 'windowStart') or 0)
if now - start > tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'windowStart', now, 'failures', 0) end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
if failures >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'state', 'open', 'openedAt', now)
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
  return 'open'
end
redis.call('HSET', KEYS[1], 'state', 'closed')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 'closed'`;

/** What `acquire` decided: whether to call, and how long an open breaker still refuses. */
export interface BreakerDecision {
  allowed: boolean;
  state: BreakerState;
  retryInMs: number;
  /** Whether the breaker had any state (failures counted); without it a success has nothing to reset. */
  stored: boolean;
}

/**
 * A circuit breaker per provider and model, kept in Redis so every API and worker process shares it.
 * Closed: calls flow and transient failures are counted in a window. Open: calls are refused until the
 * cooldown ends. Half-open: one caller probes; its success closes the breaker, its failure reopens it.
 * When Redis is unreachable the breaker admits calls (a vendor call is worth more than a breaker).
 */
export class CircuitBreaker {
  constructor(
    private readonly redis: Redis,
    private readonly options: BreakerOptions = DEFAULT_BREAKER,
  ) {}

  static key(modelId: string): string {
    return `atelier:breaker:{${modelId}}`;
  }

  async acquire(modelId: string): Promise<BreakerDecision> {
    const { cooldownMs, probeTimeoutMs } = this.options;
    try {
      const [allowed, state, retryInMs, stored] = (await this.redis.eval(
        ACQUIRE,
        1,
        CircuitBreaker.key(modelId),
        cooldownMs,
        probeTimeoutMs,
        this.ttl(),
      )) as [number, BreakerState, number, number];
      return { allowed: allowed === 1, state, retryInMs, stored: stored === 1 };
    } catch {
      return { allowed: true, state: 'closed', retryInMs: 0, stored: false };
    }
  }

  async recordSuccess(modelId: string): Promise<void> {
    await this.redis.del(CircuitBreaker.key(modelId)).catch(() => undefined);
  }

  /** Counts a transient failure; returns the state it leaves the breaker in. */
  async recordFailure(modelId: string): Promise<BreakerState> {
    const { windowMs, failureThreshold } = this.options;
    try {
      return (await this.redis.eval(FAILURE, 1, CircuitBreaker.key(modelId), windowMs, failureThreshold, 0, this.ttl())) as BreakerState;
    } catch {
      return 'closed';
    }
  }

  /** The state as stored, without probing (for the `models` query). */
  async state(modelId: string): Promise<BreakerState> {
    try {
      return ((await this.redis.hget(CircuitBreaker.key(modelId), 'state')) as BreakerState | null) ?? 'closed';
    } catch {
      return 'closed';
    }
  }

  /** The state as stored and, while open, when calls are let through again (for the `models` query). */
  async status(modelId: string): Promise<{ state: BreakerState; retryAt: Date | null }> {
    try {
      const [state, openedAt] = await this.redis.hmget(CircuitBreaker.key(modelId), 'state', 'openedAt');
      const current = (state as BreakerState | null) ?? 'closed';
      const retryAt = current === 'open' && openedAt ? new Date(Number(openedAt) + this.options.cooldownMs) : null;
      return { state: current, retryAt };
    } catch {
      return { state: 'closed', retryAt: null };
    }
  }

  private ttl(): number {
    return this.options.cooldownMs * 10 + this.options.probeTimeoutMs;
  }
}
