import { randomUUID } from 'node:crypto';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { RoomEventType, type RoomRole } from '../../../../contracts/rooms';
import { Project } from '../../../../core/project/project.entity';
import { RoomEventStream, toRoomEvent } from '../../../../core/rooms/room-event-stream';
import { Room, RoomMember, RoomMessage, UserNotification } from '../../../../core/rooms/room.entities';
import { User } from '../../../../core/user/user.entity';
import { createStack, type Stack } from '../../../../test/harness';
import { chatResolvers } from './chat.resolvers';

/** Chat through the API on real PostgreSQL and Redis; rooms and members are seeded as rows (the room service is apart). */
let stack: Stack;
let roomEvents: RoomEventStream;
let projectId: string;
const people: Record<'host' | 'mod' | 'pat' | 'ann' | 'vic' | 'mute' | 'stranger', string> = {} as never;

const MESSAGE =
  'id roomId authorKind authorId authorName agentRole body snippet { language code } refs { path line } mentions replyTo status editedAt deleted createdAt';
const SEND = `mutation($i: SendRoomMessageInput!) { sendRoomMessage(input: $i) { ${MESSAGE} } }`;
const EDIT = `mutation($id: ID!, $body: String!) { editRoomMessage(id: $id, body: $body) { ${MESSAGE} } }`;
const DELETE = `mutation($id: ID!) { deleteRoomMessage(id: $id) { ${MESSAGE} } }`;
const PAGE = 'query($r: ID!, $b: String, $l: Int) { roomMessages(roomId: $r, before: $b, limit: $l) { messages { id body } before } }';
const NOTIFICATIONS = 'query($u: Boolean) { notifications(unreadOnly: $u) { id kind text roomId messageId read } }';
const MARK_READ = 'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }';

type Message = {
  id: string;
  body: string;
  deleted: boolean;
  refs: { path: string; line: number }[];
  mentions: string[];
  [k: string]: unknown;
};

beforeAll(async () => {
  stack = await createStack({ live: false });
  roomEvents = new RoomEventStream(stack.redis, { blockMs: 500 });
  const em = stack.db.orm.em.fork();
  const names = { host: 'Hana Host', mod: 'Moe', pat: 'Pat', ann: 'Ann Marie', vic: 'Vic', mute: 'Mutt', stranger: 'Stan' };
  for (const [key, displayName] of Object.entries(names)) {
    people[key as keyof typeof people] = em.create(User, { email: `${key}-${randomUUID()}@example.com`, displayName }).id;
  }
  projectId = em.create(Project, { owner: people.host, name: `chat-${randomUUID().slice(0, 8)}`, framework: 'express' }).id;
  await em.flush();
});
afterAll(async () => {
  roomEvents?.close();
  await stack?.dispose();
});

/** A private room with the usual cast: host, moderator, two participants, a viewer and a muted participant. */
async function seedRoom(): Promise<string> {
  const em = stack.db.orm.em.fork();
  const room = em.create(Room, { project: projectId, createdBy: people.host, name: 'Pairing on auth', status: 'active' });
  const roles: [keyof typeof people, RoomRole][] = [
    ['host', 'host'],
    ['mod', 'moderator'],
    ['pat', 'participant'],
    ['ann', 'participant'],
    ['vic', 'viewer'],
    ['mute', 'participant'],
  ];
  for (const [who, role] of roles) {
    em.create(RoomMember, { room, user: people[who], role, ...(who === 'mute' ? { mutedUntil: new Date(Date.now() + 3_600_000) } : {}) });
  }
  await em.flush();
  return room.id;
}

