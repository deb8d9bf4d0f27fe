import { randomUUID } from 'node:crypto';
import { RoomEventType } from '../../../../contracts/rooms';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { ConcurrencyLimiter } from '../../../../core/limits/concurrency-limiter';
import { RoomActivityNotifier } from '../../../../core/rooms/room-activity';
import { Room, RoomMember } from '../../../../core/rooms/room.entities';
import { CREATE, JOIN, LEAVE, ROOM, codeOf, createRoomsKit, type RoomsKit } from '../../../../test/fixtures/rooms';

let kit: RoomsKit;
let ada: string; // enterprise: no concurrent-rooms limit, capacity up to 100
let bob: string;
let tim: string; // in ada's team
let projectId: string;
let teamProjectId: string;

beforeAll(async () => {
  kit = await createRoomsKit();
  [ada, bob, tim] = [await kit.person('Ada', 'enterprise'), await kit.person('Bob'), await kit.person('Tim')];
  const teamId = await kit.team(ada, [tim]);
  projectId = await kit.project(ada, { visibility: 'public' });
  teamProjectId = await kit.project(ada, { teamId, visibility: 'team' });
});
afterAll(() => kit?.dispose());

const UPDATE =
  'mutation($r: ID!, $i: UpdateRoomInput!) { updateRoom(id: $r, input: $i) { name description visibility capacity hasPassword } }';
const THEME = 'mutation($r: ID!, $t: String) { setRoomTheme(roomId: $r, themeId: $t) { themeId } }';
const LIST =
  'query($s: RoomListScope!, $p: ID, $a: Boolean, $l: Int) { rooms(scope: $s, projectId: $p, includeArchived: $a, limit: $l) { id } }';
const DELETE = 'mutation($r: ID!) { deleteRoom(id: $r) }';
const REOPEN = 'mutation($r: ID!) { reopenRoom(roomId: $r) { status me { present } } }';
const END = 'mutation($r: ID!) { endRoom(roomId: $r) { status } }';
const listed = async (viewer: string, variables: Record<string, unknown>) =>
  ((await kit.gql(LIST, variables, viewer)).data?.rooms as Array<{ id: string }>).map((r) => r.id);

describe('createRoom', () => {
  it('makes the creator its host, inside, takes their lease, starts the lifecycle with their join and audits', async () => {
    const result = await kit.gql(
      CREATE,
      { i: { projectId, name: '  Pairing on auth ', description: 'bring tea', visibility: 'public', password: 'open sesame' } },
      ada,
    );
    expect(result.errors).toBeUndefined();
    const room = result.data!.createRoom as { id: string };
    expect(room).toMatchObject({
      name: 'Pairing on auth',
      description: 'bring tea',
      visibility: 'public',
      status: 'created',
      locked: false,
      hasPassword: true,
      capacity: 10,
      maxCapacity: 100,
      presentCount: 1,
      themeId: null,
      me: { role: 'host', present: true, mutedUntil: null },
      host: { userId: ada },
      members: [{ userId: ada, role: 'host', present: true, displayName: 'Ada' }],
    });
    expect(await kit.workflow(room.id)).toEqual({
      type: 'roomWorkflow',
      taskQueue: kit.stack.taskQueue,
      input: { roomId: room.id, session: 1 },
      signals: [{ name: 'roomActivity', body: { kind: 'join', userId: ada } }],
    });
    expect(await new ConcurrencyLimiter(kit.stack.redis).holders(ada, 'rooms')).toContain(room.id);
    const audit = await kit.stack.db.orm.em.fork().find(AuditEvent, { action: 'room.created', target: `room:${room.id}` });
    expect(audit).toMatchObject([{ actorId: ada, data: { projectId, visibility: 'public' } }]);
    // The password is stored as an argon2id hash only.
    const stored = await kit.stack.db.orm.em.fork().findOneOrFail(Room, { id: room.id });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses bad input field by field', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(81) }, 'name'],
      [{ description: 'x'.repeat(501) }, 'description'],
      [{ visibility: 'secret' }, 'visibility'],
      [{ password: 'abc' }, 'password'],
      [{ password: 'x'.repeat(129) }, 'password'],
      [{ capacity: 1 }, 'capacity'],
      [{ capacity: 101 }, 'capacity'],
    ];
    for (const [input, field] of bad) {
      const result = await kit.gql(CREATE, { i: { projectId, name: 'Room', ...input } }, ada);
      expect({ field, extensions: result.errors?.[0]?.extensions }).toMatchObject({ field, extensions: { code: 'BAD_USER_INPUT', field } });
    }
    // Capacity is bounded by the creator's tier: free allows 10.
    const free = await kit.gql(CREATE, { i: { projectId: await kit.project(bob), name: 'Room', capacity: 11 } }, bob);
    expect(free.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'capacity' },
      message: expect.stringMatching(/at most 10/),
    });
  });

  it('needs project:update on a live project', async () => {
    expect(codeOf(await kit.gql(CREATE, { i: { projectId, name: 'Room' } }, bob))).toBe('FORBIDDEN');
    expect(codeOf(await kit.gql(CREATE, { i: { projectId: await kit.project(ada), name: 'Room' } }, bob))).toBe('NOT_FOUND');
    expect(codeOf(await kit.gql(CREATE, { i: { projectId: randomUUID(), name: 'Room' } }, ada))).toBe('NOT_FOUND');
    expect(codeOf(await kit.gql(CREATE, { i: { projectId: await kit.project(ada, { archivedAt: new Date() }), name: 'Room' } }, ada))).toBe(
      'PROJECT_ARCHIVED',
    );
    expect(codeOf(await kit.gql(CREATE, { i: { projectId, name: 'Room' } }, null))).toBe('UNAUTHENTICATED');
    // A team member may open rooms on a team-visible project of the team.
    expect(codeOf(await kit.gql(CREATE, { i: { projectId: teamProjectId, name: 'Team room' } }, tim))).toBeUndefined();
  });

  it("enforces the tier's concurrent rooms (free: 2) with the lease limiter, and creates nothing when refused", async () => {
    const fay = await kit.person('Fay');
    const own = await kit.project(fay);
    try {
      await kit.room(fay, { projectId: own, name: 'One' });
      await kit.room(fay, { projectId: own, name: 'Two' });
      const third = await kit.gql(CREATE, { i: { projectId: own, name: 'Three' } }, fay);
      expect(third.errors?.[0]?.extensions).toMatchObject({ code: 'CONCURRENT_LIMIT_EXCEEDED', kind: 'rooms', limit: 2 });
      expect(await kit.stack.db.orm.em.fork().count(Room, { createdBy: fay })).toBe(2);
    } finally {
      await kit.stack.redis.del(ConcurrencyLimiter.key(fay, 'rooms'));
    }
  });
});

