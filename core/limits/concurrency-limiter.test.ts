import { Redis } from 'ioredis';
import { testServices, waitFor } from '../../test/harness';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { ConcurrentLimitExceededError } from './limits.errors';
import { freshUser, testConfig } from '../../test/fixtures/limits';

// The product waits 500 ms for Redis; a loaded CI machine running two suites at once can take longer than that,
// and these tests are about the lease rules, not Redis latency (redis-down.test.ts covers the timeout).
const timeoutMs = 30_000;

let redis: Redis;
let limiter: ConcurrencyLimiter;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl);
  limiter = new ConcurrencyLimiter(redis, { config: testConfig({ concurrentAgentRuns: 3, concurrentRooms: 2 }), timeoutMs });
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
  // No race against the short lease's clock: the live lease is long, and the test waits for the short one to lapse.
  const user = freshUser();
  const key = ConcurrencyLimiter.key(user.id, 'rooms');
  await limiter.acquire(user, 'rooms', 'crashed', 300);
  await limiter.acquire(user, 'rooms', 'alive', 60_000);
  await expect(limiter.acquire(user, 'rooms', 'waiting', 60_000)).rejects.toBeInstanceOf(ConcurrentLimitExceededError);
  const expiryBefore = Number(await redis.zscore(key, 'alive'));
  expect(await limiter.renew(user.id, 'rooms', 'alive', 120_000)).toBe(true);
  expect(Number(await redis.zscore(key, 'alive'))).toBeGreaterThan(expiryBefore);
  await waitFor('the short lease to expire', async () => (await limiter.held(user.id, 'rooms')) === 1);
  expect(await limiter.renew(user.id, 'rooms', 'crashed', 5_000)).toBe(false);
  expect(await limiter.acquire(user, 'rooms', 'waiting', 60_000)).toMatchObject({ held: 2 });
});

it('admits exactly 3 of 50 concurrent acquires over several connections', async () => {
  const connections = Array.from({ length: 4 }, () => new Redis(testServices().redisUrl));
  try {
    const limiters = connections.map((c) => new ConcurrencyLimiter(c, { config: testConfig({ concurrentAgentRuns: 3 }), timeoutMs }));
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
