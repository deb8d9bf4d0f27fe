import type { EntityManager } from '@mikro-orm/postgresql';
import { RoomEventType } from '../../contracts/rooms';
import { can } from '../access/policy';
import { UnauthenticatedError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { publishMember, withRoomLock, type RoomScope } from './room-deps';
import { loadStanding } from './room-standing';
import { isPresent } from './room-views';
import { RoomMember } from './room.entities';
import { roomNotFound } from './room.errors';

/** Who inherits host, strongest role first; within a role, whoever has been inside longest. */
const HEIRS = ['moderator', 'participant', 'viewer'] as const;

/**
 * Under the room's row lock: hands host from `leaving` to the present moderator who came in first, else the
 * longest-present participant, else viewer; the old host stays a member as a moderator. With nobody inside the
 * room keeps no present host, and `leaving` keeps the role until they come back. Returns the new host.
 */
export async function passHost(tx: EntityManager, leaving: RoomMember): Promise<RoomMember | null> {
  const inside = await tx.find(
    RoomMember,
    { room: leaving.room.id, leftAt: null, kickedAt: null, id: { $ne: leaving.id } },
    { orderBy: { joinedAt: 'asc' }, refresh: true },
  );
  const heir = HEIRS.map((role) => inside.find((m) => m.role === role)).find(Boolean) ?? null;
  if (!heir) return null;
  heir.role = 'host';
  leaving.role = 'moderator';
  return heir;
}

/**
 * The viewer leaves the room (their membership and chat stay); a leaving host hands host on (passHost). False when
 * they were not inside. Their live connections close (RoomEnforcer.memberRemoved).
 */
export async function leaveRoom(scope: RoomScope, viewerId: string | null, roomId: string): Promise<boolean> {
  if (!viewerId) throw new UnauthenticatedError('Sign in to use rooms');
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  const { room, member, actor, resource } = await loadStanding(scope.em, viewerId, roomId);
  if (!member) {
    if (!can(actor, 'room:view', resource)) throw roomNotFound(room.id);
    return false;
  }
  const result = await withRoomLock(scope.em, room.id, async (tx) => {
    const current = await tx.findOneOrFail(RoomMember, { id: member.id }, { refresh: true });
    if (!isPresent(current)) return null;
    current.leftAt = new Date();
    return { left: current, heir: current.role === 'host' ? await passHost(tx, current) : null };
  });
  if (!result) return false;
  await publishMember(scope, RoomEventType.MEMBER_LEFT, result.left);
  if (result.heir) await publishMember(scope, RoomEventType.MEMBER_UPDATED, result.heir);
  await scope.deps.enforcer.memberRemoved(room.id, viewerId);
  if (result.heir) await scope.deps.enforcer.memberRoleChanged(room.id, result.heir.user.id, 'host');
  return true;
}
