/**
 * Issue 14: Liveblocks tokens for coding rooms. `/liveblocks-auth` with `coding` mints by the room's rules
 * (participants write, viewers read, everyone else refused with the room's code), and an open socket lasts as
 * long as its holder's place in the room: a kick closes it within seconds and its token stops working, a
 * demotion closes a writer's socket. Against the real Liveblocks dev server, through the app's proxy.
 */
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { projectRoomId } from '../../../../contracts/collab';
import type { RoomRole } from '../../../../contracts/rooms';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { Room, RoomMember } from '../../../../core/rooms/room.entities';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, silentLogger, type Stack } from '../../../../test/harness';
import { testEnv, testLiveblocks } from '../../../../test/services';
import { joinRoom, until } from '../../../../test/security/liveblocks-peer';
import { LiveAccess } from '../../live-access';
import { RedisRoomEnforcer } from '../../rooms/room-enforcer';
import { LiveblocksGrants } from './liveblocks-grants';

type Person = { id: string; cookie: string };
let stack: Stack;
let http: string;
let gql: Gql;
let people: Record<'olga' | 'pia' | 'vic' | 'nora' | 'kim', Person>;
let projectId: string;
let otherProjectId: string;

const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';
const WRITE = ['room:write'];
const READ = ['room:read', 'room:presence:write'];

beforeAll(async () => {
  stack = await createStack({ config: testLiveblocks() });
  http = await stack.app.listen(0, '127.0.0.1');
  let signUp;
  ({ gql, signUp } = graphqlOver(http));
  people = {
    olga: await signUp('Olga'),
    pia: await signUp('Pia'),
    vic: await signUp('Vic'),
    nora: await signUp('Nora'),
    kim: await signUp('Kim'),
  };
  const create = async (name: string) =>
    (await gql<{ createProject: { id: string } }>(people.olga.cookie, CREATE, { i: { name, framework: 'express' } })).data!.createProject
      .id;
  projectId = await create('Pairing');
  otherProjectId = await create('Elsewhere');
});
afterAll(() => stack?.dispose());

/**
 * A room over `project` (Olga hosts) with its members, written as the room service would; the others are
 * present unless `kicked`.
 */
async function roomWith(
  members: Partial<Record<keyof typeof people, RoomRole | 'kicked'>>,
  visibility: Room['visibility'] = 'public',
  project = projectId,
) {
  const em = stack.db.orm.em.fork();
  const room = em.create(Room, { project, createdBy: people.olga.id, name: 'Pairing', visibility });
  em.create(RoomMember, { room, user: people.olga.id, role: 'host' });
  for (const [name, role] of Object.entries(members)) {
    const kicked = role === 'kicked' ? new Date() : null;
    em.create(RoomMember, {
      room,
      user: people[name as keyof typeof people].id,
      role: role === 'kicked' ? 'participant' : role,
      kickedAt: kicked,
      leftAt: kicked,
    });
  }
  await em.flush();
  return room.id;
}

