import type { Resolvers } from '../../generated/graphql';
import { ValidationError } from '../../../../core/shared/domain.errors';
import { isStreamId, type ProjectEvent } from '../../../../core/events/project-event-stream';

function checkAfter(after: string | null | undefined): string | null {
  if (after == null || after === '') return null;
  if (!isStreamId(after)) throw new ValidationError([{ field: 'after', message: 'after must be an event id such as 1732712345678-0' }]);
  return after;
}

export const eventResolvers: Resolvers = {
  Query: {
    projectEventLog: async (_root, { projectId, after, limit }, { projects, events, viewerId }) => {
      const from = checkAfter(after);
      if (limit != null && (limit < 1 || limit > 1000)) {
        throw new ValidationError([{ field: 'limit', message: 'limit must be between 1 and 1000' }]);
      }
      await projects.get(viewerId, projectId);
      return events.read(projectId, from, limit ?? 1000);
    },
  },
  Subscription: {
    projectEvents: {
      subscribe: async (_root, { projectId, after }, { projects, events, viewerId, sessionId, liveAccess }) => {
        const from = checkAfter(after);
        await projects.get(viewerId, projectId);
        const subscription = events.subscribe(projectId, from);
        // Authorised at the start, and re-checked while it runs (a revoked session, a removed member).
        liveAccess?.watch({ viewerId, sessionId, projectId, subscription });
        return subscription as AsyncIterable<never>;
      },
      resolve: (event: ProjectEvent) => event,
    },
  },
  ProjectEvent: {
    data: (event) => event.data ?? null,
  },
};
