import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  CreateRoomDocument,
  CreateRoomInviteDocument,
  DeleteRoomDocument,
  EndRoomDocument,
  JoinRoomDocument,
  KickRoomMemberDocument,
  LeaveRoomDocument,
  MuteRoomMemberDocument,
  ReopenRoomDocument,
  RevokeRoomInviteDocument,
  RoomDocument,
  RoomInsideDocument,
  RoomInvitePreviewDocument,
  RoomInvitesDocument,
  RoomProjectsDocument,
  RoomsDocument,
  RunInRoomDocument,
  SetRoomLockedDocument,
  SetRoomMemberRoleDocument,
  SetRoomThemeDocument,
  UpdateRoomDocument,
} from '../../../generated/rooms';
import type {
  CreateRoomInput,
  CreateRoomInviteInput,
  RoomListScope,
  RoomScript,
  UpdateRoomInput,
} from '../../../generated/schema';
import type { RoomResult } from '../models/room-error';
import { roomResult } from './room-result';

/** How a room is entered: its password, or an invite link's token (which names the room itself). */
export interface JoinRequest {
  readonly roomId?: string;
  readonly password?: string;
  readonly inviteToken?: string;
}

/** The rooms feature's view of the GraphQL API; every call ends in a `RoomResult` (errors are state). */
@Injectable({ providedIn: 'root' })
export class RoomsApi {
  private readonly apollo = inject(Apollo);

  private query<D, V extends Record<string, unknown>, T>(
    query: Parameters<Apollo['query']>[0]['query'] & { __apiType?: (v: V) => D },
    variables: V,
    pick: (d: D) => T | null | undefined,
  ): Promise<RoomResult<T>> {
    return roomResult(this.apollo.query({ query, variables, fetchPolicy: 'network-only' }), pick);
  }

  private mutate<D, V extends Record<string, unknown>, T>(
    mutation: Parameters<Apollo['mutate']>[0]['mutation'] & { __apiType?: (v: V) => D },
    variables: V,
    pick: (d: D) => T | null | undefined,
  ): Promise<RoomResult<T>> {
    return roomResult(this.apollo.mutate({ mutation, variables }), pick);
  }

  list(scope: RoomListScope, includeArchived = false) {
    return this.query(RoomsDocument, { scope, includeArchived }, (d) => d.rooms);
  }

  /** Projects the caller may open a room over (editable, not archived). */
  async editableProjects() {
    const result = await this.query(RoomProjectsDocument, {}, (d) => d.projects);
    if (!result.ok) return result;
    const value = result.value.filter((p) => p.myAccess.canEdit && !p.archivedAt);
    return { ok: true as const, value };
  }

  /** The room as the join screen needs it. */
  room(id: string) {
    return this.query(RoomDocument, { id }, (d) => d.room);
  }

  /** The room with its members and sandbox (inside only). */
  inside(id: string) {
    return this.query(RoomInsideDocument, { id }, (d) => d.room);
  }

  invitePreview(token: string) {
    return this.query(RoomInvitePreviewDocument, { token }, (d) => d.roomInvite);
  }

  invites(roomId: string) {
    return this.query(RoomInvitesDocument, { roomId }, (d) => d.roomInvites);
  }

  create(input: CreateRoomInput) {
    return this.mutate(CreateRoomDocument, { input }, (d) => d.createRoom.id);
  }

  /** Resolves to the room's id. */
  join(request: JoinRequest) {
    const { roomId = null, password = null, inviteToken = null } = request;
    return this.mutate(JoinRoomDocument, { roomId, password, inviteToken }, (d) => d.joinRoom.id);
  }

  leave(roomId: string) {
    return this.mutate(LeaveRoomDocument, { roomId }, (d) => d.leaveRoom);
  }

  update(id: string, input: UpdateRoomInput) {
    return this.mutate(UpdateRoomDocument, { id, input }, (d) => d.updateRoom);
  }

  delete(id: string) {
    return this.mutate(DeleteRoomDocument, { id }, (d) => d.deleteRoom);
  }

  setLocked(roomId: string, locked: boolean) {
    return this.mutate(SetRoomLockedDocument, { roomId, locked }, (d) => d.setRoomLocked);
  }

  kick(roomId: string, userId: string) {
    return this.mutate(KickRoomMemberDocument, { roomId, userId }, (d) => d.kickRoomMember);
  }

  mute(roomId: string, userId: string, minutes: number) {
    return this.mutate(MuteRoomMemberDocument, { roomId, userId, minutes }, (d) => d.muteRoomMember);
  }

  setRole(roomId: string, userId: string, role: string) {
    return this.mutate(SetRoomMemberRoleDocument, { roomId, userId, role }, (d) => d.setRoomMemberRole);
  }

  end(roomId: string) {
    return this.mutate(EndRoomDocument, { roomId }, (d) => d.endRoom);
  }

  reopen(roomId: string) {
    return this.mutate(ReopenRoomDocument, { roomId }, (d) => d.reopenRoom);
  }

  setTheme(roomId: string, themeId: string | null) {
    return this.mutate(SetRoomThemeDocument, { roomId, themeId }, (d) => d.setRoomTheme);
  }

  createInvite(input: CreateRoomInviteInput) {
    return this.mutate(CreateRoomInviteDocument, { input }, (d) => d.createRoomInvite);
  }

  revokeInvite(id: string) {
    return this.mutate(RevokeRoomInviteDocument, { id }, (d) => d.revokeRoomInvite);
  }

  run(roomId: string, script: RoomScript) {
    return this.mutate(RunInRoomDocument, { roomId, script }, (d) => d.runInRoom);
  }
}
