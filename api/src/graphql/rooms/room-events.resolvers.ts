/**
 * `roomEvents`: a coding room's live stream (chat, members, theme, runs) for the people inside. Authorised at the
 * start (room:read: present, not kicked) and for as long as it runs: LiveAccess watches it as a coding-room
 * stream, so a kick ends it with ROOM_KICKED and leaving with ROOM_FORBIDDEN, within a tick.
 */
import { isStreamId, type ProjectEvent } from '../../../../core/events/project-event-stream';
import { toRoomEvent } from '../../../../core/rooms/room-event-stream';
import { requireRoom } from '../../../../core/rooms/room-standing';
import { roomNotFound } from '../../../../core/rooms/room.errors';
import { ValidationError } from '../../../../core/shared/domain.errors';
import { isUuid } from '../../../../core/shared/validation';
import type { Resolvers } from '../../generated/graphql';

export const roomEventResolvers: Resolvers = {
  Subscription: {
    roomEvents: {
      subscribe: async (_root, { roomId, after }, { em, viewerId, sessionId, roomEvents, liveAccess }) => {
        if (!isStreamId(after))
          throw new ValidationError([{ field: 'after', message: 'after must be an event id such as 1732712345678-0 (Room.eventCursor)' }]);
        if (!isUuid(roomId)) throw roomNotFound(roomId);
        const { member } = await requireRoom(em, viewerId, roomId, 'room:read');
        const subscription = roomEvents.subscribe(roomId, after);
        liveAccess?.watch({ viewerId: member!.user.id, sessionId, codingRoomId: roomId, subscription });
        return subscription as AsyncIterable<never>;
      },
      resolve: (event: ProjectEvent) => toRoomEvent(event),
    },
  },
  RoomEvent: {
    data: (event) => event.data ?? null,
  },
};