describe('rooms (listing)', () => {
  let privateRoom: string;
  let teamRoom: string;
  let publicRoom: string;

  beforeAll(async () => {
    privateRoom = await kit.room(ada, { projectId, name: 'Private' });
    teamRoom = await kit.room(ada, { projectId: teamProjectId, name: 'Team', visibility: 'team' });
    publicRoom = await kit.room(ada, { projectId, name: 'Public', visibility: 'public' });
    // Newest activity first: the team room was active last.
    await kit.patchRoom(privateRoom, { lastActivityAt: new Date(Date.now() + 1_000) });
    await kit.patchRoom(teamRoom, { lastActivityAt: new Date(Date.now() + 2_000) });
  });

  it('lists MINE, TEAM and PUBLIC rooms the viewer may see, newest activity first', async () => {
    expect((await listed(ada, { s: 'MINE', p: projectId })).slice(0, 2)).toEqual([privateRoom, publicRoom]);
    expect((await listed(ada, { s: 'MINE' }))[0]).toBe(teamRoom);
    expect(await listed(tim, { s: 'TEAM' })).toContain(teamRoom);
    expect(await listed(bob, { s: 'TEAM' })).not.toContain(teamRoom);
    const publicForBob = await listed(bob, { s: 'PUBLIC' });
    expect(publicForBob).toContain(publicRoom);
    expect(publicForBob).not.toContain(privateRoom);
    expect(await listed(bob, { s: 'MINE' })).toEqual([]);
    await kit.join(bob, publicRoom);
    expect(await listed(bob, { s: 'MINE' })).toEqual([publicRoom]);
    expect(await listed(bob, { s: 'PUBLIC', p: randomUUID() })).toEqual([]);
  });

  it('shows archived rooms only with includeArchived, and refuses a bad limit', async () => {
    const old = await kit.room(ada, { projectId, name: 'Old' });
    await kit.patchRoom(old, { status: 'archived', archivedAt: new Date() });
    expect(await listed(ada, { s: 'MINE' })).not.toContain(old);
    expect(await listed(ada, { s: 'MINE', a: true })).toContain(old);
    expect(await listed(ada, { s: 'MINE', l: 1 })).toHaveLength(1);
    for (const l of [0, 101]) expect(codeOf(await kit.gql(LIST, { s: 'MINE', l }, ada))).toBe('BAD_USER_INPUT');
    expect(codeOf(await kit.gql(LIST, { s: 'PUBLIC' }, null))).toBe('UNAUTHENTICATED');
  });
});

