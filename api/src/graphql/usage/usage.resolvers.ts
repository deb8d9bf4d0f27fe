import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { UsageService } from '../../../../core/usage/usage.service';

export const usageResolvers: Resolvers = {
  Query: {
    usage: (_root, _args, ctx) => new UsageService(ctx.em, ctx.redis, ctx.limits).usage(requireViewer(ctx)),
  },
};
