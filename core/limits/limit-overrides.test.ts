import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testServices } from '../../test/harness';
import { ValidationError } from '../shared/domain.errors';
import { RedisStreamAuditSink } from './audit-sink';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { LimitOverrides } from './limit-overrides';
import { RateLimitExceededError } from './limits.errors';
import { freshUser, testConfig } from '../../test/fixtures/limits';
import { RateLimiter } from './rate-limiter';

let redis: Redis;
const stream = `audit:test:${randomUUID()}`;
let overrides: LimitOverrides;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl);
  overrides = new LimitOverrides(redis, new RedisStreamAuditSink(redis, { stream }));
});
afterAll(async () => {
  await redis.del(stream);
  await redis.quit();
});

async function auditOf(userId: string): Promise<Array<Record<string, unknown>>> {
  const entries = await redis.xrange(stream, '-', '+');
  return entries.map(([, fields]) => JSON.parse(fields[1]!) as Record<string, unknown>).filter((e) => e.targetId === userId);
}

it('raises, lowers and lifts a window limit, read in the same script as the check, and audits each change', async () => {
  const limiter = new RateLimiter(redis, { config: testConfig({ messagesPerHour: 2, messagesPerDay: 1_000 }) });
  const user = freshUser();
  await limiter.check(user, 'message');
  await limiter.check(user, 'message');
  await expect(limiter.check(user, 'message')).rejects.toBeInstanceOf(RateLimitExceededError);

  await overrides.setOverride(user.id, 'messages:hourly', 4, 'admin-1', 'customer asked for a trial bump');
  expect((await limiter.check(user, 'message')).windows[0]).toMatchObject({ limit: 4, used: 3, remaining: 1 });
  await limiter.check(user, 'message');
  await expect(limiter.check(user, 'message')).rejects.toMatchObject({ limit: 4 });

  await overrides.setOverride(user.id, 'messages:hourly', null, 'admin-1', 'enterprise pilot');
  for (let i = 0; i < 10; i++) expect((await limiter.check(user, 'message')).windows[0]!.limit).toBeNull();
  expect(await overrides.get(user.id)).toEqual({ 'messages:hourly': null });

  await overrides.clearOverride(user.id, 'messages:hourly', 'admin-2', 'pilot over');
  await expect(limiter.check(user, 'message')).rejects.toMatchObject({ limit: 2 });
  expect(await auditOf(user.id)).toEqual([
    expect.objectContaining({
      action: 'limits.override.set',
      actorId: 'admin-1',
      reason: 'customer asked for a trial bump',
      details: { kind: 'messages:hourly', limit: 4 },
    }),
    expect.objectContaining({ action: 'limits.override.set', details: { kind: 'messages:hourly', limit: null, previous: 4 } }),
    expect.objectContaining({
      action: 'limits.override.cleared',
      actorId: 'admin-2',
      details: { kind: 'messages:hourly', previous: null },
    }),
  ]);
});

it('raises a concurrency limit', async () => {
  const limiter = new ConcurrencyLimiter(redis, { config: testConfig({ concurrentAgentRuns: 1 }) });
  const user = freshUser();
  await limiter.acquire(user, 'agent-runs', 'a', 60_000);
  await expect(limiter.acquire(user, 'agent-runs', 'b', 60_000)).rejects.toMatchObject({ code: 'CONCURRENT_LIMIT_EXCEEDED', limit: 1 });
  await overrides.setOverride(user.id, 'agent-runs', 2, 'admin-1', 'big refactor');
  expect(await limiter.acquire(user, 'agent-runs', 'b', 60_000)).toMatchObject({ limit: 2, held: 2 });
});

it('rejects a negative limit or an empty reason, and writes nothing', async () => {
  const user = freshUser();
  await expect(overrides.setOverride(user.id, 'rooms', -3, 'admin-1', 'oops')).rejects.toBeInstanceOf(ValidationError);
  await expect(overrides.setOverride(user.id, 'rooms', 5, 'admin-1', '  ')).rejects.toBeInstanceOf(ValidationError);
  expect(await overrides.get(user.id)).toEqual({});
  expect(await auditOf(user.id)).toEqual([]);
});