describe('room, joinRoom and leaveRoom', () => {
  it('joins, re-enters as a no-op, leaves, with events and one debounced activity signal', async () => {
    const roomId = await kit.room(ada, { projectId, name: 'Open', visibility: 'public' });
    const first = await kit.gql(JOIN, { r: roomId }, bob);
    expect(first.data?.joinRoom).toMatchObject({ presentCount: 2, me: { role: 'participant', present: true } });
    expect((await kit.gql(JOIN, { r: roomId }, bob)).data?.joinRoom).toMatchObject({ presentCount: 2 });
    await kit.join(tim, roomId);
    expect((await kit.gql(LEAVE, { r: roomId }, bob)).data).toEqual({ leaveRoom: true });
    expect((await kit.gql(LEAVE, { r: roomId }, bob)).data).toEqual({ leaveRoom: false });
    expect((await kit.gql(ROOM, { r: roomId }, bob)).data?.room).toMatchObject({ presentCount: 2, me: { present: false }, members: [] });
    const events = await kit.events(roomId);
    expect(events.map(([type, data]) => [type, (data?.member as { userId: string }).userId])).toEqual([
      [RoomEventType.MEMBER_JOINED, bob],
      [RoomEventType.MEMBER_JOINED, tim],
      [RoomEventType.MEMBER_LEFT, bob],
    ]);
    expect(events[2]![1]).toMatchObject({ member: { present: false, role: 'participant', displayName: 'Bob' } });
    // Bob's join signalled the lifecycle; Tim's, within the debounce window, did not.
    expect((await kit.workflow(roomId)).signals.map((s) => s.body)).toEqual([
      { kind: 'join', userId: ada },
      { kind: 'join', userId: bob },
    ]);
  });

  it('answers ROOM_NOT_FOUND for unknown, malformed and invisible rooms, ROOM_ARCHIVED for archived ones', async () => {
    const hidden = await kit.room(ada, { projectId, name: 'Hidden' });
    for (const r of [randomUUID(), 'nope', hidden]) {
      expect(codeOf(await kit.gql(ROOM, { r }, bob))).toBe('ROOM_NOT_FOUND');
      expect(codeOf(await kit.gql(JOIN, { r }, bob))).toBe('ROOM_NOT_FOUND');
      expect(codeOf(await kit.gql(LEAVE, { r }, bob))).toBe('ROOM_NOT_FOUND');
    }
    expect(codeOf(await kit.gql(ROOM, { r: hidden }, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await kit.gql(JOIN, {}, bob))).toBe('BAD_USER_INPUT');
    const archived = await kit.room(ada, { projectId, name: 'Archived', visibility: 'public' });
    await kit.patchRoom(archived, { status: 'archived', archivedAt: new Date() });
    expect(codeOf(await kit.gql(JOIN, { r: archived }, bob))).toBe('ROOM_ARCHIVED');
  });
});

describe('updateRoom, setRoomTheme, deleteRoom, reopenRoom, endRoom', () => {
  it('lets the host change the settings and theme (participants may not), publishing each change', async () => {
    const roomId = await kit.room(ada, { projectId, name: 'Settings', visibility: 'public', password: 'first pass' });
    await kit.join(bob, roomId, { password: 'first pass' });
    const input = { name: 'Renamed', description: 'new', visibility: 'team', capacity: 50, password: '' };
    expect((await kit.gql(UPDATE, { r: roomId, i: input }, ada)).data?.updateRoom).toEqual({
      name: 'Renamed',
      description: 'new',
      visibility: 'team',
      capacity: 50,
      hasPassword: false,
    });
    expect(codeOf(await kit.gql(UPDATE, { r: roomId, i: { name: 'Mine now' } }, bob))).toBe('ROOM_FORBIDDEN');
    for (const i of [{ capacity: 101 }, { name: '' }, { password: 'abc' }, { visibility: 'everyone' }]) {
      expect(codeOf(await kit.gql(UPDATE, { r: roomId, i }, ada))).toBe('BAD_USER_INPUT');
    }
    expect((await kit.gql(THEME, { r: roomId, t: 'tokyo-night' }, ada)).data).toEqual({ setRoomTheme: { themeId: 'tokyo-night' } });
    expect(codeOf(await kit.gql(THEME, { r: roomId, t: 'Tokyo Night' }, ada))).toBe('BAD_USER_INPUT');
    expect(codeOf(await kit.gql(THEME, { r: roomId, t: 'x'.repeat(65) }, ada))).toBe('BAD_USER_INPUT');
    expect(codeOf(await kit.gql(THEME, { r: roomId, t: 'no-such-theme' }, ada))).toBe('BAD_USER_INPUT');
    expect(codeOf(await kit.gql(THEME, { r: roomId, t: 'night-owl' }, bob))).toBe('ROOM_FORBIDDEN');
    expect((await kit.gql(THEME, { r: roomId, t: null }, ada)).data).toEqual({ setRoomTheme: { themeId: null } });
    const types = (await kit.events(roomId)).map(([type]) => type);
    expect(types).toEqual([
      RoomEventType.MEMBER_JOINED,
      RoomEventType.ROOM_UPDATED,
      RoomEventType.THEME_CHANGED,
      RoomEventType.THEME_CHANGED,
    ]);
    expect((await kit.events(roomId))[1]![1]).toMatchObject({ room: { name: 'Renamed', hasPassword: false, capacity: 50 } });
  });

  it('deletes for the host only, with the chat and members; the lease is released', async () => {
    const roomId = await kit.room(ada, { projectId, name: 'Doomed', visibility: 'public' });
    await kit.join(bob, roomId);
    expect(codeOf(await kit.gql(DELETE, { r: roomId }, bob))).toBe('ROOM_FORBIDDEN');
    // The lifecycle is gone (as after a crash): deleting does not wait for it.
    await kit.stack.temporal.workflow.getHandle(workflowIds.room(roomId, 1)).terminate('gone');
    // Activity in a room without a lifecycle is no failure: Tim's join finds no workflow to signal and goes through.
    await kit.stack.redis.del(RoomActivityNotifier.debounceKey(roomId));
    expect(codeOf(await kit.gql(JOIN, { r: roomId }, tim))).toBeUndefined();
    expect((await kit.gql(DELETE, { r: roomId }, ada)).data).toEqual({ deleteRoom: true });
    expect(codeOf(await kit.gql(ROOM, { r: roomId }, ada))).toBe('ROOM_NOT_FOUND');
    expect(await kit.stack.db.orm.em.fork().count(RoomMember, { room: roomId })).toBe(0);
    expect(await new ConcurrencyLimiter(kit.stack.redis).holders(ada, 'rooms')).not.toContain(roomId);
    expect((await kit.events(roomId)).at(-1)).toEqual([RoomEventType.ROOM_ARCHIVED, { room: { id: roomId }, deleted: true }]);
    expect(await kit.stack.db.orm.em.fork().count(AuditEvent, { action: 'room.deleted', target: `room:${roomId}` })).toBe(1);
  });

  it('reopens an archived room as a new session for its host or a moderator, with a new lifecycle', async () => {
    const roomId = await kit.room(ada, { projectId, name: 'Again', visibility: 'public' });
    await kit.join(bob, roomId);
    // What the lifecycle leaves behind at archive: everyone out, status archived.
    await kit.patchRoom(roomId, { status: 'archived', archivedAt: new Date() });
    await kit.stack.db.orm.em.fork().nativeUpdate(RoomMember, { room: roomId }, { leftAt: new Date() });
    expect(codeOf(await kit.gql(END, { r: roomId }, ada))).toBe('ROOM_ARCHIVED');
    expect(codeOf(await kit.gql(UPDATE, { r: roomId, i: { name: 'x' } }, ada))).toBe('ROOM_ARCHIVED');
    expect(codeOf(await kit.gql(REOPEN, { r: roomId }, bob))).toBe('ROOM_FORBIDDEN');
    expect((await kit.gql(REOPEN, { r: roomId }, ada)).data?.reopenRoom).toEqual({ status: 'created', me: { present: true } });
    expect(await kit.stack.db.orm.em.fork().findOneOrFail(Room, { id: roomId })).toMatchObject({ session: 2, archivedAt: null });
    expect(await kit.workflow(roomId, 2)).toMatchObject({ type: 'roomWorkflow', input: { roomId, session: 2 } });
    expect((await kit.events(roomId)).at(-1)![0]).toBe(RoomEventType.ROOM_REOPENED);
    // Reopening a live room changes nothing.
    expect((await kit.gql(REOPEN, { r: roomId }, ada)).data?.reopenRoom).toEqual({ status: 'created', me: { present: true } });
  });

  it('ends a room for host and moderators only', async () => {
    const roomId = await kit.room(ada, { projectId, name: 'Ending', visibility: 'public' });
    await kit.join(bob, roomId);
    expect(codeOf(await kit.gql(END, { r: roomId }, bob))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await kit.gql(END, { r: roomId }, tim))).toBe('ROOM_FORBIDDEN');
  });
});
