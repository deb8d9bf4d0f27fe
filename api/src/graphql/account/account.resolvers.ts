import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { AccountService } from '../../../../core/account/account.service';

export const accountResolvers: Resolvers = {
  Query: {
    exportMyData: (_root, _args, ctx) => new AccountService(ctx.em).export(requireViewer(ctx)),
  },
  Mutation: {
    deleteAccount: async (_root, { password }, ctx) => {
      await new AccountService(ctx.em).delete(requireViewer(ctx), password);
      ctx.cookies?.clear();
      return true;
    },
  },
};
