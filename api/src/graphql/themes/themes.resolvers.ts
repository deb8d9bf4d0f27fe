import { SYSTEM_THEMES } from '../../../../contracts/themes';
import { chooseTheme } from '../../../../core/user/user-theme';
import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { mayReadPrivate, viewerActor } from '../field-access';

/** The system themes and the caller's own choice (see themes.graphql). */
export const themeResolvers: Resolvers = {
  Query: {
    themes: () => [...SYSTEM_THEMES],
  },
  Mutation: {
    setTheme: async (_root, { themeId }, ctx) => {
      const viewerId = requireViewer(ctx);
      return chooseTheme(ctx.em, await viewerActor(ctx), viewerId, themeId);
    },
  },
  Theme: {
    // JSON fields: the contract's readonly records, as plain objects.
    css: (theme) => ({ ...theme.css }),
    monaco: (theme) => ({ ...theme.monaco }),
  },
  User: {
    // A preference, not contact data: only the user sees it (also in the reply to their own log-in).
    themeId: async (user, _args, ctx) => ((await mayReadPrivate(ctx, user.id)) ? (user.themeId ?? null) : null),
  },
};
