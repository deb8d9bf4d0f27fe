/**
 * Leases of one user and kind live in a sorted set scored by expiry (Redis server ms), so a holder that
 * crashes without releasing loses its slot when the lease expires.
 */

/**
 * Acquires a lease unless the user holds `limit` live ones. Idempotent: acquiring a lease id that is
 * already held only extends it.
 * KEYS[1] leases, KEYS[2] overrides hash. ARGV: limit (-1 = none), ttl ms, lease id, overrides field.
 * Returns { now, allowed, limit, held after the call, earliest expiry ms (when refused) }.
 */
export const ACQUIRE_LEASE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local override = redis.call('HGET', KEYS[2], ARGV[4])
if override then limit = tonumber(override) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local held = redis.call('ZCARD', KEYS[1])
local mine = redis.call('ZSCORE', KEYS[1], ARGV[3])
if not mine and limit >= 0 and held >= limit then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return { now, 0, limit, held, tonumber(first[2] or now) }
end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
if not mine then held = held + 1 end
return { now, 1, limit, held, 0 }
`;

/**
 * Extends a live lease to now + ttl. A lease that already expired (or was released) is not revived,
 * since its slot may have gone to someone else.
 * KEYS[1] leases. ARGV: ttl ms, lease id. Returns 1 when renewed, 0 when the lease is gone.
 */
export const RENEW_LEASE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[1])
local expiry = redis.call('ZSCORE', KEYS[1], ARGV[2])
if not expiry or tonumber(expiry) <= now then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[2])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`;
