import type { Resolvers } from '../../generated/graphql';
import { mayReadContact } from '../field-access';
import { User } from '../../../../core/user/user.entity';

/** A field only the user, their teammates and platform admins see; null for everyone else. */
const contact =
  <T>(read: (user: User) => T) =>
  async (user: User, _args: unknown, ctx: Parameters<typeof mayReadContact>[0]): Promise<T | null> =>
    (await mayReadContact(ctx, user.id)) ? read(user) : null;

export const userResolvers: Resolvers = {
  Query: {
    viewer: (_root, _args, { em, viewerId }) => em.findOneOrFail(User, { id: viewerId }),
  },
  User: {
    email: contact((u) => u.email),
    tier: contact((u) => u.tier),
    platformRole: contact((u) => u.platformRole),
    emailVerified: contact((u) => Boolean(u.emailVerifiedAt)),
  },
};
