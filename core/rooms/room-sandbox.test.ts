/** RoomSandboxes on a real database and the real local (bubblewrap) backend. */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger } from '../../test/harness';
import { DEFAULT_LIMITS } from '../limits/tiers';
import { Project, ProjectFile } from '../project/project.entity';
import { SandboxManager } from '../sandbox/sandbox-manager';
import { SandboxRecord } from '../sandbox/sandbox.entity';
import { User } from '../user/user.entity';
import { RoomSandboxes, type RoomRef } from './room-sandbox';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let manager: SandboxManager;

/** A team-tier user with a project holding `files`, and a room id for it. */
async function seedRoom(files: Record<string, string>): Promise<RoomRef> {
  const em = db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Host', tier: 'team' });
  const project = em.create(Project, { owner: user, name: `Room ${randomUUID().slice(0, 8)}`, framework: 'express' });
  for (const [path, content] of Object.entries(files))
    em.create(ProjectFile, { project, path, content, language: 'plaintext', size: Buffer.byteLength(content) });
  await em.flush();
  return { roomId: randomUUID(), projectId: project.id, ownerId: user.id };
}

const liveRows = (roomId: string) => db.orm.em.fork().find(SandboxRecord, { roomId, status: { $in: ['CREATING', 'RUNNING'] } });
const read = async (rooms: RoomSandboxes, room: RoomRef, path: string) =>
  (await (await rooms.ensure(room)).sandbox.readFile(path)).toString();

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  manager = new SandboxManager({ orm: db.orm, backend: local.backend, limits: DEFAULT_LIMITS, idleMs: 60_000, logger: silentLogger });
});
afterAll(async () => {
  await local?.dispose();
  await db?.dispose();
});

test("two processes ensuring a room's sandbox at once get one sandbox, with the project's files and dependencies installed", async () => {
  const room = await seedRoom({
    'package.json': '{"name":"room","version":"1.0.0","scripts":{"test":"node --test"}}\n',
    'src/index.js': 'console.log(1)\n',
  });
  // Two RoomSandboxes stand for two API processes: nothing in memory is shared, only the database.
  const [a, b] = [
    new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger }),
    new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger }),
  ];
  const printed: string[] = [];
  const sandboxesBefore = (await local.backend.list()).length;
  const [first, second] = await Promise.all([a.ensure(room, (t) => printed.push(t)), b.ensure(room, (t) => printed.push(t))]);
  expect(first.record.id).toBe(second.record.id);
  expect([first.created, second.created].sort()).toEqual([false, true]);
  expect(await liveRows(room.roomId)).toHaveLength(1);
  expect((await local.backend.list()).length).toBe(sandboxesBefore + 1);
  expect(await read(a, room, 'src/index.js')).toBe('console.log(1)\n');
  expect(printed.join('')).toContain('[Dependencies installed]');
  expect((await first.sandbox.listFiles('.')).map((f) => f.path)).toContain('package-lock.json');
  expect((await a.ensure(room)).record.id).toBe(first.record.id);
});

test('the database allows one live sandbox per room', async () => {
  const room = await seedRoom({});
  const em = db.orm.em.fork();
  const row = (status: 'RUNNING' | 'DESTROYED') =>
    em.create(SandboxRecord, {
      project: room.projectId,
      owner: room.ownerId,
      backend: 'local',
      runtime: 'node',
      status,
      roomId: room.roomId,
    });
  row('DESTROYED');
  row('RUNNING');
  await em.flush();
  const again = db.orm.em.fork();
  again.create(SandboxRecord, {
    project: room.projectId,
    owner: room.ownerId,
    backend: 'local',
    runtime: 'node',
    status: 'RUNNING',
    roomId: room.roomId,
  });
  await expect(again.flush()).rejects.toThrow(/sandboxes_room_live_unique/);
});

test('sync writes what changed, removes deleted files and reinstalls only when a manifest changed', async () => {
  const room = await seedRoom({ 'package.json': '{"name":"room","version":"1.0.0"}\n', 'a.txt': 'one\n', 'b.txt': 'gone soon\n' });
  const rooms = new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger });
  await rooms.ensure(room);
  const em = db.orm.em.fork();
  await em.nativeUpdate(ProjectFile, { project: room.projectId, path: 'a.txt' }, { content: 'two\n' });
  await em.nativeDelete(ProjectFile, { project: room.projectId, path: 'b.txt' });
  const printed: string[] = [];
  const synced = await rooms.sync(room, (t) => printed.push(t));
  expect(synced.files.get('a.txt')).toBe('two\n');
  expect(synced.framework).toBe('express');
  expect(await read(rooms, room, 'a.txt')).toBe('two\n');
  expect((await synced.sandbox.listFiles('.')).map((f) => f.path)).not.toContain('b.txt');
  expect(printed.join('')).not.toContain('Installing');
  await em.nativeUpdate(ProjectFile, { project: room.projectId, path: 'package.json' }, { content: '{"name":"room","version":"1.0.1"}\n' });
  await rooms.sync(room, (t) => printed.push(t));
  expect(printed.join('')).toContain('[Installing dependencies: package.json changed]');
});

test("destroy is idempotent; a sandbox lost behind the platform's back is replaced on the next ensure", async () => {
  const room = await seedRoom({ 'hello.txt': 'hi\n' });
  const rooms = new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger });
  const first = await rooms.ensure(room);
  await local.backend.destroy(first.sandbox.id);
  const second = await rooms.ensure(room);
  expect(second.record.id).not.toBe(first.record.id);
  expect(await manager.find(first.record.id)).toMatchObject({ status: 'DESTROYED', destroyReason: 'orphan' });
  expect(await read(rooms, room, 'hello.txt')).toBe('hi\n');
  expect(await rooms.destroy(room.roomId)).toBe(true);
  expect(await rooms.destroy(room.roomId)).toBe(false);
  expect(await manager.find(second.record.id)).toMatchObject({ status: 'DESTROYED', destroyReason: 'room-closed' });
  expect(await local.backend.list()).not.toContain(second.sandbox.id);
  expect(await rooms.find(room.roomId)).toBeNull();
});

test("startPreview serves the room's preview and replaces a running one", async () => {
  const server =
    "require('http').createServer((q, s) => s.end('port ' + process.env.PORT)).listen(Number(process.env.PORT), '127.0.0.1');\n";
  const room = await seedRoom({ 'server.js': server });
  const rooms = new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger });
  const first = await rooms.startPreview(room, 'node server.js');
  const second = await rooms.startPreview(room, 'node server.js');
  expect([first.port, second.port]).toEqual([3000, 3001]);
  expect(second.record).toMatchObject({ id: first.record.id, previewUrl: `/preview/${first.record.id}/` });
  const { sandbox } = await rooms.ensure(room);
  expect((await sandbox.status()).preview?.port).toBe(3001);
});
