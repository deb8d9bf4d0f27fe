/**
 * The room's shared terminal over real WebSockets on a real HTTP server, its shell in the room's real bubblewrap
 * sandbox (RoomSandboxes over a real database). Room membership belongs to another module, so `access` here reads
 * the person and their role from test headers, in the shape the membership check returns.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import WebSocket, { WebSocketServer } from 'ws';
import { TerminalClient } from '../../../../test/fixtures/room-terminal-client';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger, waitFor } from '../../../../test/harness';
import { DEFAULT_LIMITS } from '../../../../core/limits/tiers';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { RoomSandboxes, type RoomRef } from '../../../../core/rooms/room-sandbox';
import { SandboxManager } from '../../../../core/sandbox/sandbox-manager';
import { User } from '../../../../core/user/user.entity';
import { mountRoomTerminalRoutes, type RoomTerminalAccess } from './room-terminal.routes';
import { SharedTerminals } from './shared-terminal';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let rooms: RoomSandboxes;
const roomRefs = new Map<string, RoomRef>();
/** Access checks the test holds until it says so (to land a kick while one runs). */
const held = new Map<string, { gate: Promise<void>; started: boolean }>();

async function seedRoom(files: Record<string, string> = { 'README.md': '# room\n' }): Promise<RoomRef> {
  const em = db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Host', tier: 'enterprise' });
  const project = em.create(Project, { owner: user, name: `Room ${randomUUID().slice(0, 8)}`, framework: 'express' });
  for (const [path, content] of Object.entries(files))
    em.create(ProjectFile, { project, path, content, language: 'plaintext', size: Buffer.byteLength(content) });
  await em.flush();
  const room = { roomId: randomUUID(), projectId: project.id, ownerId: user.id };
  roomRefs.set(room.roomId, room);
  return room;
}

/** Header `x-test-user: <id>:<role>`; roles host, participant, viewer; anything else is not a member. */
async function testAccess(req: IncomingMessage, roomId: string): Promise<RoomTerminalAccess> {
  const [userId, role] = String(req.headers['x-test-user'] ?? '').split(':');
  const hold = held.get(`${roomId}:${userId}`);
  if (hold) {
    hold.started = true;
    await hold.gate;
  }
  if (!userId) return { ok: false, status: 401 };
  if (!roomRefs.has(roomId)) return { ok: false, status: 404 };
  if (!['host', 'participant', 'viewer'].includes(role ?? '')) return { ok: false, status: 403 };
  return { ok: true, userId, canType: role !== 'viewer' };
}

