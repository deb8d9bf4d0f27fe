import { can } from '../../../../core/access/policy';
import { isPresent } from '../../../../core/rooms/room-views';
import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

/**
 * Rooms: listing, entering and running a room, its members and invite links (rooms.graphql). The roomEvents
 * subscription, runInRoom and Room.sandbox belong to the live layer (room-events.resolvers.ts and its files).
 */
export const roomResolvers: Resolvers = {
  Query: {
    rooms: (_root, { scope, projectId, includeArchived, limit }, ctx) =>
      ctx.rooms.list(requireViewer(ctx), { scope, projectId, includeArchived, limit }),
    room: (_root, { id }, ctx) => ctx.rooms.get(ctx.viewerId, id),
    roomInvite: (_root, { token }, ctx) => ctx.rooms.previewInvite(token),
    roomInvites: (_root, { roomId }, ctx) => ctx.rooms.invites(requireViewer(ctx), roomId),
  },
  Mutation: {
    createRoom: (_root, { input }, ctx) => ctx.rooms.create(requireViewer(ctx), input),
    joinRoom: (_root, { roomId, password, inviteToken }, ctx) =>
      ctx.rooms.join(ctx.viewerId, { roomId, password, inviteToken, ip: ctx.meta.ip }),
    leaveRoom: (_root, { roomId }, ctx) => ctx.rooms.leave(ctx.viewerId, roomId),
    updateRoom: (_root, { id, input }, ctx) => ctx.rooms.update(ctx.viewerId, id, input),
    deleteRoom: (_root, { id }, ctx) => ctx.rooms.delete(ctx.viewerId, id),
    setRoomLocked: (_root, { roomId, locked }, ctx) => ctx.rooms.setLocked(ctx.viewerId, roomId, locked),
    kickRoomMember: (_root, { roomId, userId }, ctx) => ctx.rooms.kick(ctx.viewerId, roomId, userId),
    muteRoomMember: (_root, { roomId, userId, minutes }, ctx) => ctx.rooms.mute(ctx.viewerId, roomId, userId, minutes),
    setRoomMemberRole: (_root, { roomId, userId, role }, ctx) => ctx.rooms.setRole(ctx.viewerId, roomId, userId, role),
    endRoom: (_root, { roomId }, ctx) => ctx.rooms.end(ctx.viewerId, roomId),
    reopenRoom: (_root, { roomId }, ctx) => ctx.rooms.reopen(ctx.viewerId, roomId),
    setRoomTheme: (_root, { roomId, themeId }, ctx) => ctx.rooms.setTheme(ctx.viewerId, roomId, themeId ?? null),
    createRoomInvite: (_root, { input }, ctx) => ctx.rooms.createInvite(requireViewer(ctx), input),
    revokeRoomInvite: (_root, { id }, ctx) => ctx.rooms.revokeInvite(requireViewer(ctx), id),
  },
  Room: {
    hasPassword: (room) => !!room.passwordHash,
    themeId: (room) => room.themeId ?? null,
    archivedAt: (room) => room.archivedAt ?? null,
    maxCapacity: (room, _args, ctx) => ctx.rooms.maxCapacity(room),
    presentCount: (room, _args, ctx) => ctx.rooms.presentCount(room.id),
    project: async (room, _args, ctx) => {
      const [project, { actor, resource }] = await Promise.all([room.project.load(), ctx.rooms.standing(ctx.viewerId, room.id)]);
      const { id, name, framework, archivedAt } = project!;
      return { id, name, framework, canEdit: !archivedAt && can(actor, 'room:edit', resource) };
    },
    me: async (room, _args, ctx) => (await ctx.rooms.standing(ctx.viewerId, room.id)).member,
    host: async (room, _args, ctx) => (await ctx.rooms.presentMembers(room.id)).find((m) => m.role === 'host') ?? null,
    members: async (room, _args, ctx) => {
      const { actor, resource } = await ctx.rooms.standing(ctx.viewerId, room.id);
      return can(actor, 'room:read', resource) ? ctx.rooms.presentMembers(room.id) : [];
    },
    eventCursor: (room, _args, ctx) => ctx.roomEvents.cursor(room.id),
  },
  RoomMember: {
    userId: (member) => member.user.id,
    displayName: async (member) => (await member.user.load())?.displayName ?? '',
    present: (member) => isPresent(member),
    mutedUntil: (member) => member.mutedUntil ?? null,
  },
  RoomInvite: {
    maxUses: (invite) => invite.maxUses ?? null,
    revoked: (invite) => !!invite.revokedAt,
  },
};
