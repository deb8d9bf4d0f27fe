import type { EntityManager } from '@mikro-orm/postgresql';
import { ROOM_ROLE_RANK } from '../../contracts/rooms';
import { UnauthenticatedError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { createRoom, maxCapacityOf, reopenRoom } from './room-create';
import type { RoomScope, RoomServiceDeps } from './room-deps';
import { joinRoom, type JoinRequest } from './room-entry';
import { leaveRoom } from './room-host';
import { createInvite, listInvites, previewInvite, revokeInvite, type RoomInvitePreview } from './room-invites';
import { listRooms, type RoomListQuery } from './room-listing';
import { kickMember, muteMember, setMemberRole } from './room-moderation';
import { deleteRoom, endRoom, setRoomLocked, setRoomTheme, updateRoom } from './room-settings';
import { loadStanding, requireRoom, type RoomStanding } from './room-standing';
import { RoomMember, type Room, type RoomInvite } from './room.entities';
import { roomNotFound } from './room.errors';

export type { RoomServiceDeps } from './room-deps';
export type { JoinRequest } from './room-entry';
export type { RoomListQuery, RoomListScope } from './room-listing';

/**
 * Coding rooms (issue 14) for one request: creating, listing and entering rooms, their settings, moderation and
 * invite links. Every operation asks `can()` (through requireRoom), publishes what changed on the room's event
 * stream and records activity for the lifecycle. The rules live in the small modules this delegates to:
 * room-create (create, reopen), room-entry (join rules), room-host (leave, host passing), room-settings (update,
 * lock, theme, end, delete), room-moderation (kick, mute, roles), room-invites, room-listing.
 */
export class RoomService {
  private readonly scope: RoomScope;
  private readonly standings = new Map<string, Promise<RoomStanding>>();

  constructor(em: EntityManager, deps: RoomServiceDeps) {
    this.scope = { em, deps };
  }

  /** A room the viewer may see (room:view); ROOM_NOT_FOUND otherwise. */
  async get(viewerId: string | null, roomId: string): Promise<Room> {
    if (!viewerId) throw new UnauthenticatedError('Sign in to use rooms');
    if (!isUuid(roomId)) throw roomNotFound(roomId);
    return (await requireRoom(this.scope.em, viewerId, roomId, 'room:view')).room;
  }

  /**
   * Where the viewer stands in a room, loaded once per request: the Room type's fields read it after any mutation of
   * the request is done, so the memo never holds a state from before a change.
   */
  standing(viewerId: string | null, roomId: string): Promise<RoomStanding> {
    const key = `${viewerId}:${roomId}`;
    let standing = this.standings.get(key);
    if (!standing) {
      standing = loadStanding(this.scope.em, viewerId, roomId);
      this.standings.set(key, standing);
    }
    return standing;
  }

  list(viewerId: string, query: RoomListQuery): Promise<Room[]> {
    return listRooms(this.scope, viewerId, query);
  }

  create(viewerId: string, input: Record<string, unknown>): Promise<Room> {
    return createRoom(this.scope, viewerId, input);
  }

  join(viewerId: string | null, request: JoinRequest): Promise<Room> {
    return joinRoom(this.scope, viewerId, request);
  }

  leave(viewerId: string | null, roomId: string): Promise<boolean> {
    return leaveRoom(this.scope, viewerId, roomId);
  }

  update(viewerId: string | null, roomId: string, input: Record<string, unknown>): Promise<Room> {
    return updateRoom(this.scope, viewerId, roomId, input);
  }

  delete(viewerId: string | null, roomId: string): Promise<true> {
    return deleteRoom(this.scope, viewerId, roomId);
  }

  setLocked(viewerId: string | null, roomId: string, locked: boolean): Promise<Room> {
    return setRoomLocked(this.scope, viewerId, roomId, locked);
  }

  setTheme(viewerId: string | null, roomId: string, themeId: string | null): Promise<Room> {
    return setRoomTheme(this.scope, viewerId, roomId, themeId);
  }

  end(viewerId: string | null, roomId: string): Promise<Room> {
    return endRoom(this.scope, viewerId, roomId);
  }

  reopen(viewerId: string | null, roomId: string): Promise<Room> {
    return reopenRoom(this.scope, viewerId, roomId);
  }

  kick(viewerId: string | null, roomId: string, userId: string): Promise<true> {
    return kickMember(this.scope, viewerId, roomId, userId);
  }

  mute(viewerId: string | null, roomId: string, userId: string, minutes: number): Promise<RoomMember> {
    return muteMember(this.scope, viewerId, roomId, userId, minutes);
  }

  setRole(viewerId: string | null, roomId: string, userId: string, role: string): Promise<RoomMember> {
    return setMemberRole(this.scope, viewerId, roomId, userId, role);
  }

  createInvite(viewerId: string, input: Record<string, unknown>): Promise<{ invite: RoomInvite; token: string }> {
    return createInvite(this.scope, viewerId, input);
  }

  revokeInvite(viewerId: string, inviteId: string): Promise<true> {
    return revokeInvite(this.scope, viewerId, inviteId);
  }

  invites(viewerId: string, roomId: string): Promise<RoomInvite[]> {
    return listInvites(this.scope, viewerId, roomId);
  }

  previewInvite(token: string): Promise<RoomInvitePreview> {
    return previewInvite(this.scope, token);
  }

  /** The most people the room's host may set: its creator's tier maximum. */
  maxCapacity(room: Room): Promise<number> {
    return maxCapacityOf(this.scope, room.createdBy.id);
  }

  /** Members inside now: the host first, then by role and arrival. */
  async presentMembers(roomId: string): Promise<RoomMember[]> {
    const inside = await this.scope.em.find(
      RoomMember,
      { room: roomId, leftAt: null, kickedAt: null },
      { populate: ['user'], orderBy: { joinedAt: 'asc' } },
    );
    return inside.sort((a, b) => ROOM_ROLE_RANK[b.role] - ROOM_ROLE_RANK[a.role]);
  }

  presentCount(roomId: string): Promise<number> {
    return this.scope.em.count(RoomMember, { room: roomId, leftAt: null, kickedAt: null });
  }
}
