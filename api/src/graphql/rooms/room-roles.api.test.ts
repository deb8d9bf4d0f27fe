import { randomUUID } from 'node:crypto';
import { RoomEventType } from '../../../../contracts/rooms';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { KICK, LEAVE, ROOM, SET_ROLE, codeOf, createRoomsKit, type RoomsKit } from '../../../../test/fixtures/rooms';

let kit: RoomsKit;
let host: string;
let projectId: string;

beforeAll(async () => {
  kit = await createRoomsKit();
  host = await kit.person('Hana', 'enterprise');
  projectId = await kit.project(host);
});
afterAll(() => kit?.dispose());

const MUTE = 'mutation($r: ID!, $u: ID!, $m: Int!) { muteRoomMember(roomId: $r, userId: $u, minutes: $m) { userId mutedUntil } }';
/** A public room of Hana's with `names` joined in that order; returns the room and their ids. */
async function roomWith(...names: string[]): Promise<[string, ...string[]]> {
  const roomId = await kit.room(host, { projectId, name: `Room ${randomUUID()}`, visibility: 'public' });
  const ids: string[] = [];
  for (const name of names) {
    const id = await kit.person(name);
    await kit.join(id, roomId);
    ids.push(id);
  }
  return [roomId, ...ids];
}
const members = async (roomId: string, viewer: string) =>
  ((await kit.gql(ROOM, { r: roomId }, viewer)).data?.room as { members: Array<{ userId: string; role: string }> }).members.map((m) => [
    m.userId,
    m.role,
  ]);
const role = (r: string, u: string, to: string, viewer: string) => kit.gql(SET_ROLE, { r, u, role: to }, viewer);

describe('host passing', () => {
  it('passes host to the moderator inside, then to the longest-present participant; the old host becomes a moderator', async () => {
    const [roomId, early, late, mod] = await roomWith('Early', 'Late', 'Mod');
    expect((await role(roomId, mod!, 'moderator', host)).data?.setRoomMemberRole).toEqual({
      userId: mod,
      role: 'moderator',
      present: true,
    });
    expect((await kit.gql(LEAVE, { r: roomId }, host)).data).toEqual({ leaveRoom: true });
    expect(((await kit.gql(ROOM, { r: roomId }, early!)).data?.room as { host: unknown }).host).toEqual({ userId: mod });
    await kit.gql(LEAVE, { r: roomId }, mod!);
    expect(await members(roomId, early!)).toEqual([
      [early, 'host'],
      [late, 'participant'],
    ]);
    // Whoever held host before comes back as a moderator.
    await kit.join(host, roomId);
    await kit.join(mod!, roomId);
    expect(await members(roomId, early!)).toEqual([
      [early, 'host'],
      [host, 'moderator'],
      [mod, 'moderator'],
      [late, 'participant'],
    ]);
    const updates = (await kit.events(roomId)).filter(([type]) => type === RoomEventType.MEMBER_UPDATED).map(([, d]) => d?.member);
    expect(updates).toMatchObject([
      { userId: mod, role: 'moderator' },
      { userId: mod, role: 'host' },
      { userId: early, role: 'host' },
    ]);
  });

  it('passes host to the longest-present viewer when no moderator or participant is inside, and keeps it with nobody inside', async () => {
    const [roomId, v1, v2] = await roomWith('V1', 'V2');
    await role(roomId, v1!, 'viewer', host);
    await role(roomId, v2!, 'viewer', host);
    await kit.gql(LEAVE, { r: roomId }, host);
    expect(await members(roomId, v1!)).toEqual([
      [v1, 'host'],
      [v2, 'viewer'],
    ]);
    await kit.gql(LEAVE, { r: roomId }, v2!);
    await kit.gql(LEAVE, { r: roomId }, v1!);
    await kit.join(v2!, roomId);
    expect(((await kit.gql(ROOM, { r: roomId }, v2!)).data?.room as { host: unknown }).host).toBeNull();
    await kit.join(v1!, roomId);
    expect(((await kit.gql(ROOM, { r: roomId }, v2!)).data?.room as { host: unknown }).host).toEqual({ userId: v1 });
  });
});

