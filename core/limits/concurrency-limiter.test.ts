import { Redis } from 'ioredis';
import { testServices } from '../../test/harness';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { ConcurrentLimitExceededError } from './limits.errors';
import { freshUser, sleep, testConfig } from '../../test/fixtures/limits';

let redis: Redis;
let limiter: ConcurrencyLimiter;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl);
  limiter = new ConcurrencyLimiter(redis, { config: testConfig({ concurrentAgentRuns: 3, concurrentRooms: 2 }) });
});
afterAll(() => redis.quit());

it('acquires up to the limit, refuses the next, and a release frees a slot', async () => {
  const user = freshUser();
  const t0 = Date.now();
  for (const id of ['a', 'b', 'c'])
    expect(await limiter.acquire(user, 'agent-runs', id, 60_000)).toMatchObject({ leaseId: id, limit: 3, degraded: false });
  const refused = await limiter.acquire(user, 'agent-runs', 'd', 60_000).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ConcurrentLimitExceededError);
  expect(refused).toMatchObject({ code: 'CONCURRENT_LIMIT_EXCEEDED', kind: 'agent-runs', limit: 3, remaining: 0, retryAfter: 60 });
  expect((refused as ConcurrentLimitExceededError).resetAt.getTime()).toBeGreaterThanOrEqual(t0 + 60_000 - 50);

  expect(await limiter.release(user.id, 'agent-runs', 'b')).toBe(true);
  expect(await limiter.release(user.id, 'agent-runs', 'b')).toBe(false);
  expect(await limiter.acquire(user, 'agent-runs', 'd', 60_000)).toMatchObject({ held: 3 });
  // Kinds are counted apart.
  expect(await limiter.acquire(user, 'rooms', 'room-1', 60_000)).toMatchObject({ held: 1, limit: 2 });
});

it('acquiring a held lease again is idempotent', async () => {
  const user = freshUser();
  await limiter.acquire(user, 'rooms', 'r1', 60_000);
  await limiter.acquire(user, 'rooms', 'r1', 60_000);
  expect(await limiter.acquire(user, 'rooms', 'r1', 60_000)).toMatchObject({ held: 1 });
  expect(await limiter.acquire(user, 'rooms', 'r2', 60_000)).toMatchObject({ held: 2 });
  // At the limit, the holder of a lease can still re-acquire (a retried start must not fail).
  expect(await limiter.acquire(user, 'rooms', 'r1', 60_000)).toMatchObject({ held: 2 });
  await expect(limiter.acquire(user, 'rooms', 'r3', 60_000)).rejects.toBeInstanceOf(ConcurrentLimitExceededError);
});

it('an expired lease frees its slot and cannot be renewed; a live one can', async () => {
  const user = freshUser();
  await limiter.acquire(user, 'rooms', 'crashed', 300);
  await limiter.acquire(user, 'rooms', 'alive', 300);
  await expect(limiter.acquire(user, 'rooms', 'waiting', 60_000)).rejects.toBeInstanceOf(ConcurrentLimitExceededError);
  await sleep(150);
  expect(await limiter.renew(user.id, 'rooms', 'alive', 5_000)).toBe(true);
  await sleep(300);
  expect(await limiter.held(user.id, 'rooms')).toBe(1);
  expect(await limiter.renew(user.id, 'rooms', 'crashed', 5_000)).toBe(false);
  expect(await limiter.acquire(user, 'rooms', 'waiting', 60_000)).toMatchObject({ held: 2 });
});

it('admits exactly 3 of 50 concurrent acquires over several connections', async () => {
  const connections = Array.from({ length: 4 }, () => new Redis(testServices().redisUrl));
  try {
    const limiters = connections.map((c) => new ConcurrencyLimiter(c, { config: testConfig({ concurrentAgentRuns: 3 }) }));
    const user = freshUser();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => limiters[i % 4]!.acquire(user, 'agent-runs', `run-${i}`, 60_000)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConcurrentLimitExceededError)).toHaveLength(47);
    expect(await redis.zcard(ConcurrencyLimiter.key(user.id, 'agent-runs'))).toBe(3);
  } finally {
    await Promise.all(connections.map((c) => c.quit()));
  }
});

it('does not limit a tier without a limit, but still tracks its leases', async () => {
  const user = freshUser('enterprise');
  for (let i = 0; i < 20; i++) await limiter.acquire(user, 'agent-runs', `run-${i}`, 60_000);
  expect(await limiter.held(user.id, 'agent-runs')).toBe(20);
  expect(await limiter.acquire(user, 'agent-runs', 'one-more', 60_000)).toMatchObject({ limit: null, held: 21 });
});
