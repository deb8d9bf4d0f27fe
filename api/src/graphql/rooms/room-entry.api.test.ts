import { RoomEventType } from '../../../../contracts/rooms';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { requireRoom } from '../../../../core/rooms/room-standing';
import { RoomInvite } from '../../../../core/rooms/room.entities';
import { tokenId } from '../../../../core/auth/secrets';
import { INVITE, JOIN, KICK, ROOM, SET_ROLE, codeOf, createRoomsKit, randomIp, type RoomsKit } from '../../../../test/fixtures/rooms';

let kit: RoomsKit;
let host: string;
let projectId: string;

beforeAll(async () => {
  kit = await createRoomsKit();
  host = await kit.person('Hana', 'enterprise');
  projectId = await kit.project(host);
});
afterAll(() => kit?.dispose());

const LOCK = 'mutation($r: ID!, $l: Boolean!) { setRoomLocked(roomId: $r, locked: $l) { locked } }';
const PREVIEW = 'query($t: String!) { roomInvite(token: $t) { roomId roomName projectName role hasPassword } }';
const INVITES = 'query($r: ID!) { roomInvites(roomId: $r) { id uses revoked } }';
const REVOKE = 'mutation($i: ID!) { revokeRoomInvite(id: $i) }';
const people = (n: number, name: string) => Promise.all(Array.from({ length: n }, (_, i) => kit.person(`${name}${i}`)));
const join = (viewer: string, r: string, extra: { p?: string; t?: string } = {}, ip?: string) =>
  kit.gql(JOIN, { r: extra.t ? null : r, p: extra.p ?? null, t: extra.t ?? null }, viewer, ip);
const invite = async (roomId: string, input: Record<string, unknown> = {}) => {
  const result = await kit.gql(INVITE, { i: { roomId, ...input } }, host);
  return result.data!.createRoomInvite as { token: string; invite: { id: string; role: string; maxUses: number | null } };
};

describe('password', () => {
  it('needs the password: missing, wrong, right; only the host re-enters without it', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Locked door', visibility: 'public', password: 'open sesame' });
    const [bob] = await people(1, 'Bob');
    expect(codeOf(await join(bob!, roomId))).toBe('ROOM_PASSWORD_REQUIRED');
    expect(codeOf(await join(bob!, roomId, { p: 'open says me' }))).toBe('ROOM_PASSWORD_INVALID');
    expect((await join(bob!, roomId, { p: 'open sesame' })).data?.joinRoom).toMatchObject({ me: { role: 'participant', present: true } });
    // Hana leaves: host passes to Bob, and Hana, a moderator now, needs the password like anyone.
    await kit.gql('mutation($r: ID!) { leaveRoom(roomId: $r) }', { r: roomId }, host);
    expect(codeOf(await join(host, roomId))).toBe('ROOM_PASSWORD_REQUIRED');
    // Bob leaves an empty room and keeps host, which lets him back in without it.
    await kit.gql('mutation($r: ID!) { leaveRoom(roomId: $r) }', { r: roomId }, bob!);
    expect((await join(bob!, roomId)).data?.joinRoom).toMatchObject({ me: { role: 'host', present: true } });
  });

  it('refuses every attempt from an address after 5 wrong ones, the right password included; other addresses still get in', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Guarded', visibility: 'public', password: 'right one' });
    const [eve, dee] = await people(2, 'Eve');
    const ip = randomIp();
    for (let i = 0; i < 5; i++) expect(codeOf(await join(eve!, roomId, { p: `guess ${i}` }, ip))).toBe('ROOM_PASSWORD_INVALID');
    const refused = await join(eve!, roomId, { p: 'right one' }, ip);
    expect(codeOf(refused)).toBe('ROOM_PASSWORD_ATTEMPTS');
    expect(refused.errors?.[0]?.message).toMatch(/from your network; try again in 15 min/);
    expect(codeOf(await join(dee!, roomId, { p: 'right one' }, ip))).toBe('ROOM_PASSWORD_ATTEMPTS');
    expect(codeOf(await join(eve!, roomId, { p: 'right one' }, randomIp()))).toBeUndefined();
  });

  it('counts only wrong passwords: right ones from one address never fill its window', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Busy door', visibility: 'public', password: 'come in' });
    const [cy] = await people(1, 'Cy');
    const ip = randomIp();
    for (let i = 0; i < 4; i++) expect(codeOf(await join(cy!, roomId, { p: 'nope' }, ip))).toBe('ROOM_PASSWORD_INVALID');
    for (let i = 0; i < 6; i++) {
      expect(codeOf(await join(cy!, roomId, { p: 'come in' }, ip))).toBeUndefined();
      await kit.gql('mutation($r: ID!) { leaveRoom(roomId: $r) }', { r: roomId }, cy!);
    }
    expect(codeOf(await join(cy!, roomId, { p: 'nope' }, ip))).toBe('ROOM_PASSWORD_INVALID');
    expect(codeOf(await join(cy!, roomId, { p: 'come in' }, ip))).toBe('ROOM_PASSWORD_ATTEMPTS');
  });

  it('refuses every attempt at a room after 20 wrong ones from any addresses', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Popular', visibility: 'public', password: 'the password' });
    const [mal, ann] = await people(2, 'Mal');
    for (let i = 0; i < 20; i++) expect(codeOf(await join(mal!, roomId, { p: `guess ${i}` }, randomIp()))).toBe('ROOM_PASSWORD_INVALID');
    const refused = await join(ann!, roomId, { p: 'the password' }, randomIp());
    expect(codeOf(refused)).toBe('ROOM_PASSWORD_ATTEMPTS');
    expect(refused.errors?.[0]?.message).toMatch(/for this room/);
  });
});