/** A SharedTerminals wired as the API wires it, behind the route on its own server; torn down after the file. */
async function startServer(options: { graceMs?: number } = {}): Promise<{ terminals: SharedTerminals; url: string; server: Server }> {
  const terminals = new SharedTerminals({
    sandboxFor: async (roomId, print) => (await rooms.ensure(roomRefs.get(roomId)!, print)).sandbox,
    onActivity: (roomId) => void rooms.touch(roomId),
    logger: silentLogger,
    ...options,
  });
  const server = createServer();
  // Another upgrade route mounted first: the room route must hand it its paths.
  const echo = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => echo.handleUpgrade(req, socket, head, (ws) => ws.send('other-route')));
  mountRoomTerminalRoutes(server, { terminals, access: testAccess, logger: silentLogger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  teardowns.push(async () => {
    terminals.close();
    await new Promise((resolve) => server.close(resolve));
  });
  return { terminals, server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const teardowns: Array<() => Promise<void>> = [];
const clients: TerminalClient[] = [];
let main: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  const manager = new SandboxManager({ orm: db.orm, backend: local.backend, limits: DEFAULT_LIMITS, idleMs: 60_000, logger: silentLogger });
  rooms = new RoomSandboxes({ orm: db.orm, manager, logger: silentLogger });
  main = await startServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});
afterAll(async () => {
  for (const teardown of teardowns.reverse()) await teardown();
  await local?.dispose();
  await db?.dispose();
});

test("two people on one room terminal: what one types, both see; the shell runs in the room's sandbox", async () => {
  const room = await seedRoom({ 'notes/plan.md': 'ship it\n' });
  const alice = await TerminalClient.open(main.url, room.roomId, 'alice:host', clients);
  const bob = await TerminalClient.open(main.url, room.roomId, 'bob:participant', clients);
  alice.type('cat notes/plan.md; echo hello-$((6*7))\r');
  await alice.sees('hello-42');
  await bob.sees('hello-42');
  expect(bob.output).toContain('ship it');
  expect(await alice.gets('access')).toEqual({ type: 'access', canType: true });
  expect(main.terminals.stats(room.roomId)).toMatchObject({ sockets: 2, shellPid: expect.any(Number) });
  expect((await rooms.find(room.roomId))?.status).toBe('RUNNING');
});

test("a viewer's input is dropped and they are told once; everyone else's output still reaches them", async () => {
  const room = await seedRoom();
  const host = await TerminalClient.open(main.url, room.roomId, 'hana:host', clients);
  const viewer = await TerminalClient.open(main.url, room.roomId, 'vic:viewer', clients);
  expect(await viewer.gets('access')).toEqual({ type: 'access', canType: false });
  viewer.type('echo viewer-$((1+1))\r');
  expect(await viewer.gets('readonly')).toEqual({ type: 'readonly' });
  viewer.type('echo viewer-$((2+2))\r');
  host.type('echo marker-$((2+3))\r');
  await viewer.sees('marker-5');
  await host.sees('marker-5');
  expect(viewer.controls.filter((c) => c.type === 'readonly')).toHaveLength(1);
  expect(host.output + viewer.output).not.toMatch(/viewer-/);
});

test('setAccess turns a participant into a viewer and back, on their open socket', async () => {
  const room = await seedRoom();
  const host = await TerminalClient.open(main.url, room.roomId, 'hal:host', clients);
  const pat = await TerminalClient.open(main.url, room.roomId, 'pat:participant', clients);
  expect(main.terminals.setAccess(room.roomId, 'pat', false)).toBe(1);
  expect(await pat.gets('access', 2)).toEqual({ type: 'access', canType: false });
  pat.type('echo pat-$((3*3))\r');
  await pat.gets('readonly');
  host.type('echo after-demotion-$((1+1))\r');
  await host.sees('after-demotion-2');
  expect(host.output).not.toContain('pat-9');
  main.terminals.setAccess(room.roomId, 'pat', true);
  expect(await pat.gets('access', 3)).toEqual({ type: 'access', canType: true });
  pat.type('echo pat-$((3*3))\r');
  await host.sees('pat-9');
});

test("disconnect closes only that person's sockets, with the given code, and the terminal goes on for the rest", async () => {
  const room = await seedRoom();
  const host = await TerminalClient.open(main.url, room.roomId, 'hugo:host', clients);
  const kay = [
    await TerminalClient.open(main.url, room.roomId, 'kay:participant', clients),
    await TerminalClient.open(main.url, room.roomId, 'kay:participant', clients),
  ];
  expect(main.terminals.disconnect(room.roomId, 'kay', 4403, 'Removed from the room')).toBe(2);
  for (const socket of kay) expect(await socket.closed).toEqual({ code: 4403, reason: 'Removed from the room' });
  host.type('echo still-here-$((4*4))\r');
  await host.sees('still-here-16');
  expect(main.terminals.stats(room.roomId)?.sockets).toBe(1);
});

test("a kick that lands while someone's access check runs still keeps them out", async () => {
  const room = await seedRoom();
  let release!: () => void;
  const hold = { gate: new Promise<void>((resolve) => (release = resolve)), started: false };
  held.set(`${room.roomId}:kim`, hold);
  const opening = TerminalClient.open(main.url, room.roomId, 'kim:participant', clients);
  await waitFor('the access check to start', async () => hold.started);
  main.terminals.disconnect(room.roomId, 'kim');
  release();
  const kim = await opening;
  expect(await kim.closed).toEqual({ code: 4403, reason: 'Removed from the room' });
});

test('someone who joins later gets the scrollback', async () => {
  const room = await seedRoom();
  const early = await TerminalClient.open(main.url, room.roomId, 'eve:host', clients);
  early.type('echo early-$((5*5))\r');
  await early.sees('early-25');
  const late = await TerminalClient.open(main.url, room.roomId, 'leo:viewer', clients);
  await late.sees('early-25');
});

test('run() types a command into the shared shell and tells everyone who ran what', async () => {
  const room = await seedRoom();
  const a = await TerminalClient.open(main.url, room.roomId, 'ann:host', clients);
  const b = await TerminalClient.open(main.url, room.roomId, 'ben:viewer', clients);
  a.type('echo sleeping-$((1+1)); sleep 600\r');
  await a.sees('sleeping-2');
  await main.terminals.run(room.roomId, 'echo run-$((7*6))', { id: 'ann', name: 'Ann' });
  for (const c of [a, b]) {
    await c.sees('run-42');
    expect(await c.gets('run')).toEqual({ type: 'run', command: 'echo run-$((7*6))', by: { id: 'ann', name: 'Ann' } });
  }
  await expect(main.terminals.run(room.roomId, 'echo a\recho b', { id: 'ann', name: 'Ann' })).rejects.toThrow('command');
});

test("the PTY takes the smallest size among those who may type; a viewer's size does not count", async () => {
  const room = await seedRoom();
  const wide = await TerminalClient.open(main.url, room.roomId, 'wes:host', clients, {}, '?cols=150&rows=50');
  const narrow = await TerminalClient.open(main.url, room.roomId, 'nia:participant', clients, {}, '?cols=90&rows=40');
  await TerminalClient.open(main.url, room.roomId, 'val:viewer', clients, {}, '?cols=20&rows=5');
  expect(await wide.gets('size', 2)).toEqual({ type: 'size', cols: 90, rows: 40 });
  narrow.ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 45 }));
  expect(await wide.gets('size', 3)).toEqual({ type: 'size', cols: 120, rows: 45 });
  wide.type('stty size\r');
  await wide.sees('45 120');
});

