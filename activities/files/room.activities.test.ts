/** The room's activities over a real database, Redis and the Liveblocks dev server: a retried flush writes once. */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { Redis } from 'ioredis';
import { ProjectEventStream } from '../../core/events/project-event-stream';
import { ProjectFileVersion } from '../../core/files/file.entities';
import { LiveDocs } from '../../core/files/live-docs';
import { Project, ProjectFile } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { EventType } from '../../contracts/events';
import { projectRoomId } from '../../contracts/collab';
import { createTestDatabase, silentLogger, testServices } from '../../test/harness';
import { testLiveblocks } from '../../test/services';
import type { ActivityDeps } from '../deps';
import { createRoomActivities, type FlushRoomFilesInput } from './room.activities';

let db: { orm: MikroORM; dispose(): Promise<void> };
let redis: Redis;
let events: ProjectEventStream;
const live = LiveDocs.fromConfig(testLiveblocks())!;
let activities: ReturnType<typeof createRoomActivities>;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(testServices().redisUrl);
  events = new ProjectEventStream(redis);
  activities = createRoomActivities({ orm: db.orm, events, logger: silentLogger, live } as unknown as ActivityDeps);
});
afterAll(async () => {
  await redis?.quit();
  await db?.dispose();
});

/** Runs the flush as attempt `attempt` of one activity of one workflow run (a retry keeps the activity id). */
function flush(input: FlushRoomFilesInput, attempt = 1, on = activities) {
  const env = new MockActivityEnvironment({
    ...defaultActivityInfo,
    attempt,
    activityId: '7',
    workflowExecution: { workflowId: 'project-room:x', runId: 'r1' },
  });
  return env.run<[FlushRoomFilesInput], { flushed: number; paths: string[] }, typeof on.flushRoomFiles>(on.flushRoomFiles, input);
}

/** A user, a project and its files, each file's document seeded as an editor opening it would. */
async function seed(files: Record<string, string>) {
  const em = db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Ada Lovelace' });
  const project = em.create(Project, { owner: user, name: `r-${randomUUID().slice(0, 8)}`, framework: 'express' });
  const rows = Object.entries(files).map(([path, content]) =>
    em.create(ProjectFile, { project, path, content, language: 'javascript', size: content.length }),
  );
  await em.flush();
  for (const row of rows) await live.ensure(project.id, row.id, row.content);
  return { userId: user.id, projectId: project.id, ids: rows.map((r) => r.id) };
}

const versions = (fileId: string) => db.orm.em.fork().find(ProjectFileVersion, { fileId }, { orderBy: { createdAt: 'asc' } });

test('stores edited documents with a version credited to the editor, once, however often it is retried', async () => {
  const { userId, projectId, ids } = await seed({ 'a.js': 'let a = 1;\n', 'b.js': 'let b = 2;\n', 'c.js': 'let c = 3;\n' });
  const [a, b, c] = ids as [string, string, string];
  await live.replace(projectId, a, '', 'let a = 10;\n', { kind: 'user', id: userId, name: 'Ada' });
  await live.replace(projectId, b, '', 'let b = 20;\n', { kind: 'user', id: userId, name: 'Ada' });
  const files = [a, b, c].map((fileId) => ({ fileId, userId }));

  expect(await flush({ projectId, files })).toEqual({ flushed: 2, paths: ['a.js', 'b.js'] });
  expect(await flush({ projectId, files }, 2)).toEqual({ flushed: 0, paths: [] });

  const em = db.orm.em.fork();
  expect((await em.findOneOrFail(ProjectFile, a)).content).toBe('let a = 10;\n');
  expect((await em.findOneOrFail(ProjectFile, a)).size).toBe(12);
  expect((await em.findOneOrFail(ProjectFile, c)).content).toBe('let c = 3;\n');
  const [version] = await versions(a);
  expect(await versions(a)).toHaveLength(1);
  expect(version).toMatchObject({
    path: 'a.js',
    content: 'let a = 10;\n',
    size: 12,
    authorKind: 'user',
    authorId: userId,
    authorName: 'Ada Lovelace',
    reason: 'flush',
  });
  expect(await versions(c)).toHaveLength(0);
  const flushed = (await events.read(projectId)).filter((e) => e.type === EventType.FILES_FLUSHED);
  expect(flushed.map((e) => e.data)).toEqual([{ paths: ['a.js', 'b.js'], versions: 2 }]);
});

test('a file deleted since, a document never opened and an unknown editor: nothing breaks, nothing is invented', async () => {
  const { projectId, ids } = await seed({ 'gone.js': 'x\n', 'kept.js': 'y\n' });
  const [gone, kept] = ids as [string, string];
  await live.replace(projectId, gone, '', 'x2\n', { kind: 'user', id: 'u', name: 'U' });
  await live.replace(projectId, kept, '', 'y2\n', { kind: 'user', id: 'u', name: 'U' });
  await db.orm.em.fork().nativeDelete(ProjectFile, { id: gone });
  const neverOpened = randomUUID();

  const result = await flush({ projectId, files: [gone, kept, neverOpened].map((fileId) => ({ fileId, userId: null })) });
  expect(result).toEqual({ flushed: 1, paths: ['kept.js'] });
  expect(await versions(gone)).toHaveLength(0);
  expect(await versions(kept)).toEqual([expect.objectContaining({ authorId: null, authorName: 'Someone', content: 'y2\n' })]);
});

test('without live documents there is nothing to flush and nobody connected', async () => {
  const { userId, projectId, ids } = await seed({ 'off.js': 'z\n' });
  await live.replace(projectId, ids[0]!, '', 'z2\n', { kind: 'user', id: userId, name: 'Ada' });
  const off = createRoomActivities({ orm: db.orm, events, logger: silentLogger, live: null } as unknown as ActivityDeps);
  expect(await flush({ projectId, files: [{ fileId: ids[0]!, userId }] }, 1, off)).toEqual({ flushed: 0, paths: [] });
  expect(await new MockActivityEnvironment().run(off.roomConnections, { projectId })).toBe(0);
  expect((await db.orm.em.fork().findOneOrFail(ProjectFile, ids[0]!)).content).toBe('z\n');
});

test('counts the connections of an empty room as 0', async () => {
  const { projectId } = await seed({});
  expect(await new MockActivityEnvironment().run(activities.roomConnections, { projectId })).toBe(0);
});

test('a deleted project: nothing to flush, and its room is not created again', async () => {
  const { userId, projectId, ids } = await seed({ 'x.js': 'x\n' });
  await live.replace(projectId, ids[0]!, '', 'x2\n', { kind: 'user', id: userId, name: 'Ada' });
  await db.orm.em.fork().nativeDelete(Project, { id: projectId });
  await live.deleteRoom(projectId);
  expect(await flush({ projectId, files: [{ fileId: ids[0]!, userId }] })).toEqual({ flushed: 0, paths: [] });
  await expect(live.client.getRoom(projectRoomId(projectId))).rejects.toMatchObject({ status: 404 });
});