describe('lock', () => {
  it('stops new joins while locked; host and moderators may lock and still come back in; participants may not lock', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Lockable', visibility: 'public' });
    const [mod, part, late] = await people(3, 'Lo');
    await kit.join(mod!, roomId);
    await kit.join(part!, roomId);
    await kit.gql(SET_ROLE, { r: roomId, u: mod, role: 'moderator' }, host);
    expect(codeOf(await kit.gql(LOCK, { r: roomId, l: true }, part!))).toBe('ROOM_FORBIDDEN');
    expect((await kit.gql(LOCK, { r: roomId, l: true }, mod!)).data).toEqual({ setRoomLocked: { locked: true } });
    expect(codeOf(await join(late!, roomId))).toBe('ROOM_LOCKED');
    await kit.gql('mutation($r: ID!) { leaveRoom(roomId: $r) }', { r: roomId }, mod!);
    await kit.gql('mutation($r: ID!) { leaveRoom(roomId: $r) }', { r: roomId }, part!);
    expect(codeOf(await join(part!, roomId))).toBe('ROOM_LOCKED');
    expect(codeOf(await join(mod!, roomId))).toBeUndefined();
    // An invite link does not open a locked room either, and is not used up by the refusal.
    const link = await invite(roomId, { maxUses: 1 });
    expect(codeOf(await join(late!, roomId, { t: link.token }))).toBe('ROOM_LOCKED');
    await kit.gql(LOCK, { r: roomId, l: false }, host);
    expect(codeOf(await join(late!, roomId, { t: link.token }))).toBeUndefined();
    expect(
      (await kit.events(roomId))
        .filter(([type]) => type === RoomEventType.ROOM_UPDATED)
        .map(([, d]) => (d?.room as { locked: boolean }).locked),
    ).toEqual([true, false]);
  });
});

describe('capacity', () => {
  it('answers ROOM_FULL to a third person in a room of 2, and the two inside carry on', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Pair', visibility: 'public', capacity: 2 });
    const [two, three] = await people(2, 'Cap');
    await kit.join(two!, roomId);
    const full = await join(three!, roomId);
    expect(codeOf(full)).toBe('ROOM_FULL');
    expect(full.errors?.[0]?.message).toMatch(/full \(2 people\)/);
    expect(codeOf(await join(two!, roomId))).toBeUndefined();
    for (const inside of [host, two!]) {
      const room = (await kit.gql(ROOM, { r: roomId }, inside)).data?.room as { presentCount: number; members: unknown[] };
      expect(room).toMatchObject({ presentCount: 2, members: [{ userId: host }, { userId: two }] });
      await expect(requireRoom(kit.stack.db.orm.em.fork(), inside, roomId, 'room:chat')).resolves.toMatchObject({
        member: { leftAt: null },
      });
    }
  });

  it('never lets racing joins exceed the capacity', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Race', visibility: 'public', capacity: 3 });
    const crowd = await people(6, 'Race');
    const results = await Promise.all(crowd.map((p) => join(p, roomId)));
    expect(results.map(codeOf).sort()).toEqual(['ROOM_FULL', 'ROOM_FULL', 'ROOM_FULL', 'ROOM_FULL', undefined, undefined]);
    expect(((await kit.gql(ROOM, { r: roomId }, host)).data?.room as { presentCount: number }).presentCount).toBe(3);
  });
});

