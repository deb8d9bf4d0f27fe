/**
 * `roomEvents` over graphql-ws: a member inside gets the room's events from their cursor on; anyone else is
 * refused with the room's code; a kicked member's stream ends with ROOM_KICKED (at once through the enforcer,
 * or at LiveAccess's next tick without it) and a member who left gets ROOM_FORBIDDEN.
 */
import type { RoomRole } from '../../../../contracts/rooms';
import { RoomEventType } from '../../../../contracts/rooms';
import { Room, RoomMember } from '../../../../core/rooms/room.entities';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';
import { until } from '../../../../test/security/liveblocks-peer';
import { firstAnswer, subscribeAndSettle, wsClient, type WsErrors } from '../../../../test/security/ws-client';

type Person = { id: string; cookie: string };
let stack: Stack;
let ws: string;
let gql: Gql;
let people: Record<'olga' | 'pia' | 'nora', Person>;
let projectId: string;

const EVENTS = 'subscription($r: ID!, $a: String!) { roomEvents(roomId: $r, after: $a) { id roomId type data at } }';
type Received = { roomEvents: { id: string; roomId: string; type: string; data: Record<string, unknown> | null; at: string } };

beforeAll(async () => {
  stack = await createStack({ live: false });
  const http = await stack.app.listen(0, '127.0.0.1');
  ws = `${http.replace('http', 'ws')}/graphql`;
  let signUp;
  ({ gql, signUp } = graphqlOver(http));
  people = { olga: await signUp('Olga'), pia: await signUp('Pia'), nora: await signUp('Nora') };
  const created = await gql<{ createProject: { id: string } }>(
    people.olga.cookie,
    'mutation { createProject(input: { name: "Live", framework: "express" }) { id } }',
  );
  projectId = created.data!.createProject.id;
});
afterAll(() => stack?.dispose());

/** A room (Olga hosts, Pia participates) written as the room service would. */
async function room(visibility: Room['visibility'] = 'public', pia: RoomRole = 'participant'): Promise<string> {
  const em = stack.db.orm.em.fork();
  const created = em.create(Room, { project: projectId, createdBy: people.olga.id, name: 'Events', visibility });
  em.create(RoomMember, { room: created, user: people.olga.id, role: 'host' });
  em.create(RoomMember, { room: created, user: people.pia.id, role: pia });
  await em.flush();
  return created.id;
}

const events = () => stack.app.createContext().roomEvents;
const codeOf = (errors: WsErrors | undefined) => errors?.[0]?.extensions?.code;
const endedWith = (sub: ReturnType<typeof subscribeAndSettle>) => codeOf(sub.received.find((r) => r.errors)?.errors);

it('delivers the room’s events after the cursor to a member, in order, and nothing from before it', async () => {
  const roomId = await room();
  await events().publish(roomId, RoomEventType.ROOM_UPDATED, { name: 'before the cursor' });
  const cursor = await events().cursor(roomId);
  const client = wsClient(ws, people.pia.cookie);
  const sub = subscribeAndSettle(client, EVENTS, { r: roomId, a: cursor });
  expect(await sub.settled).toBe('accepted');
  const id = await events().publish(roomId, RoomEventType.MESSAGE_CREATED, { messageId: 'm-1', body: 'hello' });
  await events().publish(roomId, RoomEventType.THEME_CHANGED, { themeId: 'night-owl' });
  await until('two events', () => sub.received.length >= 2);
  const received = sub.received.map((r) => (r.data as Received).roomEvents);
  expect(received.map((e) => e.type)).toEqual([RoomEventType.MESSAGE_CREATED, RoomEventType.THEME_CHANGED]);
  expect(received[0]).toEqual({ id, roomId, type: 'message.created', data: { messageId: 'm-1', body: 'hello' }, at: expect.any(String) });
  await client.dispose();
});

it('refuses a non-member (ROOM_FORBIDDEN), a hidden or unknown room (ROOM_NOT_FOUND) and a malformed cursor', async () => {
  const open = await room('public');
  const hidden = await room('private');
  const nora = wsClient(ws, people.nora.cookie);
  expect(codeOf((await firstAnswer(nora, EVENTS, { r: open, a: '0-0' })).errors)).toBe('ROOM_FORBIDDEN');
  expect(codeOf((await firstAnswer(nora, EVENTS, { r: hidden, a: '0-0' })).errors)).toBe('ROOM_NOT_FOUND');
  expect(codeOf((await firstAnswer(nora, EVENTS, { r: '00000000-0000-4000-8000-00000000beef', a: '0-0' })).errors)).toBe('ROOM_NOT_FOUND');
  expect(codeOf((await firstAnswer(nora, EVENTS, { r: 'not-a-room', a: '0-0' })).errors)).toBe('ROOM_NOT_FOUND');
  const pia = wsClient(ws, people.pia.cookie);
  expect((await firstAnswer(pia, EVENTS, { r: open, a: 'latest' })).errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'after',
  });
  await nora.dispose();
  await pia.dispose();
});

it('ends a kicked member’s stream with ROOM_KICKED when the enforcer says so, and keeps the host’s', async () => {
  const roomId = await room();
  const cursor = await events().cursor(roomId);
  const piaClient = wsClient(ws, people.pia.cookie);
  const olgaClient = wsClient(ws, people.olga.cookie);
  const pia = subscribeAndSettle(piaClient, EVENTS, { r: roomId, a: cursor });
  const olga = subscribeAndSettle(olgaClient, EVENTS, { r: roomId, a: cursor });
  expect([await pia.settled, await olga.settled]).toEqual(['accepted', 'accepted']);

  await stack.db.orm.em
    .fork()
    .nativeUpdate(RoomMember, { room: roomId, user: people.pia.id }, { kickedAt: new Date(), leftAt: new Date() });
  await stack.app.createContext().roomEnforcer.memberRemoved(roomId, people.pia.id);
  await until('the kicked member’s stream ended', () => endedWith(pia) !== undefined, 5_000);
  expect(endedWith(pia)).toBe('ROOM_KICKED');

  // The kick itself reaches the people still inside; the kicked member sees nothing more.
  await events().publish(roomId, RoomEventType.MEMBER_KICKED, { userId: people.pia.id });
  await until('the host sees the kick', () =>
    olga.received.some((r) => (r.data as Received | undefined)?.roomEvents.type === 'member.kicked'),
  );
  expect(pia.received.filter((r) => r.data)).toEqual([]);
  expect(olga.received.filter((r) => r.errors)).toEqual([]);
  await piaClient.dispose();
  await olgaClient.dispose();
});

it('ends the stream of a member who left with ROOM_FORBIDDEN, at the next tick, with no enforcement message', async () => {
  const roomId = await room();
  const client = wsClient(ws, people.pia.cookie);
  const sub = subscribeAndSettle(client, EVENTS, { r: roomId, a: '0-0' });
  expect(await sub.settled).toBe('accepted');
  await stack.db.orm.em.fork().nativeUpdate(RoomMember, { room: roomId, user: people.pia.id }, { leftAt: new Date() });
  await until('the stream ended', () => endedWith(sub) !== undefined, 5_000);
  expect(endedWith(sub)).toBe('ROOM_FORBIDDEN');
  await client.dispose();
});
