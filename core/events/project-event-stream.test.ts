import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { testServices } from '../../test/harness';
import { ProjectEventStream, isStreamId } from './project-event-stream';

let redis: Redis;
let stream: ProjectEventStream;
beforeAll(() => {
  redis = new Redis(testServices().redisUrl);
  stream = new ProjectEventStream(redis, { blockMs: 200 });
});
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
  const clientsBefore = Number((await redis.info('clients')).match(/connected_clients:(\d+)/)![1]);
  const iterator = stream.subscribe(projectId, first);
  expect((await iterator.next()).value?.data).toEqual({ n: 1 });
  const live = iterator.next();
  await new Promise((r) => setTimeout(r, 300)); // across at least one empty blocking read
  await stream.append(event(projectId, 2));
  expect((await live).value?.data).toEqual({ n: 2 });
  const pending = iterator.next();
  await iterator.return!();
  expect((await pending).done).toBe(true);
  await new Promise((r) => setTimeout(r, 100));
  const clientsAfter = Number((await redis.info('clients')).match(/connected_clients:(\d+)/)![1]);
  expect(clientsAfter).toBeLessThanOrEqual(clientsBefore);
});

it('recognises stream ids', () => {
  expect(isStreamId('1732712345678-0')).toBe(true);
  expect(isStreamId('$')).toBe(false);
  expect(isStreamId('1-0; FLUSHALL')).toBe(false);
});
