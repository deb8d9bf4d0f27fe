import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../core/access/policy';
import { roomDocumentAccess, roomRefusal } from '../../core/rooms/room-live-access';
import { roomResource } from '../../core/rooms/room-standing';
import { Room, RoomMember } from '../../core/rooms/room.entities';
import { roomForbidden, roomNotFound } from '../../core/rooms/room.errors';

/** What a coding-room stream is held by (LiveAccess's `CodingRoomStream`). */
interface HeldInRoom {
  readonly codingRoomId: string;
  readonly viewerId: string;
  readonly needs?: 'read' | 'edit';
}

/** Why a coding-room stream must end (given its holder as the policy sees them), or null while it may run. */
export type RoomVerdict = (stream: HeldInRoom, actor: Actor) => Error | null;

/**
 * Loads what the coding-room streams depend on, in two queries however many there are: their rooms (with each
 * room's project, for its team and whether it is archived) and their holders' memberships, by
 * `(room_id, user_id) IN (…)`. The verdict then runs in memory, with the same rule `/liveblocks-auth` mints by.
 */
export async function codingRoomVerdicts(em: EntityManager, streams: readonly HeldInRoom[]): Promise<RoomVerdict> {
  if (streams.length === 0) return () => null;
  const pairs = [...new Map(streams.map((s) => [`${s.codingRoomId}|${s.viewerId}`, [s.codingRoomId, s.viewerId]])).values()];
  const [rooms, rows] = await Promise.all([
    em.find(Room, { id: { $in: [...new Set(streams.map((s) => s.codingRoomId))] } }, { populate: ['project'] }),
    em.getKnex()('room_members').select('*').whereIn(['room_id', 'user_id'], pairs) as Promise<Record<string, unknown>[]>,
  ]);
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const members = new Map(rows.map((row) => em.map(RoomMember, row)).map((m) => [`${m.room.id}|${m.user.id}`, m]));
  return (stream, actor) => {
    const room = roomById.get(stream.codingRoomId);
    if (!room) return roomNotFound(stream.codingRoomId);
    const project = room.project.getEntity();
    const resource = roomResource(room, project.ownerTeam?.id ?? null, members.get(`${room.id}|${stream.viewerId}`) ?? null);
    const access = roomDocumentAccess(actor, resource, Boolean(project.archivedAt));
    if (!access) return roomRefusal(room.id, actor, resource);
    if (stream.needs === 'edit' && access !== 'write') return roomForbidden(room.id, 'You may no longer edit in this room.');
    return null;
  };
}
