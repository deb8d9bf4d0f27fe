import type { Resolvers } from '../../generated/graphql';

/** Filled in by the assist work (issue 17). */
export const assistChatResolvers: Resolvers = {};
