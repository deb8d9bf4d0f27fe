import { ErrorCode } from '../../contracts/errors';
import { RoomEventType } from '../../contracts/rooms';
import { recordAudit } from '../audit/audit-log';
import { isUuid } from '../shared/validation';
import { maxCapacityOf } from './room-create';
import { publishRoom, type RoomScope } from './room-deps';
import { assertCapacity, parseThemeId, parseUpdateRoomInput } from './room-input';
import { hashRoomPassword } from './room-passwords';
import { requireRoom } from './room-standing';
import { isPresent } from './room-views';
import { type Room, RoomMember } from './room.entities';
import { RoomError, roomNotFound } from './room.errors';

const archived = (roomId: string) => new RoomError(ErrorCode.ROOM_ARCHIVED, 'This room is archived; reopen it first.', roomId);

/** The standing for `action` in a live room; an archived room answers ROOM_ARCHIVED to anyone who may see it. */
async function requireLive(scope: RoomScope, viewerId: string | null, roomId: string, action: 'room:update' | 'room:lock' | 'room:end') {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  // Everyone has left an archived room, so the role check alone would say "join first" instead.
  const { room } = await requireRoom(scope.em, viewerId, roomId, 'room:view');
  if (room.status === 'archived') throw archived(roomId);
  return requireRoom(scope.em, viewerId, roomId, action);
}

/**
 * The host changes the room's name, description, visibility, capacity (2 to the creator's tier maximum; lowering
 * it below the people inside only stops new joins) or password ('' removes it).
 */
export async function updateRoom(scope: RoomScope, viewerId: string | null, roomId: string, raw: Record<string, unknown>): Promise<Room> {
  const input = parseUpdateRoomInput(raw);
  const { room } = await requireLive(scope, viewerId, roomId, 'room:update');
  if (input.capacity !== undefined) assertCapacity(input.capacity, await maxCapacityOf(scope, room.createdBy.id));
  const { password, ...fields } = input;
  Object.assign(room, fields);
  if (password !== undefined) room.passwordHash = password === '' ? null : await hashRoomPassword(password);
  await scope.em.flush();
  await publishRoom(scope, RoomEventType.ROOM_UPDATED, room);
  await scope.deps.activity.touch(room, 'update', viewerId!);
  return room;
}

/** Host and moderators: while locked nobody new joins (the host and moderators still may). */
export async function setRoomLocked(scope: RoomScope, viewerId: string | null, roomId: string, locked: boolean): Promise<Room> {
  const { room } = await requireLive(scope, viewerId, roomId, 'room:lock');
  if (room.locked === locked) return room;
  room.locked = locked;
  await scope.em.flush();
  await publishRoom(scope, RoomEventType.ROOM_UPDATED, room);
  await scope.deps.activity.touch(room, 'update', viewerId!);
  return room;
}

/** The host's theme, which everyone follows unless they opted out (null: each their own). */
export async function setRoomTheme(scope: RoomScope, viewerId: string | null, roomId: string, rawThemeId: string | null): Promise<Room> {
  const themeId = parseThemeId(rawThemeId);
  const { room } = await requireLive(scope, viewerId, roomId, 'room:update');
  room.themeId = themeId;
  await scope.em.flush();
  await scope.deps.events.publish(room.id, RoomEventType.THEME_CHANGED, { themeId });
  await scope.deps.activity.touch(room, 'update', viewerId!);
  return room;
}

/**
 * Host and moderators archive the room now through its lifecycle (files flushed, sandbox gone, lease released,
 * chat kept), and get the archived room back.
 */
export async function endRoom(scope: RoomScope, viewerId: string | null, roomId: string): Promise<Room> {
  const { room } = await requireLive(scope, viewerId, roomId, 'room:end');
  await scope.deps.lifecycle.end(room.id, room.session, viewerId!);
  return scope.em.refreshOrFail(room);
}

/**
 * The host deletes the room with its chat and invites. A live room is ended first (its lifecycle cleans up the
 * sandbox, the Liveblocks room and the lease); everyone inside is then out (RoomEnforcer.memberRemoved).
 */
export async function deleteRoom(scope: RoomScope, viewerId: string | null, roomId: string): Promise<true> {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  const { room } = await requireRoom(scope.em, viewerId, roomId, 'room:delete');
  if (room.status !== 'archived') await scope.deps.lifecycle.end(room.id, room.session, viewerId!);
  const inside = (await scope.em.find(RoomMember, { room: room.id }, { refresh: true })).filter(isPresent).map((m) => m.user.id);
  recordAudit(scope.em, {
    actorId: viewerId,
    action: 'room.deleted',
    target: `room:${room.id}`,
    data: { name: room.name, projectId: room.project.id },
  });
  scope.em.remove(room);
  await scope.em.flush();
  // The lifecycle released the lease at archive; releasing again is a no-op, and frees it should that have failed.
  await scope.deps.leases.release(room.createdBy.id, 'rooms', room.id);
  await scope.deps.events.publish(room.id, RoomEventType.ROOM_ARCHIVED, { room: { id: room.id }, deleted: true });
  await scope.deps.events.expire(room.id, 3_600);
  for (const userId of inside) await scope.deps.enforcer.memberRemoved(room.id, userId);
  return true;
}
