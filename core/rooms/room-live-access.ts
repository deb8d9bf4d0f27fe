/**
 * What a room member may do with the project's live documents (the project's Liveblocks room) while inside a
 * coding room, and how a refusal reads. One rule for `/liveblocks-auth` (minting) and LiveAccess (re-checking
 * open sockets and room event streams), so the two never disagree.
 */
import { ErrorCode } from '../../contracts/errors';
import { can, type Actor, type Resource } from '../access/policy';
import { RoomError, roomForbidden, roomNotFound } from './room.errors';

type RoomResource = Extract<Resource, { kind: 'room' }>;

/**
 * `write` for someone who may edit in the room (participant and above, present, not kicked) while the project
 * is not archived; `read` for anyone else inside (viewers, or everyone on an archived project); null for
 * people who are not inside.
 */
export function roomDocumentAccess(actor: Actor, room: RoomResource, projectArchived: boolean): 'write' | 'read' | null {
  if (!can(actor, 'room:read', room)) return null;
  return can(actor, 'room:edit', room) && !projectArchived ? 'write' : 'read';
}

/**
 * Why someone who is not inside is refused, in the same terms as `requireRoom`: ROOM_KICKED for a kicked
 * member, ROOM_NOT_FOUND for a room they may not even see (nothing leaks), ROOM_FORBIDDEN otherwise.
 */
export function roomRefusal(roomId: string, actor: Actor, room: RoomResource): RoomError {
  if (room.kicked) return new RoomError(ErrorCode.ROOM_KICKED, 'You were removed from this room.', roomId);
  if (!can(actor, 'room:view', room)) return roomNotFound(roomId);
  return roomForbidden(roomId, 'You are not in this room: join it first.');
}
