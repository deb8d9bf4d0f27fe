import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { ForbiddenError } from '../../shared/errors';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';

export const providerKeyResolvers: Resolvers = {
  Query: {
    providerKeys: (_root, _args, ctx) => ctx.providerKeys.list(requireViewer(ctx)),
  },
  Mutation: {
    setProviderKey: (_root, args, ctx) => ctx.providerKeys.set(requireViewer(ctx), args),
    deleteProviderKey: (_root, { provider }, ctx) => ctx.providerKeys.remove(requireViewer(ctx), provider),
    rotateProviderKeys: async (_root, _args, ctx) => {
      const viewerId = requireViewer(ctx);
      if (!can(await loadActor(ctx.em, viewerId), 'platform:rotate-keys', { kind: 'platform' })) {
        throw new ForbiddenError('Only platform administrators can do that');
      }
      return ctx.providerKeys.rotateAll(viewerId);
    },
  },
  ProviderKey: {
    baseUrl: (row) => row.baseUrl ?? null,
    lastUsedAt: (row) => row.lastUsedAt ?? null,
  },
};