/** Asks for a token for the project's Liveblocks room as `person`, entering from coding room `coding`. */
async function auth(person: Person | undefined, coding: string | undefined, project = projectId) {
  const res = await fetch(`${http}/liveblocks-auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(person ? { cookie: person.cookie } : {}) },
    body: JSON.stringify({ room: projectRoomId(project), coding }),
  });
  const body = (await res.json()) as { token?: string; code?: string };
  const claims = body.token
    ? (JSON.parse(Buffer.from(body.token.split('.')[1]!, 'base64url').toString()) as { perms: Record<string, string[]> })
    : null;
  return { status: res.status, code: body.code, token: body.token, scopes: claims?.perms[projectRoomId(project)] };
}

/** A raw room socket through the app: `first` is its first message type (104: the room state) or its close code. */
function roomSocket(token: string, project = projectId) {
  const url = `${http.replace('http', 'ws')}/v8?roomId=${encodeURIComponent(projectRoomId(project))}&tok=${token}&version=3.24.2`;
  const ws = new WebSocket(url, { headers: { origin: new URL(http).origin } });
  let closedWith: number | null = null;
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve((closedWith = code))));
  const first = new Promise<{ message?: number; close?: number }>((resolve) => {
    ws.once('message', (data) => resolve({ message: (JSON.parse(String(data)) as { type: number }).type }));
    void closed.then((close) => resolve({ close }));
  });
  return { ws, first, closed, closedWith: () => closedWith };
}

describe('POST /liveblocks-auth with coding', () => {
  it('gives a participant write access and a viewer read access with presence, as the room decides', async () => {
    const room = await roomWith({ pia: 'participant', vic: 'viewer' });
    expect(await auth(people.pia, room)).toMatchObject({ status: 200, scopes: WRITE });
    expect(await auth(people.vic, room)).toMatchObject({ status: 200, scopes: READ });
    expect(await auth(people.olga, room)).toMatchObject({ status: 200, scopes: WRITE });
    // Without `coding` the project decides, and inside a live room its participants edit its files and its
    // viewers read them (core/access/policy.ts canEditFiles), so the answer is the same.
    expect(await auth(people.pia, undefined)).toMatchObject({ status: 200, scopes: WRITE });
    expect(await auth(people.vic, undefined)).toMatchObject({ status: 200, scopes: READ });
  });

  it('refuses a non-member (ROOM_FORBIDDEN), a kicked member (ROOM_KICKED) and an unknown or hidden room (ROOM_NOT_FOUND) with 403', async () => {
    const open = await roomWith({ kim: 'kicked' });
    expect(await auth(people.nora, open)).toMatchObject({ status: 403, code: 'ROOM_FORBIDDEN', token: undefined });
    expect(await auth(people.kim, open)).toMatchObject({ status: 403, code: 'ROOM_KICKED', token: undefined });
    const unknown = await auth(people.nora, '00000000-0000-4000-8000-00000000beef');
    expect(unknown).toMatchObject({ status: 403, code: 'ROOM_NOT_FOUND' });
    expect(await auth(people.nora, await roomWith({}, 'private'))).toEqual(unknown);
    expect(await auth(people.nora, 'not-a-room')).toEqual(unknown);
  });

  it('refuses a member asking for another project than the room’s, a member who left, and a signed-out caller', async () => {
    const room = await roomWith({ pia: 'participant' });
    expect(await auth(people.pia, room, otherProjectId)).toMatchObject({ status: 403, code: 'ROOM_FORBIDDEN' });
    await stack.db.orm.em.fork().nativeUpdate(RoomMember, { room, user: people.pia.id }, { leftAt: new Date() });
    expect(await auth(people.pia, room)).toMatchObject({ status: 403, code: 'ROOM_FORBIDDEN' });
    expect(await auth(undefined, room)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('gives a participant only read access while the project is archived', async () => {
    const em = stack.db.orm.em.fork();
    const archived = em.create(Project, { owner: people.olga.id, name: 'Archived', framework: 'express', archivedAt: new Date() });
    await em.flush();
    const room = await roomWith({ pia: 'participant' }, 'public', archived.id);
    expect(await auth(people.pia, room, archived.id)).toMatchObject({ status: 200, scopes: READ });
  });
});

describe('a viewer in a room', () => {
  it('cannot change a document, whatever their client sends, while a participant’s edit lands', async () => {
    const room = await roomWith({ pia: 'participant', vic: 'viewer' });
    const em = stack.db.orm.em.fork();
    const content = 'export const answer = 41;\n';
    const file = em.create(ProjectFile, {
      project: projectId,
      path: 'src/viewer.ts',
      content,
      language: 'typescript',
      size: content.length,
    });
    await em.flush();
    await gql(people.olga.cookie, 'mutation($p: ID!, $f: ID!) { openFile(projectId: $p, fileId: $f) { readOnly } }', {
      p: projectId,
      f: file.id,
    });
    const pia = await joinRoom(http, people.pia.cookie, projectRoomId(projectId), room);
    const vic = await joinRoom(http, people.vic.cookie, projectRoomId(projectId), room);
    try {
      const piaText = await pia.text(file.id);
      await vic.text(file.id);
      expect([pia.room.getSelf()?.canWrite, vic.room.getSelf()?.canWrite]).toEqual([true, false]);
      vic.forceEdit(file.id, (text) => text.insert(0, '// the viewer was here\n'));
      await new Promise((r) => setTimeout(r, 500));
      pia.forceEdit(file.id, (text) => text.insert(text.length, 'export const question = 6 * 7;\n'));
      const stored = async () => (await stack.live!.read(projectId, file.id)) ?? '';
      const deadline = Date.now() + 10_000;
      while (!(await stored()).includes('question') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await stored()).toBe(`${content}export const question = 6 * 7;\n`);
      expect(piaText.toString()).not.toContain('the viewer was here');
    } finally {
      pia.leave();
      vic.leave();
    }
  });
});

describe('an open room socket follows its holder’s place in the room', () => {
  let redis: Redis;
  let otherProcess: RedisRoomEnforcer;
  let otherAccess: LiveAccess;
  beforeAll(async () => {
    // Another API process: its own Redis connection, LiveAccess and enforcer, on the same Redis and database.
    redis = new Redis(testEnv().redisUrl);
    otherAccess = new LiveAccess(stack.db.orm, silentLogger);
    otherProcess = new RedisRoomEnforcer({
      redis,
      liveAccess: otherAccess,
      grants: new LiveblocksGrants(redis),
      terminals: null,
      logger: silentLogger,
    });
    await otherProcess.ready;
  });
  afterAll(async () => {
    otherAccess.close();
    await otherProcess.close();
    redis.disconnect();
  });

  it('closes a kicked participant’s socket within seconds (kick from another API process), and refuses their old token', async () => {
    const room = await roomWith({ pia: 'participant', vic: 'viewer' });
    const { token } = await auth(people.pia, room);
    // A second tab's token, not connected yet: nothing re-checks it, only the revocation can stop it.
    const { token: spare } = await auth(people.pia, room);
    const pia = roomSocket(token!);
    const vic = roomSocket((await auth(people.vic, room)).token!);
    expect(await pia.first).toEqual({ message: 104 });
    expect(await vic.first).toEqual({ message: 104 });

    await stack.db.orm.em.fork().nativeUpdate(RoomMember, { room, user: people.pia.id }, { kickedAt: new Date(), leftAt: new Date() });
    await otherProcess.memberRemoved(room, people.pia.id);

    await until('the kicked participant’s socket closed', () => pia.closedWith() !== null, 5_000);
    expect(pia.closedWith()).toBe(4001);
    expect(await roomSocket(token!).first).toEqual({ close: 4109 });
    expect(await roomSocket(spare!).first).toEqual({ close: 4109 });
    expect(await auth(people.pia, room)).toMatchObject({ status: 403, code: 'ROOM_KICKED' });
    // Everyone else stays.
    expect(vic.closedWith()).toBeNull();
    vic.ws.close();
  });

  it('closes a kicked member’s socket even when no enforcement message arrives (the next LiveAccess tick)', async () => {
    const room = await roomWith({ pia: 'participant' });
    const { token } = await auth(people.pia, room);
    const pia = roomSocket(token!);
    expect(await pia.first).toEqual({ message: 104 });
    await stack.db.orm.em.fork().nativeUpdate(RoomMember, { room, user: people.pia.id }, { kickedAt: new Date(), leftAt: new Date() });
    await until('the kicked participant’s socket closed', () => pia.closedWith() !== null, 5_000);
    expect(pia.closedWith()).toBe(4001);
    expect(await roomSocket(token!).first).toEqual({ close: 4109 });
  });

  it('closes a participant’s writer socket when they are made a viewer; entering again gives a read-only seat', async () => {
    const room = await roomWith({ pia: 'participant', vic: 'viewer' });
    const pia = await joinRoom(http, people.pia.cookie, projectRoomId(projectId), room);
    const vic = await joinRoom(http, people.vic.cookie, projectRoomId(projectId), room);
    try {
      expect(pia.room.getSelf()?.canWrite).toBe(true);
      await stack.db.orm.em.fork().nativeUpdate(RoomMember, { room, user: people.pia.id }, { role: 'viewer' });
      await stack.app.createContext().roomEnforcer.memberRoleChanged(room, people.pia.id, 'viewer');
      await until('the demoted writer disconnected', () => pia.room.getStatus() === 'disconnected', 5_000);
      // A viewer's read socket is untouched by the change.
      expect(vic.room.getStatus()).toBe('connected');
      const again = await joinRoom(http, people.pia.cookie, projectRoomId(projectId), room);
      try {
        expect(again.room.getSelf()?.canWrite).toBe(false);
      } finally {
        again.leave();
      }
    } finally {
      pia.leave();
      vic.leave();
    }
  });
});
