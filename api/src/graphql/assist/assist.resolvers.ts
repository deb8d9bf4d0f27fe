/**
 * Editor actions (issue 17): capabilities, the viewer's requests, start / decide / cancel, and `assistStream` for
 * both an action's request and a chat reply. The service (core/assist/assist.service.ts) holds every rule.
 */
import { requestView } from '../../../../core/assist/assist-views';
import { isStreamId } from '../../../../core/events/project-event-stream';
import { ValidationError } from '../../../../core/shared/domain.errors';
import type { Resolvers } from '../../generated/graphql';
import { endedStream, streamExists, streamOwner, untilEnd } from './assist-stream';

export const assistResolvers: Resolvers = {
  Query: {
    assistCapabilities: (_root, { projectId }, { assist, viewerId }) => assist.capabilities(viewerId, projectId),
    assistRequest: async (_root, { id }, { assist, viewerId }) => {
      const row = await assist.get(viewerId, id);
      return row && requestView(row);
    },
    assistRequests: async (_root, { projectId, limit }, { assist, viewerId }) => (await assist.list(viewerId, projectId, limit ?? 20)).map(requestView),
  },
  Mutation: {
    startAssist: async (_root, { input }, { assist, viewerId }) => requestView(await assist.start(viewerId, input)),
    decideAssist: async (_root, { id, accept }, { assist, viewerId }) => requestView(await assist.decide(viewerId, id, accept)),
    cancelAssist: async (_root, { id }, { assist, viewerId }) => requestView(await assist.cancel(viewerId, id)),
  },
  Subscription: {
    assistStream: {
      subscribe: async (_root, { id, after }, { em, viewerId, sessionId, assistEvents, liveAccess }) => {
        if (after != null && !isStreamId(after)) throw new ValidationError([{ field: 'after', message: 'after must be an event id such as 1732712345678-0' }]);
        const owner = await streamOwner(em, viewerId, id);
        if (owner.ended && !(await streamExists(assistEvents, id))) return endedStream(id, after ?? null, owner.ended) as AsyncIterable<never>;
        const subscription = assistEvents.subscribe(id, after ?? '0-0');
        liveAccess?.watch({ viewerId, sessionId, projectId: owner.projectId, subscription });
        return untilEnd(subscription) as AsyncIterable<never>;
      },
      resolve: (event: unknown) => event as never,
    },
  },
};
