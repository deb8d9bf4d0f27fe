/**
 * `npm run bench -- subscriptions [sockets] [perSocket] [projects]`: 10,000 concurrent `projectEvents`
 * subscriptions (200 graphql-ws sockets × 50, over 50 projects) on one API process, loopback only. The
 * viewers run in a worker thread, so the main thread's heap and event loop are the API's own. Prints the
 * Redis connections the API added, fan-out latency from XADD to delivery in the viewer, and the API heap
 * per subscription, beside a bare XREAD BLOCK client on one stream measured in the same run.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import type { ProjectEventStream } from '../core/events/project-event-stream';
import { User, LOCAL_USER_ID } from '../core/user/user.entity';
import { createStack, testLimits } from '../test/harness';
import { testEnv } from '../test/services';
import { printTable } from './stats';

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const now = () => performance.timeOrigin + performance.now();
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const connections = async (redis: Redis) => String(await redis.client('LIST')).trim().split('\n').length;

/** Resolves with the first message of `type` from the worker, or rejects after `ms`. */
function message<T>(worker: Worker, type: string, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${type}' from the viewers within ${ms} ms`)), ms);
    const on = (m: { type: string }) => {
      if (m.type === 'error') process.stderr.write(`viewer error: ${(m as unknown as { message: string }).message}\n`);
      if (m.type === 'progress') process.stderr.write(`viewers live: ${JSON.stringify(m)}\n`);
      if (m.type !== type) return;
      clearTimeout(timer);
      worker.off('message', on);
      resolve(m as T);
    };
    worker.on('message', on);
  });
}

/** A single client blocking on one stream: the floor any fan-out is measured against. */
async function bareXread(samples: number): Promise<number[]> {
  const reader = new Redis(testEnv().redisUrl);
  const writer = new Redis(testEnv().redisUrl);
  const key = `bench:xread:${Date.now()}`;
  const out: number[] = [];
  try {
    let last = (await writer.xadd(key, '*', 'e', '0'))!;
    for (let i = 0; i < samples; i++) {
      const read = reader.xread('BLOCK', 5000, 'STREAMS', key, last);
      await new Promise((r) => setTimeout(r, 2)); // let the XREAD block first
      const sentAt = now();
      await writer.xadd(key, '*', 'e', String(sentAt));
      const reply = (await read) as [string, [string, string[]][]][];
      out.push(now() - sentAt);
      last = reply[0]![1][0]![0];
    }
  } finally {
    await writer.del(key);
    reader.disconnect();
    writer.disconnect();
  }
  return out;
}

