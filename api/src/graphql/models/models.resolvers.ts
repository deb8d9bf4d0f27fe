import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

const OFFLINE_MESSAGE =
  'Offline mode: no model provider key is configured, so agents run on built-in blueprints with no network and no cost. Add a key in account settings (or set one for the platform) to use real models.';

export const modelResolvers: Resolvers = {
  Query: {
    models: async (_root, _args, ctx) => {
      const viewerId = requireViewer(ctx);
      const [catalog, sources] = await Promise.all([ctx.models.catalog.list(), ctx.models.credentials.sourcesFor(viewerId)]);
      const offlineMode = sources.size === 0;
      return Promise.all(
        catalog.map(async (model) => {
          const offline = model.provider === 'offline';
          const { state: circuit, retryAt } = offline ? { state: 'closed' as const, retryAt: null } : await ctx.models.breaker.status(model.id);
          const keySource = offline ? null : (sources.get(model.provider) ?? null);
          const unavailableReason = offline
            ? offlineMode
              ? null
              : 'KEYS_CONFIGURED'
            : !keySource
              ? 'NO_KEY'
              : circuit === 'open'
                ? 'CIRCUIT_OPEN'
                : null;
          return {
            ...model,
            offline,
            available: unavailableReason === null,
            unavailableReason,
            keySource: keySource?.toUpperCase() ?? null,
            circuit: circuit.toUpperCase(),
            circuitRetryAt: retryAt,
          };
        }),
      );
    },
    modelMode: async (_root, _args, ctx) => {
      const offline = (await ctx.models.credentials.sourcesFor(requireViewer(ctx))).size === 0;
      return {
        offline,
        message: offline ? OFFLINE_MESSAGE : 'Agents call the models of each role’s chain with your keys or the platform’s.',
      };
    },
    modelUsage: (_root, { input }, ctx) => ctx.modelUsage.usage(requireViewer(ctx), input),
    projectModelSettings: (_root, { projectId }, ctx) => ctx.modelSettings.forProject(ctx.viewerId, projectId),
    teamModelBudgets: (_root, { teamId }, ctx) => ctx.teamBudgets.get(requireViewer(ctx), teamId),
  },
  Mutation: {
    setProjectModelSettings: (_root, { input }, ctx) => ctx.modelSettings.setProject(requireViewer(ctx), input),
    setTeamModelBudgets: (_root, { input }, ctx) => ctx.teamBudgets.set(requireViewer(ctx), input),
    setTeamRoleModels: (_root, { teamId, roles }, ctx) => ctx.modelSettings.setTeam(requireViewer(ctx), teamId, roles),
  },
};
