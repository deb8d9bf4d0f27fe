import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../../contracts/errors';
import { loadActor } from '../access/actor';
import { can, type Actor, type Resource, type RoomAction } from '../access/policy';
import { UnauthenticatedError } from '../shared/domain.errors';
import { Room, RoomMember } from './room.entities';
import { RoomError, roomForbidden, roomNotFound } from './room.errors';

/** Where a viewer stands in a room: the room, their membership (if any) and the policy's view of both. */
export interface RoomStanding {
  room: Room;
  member: RoomMember | null;
  actor: Actor;
  resource: Extract<Resource, { kind: 'room' }>;
}

/** The policy's view of a room for `member` (null: not a member). */
export function roomResource(room: Room, teamId: string | null, member: RoomMember | null): Extract<Resource, { kind: 'room' }> {
  return {
    kind: 'room',
    visibility: room.visibility,
    teamId,
    role: member?.role ?? null,
    present: !!member && !member.leftAt && !member.kickedAt,
    kicked: !!member?.kickedAt,
  };
}

/** Loads the room with its project, the viewer's membership and actor; ROOM_NOT_FOUND when there is no such room. */
export async function loadStanding(em: EntityManager, viewerId: string | null, roomId: string): Promise<RoomStanding> {
  const room = await em.findOne(Room, { id: roomId }, { populate: ['project'] });
  if (!room) throw roomNotFound(roomId);
  const [member, actor] = await Promise.all([viewerId ? em.findOne(RoomMember, { room: roomId, user: viewerId }) : null, loadActor(em, viewerId)]);
  const teamId = room.project.getEntity().ownerTeam?.id ?? null;
  return { room, member, actor, resource: roomResource(room, teamId, member) };
}

/**
 * The viewer's standing, after checking `action` with `can()`. Someone who may not even see the room gets
 * ROOM_NOT_FOUND (nothing leaks); a kicked member ROOM_KICKED; a member whose role is too low ROOM_FORBIDDEN.
 * `target` names the member an action is aimed at (kick, mute, role change).
 */
export async function requireRoom(
  em: EntityManager,
  viewerId: string | null,
  roomId: string,
  action: RoomAction,
  target?: RoomMember,
): Promise<RoomStanding> {
  if (!viewerId) throw new UnauthenticatedError('Sign in to use rooms');
  const standing = await loadStanding(em, viewerId, roomId);
  const resource = target ? { ...standing.resource, targetRole: target.role, targetUserId: target.user.id } : standing.resource;
  if (can(standing.actor, action, resource)) return standing;
  if (standing.member?.kickedAt) throw new RoomError(ErrorCode.ROOM_KICKED, 'You were removed from this room.', roomId);
  if (!can(standing.actor, 'room:view', standing.resource)) throw roomNotFound(roomId);
  if (!standing.resource.present && action !== 'room:view') throw roomForbidden(roomId, 'Join the room first.');
  throw roomForbidden(roomId, `Your role in this room (${standing.member?.role ?? 'none'}) does not allow that.`);
}
