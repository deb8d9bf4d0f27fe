import type { ProjectEvent } from '../../../../core/events/project-event-stream';
import { notificationFromEvent } from '../../../../core/rooms/notification-feed';
import { ServiceUnavailableError } from '../../../../core/shared/domain.errors';
import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

/** A room's chat (messages, history) and the caller's notifications, live ones included (chat.graphql). */
export const chatResolvers: Resolvers = {
  Query: {
    roomMessages: (_root, { roomId, before, limit }, ctx) => ctx.chat.page(requireViewer(ctx), roomId, { before, limit }),
    notifications: (_root, { unreadOnly, limit }, ctx) => ctx.chat.notifications.list(requireViewer(ctx), { unreadOnly, limit }),
  },
  Mutation: {
    sendRoomMessage: (_root, { input }, ctx) => ctx.chat.send(requireViewer(ctx), input),
    editRoomMessage: (_root, { id, body }, ctx) => ctx.chat.edit(requireViewer(ctx), id, body),
    deleteRoomMessage: (_root, { id }, ctx) => ctx.chat.delete(requireViewer(ctx), id),
    markNotificationsRead: (_root, { ids }, ctx) => ctx.chat.notifications.markRead(requireViewer(ctx), ids),
  },
  Subscription: {
    notificationAdded: {
      subscribe: async (_root, _args, ctx) => {
        const feed = ctx.chat.notifications.follow(requireViewer(ctx));
        if (!feed) throw new ServiceUnavailableError('Live notifications');
        return (await feed) as AsyncIterable<never>;
      },
      resolve: (event: ProjectEvent) => notificationFromEvent(event),
    },
  },
};
