import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { ServiceUnavailableError } from '../../../../core/shared/domain.errors';
import { provenSelf } from '../field-access';
import { User } from '../../../../core/user/user.entity';
import { normaliseEmail } from '../../../../core/auth/auth-input';
import { claimVerificationMail } from '../../../../core/auth/verification-cooldown';

/** Brute-force protection for unauthenticated endpoints: one sliding window per client IP. */
async function limitByIp(ctx: GraphQLContext): Promise<void> {
  await ctx.rateLimiter.checkIp(ctx.meta.ip ?? 'unknown', 'auth');
}

function cookies(ctx: GraphQLContext) {
  // Sign-in changes cookies, which only an HTTP response can carry.
  if (!ctx.cookies) throw new ServiceUnavailableError('Signing in over WebSocket');
  return ctx.cookies;
}

export const authResolvers: Resolvers = {
  Query: {
    authState: async (_root, _args, { em, viewerId, accountsExist, auth }) => ({
      accountsExist,
      oauthProviders: auth.oauthProviders(),
      viewer: viewerId ? await em.findOne(User, { id: viewerId }) : null,
    }),
    sessions: async (_root, _args, ctx) => {
      const sessions = await ctx.auth.sessions(requireViewer(ctx));
      return sessions.map((s) => ({
        id: s.id,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        userAgent: s.userAgent ?? null,
        ip: s.ip ?? null,
        current: s.id === ctx.sessionId,
      }));
    },
  },
  Mutation: {
    signUp: async (_root, { input }, ctx) => {
      await limitByIp(ctx);
      const { user, token } = await ctx.auth.signUp(input, ctx.meta);
      // The sign-up mail counts as the first verification mail of the window.
      await claimVerificationMail(ctx.redis, user.id).catch(() => undefined);
      cookies(ctx).set(token);
      provenSelf(ctx, user);
      return user;
    },
    logIn: async (_root, { input }, ctx) => {
      await limitByIp(ctx);
      // Counted before the password is checked, for every email alike: past the limit even a right guess is refused.
      const account = normaliseEmail(input.email);
      await ctx.rateLimiter.checkAccount(account, 'login');
      const { user, token } = await ctx.auth.logIn(input, ctx.meta);
      await ctx.rateLimiter.resetAccount(account, 'login');
      cookies(ctx).set(token);
      provenSelf(ctx, user);
      return user;
    },
    logOut: async (_root, _args, ctx) => {
      if (ctx.viewerId && ctx.sessionId) await ctx.auth.revoke(ctx.viewerId, ctx.meta, ctx.sessionId);
      cookies(ctx).clear();
      return true;
    },
    logOutEverywhere: async (_root, _args, ctx) => {
      await ctx.auth.revoke(requireViewer(ctx), ctx.meta);
      cookies(ctx).clear();
      return true;
    },
    revokeSession: (_root, { id }, ctx) => ctx.auth.revoke(requireViewer(ctx), ctx.meta, id),
    requestPasswordReset: async (_root, { email }, ctx) => {
      await limitByIp(ctx);
      await ctx.auth.requestPasswordReset(email, ctx.meta);
      return true;
    },
    resetPassword: async (_root, { token, password }, ctx) => {
      await limitByIp(ctx);
      await ctx.auth.resetPassword(token, password, ctx.meta);
      return true;
    },
    resendVerificationEmail: async (_root, _args, ctx) => {
      const viewerId = requireViewer(ctx);
      await limitByIp(ctx);
      await claimVerificationMail(ctx.redis, viewerId);
      await ctx.auth.resendVerification(viewerId);
      return true;
    },
    verifyEmail: async (_root, { token }, ctx) => {
      await ctx.auth.verifyEmail(token);
      return true;
    },
  },
};