describe('roles and moderation', () => {
  it('lets only host and moderators act, and only on lower roles', async () => {
    const [roomId, mod, p1, p2] = await roomWith('Mod', 'P1', 'P2');
    await role(roomId, mod!, 'moderator', host);
    expect(codeOf(await kit.gql(KICK, { r: roomId, u: p2 }, p1!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await kit.gql(KICK, { r: roomId, u: host }, mod!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await kit.gql(KICK, { r: roomId, u: mod }, mod!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await role(roomId, p1!, 'moderator', mod!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await role(roomId, p1!, 'host', mod!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await role(roomId, host, 'viewer', mod!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await role(roomId, p1!, 'king', host))).toBe('BAD_USER_INPUT');
    expect(codeOf(await role(roomId, randomUUID(), 'viewer', host))).toBe('NOT_FOUND');
    expect(codeOf(await kit.gql(KICK, { r: roomId, u: randomUUID() }, p1!))).toBe('NOT_FOUND');
    expect(codeOf(await kit.gql(KICK, { r: randomUUID(), u: p1 }, host))).toBe('ROOM_NOT_FOUND');
    expect((await role(roomId, p1!, 'viewer', mod!)).data?.setRoomMemberRole).toMatchObject({ role: 'viewer' });
    expect((await kit.gql(KICK, { r: roomId, u: p2 }, mod!)).data).toEqual({ kickRoomMember: true });
    const audit = await kit.stack.db.orm.em
      .fork()
      .find(
        AuditEvent,
        { target: `room:${roomId}`, action: { $in: ['room.role_changed', 'room.member_kicked'] } },
        { orderBy: { at: 'asc' } },
      );
    expect(audit.map((a) => [a.action, a.actorId, a.data])).toEqual([
      ['room.role_changed', host, { userId: mod, role: 'moderator' }],
      ['room.role_changed', mod, { userId: p1, role: 'viewer' }],
      ['room.member_kicked', mod, { userId: p2, role: 'participant' }],
    ]);
  });

  it('hands host over only from the host to someone inside; the old host becomes a moderator', async () => {
    const [roomId, heir, gone] = await roomWith('Heir', 'Gone');
    await kit.gql(LEAVE, { r: roomId }, gone!);
    expect(codeOf(await role(roomId, gone!, 'host', host))).toBe('ROOM_FORBIDDEN');
    expect((await role(roomId, heir!, 'host', host)).data?.setRoomMemberRole).toEqual({ userId: heir, role: 'host', present: true });
    expect(await members(roomId, host)).toEqual([
      [heir, 'host'],
      [host, 'moderator'],
    ]);
    expect(codeOf(await kit.gql(KICK, { r: roomId, u: heir }, host))).toBe('ROOM_FORBIDDEN');
  });

  it('mutes for 1 to 1440 minutes and unmutes with 0', async () => {
    const [roomId, loud, other] = await roomWith('Loud', 'Other');
    const muted = (await kit.gql(MUTE, { r: roomId, u: loud, m: 10 }, host)).data?.muteRoomMember as { mutedUntil: string };
    expect(new Date(muted.mutedUntil).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    for (const m of [-1, 1441]) expect(codeOf(await kit.gql(MUTE, { r: roomId, u: loud, m }, host))).toBe('BAD_USER_INPUT');
    expect(codeOf(await kit.gql(MUTE, { r: roomId, u: loud, m: 5 }, other!))).toBe('ROOM_FORBIDDEN');
    expect((await kit.gql(MUTE, { r: roomId, u: loud, m: 0 }, host)).data?.muteRoomMember).toEqual({ userId: loud, mutedUntil: null });
  });
});
