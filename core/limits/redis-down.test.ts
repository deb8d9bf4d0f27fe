/** The Redis-down policy, against a redis-server of this file's own that it stops mid-test. */
import type { Redis } from 'ioredis';
import { Redis as PlainRedis } from 'ioredis';
import { freePort } from '../../infra/src/ports';
import { startRedis, type RedisServer } from '../../infra/src/services/redis';
import { ServiceUnavailableError } from '../shared/domain.errors';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { createLimiterRedis } from './limit-redis';
import { freshUser, testConfig } from '../../test/fixtures/limits';
import { RateLimiter } from './rate-limiter';

let server: RedisServer;
let redis: Redis;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startRedis({ port: await freePort(), name: 'limits-test-redis', echo: null });
  redis = await createLimiterRedis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
  process.off('unhandledRejection', onUnhandled);
});

async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const t0 = performance.now();
  try {
    return { ms: performance.now() - t0, value: await call() };
  } catch (error) {
    return { ms: performance.now() - t0, error };
  }
}

it('applies the policy within the command timeout when Redis hangs without closing the connection', async () => {
  const config = testConfig({ messagesPerHour: 5, concurrentAgentRuns: 2 });
  const rates = new RateLimiter(redis, { config });
  const leases = new ConcurrencyLimiter(redis, { config });
  const user = freshUser();
  expect((await rates.check(user, 'message')).degraded).toBe(false);
  process.kill(server.pid, 'SIGSTOP');
  try {
    const open = await timed(() => rates.check(user, 'message'));
    expect(open.value).toMatchObject({ allowed: true, degraded: true });
    const closed = await timed(() => leases.acquire(user, 'rooms', 'room-1', 60_000));
    expect(closed.error).toBeInstanceOf(ServiceUnavailableError);
    for (const { ms } of [open, closed]) expect(ms).toBeLessThan(600);
  } finally {
    process.kill(server.pid, 'SIGCONT');
  }
  expect((await rates.check(user, 'message')).degraded).toBe(false);
});

it('fails open for message and upload windows and closed for leases and IP auth, quickly', async () => {
  const config = testConfig({ messagesPerHour: 5, concurrentAgentRuns: 2 });
  const warnings: object[] = [];
  const rates = new RateLimiter(redis, { config, logger: { warn: (obj) => warnings.push(obj) } });
  const leases = new ConcurrencyLimiter(redis, { config });
  // A client built without the limiter options: only the per-call timeout protects it.
  const plain = new PlainRedis(server.url, { maxRetriesPerRequest: 1 });
  plain.on('error', () => undefined);
  const plainRates = new RateLimiter(plain, { config, timeoutMs: 200 });
  const user = freshUser();

  expect((await rates.check(user, 'message')).degraded).toBe(false);
  expect((await plainRates.check(user, 'upload')).degraded).toBe(false);
  expect(await rates.checkIp('192.0.2.1', 'auth')).toMatchObject({ degraded: false });
  expect(await leases.acquire(user, 'agent-runs', 'run-1', 60_000)).toMatchObject({ degraded: false, held: 1 });

  await server.stop();

  for (const check of [() => rates.check(user, 'message'), () => rates.check(user, 'upload'), () => plainRates.check(user, 'message')]) {
    const { ms, value, error } = await timed(check);
    expect(error).toBeUndefined();
    expect(value).toMatchObject({ allowed: true, degraded: true });
    expect(ms).toBeLessThan(400);
  }
  const refusing: Array<() => Promise<unknown>> = [
    () => rates.checkIp('192.0.2.1', 'auth'),
    () => leases.acquire(user, 'agent-runs', 'run-2', 60_000),
    () => leases.renew(user.id, 'agent-runs', 'run-1', 60_000),
  ];
  for (const check of refusing) {
    const { ms, error } = await timed(check);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(ms).toBeLessThan(400);
  }
  const release = await timed(() => leases.release(user.id, 'agent-runs', 'run-1'));
  expect(release).toMatchObject({ value: false });
  expect(release.ms).toBeLessThan(400);
  expect(warnings.length).toBeGreaterThanOrEqual(2);

  plain.disconnect();
  await new Promise((r) => setTimeout(r, 300));
  expect(unhandled).toEqual([]);
});
