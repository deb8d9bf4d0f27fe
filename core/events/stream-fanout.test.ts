import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testServices, waitFor } from '../../test/harness';
import { ProjectEventStream, type ProjectEvent } from './project-event-stream';

/** Issue 11, item 9: one reader per process fans stream entries out, however many subscribe. */
let redis: Redis;
// A name of this file's own: the stream's reader connections (duplicates) inherit it, so CLIENT LIST tells this
// file's connections apart from those of suites running beside it on the shared Redis.
const connectionName = `fanout-test-${randomUUID().slice(0, 8)}`;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl, { connectionName });
});
afterAll(() => redis.quit());

/** This file's open Redis connections. */
const clients = async () =>
  String(await redis.client('LIST'))
    .split('\n')
    .filter((line) => line.includes(` name=${connectionName} `)).length;
const append = (stream: ProjectEventStream, projectId: string, n: number) => stream.append({ projectId, type: 'tick', message: `tick ${n}`, data: { n } });

/** Pulls `count` events from `iterator`, failing after `timeoutMs`. */
async function take(iterator: AsyncIterator<ProjectEvent>, count: number, timeoutMs = 5000): Promise<ProjectEvent[]> {
  const out: ProjectEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), Math.max(1, deadline - Date.now()))));
    const next = await Promise.race([iterator.next(), timeout]).finally(() => clearTimeout(timer));
    if (next === 'timeout') throw new Error(`only ${out.length} of ${count} events within ${timeoutMs} ms`);
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

it('serves 50 subscriptions over five projects with O(1) Redis connections, every event once', async () => {
  const stream = new ProjectEventStream(redis, { blockMs: 2000 });
  const projects = Array.from({ length: 5 }, () => randomUUID());
  for (const p of projects) await append(stream, p, 0);
  const before = await clients();
  const subs = Array.from({ length: 50 }, (_, i) => ({ projectId: projects[i % 5]!, iterator: stream.subscribe(projects[i % 5]!, null) }));
  // Backlog first (event 0), then live events 1..3 appended after every subscriber is following.
  for (const s of subs) expect((await take(s.iterator, 1)).map((e) => e.data?.n)).toEqual([0]);
  const during = await clients();
  expect(during).toBeGreaterThan(before); // the readers are this file's (named) connections, so the count below means something
  for (let n = 1; n <= 3; n++) for (const p of projects) await append(stream, p, n);
  for (const s of subs) {
    const events = await take(s.iterator, 3);
    expect(events.map((e) => [e.projectId, e.data?.n])).toEqual([1, 2, 3].map((n) => [s.projectId, n]));
  }
  expect(during - before).toBeLessThanOrEqual(2);
  await Promise.all(subs.map((s) => s.iterator.return!()));
  await stream.close();
  // Closed readers leave the server's list once their sockets close: wait for it rather than sleep a guess.
  await waitFor('the readers closed', async () => (await clients()) <= before);
});

it('resumes after a drop with every event exactly once, in order, while events keep coming', async () => {
  const stream = new ProjectEventStream(redis, { blockMs: 2000 });
  const projectId = randomUUID();
  let n = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      await append(stream, projectId, n++);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const seen: ProjectEvent[] = [];
  let after: string | null = null;
  for (let round = 0; round < 5; round++) {
    // A noisy neighbour on the same stream joins and leaves, forcing reader rebuilds.
    const neighbour = stream.subscribe(projectId, null);
    const iterator = stream.subscribe(projectId, after);
    seen.push(...(await take(iterator, 20)));
    after = seen[seen.length - 1]!.id;
    await iterator.return!();
    await neighbour.return!();
    await new Promise((r) => setTimeout(r, 15));
  }
  writing = false;
  await writer;
  const stored = await stream.read(projectId, null, 10_000);
  expect(seen.map((e) => e.id)).toEqual(stored.slice(0, seen.length).map((e) => e.id));
  expect(seen.map((e) => e.data?.n)).toEqual(seen.map((_, i) => i));
  await stream.close();
});

it('closes a subscriber that falls too far behind instead of buffering without bound', async () => {
  const stream = new ProjectEventStream(redis, { blockMs: 2000, maxQueue: 50 });
  const projectId = randomUUID();
  const slow = stream.subscribe(projectId, null);
  const fast = stream.subscribe(projectId, null);
  const firstSlow = slow.next();
  await append(stream, projectId, 0);
  await firstSlow;
  await take(fast, 1);
  const fastEvents = take(fast, 200);
  for (let i = 1; i <= 200; i++) await append(stream, projectId, i);
  expect((await fastEvents).length).toBe(200);
  // The slow one never read; past 50 queued events it was ended with a typed error.
  const failure = await take(slow, 200).then(
    () => null,
    (error: { code?: string; name?: string }) => error,
  );
  expect({ name: failure?.name, code: failure?.code }).toEqual({ name: 'SubscriberTooSlowError', code: 'CONFLICT' });
  await fast.return!();
  await stream.close();
});
