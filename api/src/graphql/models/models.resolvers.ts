import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { ModelSettingsService } from '../../../../core/models/model-settings.service';
import { ModelUsageService } from '../../../../core/models/model-usage.service';
import { TeamBudgetsService } from '../../../../core/models/team-budgets.service';

const settings = (ctx: GraphQLContext) => new ModelSettingsService(ctx.em, ctx.projects, ctx.models.catalog, ctx.models.platformRoleModels);

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
    modelUsage: (_root, { input }, ctx) => new ModelUsageService(ctx.em, ctx.projects).usage(requireViewer(ctx), input),
    projectModelSettings: (_root, { projectId }, ctx) => settings(ctx).forProject(ctx.viewerId, projectId),
    teamModelBudgets: (_root, { teamId }, ctx) => new TeamBudgetsService(ctx.em).get(requireViewer(ctx), teamId),
  },
  Mutation: {
    setProjectModelSettings: (_root, { input }, ctx) => settings(ctx).setProject(requireViewer(ctx), input),
    setTeamModelBudgets: (_root, { input }, ctx) => new TeamBudgetsService(ctx.em).set(requireViewer(ctx), input),
    setTeamRoleModels: (_root, { teamId, roles }, ctx) => settings(ctx).setTeam(requireViewer(ctx), teamId, roles),
  },
};
