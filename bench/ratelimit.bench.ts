/**
 * Limiter checks against the bench Redis: per-call latency and throughput at concurrency 1 and 64 on one
 * connection, beside a bare PING measured the same way (the floor), and Redis's own CPU time per call
 * (INFO commandstats) to compare with the anchor: a Lua token bucket at about 20 µs per op.
 * `npm run bench -- ratelimit [opsPerRow]`.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ConcurrencyLimiter } from '../core/limits/concurrency-limiter';
import { createLimiterRedis } from '../core/limits/limit-redis';
import { RateLimiter } from '../core/limits/rate-limiter';
import { DEFAULT_LIMITS, type LimitSubject } from '../core/limits/tiers';
import { testEnv } from '../test/services';
import { percentile } from './stats';

// The anchor, measured here rather than quoted: a classic Lua token bucket (HMGET, HSET, PEXPIRE).
const TOKEN_BUCKET = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local cap, rate = tonumber(ARGV[1]), tonumber(ARGV[2])
local tokens = math.min(cap, (tonumber(b[1]) or cap) + (now - (tonumber(b[2]) or now)) * rate)
local ok = 0
if tokens >= 1 then tokens = tokens - 1; ok = 1 end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return ok
`;

interface Measured {
  name: string;
  concurrency: number;
  samples: number[];
  wallMs: number;
  serverUs: number;
}

// Limits high enough that no check is refused: the bench measures the admitting path.
const config = {
  ...DEFAULT_LIMITS,
  tiers: {
    ...DEFAULT_LIMITS.tiers,
    pro: { ...DEFAULT_LIMITS.tiers.pro, messagesPerHour: 1e9, messagesPerDay: 1e9, uploadsPerDay: 1e9, concurrentAgentRuns: 1e9 },
  },
};

async function measure(
  redis: Redis,
  name: string,
  concurrency: number,
  ops: number,
  op: (i: number) => Promise<unknown>,
): Promise<Measured> {
  for (let i = 0; i < 500; i++) await op(i); // warm-up; loads the scripts
  await redis.config('RESETSTAT');
  const samples: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ops) {
        const i = next++;
        const start = performance.now();
        await op(i);
        samples.push(performance.now() - start);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  // A script's inner commands are listed too; evalsha's own figure includes them.
  const stats = await redis.info('commandstats');
  const perCall = [...stats.matchAll(/cmdstat_(?:evalsha|ping):calls=\d+,usec=\d+,usec_per_call=([\d.]+)/g)].map((m) => Number(m[1]));
  return { name, concurrency, samples, wallMs, serverUs: perCall.length ? Math.max(...perCall) : Number.NaN };
}

function print(rows: Measured[], ops: number): void {
  const us = (ms: number) => (ms * 1000).toFixed(0);
  const header = ['measure', 'conc', 'n', 'p50 µs', 'p95 µs', 'p99 µs', 'max µs', 'ops/s', 'redis µs/call'];
  const body = rows.map((r) => [
    r.name,
    String(r.concurrency),
    String(r.samples.length),
    us(percentile(r.samples, 50)),
    us(percentile(r.samples, 95)),
    us(percentile(r.samples, 99)),
    us(Math.max(...r.samples)),
    ((r.samples.length / r.wallMs) * 1000).toFixed(0),
    r.serverUs.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(
    `\nratelimit: ${ops} calls per row on one connection, loopback (after 500 warm-up calls)\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${body.map(line).join('\n')}\n`,
  );
  process.stdout.write(
    'redis µs/call: Redis CPU per top-level command (evalsha, ping) from INFO commandstats, inner script calls included.\n',
  );
}

export async function run(args: string[]): Promise<void> {
  const ops = Number(args[0] ?? 20_000);
  const redis = await createLimiterRedis(testEnv().redisUrl);
  const admin = new Redis(testEnv().redisUrl);
  redis.defineCommand('benchTokenBucket', { lua: TOKEN_BUCKET, numberOfKeys: 1 });
  const bucket = (key: string) =>
    (redis as Redis & { benchTokenBucket(key: string, cap: number, rate: number): Promise<number> }).benchTokenBucket(key, 1e9, 1);
  const rates = new RateLimiter(redis, { config });
  const leases = new ConcurrencyLimiter(redis, { config });
  // 1,000 users, so each sorted set stays the size a busy user's would be.
  const users: LimitSubject[] = Array.from({ length: 1_000 }, () => ({ id: randomUUID(), tier: 'pro' }));
  const user = (i: number) => users[i % users.length]!;
  const rows: Measured[] = [];
  try {
    for (const concurrency of [1, 64]) {
      rows.push(await measure(admin, 'baseline: PING', concurrency, ops, () => redis.ping()));
      rows.push(await measure(admin, 'baseline: Lua token bucket', concurrency, ops, (i) => bucket(`bench:bucket:{${user(i).id}}`)));
      rows.push(await measure(admin, 'check upload (1 window)', concurrency, ops, (i) => rates.check(user(i), 'upload')));
      rows.push(await measure(admin, 'check message (2 windows)', concurrency, ops, (i) => rates.check(user(i), 'message')));
      rows.push(
        await measure(admin, 'checkIp auth', concurrency, ops, (i) =>
          rates.checkIp(`10.0.${i % 250}.${concurrency}`, 'auth').catch(() => undefined),
        ),
      );
      rows.push(
        await measure(admin, 'acquire lease', concurrency, ops, (i) =>
          leases.acquire(user(i), 'agent-runs', `run-${concurrency}-${i}`, 60_000),
        ),
      );
    }
  } finally {
    redis.disconnect();
    admin.disconnect();
  }
  print(rows, ops);
}