async function execute(query: string, variables: Record<string, unknown>, viewerId: string) {
  const response = await stack.app.apollo.executeOperation({ query, variables }, { contextValue: stack.app.createContext(viewerId) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as {
    data?: Record<string, never> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}
const code = (result: Awaited<ReturnType<typeof execute>>) => result.errors?.[0]?.extensions?.code;
async function send(viewerId: string, roomId: string, body: string, extra: Record<string, unknown> = {}): Promise<Message> {
  const result = await execute(SEND, { i: { roomId, body, ...extra } }, viewerId);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.sendRoomMessage as Message;
}

describe('sending', () => {
  it('stores the message with its snippet and file references and publishes it as the API shows it', async () => {
    const roomId = await seedRoom();
    const cursor = await roomEvents.cursor(roomId);
    const sent = await send(people.pat, roomId, '  The bug is in src/auth/login.ts:42-48, not package.json:3  ', {
      snippet: { language: 'TypeScript', code: 'if (!user) return null;' },
    });
    expect(sent).toMatchObject({
      roomId,
      authorKind: 'user',
      authorId: people.pat,
      authorName: 'Pat',
      body: 'The bug is in src/auth/login.ts:42-48, not package.json:3',
      snippet: { language: 'typescript', code: 'if (!user) return null;' },
      refs: [
        { path: 'src/auth/login.ts', line: 42 },
        { path: 'package.json', line: 3 },
      ],
      mentions: [],
      status: 'complete',
      editedAt: null,
      deleted: false,
    });
    const events = await roomEvents.read(roomId, cursor);
    expect(events.map((e) => [e.type, e.data])).toEqual([[RoomEventType.MESSAGE_CREATED, sent]]);
    expect(await stack.db.orm.em.fork().count(RoomMessage, { room: roomId })).toBe(1);
  });

  it('delivers a message live to a subscriber of the room stream', async () => {
    const roomId = await seedRoom();
    const subscription = roomEvents.subscribe(roomId, await roomEvents.cursor(roomId));
    try {
      const sent = await send(people.ann, roomId, 'live hello');
      const next = await subscription.next();
      const event = toRoomEvent(next.value);
      expect(event).toMatchObject({
        roomId,
        type: RoomEventType.MESSAGE_CREATED,
        data: { id: sent.id, body: 'live hello', authorName: 'Ann Marie' },
      });
    } finally {
      await subscription.return();
    }
  });

  it('returns the first message for a repeated clientKey, also when both arrive at once', async () => {
    const roomId = await seedRoom();
    const first = await send(people.pat, roomId, 'once', { clientKey: 'k-1' });
    const again = await send(people.pat, roomId, 'once (retried)', { clientKey: 'k-1' });
    expect(again).toEqual(first);
    const racing = await Promise.all([1, 2, 3].map(() => send(people.pat, roomId, 'raced', { clientKey: 'k-2' })));
    expect(new Set(racing.map((m) => m.id)).size).toBe(1);
    // The key is the sender's own: another person's same key is another message.
    expect((await send(people.ann, roomId, 'mine', { clientKey: 'k-1' })).id).not.toBe(first.id);
    expect(await stack.db.orm.em.fork().count(RoomMessage, { room: roomId })).toBe(3);
  });

  it('refuses the muted (ROOM_MUTED, with the time), viewers (ROOM_FORBIDDEN), strangers and unknown rooms (ROOM_NOT_FOUND)', async () => {
    const roomId = await seedRoom();
    const muted = await execute(SEND, { i: { roomId, body: 'hi' } }, people.mute);
    expect(code(muted)).toBe('ROOM_MUTED');
    expect(muted.errors![0]!.message).toMatch(/muted in this room until \d{4}-\d\d-\d\dT/);
    expect(code(await execute(SEND, { i: { roomId, body: 'hi' } }, people.vic))).toBe('ROOM_FORBIDDEN');
    expect(code(await execute(SEND, { i: { roomId, body: 'hi' } }, people.stranger))).toBe('ROOM_NOT_FOUND');
    expect(code(await execute(SEND, { i: { roomId: randomUUID(), body: 'hi' } }, people.pat))).toBe('ROOM_NOT_FOUND');
    expect(code(await execute(SEND, { i: { roomId: 'not-a-room', body: 'hi' } }, people.pat))).toBe('ROOM_NOT_FOUND');
    expect(await stack.db.orm.em.fork().count(RoomMessage, { room: roomId })).toBe(0);
  });

  it('refuses oversized text and snippets (MESSAGE_TOO_LONG) and empty or malformed input (BAD_USER_INPUT)', async () => {
    const roomId = await seedRoom();
    const tooLong = await execute(SEND, { i: { roomId, body: 'x'.repeat(4001) } }, people.pat);
    expect(code(tooLong)).toBe('MESSAGE_TOO_LONG');
    expect(tooLong.errors![0]!.message).toMatch(/at most 4,000 characters/);
    expect((await send(people.pat, roomId, `  ${'x'.repeat(4000)}  `)).body).toHaveLength(4000);
    const bigSnippet = { language: 'js', code: 'x'.repeat(20_001) };
    expect(code(await execute(SEND, { i: { roomId, body: 'look', snippet: bigSnippet } }, people.pat))).toBe('MESSAGE_TOO_LONG');
    expect(code(await execute(SEND, { i: { roomId, body: '   ' } }, people.pat))).toBe('BAD_USER_INPUT');
    expect(code(await execute(SEND, { i: { roomId, body: 'x', snippet: { language: 'Java Script!', code: 'x' } } }, people.pat))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await execute(SEND, { i: { roomId, body: 'x', clientKey: 'no spaces allowed' } }, people.pat))).toBe('BAD_USER_INPUT');
    expect(code(await execute(EDIT, { id: randomUUID(), body: 'x' }, people.pat))).toBe('NOT_FOUND');
  });
});

describe('editing and deleting', () => {
  it('lets the author edit (references follow the text) and nobody else', async () => {
    const roomId = await seedRoom();
    const sent = await send(people.pat, roomId, 'see src/a.ts:1');
    const cursor = await roomEvents.cursor(roomId);
    const edited = (await execute(EDIT, { id: sent.id, body: 'no, see src/b.ts:2' }, people.pat)).data!.editRoomMessage as Message;
    expect(edited).toMatchObject({
      id: sent.id,
      body: 'no, see src/b.ts:2',
      refs: [{ path: 'src/b.ts', line: 2 }],
      editedAt: expect.any(String),
    });
    expect((await roomEvents.read(roomId, cursor)).map((e) => [e.type, e.data])).toEqual([[RoomEventType.MESSAGE_UPDATED, edited]]);
    for (const other of [people.ann, people.mod, people.host])
      expect(code(await execute(EDIT, { id: sent.id, body: 'mine now' }, other))).toBe('ROOM_FORBIDDEN');
    expect(code(await execute(EDIT, { id: sent.id, body: 'y'.repeat(4001) }, people.pat))).toBe('MESSAGE_TOO_LONG');
  });

  it('lets the author delete their own message: kept as a blank, deleted row', async () => {
    const roomId = await seedRoom();
    const sent = await send(people.ann, roomId, 'oops src/x.ts:3', { snippet: { language: 'ts', code: 'secret()' } });
    const cursor = await roomEvents.cursor(roomId);
    const deleted = (await execute(DELETE, { id: sent.id }, people.ann)).data!.deleteRoomMessage as Message;
    expect(deleted).toMatchObject({ id: sent.id, body: '', snippet: null, refs: [], deleted: true });
    expect((await roomEvents.read(roomId, cursor)).map((e) => [e.type, e.data])).toEqual([[RoomEventType.MESSAGE_DELETED, deleted]]);
    const row = await stack.db.orm.em.fork().findOneOrFail(RoomMessage, { id: sent.id });
    expect([row.body, row.snippet, row.deletedBy, row.deletedAt]).toEqual(['', null, people.ann, expect.any(Date)]);
    expect(code(await execute(EDIT, { id: sent.id, body: 'back' }, people.ann))).toBe('CONFLICT');
  });

  it('moderation: a moderator deletes a participant’s message; a participant cannot delete another’s, nor a moderator the host’s', async () => {
    const roomId = await seedRoom();
    const pats = await send(people.pat, roomId, 'something rude');
    const hosts = await send(people.host, roomId, 'house rules');
    expect(code(await execute(DELETE, { id: pats.id }, people.ann))).toBe('ROOM_FORBIDDEN');
    expect(code(await execute(DELETE, { id: pats.id }, people.vic))).toBe('ROOM_FORBIDDEN');
    expect(code(await execute(DELETE, { id: pats.id }, people.stranger))).toBe('ROOM_NOT_FOUND');
    expect(code(await execute(DELETE, { id: hosts.id }, people.mod))).toBe('ROOM_FORBIDDEN');
    const moderated = (await execute(DELETE, { id: pats.id }, people.mod)).data!.deleteRoomMessage as Message;
    expect(moderated).toMatchObject({ id: pats.id, deleted: true, body: '' });
    expect((await stack.db.orm.em.fork().findOneOrFail(RoomMessage, { id: pats.id })).deletedBy).toBe(people.mod);
    expect((await execute(DELETE, { id: hosts.id }, people.host)).data!.deleteRoomMessage).toMatchObject({ deleted: true });
  });
});

describe('history', () => {
  it('pages through 120 messages oldest first, 50 at a time, with a cursor to the page before', async () => {
    const roomId = await seedRoom();
    const em = stack.db.orm.em.fork();
    const start = Date.now() - 120_000;
    for (let i = 0; i < 120; i++) {
      // Two pairs share a millisecond: the id breaks the tie, so no page repeats or skips one.
      const at = new Date(start + (i === 61 || i === 11 ? i - 1 : i) * 1000);
      em.create(RoomMessage, { room: roomId, author: people.pat, authorKind: 'user', body: `m${i}`, createdAt: at });
    }
    await em.flush();
    const pages: { messages: { id: string; body: string }[]; before: string | null }[] = [];
    let before: string | null = null;
    do {
      const result = await execute(PAGE, { r: roomId, b: before }, people.vic);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const page = result.data!.roomMessages as (typeof pages)[number];
      pages.push(page);
      before = page.before;
    } while (before);
    expect(pages.map((p) => p.messages.length)).toEqual([50, 50, 20]);
    const rows = await em.find(RoomMessage, { room: roomId }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    expect(pages.reverse().flatMap((p) => p.messages.map((m) => m.id))).toEqual(rows.map((r) => r.id));
    expect(new Set(rows.map((r) => r.body)).size).toBe(120);
    const small = (await execute(PAGE, { r: roomId, l: 7 }, people.pat)).data!.roomMessages as (typeof pages)[number];
    expect(small.messages.map((m) => m.body)).toEqual(['m113', 'm114', 'm115', 'm116', 'm117', 'm118', 'm119']);
    expect(small.before).toBe(small.messages[0]!.id);
  });

  it('refuses bad limits and cursors, and readers who are not inside', async () => {
    const roomId = await seedRoom();
    const other = await seedRoom();
    const elsewhere = await send(people.pat, other, 'elsewhere');
    expect(code(await execute(PAGE, { r: roomId, l: 101 }, people.pat))).toBe('BAD_USER_INPUT');
    expect(code(await execute(PAGE, { r: roomId, l: 0 }, people.pat))).toBe('BAD_USER_INPUT');
    expect(code(await execute(PAGE, { r: roomId, b: elsewhere.id }, people.pat))).toBe('BAD_USER_INPUT');
    expect(code(await execute(PAGE, { r: roomId, b: 'nope' }, people.pat))).toBe('BAD_USER_INPUT');
    expect(code(await execute(PAGE, { r: roomId }, people.stranger))).toBe('ROOM_NOT_FOUND');
    const em = stack.db.orm.em.fork();
    await em.nativeUpdate(RoomMember, { room: roomId, user: people.ann }, { leftAt: new Date() });
    expect(code(await execute(PAGE, { r: roomId }, people.ann))).toBe('ROOM_FORBIDDEN');
    expect((await execute(PAGE, { r: roomId }, people.pat)).data).toEqual({ roomMessages: { messages: [], before: null } });
  });
});

describe('mentions and notifications', () => {
  it('notifies the people mentioned, and only them, in the list and live', async () => {
    const roomId = await seedRoom();
    const ctx = stack.app.createContext(people.ann);
    const subscribe = chatResolvers.Subscription!.notificationAdded as unknown as {
      subscribe(root: unknown, args: unknown, ctx: unknown): Promise<AsyncIterator<never>>;
      resolve(event: unknown): { id: string; text: string; messageId: string; read: boolean };
    };
    const live = await subscribe.subscribe({}, {}, ctx);
    try {
      const sent = await send(
        people.host,
        roomId,
        '@Ann Marie and @pat, look at src/a.ts:1; @Hana Host is me. Not @Stan, not ann@example.com',
      );
      expect(sent.mentions.sort()).toEqual([people.ann, people.pat, people.host].sort());
      const rows = await stack.db.orm.em.fork().find(UserNotification, { messageId: sent.id });
      expect(rows.map((r) => r.user.id).sort()).toEqual([people.ann, people.pat].sort());
      const next = await live.next();
      expect(subscribe.resolve(next.value)).toMatchObject({
        text: 'Hana Host mentioned you in Pairing on auth',
        messageId: sent.id,
        read: false,
      });
    } finally {
      await live.return?.();
    }
    const listed = (await execute(NOTIFICATIONS, { u: true }, people.ann)).data!.notifications as { id: string }[];
    expect(listed).toEqual([
      expect.objectContaining({ kind: 'mention', roomId, read: false, text: 'Hana Host mentioned you in Pairing on auth' }),
    ]);
    expect((await execute(NOTIFICATIONS, {}, people.stranger)).data!.notifications).toEqual([]);
    expect((await execute(NOTIFICATIONS, {}, people.host)).data!.notifications).toEqual([]);
    expect((await execute(MARK_READ, { ids: [listed[0]!.id] }, people.pat)).data!.markNotificationsRead).toBe(0);
    expect((await execute(MARK_READ, { ids: [listed[0]!.id] }, people.ann)).data!.markNotificationsRead).toBe(1);
    expect((await execute(NOTIFICATIONS, { u: true }, people.ann)).data!.notifications).toEqual([]);
    expect((await execute(MARK_READ, {}, people.pat)).data!.markNotificationsRead).toBe(1);
  });

  it('tells people an edit newly mentions, once', async () => {
    const roomId = await seedRoom();
    const sent = await send(people.pat, roomId, 'hi @Moe');
    await execute(EDIT, { id: sent.id, body: 'hi @Moe and @Vic' }, people.pat);
    await execute(EDIT, { id: sent.id, body: 'hi @moe and @vic!' }, people.pat);
    const rows = await stack.db.orm.em.fork().find(UserNotification, { messageId: sent.id });
    expect(rows.map((r) => r.user.id).sort()).toEqual([people.mod, people.vic].sort());
  });

  it('hands an @agent question with no running task to a roomAgentReplyWorkflow for that message', async () => {
    const roomId = await seedRoom();
    const sent = await send(people.pat, roomId, '@reviewer is src/a.ts:1 safe?');
    const handle = stack.temporal.workflow.getHandle(workflowIds.roomAgentReply(sent.id));
    const description = await handle.describe();
    expect(description.type).toBe('roomAgentReplyWorkflow');
    expect(description.taskQueue).toBe(stack.taskQueue);
    await handle.terminate('no worker in this test file');
  });
});
