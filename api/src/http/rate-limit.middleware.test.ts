import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import { testServices } from '../../../test/harness';
import { testConfig } from '../../../test/fixtures/limits';
import { rateLimitByIp } from './rate-limit.middleware';
import { RateLimiter } from '../../../core/limits/rate-limiter';

let redis: Redis;
let base: string;
let close: () => Promise<void>;
beforeAll(async () => {
  redis = new Redis(testServices().redisUrl);
  const app = express();
  app.set('trust proxy', 'loopback');
  app.post('/auth/login', rateLimitByIp(new RateLimiter(redis, { config: testConfig({}, 30_000, 3) }), 'auth'), (_req, res) => {
    res.json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
});
afterAll(async () => {
  await close();
  await redis.quit();
});

it('answers 429 with Retry-After once an IP used up its auth attempts, and counts IPs apart', async () => {
  const ip = `198.51.${randomInt(256)}.${randomInt(256)}`;
  const login = (from: string) => fetch(`${base}/auth/login`, { method: 'POST', headers: { 'x-forwarded-for': from } });
  for (let i = 0; i < 3; i++) expect((await login(ip)).status).toBe(200);
  const refused = await login(ip);
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(29);
  expect(retryAfter).toBeLessThanOrEqual(30);
  expect(await refused.json()).toEqual({ error: { code: 'RATE_LIMIT_EXCEEDED', message: expect.any(String), retryAfter } });
  expect((await login(`${ip.split('.').slice(0, 3).join('.')}.${(Number(ip.split('.')[3]) + 1) % 256}`)).status).toBe(200);
});
