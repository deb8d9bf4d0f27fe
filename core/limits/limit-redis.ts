import { Redis, type RedisOptions } from 'ioredis';
import { ServiceUnavailableError } from '../shared/domain.errors';
import { ACQUIRE_LEASE_SCRIPT, RENEW_LEASE_SCRIPT } from './lua/leases.lua';
import { SLIDING_WINDOW_SCRIPT } from './lua/sliding-window.lua';

type Reply = Promise<unknown>;

/** The limiters' scripts as ioredis commands: EVALSHA, with EVAL only after a NOSCRIPT. */
export interface LimitScripts {
  atelierSlidingWindow(numberOfKeys: number, ...keysAndArgs: Array<string | number>): Reply;
  atelierAcquireLease(...keysAndArgs: Array<string | number>): Reply;
  atelierRenewLease(...keysAndArgs: Array<string | number>): Reply;
}

/** Defines the limiters' scripts on `redis` (idempotent) and returns it typed with them. */
export function withLimitScripts(redis: Redis): Redis & LimitScripts {
  const scripted = redis as Redis & Partial<LimitScripts>;
  if (!scripted.atelierSlidingWindow) {
    redis.defineCommand('atelierSlidingWindow', { lua: SLIDING_WINDOW_SCRIPT });
    redis.defineCommand('atelierAcquireLease', { lua: ACQUIRE_LEASE_SCRIPT, numberOfKeys: 2 });
    redis.defineCommand('atelierRenewLease', { lua: RENEW_LEASE_SCRIPT, numberOfKeys: 1 });
  }
  return redis as Redis & LimitScripts;
}

/**
 * Options for the limiters' own Redis connection: a dead Redis fails a check within `commandTimeoutMs`
 * instead of queueing it, so the Redis-down policy (tiers.ts) decides quickly.
 */
export function limiterRedisOptions(commandTimeoutMs = 250): RedisOptions {
  return {
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    connectTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  };
}

/** A connection for the limiters; resolves once it is ready, because no command is queued before that. */
export async function createLimiterRedis(url: string, onError: (error: Error) => void = () => undefined): Promise<Redis> {
  const redis = new Redis(url, { ...limiterRedisOptions(), lazyConnect: true });
  redis.on('error', onError);
  await redis.connect();
  return redis;
}

/**
 * Runs a Redis call, racing it against `timeoutMs` unless the client bounds commands itself. A failure
 * of any kind becomes a ServiceUnavailableError carrying the cause.
 */
export async function callRedis<T>(redis: Redis, call: () => Promise<T>, timeoutMs: number): Promise<T> {
  if (redis.options.commandTimeout && !redis.options.enableOfflineQueue) {
    // The client already bounds every command (limiterRedisOptions); a timer per call would only cost.
    try {
      return await call();
    } catch (error) {
      throw new ServiceUnavailableError('Redis (limits)', { cause: error });
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([call(), timeout]);
  } catch (error) {
    throw new ServiceUnavailableError('Redis (limits)', { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** The key prefix of a user's limits; the hash tag keeps all of them in one Redis Cluster slot. */
export function userTag(userId: string): string {
  if (/[{}]/.test(userId)) throw new Error(`User id ${JSON.stringify(userId)} cannot be a Redis hash tag`);
  return `{${userId}}`;
}

/** The hash of a user's admin overrides: field = limit kind, value = limit (-1 = unlimited). */
export function overridesKey(userId: string): string {
  return `ratelimit:${userTag(userId)}:overrides`;
}
