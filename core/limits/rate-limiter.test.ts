import { Redis } from 'ioredis';
import { testServices } from '../../test/harness';
import { RateLimitExceededError } from './limits.errors';
import { freshUser, sleep, testConfig } from '../../test/fixtures/limits';
import { RateLimiter, type LimitWarningEvent } from './rate-limiter';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl);
});
afterAll(() => redis.quit());

async function refusalOf(promise: Promise<unknown>): Promise<RateLimitExceededError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitExceededError);
  return error as RateLimitExceededError;
}

it('admits the limit, then the 5% grace flagged inGrace, then refuses until the window slides', async () => {
  const limiter = new RateLimiter(redis, { config: testConfig({ uploadsPerDay: 100 }, 3_000) });
  const user = freshUser();
  const t0 = Date.now();
  for (let i = 1; i <= 50; i++) {
    const result = await limiter.check(user, 'upload');
    expect(result).toMatchObject({ allowed: true, degraded: false, inGrace: false, remaining: 100 - i });
  }
  // On a loaded machine the first 50 may take a while: the last of them leaves the window 3 s after this.
  const firstBatchDone = Date.now();
  await sleep(1_500);
  for (let i = 51; i <= 100; i++) expect((await limiter.check(user, 'upload')).inGrace).toBe(false);
  for (let i = 101; i <= 105; i++) expect(await limiter.check(user, 'upload')).toMatchObject({ inGrace: true, remaining: 0 });

  const refused = await refusalOf(limiter.check(user, 'upload'));
  expect(refused).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'uploads:daily', limit: 100, remaining: 0 });
  // The oldest request leaves the window 3 s after it was made, about 1.5 s from now.
  expect(refused.resetAt.getTime()).toBeGreaterThanOrEqual(t0 + 3_000 - 50);
  expect(refused.resetAt.getTime()).toBeLessThan(t0 + 3_000 + 500);
  expect(refused.retryAfter).toBe(Math.ceil((refused.resetAt.getTime() - Date.now()) / 1000));
  expect(await redis.zcard(`ratelimit:{${user.id}}:uploads:daily`)).toBe(105);

  // Once the first 50 have left the window, exactly 50 more fit (45 + 5 grace): a sliding window, not a reset.
  await sleep(Math.max(refused.resetAt.getTime(), firstBatchDone + 3_000) - Date.now() + 300);
  const admitted = [];
  for (let i = 0; i < 50; i++) admitted.push(await limiter.check(user, 'upload'));
  expect(admitted.filter((r) => r.inGrace)).toHaveLength(5);
  await refusalOf(limiter.check(user, 'upload'));
});

it('admits exactly limit + grace of 200 concurrent checks over several connections', async () => {
  const connections = Array.from({ length: 4 }, () => new Redis(testServices().redisUrl));
  try {
    const config = testConfig({ messagesPerHour: 40, messagesPerDay: 1_000 });
    const limiters = connections.map((c) => new RateLimiter(c, { config }));
    const user = freshUser();
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => limiters[i % 4]!.check(user, 'message')));
    const admitted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(admitted).toHaveLength(42);
    expect(refused.every((r) => r.reason instanceof RateLimitExceededError && r.reason.kind === 'messages:hourly')).toBe(true);
    expect(await redis.zcard(`ratelimit:{${user.id}}:messages:hourly`)).toBe(42);
    expect(await redis.zcard(`ratelimit:{${user.id}}:messages:daily`)).toBe(42);
  } finally {
    await Promise.all(connections.map((c) => c.quit()));
  }
});

it('warns exactly once when usage crosses 80% and 90%', async () => {
  const events: LimitWarningEvent[] = [];
  const limiter = new RateLimiter(redis, {
    config: testConfig({ messagesPerHour: 20, messagesPerDay: 1_000 }),
    onWarning: (e) => events.push(e),
  });
  const user = freshUser();
  const crossed: Array<number[]> = [];
  for (let i = 1; i <= 21; i++) crossed.push((await limiter.check(user, 'message')).warnings.map((w) => w.threshold));
  await refusalOf(limiter.check(user, 'message'));
  expect(crossed[15]).toEqual([80]);
  expect(crossed[17]).toEqual([90]);
  expect(crossed.flat()).toEqual([80, 90]);
  expect(events).toEqual([
    expect.objectContaining({ subject: user.id, kind: 'messages:hourly', threshold: 80, used: 16, limit: 20 }),
    expect.objectContaining({ subject: user.id, kind: 'messages:hourly', threshold: 90, used: 18, limit: 20 }),
  ]);
});

it('counts a message in every window or in none', async () => {
  const limiter = new RateLimiter(redis, { config: testConfig({ messagesPerHour: 20, messagesPerDay: 5 }) });
  const user = freshUser();
  for (let i = 0; i < 5; i++) await limiter.check(user, 'message');
  const refused = await refusalOf(limiter.check(user, 'message'));
  expect(refused).toMatchObject({ kind: 'messages:daily', limit: 5 });
  expect(await redis.zcard(`ratelimit:{${user.id}}:messages:hourly`)).toBe(5);
});

it('does not count users whose tier has no limit', async () => {
  const limiter = new RateLimiter(redis);
  const user = freshUser('enterprise');
  const result = await limiter.check(user, 'message');
  expect(result).toMatchObject({ allowed: true, remaining: null, inGrace: false });
  expect(await redis.exists(`ratelimit:{${user.id}}:messages:hourly`)).toBe(0);
});

it('limits auth attempts per IP without grace', async () => {
  const limiter = new RateLimiter(redis, { config: testConfig({}, 3_000, 3) });
  const ip = `10.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}-${Date.now()}`;
  for (let i = 0; i < 3; i++) await limiter.checkIp(ip, 'auth');
  const refused = await refusalOf(limiter.checkIp(ip, 'auth'));
  expect(refused).toMatchObject({ kind: 'auth', limit: 3, remaining: 0 });
  expect(await redis.zcard(`ratelimit:ip:{${ip}}:auth`)).toBe(3);
});

describe('attempt windows (room passwords)', () => {
  const config = { ...testConfig({}), attempts: { ...testConfig({}).attempts, 'room-password:ip': { limit: 3, windowMs: 60_000, gracePercent: 0, onRedisDown: 'closed' as const } } };

  it('keeps only unrefunded (wrong) attempts, then refuses every attempt while the window is full', async () => {
    const limiter = new RateLimiter(redis, { config });
    const ip = freshUser().id;
    for (let i = 0; i < 5; i++) await (await limiter.attempt('room-password:ip', ip)).refund();
    for (let i = 0; i < 3; i++) expect((await limiter.attempt('room-password:ip', ip)).result.remaining).toBe(2 - i);
    const refused = await refusalOf(limiter.attempt('room-password:ip', ip));
    expect(refused).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'room-password:ip', limit: 3, remaining: 0 });
    expect(await redis.zcard(`ratelimit:attempt:{${ip}}:room-password:ip`)).toBe(3);
  });

  it('admits exactly the limit of parallel attempts before any is answered', async () => {
    const limiter = new RateLimiter(redis, { config });
    const ip = freshUser().id;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => limiter.attempt('room-password:ip', ip)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof RateLimitExceededError)).toBe(true);
  });
});
