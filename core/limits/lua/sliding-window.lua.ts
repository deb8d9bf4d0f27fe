/**
 * Sliding-window check of one or more windows of one subject, atomically: admits the request only when
 * every window admits it, then records it in all of them. Time comes from the Redis server so every API
 * process agrees on it.
 *
 * KEYS[1] the subject's overrides hash; KEYS[2..] one sorted set per window (member: unique request id,
 * score: ms timestamp).
 * ARGV[1] unique member, ARGV[2] grace in percent, ARGV[3] and ARGV[4] warning thresholds in percent,
 * then per window: limit (-1 = none), window ms, overrides field.
 * Returns { now, allowed, then per window: limit (-1 = none), count after the request, hard limit,
 * resetAt ms, warning threshold crossed by this request (0 = none) }.
 */
export const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local grace = tonumber(ARGV[2])
local warnLow, warnHigh = tonumber(ARGV[3]), tonumber(ARGV[4])
local windows = {}
local allowed = 1
for i = 2, #KEYS do
  local base = 4 + (i - 2) * 3
  local limit = tonumber(ARGV[base + 1])
  local windowMs = tonumber(ARGV[base + 2])
  local override = redis.call('HGET', KEYS[1], ARGV[base + 3])
  if override then limit = tonumber(override) end
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - windowMs)
  local count = redis.call('ZCARD', KEYS[i])
  local hard = limit + math.floor(limit * grace / 100)
  if limit >= 0 and count >= hard then allowed = 0 end
  windows[i] = { limit, windowMs, count, hard }
end
local out = { now, allowed }
for i = 2, #KEYS do
  local limit, windowMs, count, hard = unpack(windows[i])
  local warning = 0
  if allowed == 1 and limit >= 0 then
    redis.call('ZADD', KEYS[i], now, ARGV[1])
    redis.call('PEXPIRE', KEYS[i], windowMs)
    count = count + 1
    for _, pct in ipairs({ warnHigh, warnLow }) do
      local at = math.ceil(limit * pct / 100)
      if warning == 0 and limit > 0 and count >= at and count - 1 < at then warning = pct end
    end
  end
  local idx = 0
  if limit >= 0 and count >= hard and allowed == 0 then idx = count - hard end
  local entry = redis.call('ZRANGE', KEYS[i], idx, idx, 'WITHSCORES')
  local resetAt = now + windowMs
  if entry[2] then resetAt = tonumber(entry[2]) + windowMs end
  table.insert(out, limit)
  table.insert(out, count)
  table.insert(out, hard)
  table.insert(out, resetAt)
  table.insert(out, warning)
end
return out
`;
