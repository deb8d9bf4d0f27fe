import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testServices } from '../../test/harness';
import { CircuitBreaker } from './circuit-breaker';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl, { lazyConnect: false });
});
afterAll(() => redis.quit());

const options = { failureThreshold: 3, windowMs: 60_000, cooldownMs: 1_000, probeTimeoutMs: 5_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('circuit breaker in Redis', () => {
  test('opens after the threshold of transient failures and refuses until the cooldown ends', async () => {
    const model = `openai/${randomUUID()}`;
    const breaker = new CircuitBreaker(redis, options);
    expect(await breaker.recordFailure(model)).toBe('closed');
    expect(await breaker.recordFailure(model)).toBe('closed');
    expect(await breaker.recordFailure(model)).toBe('open');
    const refused = await breaker.acquire(model);
    expect(refused).toMatchObject({ allowed: false, state: 'open' });
    expect(refused.retryInMs).toBeGreaterThan(0);
  });

  test('half-open lets exactly one probe through; its success closes, its failure reopens', async () => {
    const model = `anthropic/${randomUUID()}`;
    const worker1 = new CircuitBreaker(redis, options);
    // A second process sharing the same Redis sees the same breaker.
    const other = redis.duplicate();
    const worker2 = new CircuitBreaker(other, options);
    for (let i = 0; i < 3; i++) await worker1.recordFailure(model);
    await sleep(1_100);
    const probes = await Promise.all([worker1.acquire(model), worker2.acquire(model), worker1.acquire(model)]);
    expect(probes.filter((p) => p.allowed)).toHaveLength(1);
    expect(probes.every((p) => p.state === 'half_open')).toBe(true);
    expect(await worker2.recordFailure(model)).toBe('open');
    expect((await worker1.acquire(model)).allowed).toBe(false);
    await sleep(1_100);
    expect(await worker1.acquire(model)).toMatchObject({ allowed: true, state: 'half_open' });
    await worker1.recordSuccess(model);
    expect(await worker2.state(model)).toBe('closed');
    expect((await worker2.acquire(model)).allowed).toBe(true);
    other.disconnect();
  });

  test('failures spread wider than the window do not open it', async () => {
    const model = `google/${randomUUID()}`;
    const breaker = new CircuitBreaker(redis, { ...options, windowMs: 100 });
    for (let i = 0; i < 4; i++) {
      expect(await breaker.recordFailure(model)).toBe('closed');
      await sleep(60);
    }
  });

  test('with Redis unreachable it admits calls', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const breaker = new CircuitBreaker(down, options);
    expect(await breaker.acquire('openai/x')).toMatchObject({ allowed: true });
    expect(await breaker.recordFailure('openai/x')).toBe('closed');
    down.disconnect();
  });
});
