/**
 * A room's Run and Test buttons on the real stack: a real database, the room's bubblewrap sandbox, the shared
 * terminal watched through a real WebSocket, the preview reached through its real host socket.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { TerminalClient } from '../../../../test/fixtures/room-terminal-client';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger } from '../../../../test/harness';
import { DEFAULT_LIMITS } from '../../../../core/limits/tiers';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { RoomSandboxes, type RoomRef } from '../../../../core/rooms/room-sandbox';
import { SandboxManager } from '../../../../core/sandbox/sandbox-manager';
import { User } from '../../../../core/user/user.entity';
import { RoomRunner } from './room-runner';
import { mountRoomTerminalRoutes } from './room-terminal.routes';
import { SharedTerminals } from './shared-terminal';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let rooms: RoomSandboxes;
let terminals: SharedTerminals;
let runner: RoomRunner;
let url: string;
const refs = new Map<string, RoomRef>();
const clients: TerminalClient[] = [];
const ann = { id: 'ann', name: 'Ann' };

const server = (version: string) =>
  `require('http').createServer((q, s) => s.end('${version}')).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('${version} listening on ' + process.env.PORT));\n`;
const addsTest =
  "const test = require('node:test');\nconst assert = require('node:assert');\ntest('adds', () => assert.equal(1 + 1, 2));\n";

async function seedRoom(files: Record<string, string>): Promise<RoomRef> {
  const em = db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Host', tier: 'enterprise' });
  const project = em.create(Project, { owner: user, name: `Run ${randomUUID().slice(0, 8)}`, framework: 'express' });
  for (const [path, content] of Object.entries(files))
    em.create(ProjectFile, { project, path, content, language: 'plaintext', size: Buffer.byteLength(content) });
  await em.flush();
  const room = { roomId: randomUUID(), projectId: project.id, ownerId: user.id };
  refs.set(room.roomId, room);
  return room;
}

/** GET / of the room's running preview, through the host socket the preview origin's proxy uses. */
async function fetchPreview(room: RoomRef): Promise<string> {
  const target = (await (await rooms.ensure(room)).sandbox.status()).preview?.target;
  if (!target || !('socketPath' in target)) throw new Error('no local preview');
  return new Promise((resolve, reject) => {
    request({ socketPath: target.socketPath, path: '/' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  const manager = new SandboxManager({ orm: db.orm, backend: local.backend, limits: DEFAULT_LIMITS, idleMs: 60_000, logger: silentLogger });
  rooms = new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger });
  terminals = new SharedTerminals({
    sandboxFor: async (roomId, print) => (await rooms.ensure(refs.get(roomId)!, print)).sandbox,
    logger: silentLogger,
  });
  runner = new RoomRunner({ terminals, sandboxes: rooms });
  const http = createServer();
  mountRoomTerminalRoutes(http, {
    terminals,
    access: async (req) => ({ ok: true, userId: String(req.headers['x-test-user']), canType: false }),
    logger: silentLogger,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
  teardown = async () => {
    terminals.close();
    await new Promise((resolve) => http.close(resolve));
  };
});
let teardown: (() => Promise<void>) | undefined;
afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});
afterAll(async () => {
  await teardown?.();
  await local?.dispose();
  await db?.dispose();
});

test("Test types the project's test command into the shared terminal, and everyone sees it run", async () => {
  const room = await seedRoom({
    'package.json': JSON.stringify({ name: 'r', scripts: { test: 'node --test', start: 'node server.js' } }),
    'test/math.test.js': addsTest,
  });
  const watcher = await TerminalClient.open(url, room.roomId, 'wen', clients);
  const result = await runner.run(room, 'test', ann);
  expect(result).toEqual({
    started: true,
    command: 'npm test',
    source: 'package.json "test"',
    sandboxId: (await rooms.find(room.roomId))!.id,
    previewPort: null,
  });
  expect(await watcher.gets('run')).toEqual({ type: 'run', command: 'npm test', by: ann });
  await watcher.sees(/(ℹ|#) pass 1\b/);
  expect(watcher.output).toMatch(/(ℹ|#) fail 0\b/);
});

test("Run serves the project as the room's preview with its output in the terminal; after an edit, Run serves the new code", async () => {
  const room = await seedRoom({
    'package.json': JSON.stringify({ name: 'r', scripts: { start: 'node server.js' } }),
    'server.js': server('v1'),
  });
  const watcher = await TerminalClient.open(url, room.roomId, 'wen', clients);
  expect(await runner.run(room, 'run', ann)).toMatchObject({ started: true, command: 'npm start', previewPort: 3000 });
  await watcher.sees('v1 listening on 3000');
  expect(await fetchPreview(room)).toBe('v1');
  await db.orm.em.fork().nativeUpdate(ProjectFile, { project: room.projectId, path: 'server.js' }, { content: server('v2') });
  expect(await runner.run(room, 'run', ann)).toMatchObject({ started: true, previewPort: 3001 });
  await watcher.sees('v2 listening on 3001');
  expect(await fetchPreview(room)).toBe('v2');
});

test('a project without the script gets the reason, and nothing is typed', async () => {
  const room = await seedRoom({
    'package.json': JSON.stringify({ name: 'r', scripts: { start: 'node server.js' } }),
    'server.js': server('v1'),
  });
  const watcher = await TerminalClient.open(url, room.roomId, 'wen', clients);
  expect(await runner.run(room, 'test', ann)).toEqual({ started: false, reason: 'package.json has no "test" script' });
  expect(watcher.controls.filter((c) => c.type === 'run')).toEqual([]);
});
