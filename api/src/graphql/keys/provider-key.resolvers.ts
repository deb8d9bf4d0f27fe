import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { ForbiddenError } from '../../../../core/shared/domain.errors';
import { loadActor } from '../../../../core/access/actor';
import { can } from '../../../../core/access/policy';
import { requireTeamAction } from '../../../../core/models/team-budgets.service';

const KEYS_REFUSAL = 'Only team owners and admins manage its provider keys';

export const providerKeyResolvers: Resolvers = {
  Query: {
    providerKeys: (_root, _args, ctx) => ctx.providerKeys.list(requireViewer(ctx)),
    teamProviderKeys: async (_root, { teamId }, ctx) => {
      await requireTeamAction(ctx.em, requireViewer(ctx), teamId, 'team:manage-keys', KEYS_REFUSAL);
      return ctx.providerKeys.list({ kind: 'team', id: teamId });
    },
  },
  Mutation: {
    setProviderKey: async (_root, args, ctx) => {
      const viewerId = requireViewer(ctx);
      const row = await ctx.providerKeys.set(viewerId, args);
      ctx.models.credentials.forget(viewerId);
      return row;
    },
    setTeamProviderKey: async (_root, { teamId, ...args }, ctx) => {
      const viewerId = requireViewer(ctx);
      await requireTeamAction(ctx.em, viewerId, teamId, 'team:manage-keys', KEYS_REFUSAL);
      const row = await ctx.providerKeys.set({ kind: 'team', id: teamId }, args, viewerId);
      ctx.models.credentials.forget({ kind: 'team', id: teamId });
      return row;
    },
    deleteTeamProviderKey: async (_root, { teamId, provider }, ctx) => {
      const viewerId = requireViewer(ctx);
      await requireTeamAction(ctx.em, viewerId, teamId, 'team:manage-keys', KEYS_REFUSAL);
      const removed = await ctx.providerKeys.remove({ kind: 'team', id: teamId }, provider, viewerId);
      ctx.models.credentials.forget({ kind: 'team', id: teamId });
      return removed;
    },
    deleteProviderKey: async (_root, { provider }, ctx) => {
      const viewerId = requireViewer(ctx);
      const removed = await ctx.providerKeys.remove(viewerId, provider);
      ctx.models.credentials.forget(viewerId);
      return removed;
    },
    rotateProviderKeys: async (_root, _args, ctx) => {
      const viewerId = requireViewer(ctx);
      if (!can(await loadActor(ctx.em, viewerId), 'platform:rotate-keys', { kind: 'platform' })) {
        throw new ForbiddenError('Only platform administrators can do that');
      }
      // Deployment env vars, secrets and tokens are sealed under the same keyring: they move with the model keys.
      return (await ctx.providerKeys.rotateAll(viewerId)) + (await ctx.deploySecrets.rotateAll(viewerId));
    },
  },
  ProviderKey: {
    baseUrl: (row) => row.baseUrl ?? null,
    lastUsedAt: (row) => row.lastUsedAt ?? null,
  },
};
