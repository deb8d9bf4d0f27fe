import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

export const usageResolvers: Resolvers = {
  Query: {
    usage: (_root, _args, ctx) => ctx.usage.usage(requireViewer(ctx)),
  },
};
