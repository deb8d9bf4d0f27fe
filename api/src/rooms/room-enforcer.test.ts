/**
 * RedisRoomEnforcer between two API processes (two enforcers, each with its own LiveAccess and terminal hub, on
 * one Redis and one database): a change published by one reaches both; the person's room grants are revoked; the
 * database decides which streams end. The LiveAccess timers are an hour here, so only the message can end a stream.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { Project } from '../../../core/project/project.entity';
import { Room, RoomMember } from '../../../core/rooms/room.entities';
import { User } from '../../../core/user/user.entity';
import { createTestDatabase, silentLogger } from '../../../test/harness';
import { testEnv } from '../../../test/services';
import { until } from '../../../test/security/liveblocks-peer';
import { LiveblocksGrants } from '../http/collab/liveblocks-grants';
import { LiveAccess } from '../live-access';
import { ROOM_ENFORCE_CHANNEL, RedisRoomEnforcer, type TerminalControl } from './room-enforcer';

/** A terminal hub that records what it was asked (the real SharedTerminals is wired by the lead). */
class RecordingTerminals implements TerminalControl {
  readonly calls: unknown[][] = [];
  disconnect(...args: unknown[]) {
    this.calls.push(['disconnect', ...args]);
  }
  setAccess(...args: unknown[]) {
    this.calls.push(['setAccess', ...args]);
  }
}

interface Process {
  redis: Redis;
  access: LiveAccess;
  terminals: RecordingTerminals;
  enforcer: RedisRoomEnforcer;
}

let db: { orm: MikroORM; dispose(): Promise<void> };
let processes: [Process, Process];
let grants: LiveblocksGrants;
let olga: string;
let pia: string;

async function startProcess(): Promise<Process> {
  const redis = new Redis(testEnv().redisUrl);
  const access = new LiveAccess(db.orm, silentLogger, { intervalMs: 60 * 60_000 });
  const terminals = new RecordingTerminals();
  const enforcer = new RedisRoomEnforcer({
    redis,
    liveAccess: access,
    grants: new LiveblocksGrants(redis),
    terminals,
    logger: silentLogger,
  });
  await enforcer.ready;
  return { redis, access, terminals, enforcer };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  const [o, p] = ['olga', 'pia'].map((name) => em.create(User, { email: `${name}-${randomUUID()}@example.com`, displayName: name }));
  await em.flush();
  [olga, pia] = [o!.id, p!.id];
  processes = [await startProcess(), await startProcess()];
  grants = new LiveblocksGrants(processes[0].redis);
});
afterAll(async () => {
  for (const { access, enforcer, redis } of processes ?? []) {
    access.close();
    await enforcer.close();
    redis.disconnect();
  }
  await db?.dispose();
});

/** A room with Olga as host and Pia as participant. */
async function room(): Promise<string> {
  const em = db.orm.em.fork();
  const project = em.create(Project, { owner: olga, name: `Enforced ${randomUUID()}`, framework: 'express' });
  const created = em.create(Room, { project, createdBy: olga, name: 'Enforced', visibility: 'public' });
  em.create(RoomMember, { room: created, user: olga, role: 'host' });
  em.create(RoomMember, { room: created, user: pia, role: 'participant' });
  await em.flush();
  return created.id;
}

/** A live stream of `viewerId` in `roomId`, watched by `process`'s LiveAccess; `error` is what ended it. */
function stream(process: Process, roomId: string, viewerId: string, needs: 'read' | 'edit' = 'read') {
  const state: { ended: boolean; error: (Error & { code?: string }) | null } = { ended: false, error: null };
  process.access.watch({
    viewerId,
    sessionId: null,
    codingRoomId: roomId,
    needs,
    subscription: {
      get ended() {
        return state.ended;
      },
      fail: (error: Error) => Object.assign(state, { ended: true, error }),
    },
  });
  return state;
}

const token = (name: string) =>
  `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ name, exp: Date.now() / 1000 + 600 })).toString('base64url')}.`;

it('ends the removed member’s streams on every process, closes their terminal, and revokes only their room grants', async () => {
  const roomId = await room();
  const other = await room();
  const mine = [token('pia-1'), token('pia-2')];
  for (const t of mine) await grants.record(t, { room: 'project:x', access: 'write', viewerId: pia, codingRoomId: roomId });
  const kept = [token('olga'), token('pia-elsewhere')];
  await grants.record(kept[0]!, { room: 'project:x', access: 'write', viewerId: olga, codingRoomId: roomId });
  await grants.record(kept[1]!, { room: 'project:x', access: 'write', viewerId: pia, codingRoomId: other });
  const piaStreams = processes.map((p) => stream(p, roomId, pia));
  const olgaStream = stream(processes[1], roomId, olga);

  await db.orm.em.fork().nativeUpdate(RoomMember, { room: roomId, user: pia }, { kickedAt: new Date(), leftAt: new Date() });
  await processes[0].enforcer.memberRemoved(roomId, pia);

  expect(await Promise.all(mine.map((t) => grants.lookup(t)))).toEqual([null, null]);
  expect(await grants.lookup(kept[0])).not.toBeNull();
  expect(await grants.lookup(kept[1])).not.toBeNull();
  await until('both processes ended Pia’s streams', () => piaStreams.every((s) => s.ended));
  expect(piaStreams.map((s) => s.error?.code)).toEqual(['ROOM_KICKED', 'ROOM_KICKED']);
  await until('both terminal hubs told', () => processes.every((p) => p.terminals.calls.length > 0));
  for (const p of processes) expect(p.terminals.calls).toEqual([['disconnect', roomId, pia, 4403, expect.any(String)]]);
  expect(olgaStream.ended).toBe(false);
});

it('on a demotion ends the writer’s edit stream but not their read stream, and takes away typing; a promotion gives it back', async () => {
  const roomId = await room();
  for (const p of processes) p.terminals.calls.length = 0;
  const writer = stream(processes[1], roomId, pia, 'edit');
  const reader = stream(processes[1], roomId, pia, 'read');
  await db.orm.em.fork().nativeUpdate(RoomMember, { room: roomId, user: pia }, { role: 'viewer' });
  await processes[0].enforcer.memberRoleChanged(roomId, pia, 'viewer');
  await until('the writer’s stream ended', () => writer.ended);
  expect(writer.error?.code).toBe('ROOM_FORBIDDEN');
  expect(reader.ended).toBe(false);
  await processes[0].enforcer.memberRoleChanged(roomId, pia, 'moderator');
  await until('both hubs told twice', () => processes.every((p) => p.terminals.calls.length === 2));
  for (const p of processes) {
    expect(p.terminals.calls).toEqual([
      ['setAccess', roomId, pia, false],
      ['setAccess', roomId, pia, true],
    ]);
  }
});

it('ends nothing the database still allows (a late message after a re-join), and survives a malformed message', async () => {
  const roomId = await room();
  const piaStream = stream(processes[1], roomId, pia);
  await processes[0].redis.publish(ROOM_ENFORCE_CHANNEL, '{"kind":"removed","roomId":42}');
  await processes[0].redis.publish(ROOM_ENFORCE_CHANNEL, 'not json');
  await processes[0].enforcer.memberRemoved(roomId, pia);
  await until('the hub told of the removal', () => processes[1].terminals.calls.some((c) => c[1] === roomId));
  // tick() waits for the pass the message started and runs one more: neither finds a reason to end her stream.
  await processes[1].access.tick();
  expect(piaStream.ended).toBe(false);
});
