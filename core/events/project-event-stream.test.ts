import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testServices, waitFor } from '../../test/harness';
import { ProjectEventStream, isStreamId } from './project-event-stream';

let redis: Redis;
let stream: ProjectEventStream;
// A name of this file's own: the reader connection (a duplicate) inherits it, so CLIENT LIST tells this file's
// connections apart from those of suites running beside it on the shared Redis.
const connectionName = `pes-test-${randomUUID().slice(0, 8)}`;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl, { connectionName });
  stream = new ProjectEventStream(redis, { blockMs: 200 });
});

/** This file's open Redis connections: the command connection, plus the reader while a subscription is live. */
async function ownConnections(): Promise<number> {
  const list = String(await redis.client('LIST'));
  return list.split('\n').filter((line) => line.includes(` name=${connectionName} `)).length;
}
afterAll(() => redis.quit());

const event = (projectId: string, n: number, dedupeKey?: string) => ({
  projectId,
  runId: 'r1',
  type: 'file.created',
  message: `file ${n}`,
  data: { n },
  dedupeKey,
});

it('appends once per dedupe key, even when retries race', async () => {
  const projectId = randomUUID();
  const ids = await Promise.all(Array.from({ length: 20 }, () => stream.append(event(projectId, 1, 'run:r1:file:a'))));
  expect(new Set(ids).size).toBe(1);
  await stream.append(event(projectId, 2, 'run:r1:file:b'));
  await stream.append(event(projectId, 3));
  const all = await stream.read(projectId);
  expect(all.map((e) => e.data?.n)).toEqual([1, 2, 3]);
  expect(all[0]).toMatchObject({ id: ids[0], projectId, runId: 'r1', type: 'file.created', message: 'file 1' });
  expect(all[0]!.at.getTime()).toBe(Number(ids[0]!.split('-')[0]));
});

it('reads strictly after a given id', async () => {
  const projectId = randomUUID();
  const ids: string[] = [];
  for (let n = 0; n < 5; n++) ids.push(await stream.append(event(projectId, n)));
  expect((await stream.read(projectId, ids[1])).map((e) => e.id)).toEqual(ids.slice(2));
  expect(await stream.read(projectId, ids[4])).toEqual([]);
});

it('subscribes from a position: backlog first, then live events, and closes its connection on return', async () => {
  const projectId = randomUUID();
  const first = await stream.append(event(projectId, 0));
  await stream.append(event(projectId, 1));
  expect(await ownConnections()).toBe(1);
  const iterator = stream.subscribe(projectId, first);
  expect((await iterator.next()).value?.data).toEqual({ n: 1 });
  const live = iterator.next();
  await new Promise((r) => setTimeout(r, 300)); // across at least one empty blocking read
  await stream.append(event(projectId, 2));
  expect((await live).value?.data).toEqual({ n: 2 });
  expect(await ownConnections()).toBe(2);
  const pending = iterator.next();
  await iterator.return!();
  expect((await pending).done).toBe(true);
  expect(stream.stats()).toEqual({ streams: 0, subscribers: 0, readers: 0 });
  // The server sees the reader's socket close a moment later; how long that takes under load is not the point.
  await waitFor('the reader connection to close', async () => (await ownConnections()) === 1);
});

it('recognises stream ids', () => {
  expect(isStreamId('1732712345678-0')).toBe(true);
  expect(isStreamId('$')).toBe(false);
  expect(isStreamId('1-0; FLUSHALL')).toBe(false);
});
