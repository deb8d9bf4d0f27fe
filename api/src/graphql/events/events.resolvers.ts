import type { Resolvers } from '../../generated/graphql';
import type { GraphQLContext } from '../../context';
import { ValidationError } from '../../../../core/shared/domain.errors';
import { isStreamId, type ProjectEvent } from '../../../../core/events/project-event-stream';
import { deployGate, isDeployEvent, mayReadDeploys, withoutHiddenDeployEvents } from './deploy-event-filter';

function checkAfter(after: string | null | undefined): string | null {
  if (after == null || after === '') return null;
  if (!isStreamId(after)) throw new ValidationError([{ field: 'after', message: 'after must be an event id such as 1732712345678-0' }]);
  return after;
}

/** Up to `limit` events after `from`, skipping deploy events when the viewer may not read them (pages until full). */
async function readVisible(ctx: GraphQLContext, projectId: string, from: string | null, limit: number): Promise<ProjectEvent[]> {
  if (await mayReadDeploys(ctx.orm, ctx.viewerId, projectId)) return ctx.events.read(projectId, from, limit);
  const kept: ProjectEvent[] = [];
  let cursor = from;
  for (;;) {
    const page = await ctx.events.read(projectId, cursor, limit);
    kept.push(...page.filter((e) => !isDeployEvent(e)));
    if (page.length < limit || kept.length >= limit) return kept.slice(0, limit);
    cursor = page[page.length - 1]!.id;
  }
}

export const eventResolvers: Resolvers = {
  Query: {
    projectEventLog: async (_root, { projectId, after, limit }, ctx) => {
      const from = checkAfter(after);
      if (limit != null && (limit < 1 || limit > 1000)) {
        throw new ValidationError([{ field: 'limit', message: 'limit must be between 1 and 1000' }]);
      }
      await ctx.projects.get(ctx.viewerId, projectId);
      return readVisible(ctx, projectId, from, limit ?? 1000);
    },
  },
  Subscription: {
    projectEvents: {
      subscribe: async (_root, { projectId, after }, { projects, events, viewerId, sessionId, liveAccess, orm }) => {
        const from = checkAfter(after);
        await projects.get(viewerId, projectId);
        const gate = deployGate(orm, viewerId, projectId, await mayReadDeploys(orm, viewerId, projectId));
        const subscription = events.subscribe(projectId, from);
        // Authorised at the start, and re-checked while it runs (a revoked session, a removed member).
        liveAccess?.watch({ viewerId, sessionId, projectId, subscription });
        return withoutHiddenDeployEvents(subscription, gate) as AsyncIterable<never>;
      },
      resolve: (event: ProjectEvent) => event,
    },
  },
  ProjectEvent: {
    data: (event) => event.data ?? null,
  },
};