describe('invite links', () => {
  it('admits with a single-use link once, past visibility and password, and previews it for anyone', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Secret', password: 'hidden door' });
    const [ivy, jon] = await people(2, 'Ivy');
    const link = await invite(roomId, { maxUses: 1, role: 'viewer' });
    expect(link.invite).toMatchObject({ role: 'viewer', maxUses: 1 });
    expect((await kit.gql(PREVIEW, { t: link.token }, null)).data?.roomInvite).toMatchObject({
      roomId,
      roomName: 'Secret',
      role: 'viewer',
      hasPassword: true,
    });
    expect(codeOf(await join(ivy!, roomId))).toBe('ROOM_NOT_FOUND');
    expect((await join(ivy!, roomId, { t: link.token })).data?.joinRoom).toMatchObject({ me: { role: 'viewer', present: true } });
    expect(codeOf(await join(jon!, roomId, { t: link.token }))).toBe('ROOM_INVITE_INVALID');
    expect(codeOf(await kit.gql(PREVIEW, { t: link.token }, null))).toBe('ROOM_INVITE_INVALID');
    // Only the token's hash is stored.
    expect(await kit.stack.db.orm.em.fork().findOneOrFail(RoomInvite, { id: link.invite.id })).toMatchObject({
      tokenHash: tokenId(link.token),
      uses: 1,
    });
  });

  it('refuses expired, revoked, unknown and other rooms’ links, and bad invite input', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Links', visibility: 'public' });
    const other = await kit.room(host, { projectId, name: 'Other', visibility: 'public' });
    const [kim] = await people(1, 'Kim');
    const expired = await invite(roomId);
    await kit.stack.db.orm.em.fork().nativeUpdate(RoomInvite, { id: expired.invite.id }, { expiresAt: new Date(Date.now() - 1_000) });
    const revoked = await invite(roomId);
    expect((await kit.gql(REVOKE, { i: revoked.invite.id }, host)).data).toEqual({ revokeRoomInvite: true });
    for (const t of [expired.token, revoked.token, 'not-a-token']) {
      expect(codeOf(await join(kim!, roomId, { t }))).toBe('ROOM_INVITE_INVALID');
      expect(codeOf(await kit.gql(PREVIEW, { t }, kim!))).toBe('ROOM_INVITE_INVALID');
    }
    const multi = await invite(roomId);
    expect(codeOf(await kit.gql(JOIN, { r: other, t: multi.token }, kim!))).toBe('ROOM_INVITE_INVALID');
    expect(((await kit.gql(INVITES, { r: roomId }, host)).data?.roomInvites as unknown[]).length).toBe(3);
    await kit.join(kim!, roomId);
    expect(codeOf(await kit.gql(INVITES, { r: roomId }, kim!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await kit.gql(INVITE, { i: { roomId } }, kim!))).toBe('ROOM_FORBIDDEN');
    expect(codeOf(await kit.gql(REVOKE, { i: multi.invite.id }, kim!))).toBe('ROOM_FORBIDDEN');
    for (const bad of [{ maxUses: 2 }, { expiresInHours: 0 }, { expiresInHours: 721 }, { role: 'host' }]) {
      expect(codeOf(await kit.gql(INVITE, { i: { roomId, ...bad } }, host))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('kick', () => {
  it('removes a member, who is refused at the door, except with an invite created after the kick', async () => {
    const roomId = await kit.room(host, { projectId, name: 'Kicks', visibility: 'public' });
    const [rex] = await people(1, 'Rex');
    await kit.join(rex!, roomId);
    const before = await invite(roomId);
    expect((await kit.gql(KICK, { r: roomId, u: rex }, host)).data).toEqual({ kickRoomMember: true });
    expect(codeOf(await join(rex!, roomId))).toBe('ROOM_KICKED');
    expect(codeOf(await kit.gql(ROOM, { r: roomId }, rex!))).toBe('ROOM_KICKED');
    expect(codeOf(await join(rex!, roomId, { t: before.token }))).toBe('ROOM_KICKED');
    const after = await invite(roomId, { role: 'viewer' });
    expect((await join(rex!, roomId, { t: after.token })).data?.joinRoom).toMatchObject({ me: { role: 'viewer', present: true } });
    const kicked = (await kit.events(roomId)).find(([type]) => type === RoomEventType.MEMBER_KICKED);
    expect(kicked?.[1]).toMatchObject({ member: { userId: rex, present: false } });
    expect(await kit.stack.db.orm.em.fork().count(AuditEvent, { action: 'room.member_kicked', target: `room:${roomId}` })).toBe(1);
  });
});
