/**
 * The access a coding room's member gets to the room's project documents (`POST /liveblocks-auth` with
 * `coding`): decided by the room's membership and `can()`, not by access to the project, since people invited
 * into a room need not be members of the project or its team.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { roomDocumentAccess, roomRefusal } from '../../../../core/rooms/room-live-access';
import { loadStanding } from '../../../../core/rooms/room-standing';
import { roomForbidden, roomNotFound } from '../../../../core/rooms/room.errors';
import { isUuid } from '../../../../core/shared/validation';

/**
 * `write` for a present participant (or above) of room `roomId` over an unarchived project, `read` for a present
 * viewer (or anyone inside while the project is archived). Throws a RoomError otherwise: ROOM_NOT_FOUND (no such
 * room, or one the caller may not see), ROOM_KICKED, ROOM_FORBIDDEN (not inside, or the room works on another
 * project than `projectId`).
 */
export async function codingRoomAccess(em: EntityManager, viewerId: string, roomId: string, projectId: string): Promise<'write' | 'read'> {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  const { room, actor, resource } = await loadStanding(em, viewerId, roomId);
  const access = roomDocumentAccess(actor, resource, Boolean(room.project.getEntity().archivedAt));
  if (!access) throw roomRefusal(roomId, actor, resource);
  // Checked after membership, so only the room's own members learn which project it works on.
  if (room.project.id !== projectId) throw roomForbidden(roomId, 'This room works on another project.');
  return access;
}
