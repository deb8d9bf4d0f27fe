import { ErrorCode } from '../../contracts/errors';
import { RoomEventType, type RoomRole } from '../../contracts/rooms';
import { can } from '../access/policy';
import { UnauthenticatedError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { User } from '../user/user.entity';
import { publishMember, withRoomLock, type RoomScope } from './room-deps';
import { findUsableInvite, isUsable } from './room-invites';
import { checkRoomPassword } from './room-passwords';
import { loadStanding, roomResource, type RoomStanding } from './room-standing';
import { isPresent } from './room-views';
import { RoomInvite, RoomMember, type Room } from './room.entities';
import { RoomError, roomNotFound } from './room.errors';

/** How someone asks to come in: by room id (with the password if it has one), or with an invite link's token. */
export interface JoinRequest {
  roomId?: string | null;
  password?: string | null;
  inviteToken?: string | null;
  /** The caller's address, for the per-IP wrong-password window. */
  ip?: string | null;
}

/** Host and moderators may enter a locked room: they are the ones who unlock it. */
const STAFF: readonly RoomRole[] = ['host', 'moderator'];

/**
 * Lets the viewer into a room. The rules, in order:
 * - an invite link (`inviteToken`) must be usable (ROOM_INVITE_INVALID); it stands in for the room's visibility and
 *   password, and readmits someone kicked before it was created; it never overrides the lock or the capacity;
 * - someone already inside re-enters as a no-op (no rule applies, nothing is counted);
 * - kicked → ROOM_KICKED; a room they may not see → ROOM_NOT_FOUND; archived → ROOM_ARCHIVED;
 * - locked → ROOM_LOCKED, except for the room's host and moderators;
 * - a password (except for the room's host, who may change it anyway): missing → ROOM_PASSWORD_REQUIRED, wrong →
 *   ROOM_PASSWORD_INVALID, too many wrong ones → ROOM_PASSWORD_ATTEMPTS (room-passwords.ts);
 * - capacity, under the room's row lock so racing joins never exceed it → ROOM_FULL.
 * A new member is a participant (or the invite's role); a returning one keeps their role.
 */
export async function joinRoom(scope: RoomScope, viewerId: string | null, request: JoinRequest): Promise<Room> {
  if (!viewerId) throw new UnauthenticatedError('Sign in to join a room');
  const invite = request.inviteToken ? await findUsableInvite(scope, request.inviteToken) : null;
  const roomId = invite?.room.id ?? request.roomId;
  if (!roomId) throw new ValidationError([{ field: 'roomId', message: 'Name the room, or use an invite link' }]);
  if (invite && request.roomId && request.roomId !== roomId)
    throw new RoomError(ErrorCode.ROOM_INVITE_INVALID, 'This invite link is for another room.', request.roomId);
  if (!isUuid(roomId)) throw roomNotFound(roomId);

  const standing = await loadStanding(scope.em, viewerId, roomId);
  const { room, member } = standing;
  if (member && isPresent(member)) return room;
  assertMayEnter(standing, invite);
  if (room.passwordHash && !invite && member?.role !== 'host') {
    if (!request.password) throw new RoomError(ErrorCode.ROOM_PASSWORD_REQUIRED, 'This room needs its password.', room.id);
    await checkRoomPassword(scope.deps.rateLimiter, { id: room.id, passwordHash: room.passwordHash }, request.password, request.ip ?? null);
  }

  const joined = await withRoomLock(scope.em, room.id, async (tx, locked) => {
    const current = await tx.findOne(RoomMember, { room: room.id, user: viewerId }, { refresh: true });
    if (current && isPresent(current)) return null;
    // Re-checked under the lock: the room may have been locked or archived since the checks above.
    assertMayEnter(
      { ...standing, room: locked, member: current, resource: roomResource(locked, standing.resource.teamId, current) },
      invite,
    );
    if (invite) await useInvite(tx, invite.id, room.id);
    const inside = await tx.count(RoomMember, { room: room.id, leftAt: null, kickedAt: null });
    if (inside >= locked.capacity) throw new RoomError(ErrorCode.ROOM_FULL, `This room is full (${locked.capacity} people).`, room.id);
    const now = new Date();
    if (!current)
      return tx.create(RoomMember, {
        room: locked,
        user: tx.getReference(User, viewerId),
        role: invite?.role ?? 'participant',
        joinedAt: now,
      });
    if (current.kickedAt) Object.assign(current, { kickedAt: null, mutedUntil: null, role: invite!.role });
    Object.assign(current, { leftAt: null, joinedAt: now });
    return current;
  });
  if (joined) {
    await publishMember(scope, RoomEventType.MEMBER_JOINED, joined);
    await scope.deps.activity.touch(room, 'join', viewerId);
  }
  return room;
}

/** The entry rules that do not need the lock's count: kicked, visibility, archived, lock. */
function assertMayEnter({ room, member, actor, resource }: RoomStanding, invite: RoomInvite | null): void {
  if (member?.kickedAt && !(invite && invite.createdAt > member.kickedAt))
    throw new RoomError(ErrorCode.ROOM_KICKED, 'You were removed from this room.', room.id);
  if (!invite && !can(actor, 'room:join', resource)) throw roomNotFound(room.id);
  if (room.status === 'archived') throw new RoomError(ErrorCode.ROOM_ARCHIVED, 'This room is archived; its host can reopen it.', room.id);
  const staff = !!member && !member.kickedAt && STAFF.includes(member.role);
  if (room.locked && !staff) throw new RoomError(ErrorCode.ROOM_LOCKED, 'This room is locked: nobody new can join right now.', room.id);
}

/** Counts one use of an invite under the room's lock, so a single-use link admits exactly one person. */
async function useInvite(tx: RoomScope['em'], inviteId: string, roomId: string): Promise<void> {
  const invite = await tx.findOneOrFail(RoomInvite, { id: inviteId }, { refresh: true });
  if (!isUsable(invite))
    throw new RoomError(ErrorCode.ROOM_INVITE_INVALID, 'This invite link is not valid: it expired, was used up or was revoked.', roomId);
  invite.uses += 1;
}