test('malformed, binary and oversized frames are ignored; the socket and shell go on', async () => {
  const room = await seedRoom();
  const c = await TerminalClient.open(main.url, room.roomId, 'mal:host', clients);
  c.ws.send('not json');
  c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
  c.ws.send(JSON.stringify({ type: 'input', data: 42 }));
  c.ws.send(JSON.stringify({ type: 'resize', cols: 'x', rows: null }));
  c.type(`echo big-${'x'.repeat(70 * 1024)}\r`);
  c.type('echo fine-$((8*8))\r');
  await c.sees('fine-64');
  expect(c.output).not.toContain('big-x');
  c.ws.send('x'.repeat(200 * 1024));
  expect((await c.closed).code).toBe(1009);
});

test('after the last socket leaves the shell lives through the grace period, then is killed', async () => {
  const room = await seedRoom();
  const quick = await startServer({ graceMs: 300 });
  const first = await TerminalClient.open(quick.url, room.roomId, 'gus:host', clients);
  first.type('export MARK=kept; echo ready-$((1+1))\r');
  await first.sees('ready-2');
  const pid = quick.terminals.stats(room.roomId)!.shellPid!;
  first.ws.close();
  await waitFor('the room terminal to go', async () => quick.terminals.stats(room.roomId) === null);
  await waitFor('the shell to die', async () => !alive(pid));
  const again = await TerminalClient.open(quick.url, room.roomId, 'gus:host', clients);
  again.type('echo mark=$MARK-end\r');
  await again.sees('mark=-end');
  expect(again.output).not.toContain('ready-2');
});

test('a reload within the grace period finds the same shell', async () => {
  const room = await seedRoom();
  const first = await TerminalClient.open(main.url, room.roomId, 'rei:host', clients);
  first.type('export MARK=kept; echo set-$((2+2))\r');
  await first.sees('set-4');
  first.ws.close();
  await first.closed;
  const again = await TerminalClient.open(main.url, room.roomId, 'rei:host', clients);
  again.type('echo mark=$MARK-end\r');
  await again.sees('mark=kept-end');
});

test('closeRoom kills the shell and closes every socket; the route refuses strangers, anonymous and foreign origins', async () => {
  const room = await seedRoom();
  const a = await TerminalClient.open(main.url, room.roomId, 'cam:host', clients);
  a.type('echo up-$((1+2))\r');
  await a.sees('up-3');
  const pid = main.terminals.stats(room.roomId)!.shellPid!;
  main.terminals.closeRoom(room.roomId);
  expect(await a.closed).toEqual({ code: 4410, reason: 'The room was closed' });
  expect(main.terminals.stats(room.roomId)).toBeNull();
  await waitFor('the shell to die', async () => !alive(pid));
  await expect(TerminalClient.open(main.url, room.roomId, 'zed:stranger', clients)).rejects.toThrow('refused 403');
  await expect(TerminalClient.open(main.url, room.roomId, '', clients)).rejects.toThrow('refused 401');
  await expect(TerminalClient.open(main.url, randomUUID(), 'cam:host', clients)).rejects.toThrow('refused 404');
  await expect(TerminalClient.open(main.url, room.roomId, 'cam:host', clients, { origin: 'https://evil.example' })).rejects.toThrow(
    'refused 403',
  );
  const other = new WebSocket(`${main.url}/graphql`);
  expect(await new Promise((resolve) => other.once('message', (d: Buffer) => resolve(d.toString())))).toBe('other-route');
  other.close();
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
