import type { Resolvers } from '../../generated/graphql';
import { User } from './user.entity';

export const userResolvers: Resolvers = {
  Query: {
    viewer: (_root, _args, { em, viewerId }) => em.findOneOrFail(User, { id: viewerId }),
  },
};
