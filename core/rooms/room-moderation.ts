import { ErrorCode } from '../../contracts/errors';
import { ROOM_ROLE_RANK, RoomEventType } from '../../contracts/rooms';
import { recordAudit } from '../audit/audit-log';
import { NotFoundError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { publishMember, withRoomLock, type RoomScope } from './room-deps';
import { parseMuteMinutes, parseRole } from './room-input';
import { requireRoom, type RoomStanding } from './room-standing';
import { isPresent } from './room-views';
import { RoomMember } from './room.entities';
import { RoomError, roomForbidden, roomNotFound } from './room.errors';

/** The viewer's standing for `action` aimed at `userId`'s membership (NOT_FOUND when they are no member). */
async function requireTarget(
  scope: RoomScope,
  viewerId: string | null,
  roomId: string,
  userId: string,
  action: 'room:moderate' | 'room:change-role',
) {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  const target = isUuid(userId) ? await scope.em.findOne(RoomMember, { room: roomId, user: userId }) : null;
  if (!target) {
    // Only someone inside learns that the person is not a member.
    await requireRoom(scope.em, viewerId, roomId, 'room:read');
    throw new NotFoundError('Room member', userId);
  }
  return { ...(await requireRoom(scope.em, viewerId, roomId, action, target)), target };
}

/**
 * Removes a member of a lower role (host and moderators): out at once, and refused at the door until an invite
 * created after the kick admits them. Their live connections close (RoomEnforcer.memberRemoved). Kicking twice is
 * harmless.
 */
export async function kickMember(scope: RoomScope, viewerId: string | null, roomId: string, userId: string): Promise<true> {
  const { room, target, actor } = await requireTarget(scope, viewerId, roomId, userId, 'room:moderate');
  if (target.kickedAt) return true;
  const now = new Date();
  target.kickedAt = now;
  target.leftAt ??= now;
  recordAudit(scope.em, {
    actorId: actor.userId,
    action: 'room.member_kicked',
    target: `room:${room.id}`,
    data: { userId, role: target.role },
  });
  await scope.em.flush();
  await publishMember(scope, RoomEventType.MEMBER_KICKED, target);
  await scope.deps.enforcer.memberRemoved(room.id, userId);
  return true;
}

/** Mutes a member of a lower role in chat for `minutes` (1 to 1440; 0 unmutes). */
export async function muteMember(
  scope: RoomScope,
  viewerId: string | null,
  roomId: string,
  userId: string,
  minutes: number,
): Promise<RoomMember> {
  const duration = parseMuteMinutes(minutes);
  const { target } = await requireTarget(scope, viewerId, roomId, userId, 'room:moderate');
  target.mutedUntil = duration === 0 ? null : new Date(Date.now() + duration * 60_000);
  await scope.em.flush();
  await publishMember(scope, RoomEventType.MEMBER_UPDATED, target);
  return target;
}

/**
 * Changes a lower-ranked member's role to one below the viewer's own (a moderator makes participants viewers and
 * back). Giving `host` is the host's alone and hands it over: the target must be inside, and the old host becomes
 * a moderator. Audited; live connections follow (RoomEnforcer.memberRoleChanged: a new viewer loses write access).
 */
export async function setMemberRole(
  scope: RoomScope,
  viewerId: string | null,
  roomId: string,
  userId: string,
  rawRole: string,
): Promise<RoomMember> {
  const role = parseRole(rawRole);
  const standing = await requireTarget(scope, viewerId, roomId, userId, 'room:change-role');
  const { room, target, member } = standing;
  if (target.role === role) return target;
  let changed: RoomMember[];
  if (role === 'host') changed = await handOverHost(scope, standing);
  else {
    // requireRoom let the viewer act on the target; the role given must be below the viewer's own too.
    if (ROOM_ROLE_RANK[role] >= ROOM_ROLE_RANK[member!.role])
      throw roomForbidden(room.id, `A ${member!.role} can only give roles below their own.`);
    target.role = role;
    changed = [target];
  }
  recordAudit(scope.em, { actorId: viewerId, action: 'room.role_changed', target: `room:${room.id}`, data: { userId, role } });
  await scope.em.flush();
  for (const m of changed) {
    await publishMember(scope, RoomEventType.MEMBER_UPDATED, m);
    await scope.deps.enforcer.memberRoleChanged(room.id, m.user.id, m.role);
  }
  return target;
}

/** The host hands host to a member inside, under the room's lock (two racing hand-overs cannot make two hosts). */
async function handOverHost(scope: RoomScope, { room, member, target }: RoomStanding & { target: RoomMember }): Promise<RoomMember[]> {
  if (member?.role !== 'host') throw roomForbidden(room.id, 'Only the host can hand over host.');
  if (!isPresent(target)) throw roomForbidden(room.id, 'Hand host to someone inside the room.');
  return withRoomLock(scope.em, room.id, async (tx) => {
    const host = await tx.findOneOrFail(RoomMember, { id: member.id }, { refresh: true });
    const heir = await tx.findOneOrFail(RoomMember, { id: target.id }, { refresh: true });
    if (host.role !== 'host' || !isPresent(heir))
      throw new RoomError(ErrorCode.ROOM_FORBIDDEN, 'The room changed meanwhile; try again.', room.id);
    heir.role = 'host';
    host.role = 'moderator';
    return [heir, host];
  });
}