/** The fan-out alone: `total` iterators in this process, bursts of one event per project. */
async function coreFanout(events: ProjectEventStream, projects: string[], total: number): Promise<number[]> {
  const samples: number[] = [];
  let received = 0;
  let live = 0;
  const iterators = Array.from({ length: total }, (_, i) => events.subscribe(projects[i % projects.length]!, null));
  const consumers = iterators.map(async (iterator) => {
    let first = true;
    for await (const event of iterator) {
      if (first) live++;
      first = false;
      const sentAt = (event.data as { sentAt?: number } | null)?.sentAt;
      if (event.type !== 'bench-core' || !sentAt) continue;
      samples.push(now() - sentAt);
      received++;
    }
  });
  const until = async (count: () => number, n: number) => {
    const deadline = Date.now() + 60_000;
    while (count() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  };
  await until(() => live, total); // every iterator replayed its backlog (the projects have events already)
  for (let round = 1; round <= 5; round++) {
    await Promise.all(projects.map((projectId) => events.append({ projectId, type: 'bench-core', message: 'tick', data: { sentAt: now() } })));
    await until(() => received, round * total);
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(iterators.map((i) => i.return()));
  await Promise.all(consumers);
  return samples;
}

export async function run(args: string[]): Promise<void> {
  const [sockets, perSocket, projectCount] = [Number(args[0] ?? 200), Number(args[1] ?? 50), Number(args[2] ?? 50)];
  const total = sockets * perSocket;
  const baseline = await bareXread(300);

  const limits = { ...testLimits, subscriptions: { perSocket, perUser: total } };
  const stack = await createStack({ limits });
  const admin = new Redis(testEnv().redisUrl);
  let worker: Worker | undefined;
  try {
    const url = `${(await stack.app.listen(0, '127.0.0.1')).replace('http', 'ws')}/graphql`;
    const ctx = stack.app.createContext();
    await ctx.em.nativeUpdate(User, { id: LOCAL_USER_ID }, { tier: 'enterprise' });
    const projects: string[] = [];
    for (let i = 0; i < projectCount; i++) projects.push((await ctx.projects.create(LOCAL_USER_ID, { name: `Bench ${i}`, framework: 'express' })).id);
    await new Promise((r) => setTimeout(r, 500));
    const heapBefore = heapMb();
    const connectionsBefore = await connections(admin);

    const t0 = Date.now();
    worker = new Worker(join(__dirname, 'subscriptions-clients.cjs'), { workerData: { url, sockets, perSocket, projectIds: projects } });
    await message(worker, 'ready', 480_000);
    const subscribeSeconds = (Date.now() - t0) / 1000;
    const connectionsDuring = await connections(admin);
    const heapAfter = heapMb();
    const stats = stack.app.createContext().events.stats();

    const append = (projectId: string) => stack.events.append({ projectId, type: 'bench', message: 'tick', data: { sentAt: now() } });
    const take = async () => {
      worker!.postMessage({ type: 'take' });
      return (await message<{ latencies: number[] }>(worker!, 'latencies', 30_000)).latencies;
    };
    let expected = 0;
    const deliveredTo = (n: number) => {
      expected += n;
      worker!.postMessage({ type: 'waitFor', n: expected });
      return message(worker!, 'reached', 30_000);
    };
    // One event at a time: its project's viewers (total / projects of them) each get it.
    for (let i = 0; i < 100; i++) {
      const reached = deliveredTo(total / projectCount);
      await append(projects[i % projectCount]!);
      await reached;
    }
    const single = await take();
    // Bursts: one event on every project at once, so all `total` subscriptions receive one.
    for (let round = 0; round < 5; round++) {
      const reached = deliveredTo(total);
      await Promise.all(projects.map(append));
      await reached;
      await new Promise((r) => setTimeout(r, 50));
    }
    const burst = await take();

    worker.postMessage({ type: 'close' });
    await message(worker, 'closed', 60_000).catch(() => undefined);
    const core = await coreFanout(stack.events, projects, total);

    printTable(`subscriptions: ${total} live projectEvents subscriptions (${sockets} sockets × ${perSocket}, ${projectCount} projects), loopback`, [
      { name: 'baseline: bare XREAD BLOCK, 1 client, XADD → reply', samples: baseline },
      { name: `fan-out, 1 event → ${total / projectCount} viewers, XADD → viewer`, samples: single },
      { name: `fan-out, ${projectCount} events at once → ${total} viewers`, samples: burst },
      { name: `core only: ${projectCount} events at once → ${total} in-process iterators`, samples: core },
    ]);
    process.stdout.write('core only: the same fan-out without GraphQL execution, JSON and WebSocket: what the reader itself costs.\n');
    process.stdout.write(
      [
        `Redis connections: ${connectionsBefore} before the viewers, ${connectionsDuring} with ${total} subscriptions live (+${connectionsDuring - connectionsBefore}); the fan-out holds ${stats.readers} reader for ${stats.streams} streams / ${stats.subscribers} subscribers`,
        `API heap: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB after (after GC): ${(((heapAfter - heapBefore) * 2 ** 20) / total / 1024).toFixed(2)} KB per subscription, its share of the ${sockets} sockets included`,
        `All ${total} subscribed and replayed their backlog in ${subscribeSeconds.toFixed(1)} s. Viewers run in a worker thread of the same process (the other core).`,
        '',
      ].join('\n'),
    );
  } finally {
    if (worker) {
      worker.postMessage({ type: 'close' });
      await message(worker, 'closed', 30_000).catch(() => undefined);
      await worker.terminate();
    }
    admin.disconnect();
    await stack.dispose();
  }
}
