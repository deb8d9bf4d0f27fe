import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

export const accountResolvers: Resolvers = {
  Query: {
    exportMyData: (_root, _args, ctx) => ctx.account.export(requireViewer(ctx)),
  },
  Mutation: {
    deleteAccount: async (_root, { password }, ctx) => {
      await ctx.account.delete(requireViewer(ctx), password);
      ctx.cookies?.clear();
      return true;
    },
  },
};
