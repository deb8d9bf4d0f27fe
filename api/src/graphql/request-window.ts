import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context';
import { RateLimitExceededError } from '../../../core/limits/limits.errors';
import type { RateLimiter } from '../../../core/limits/rate-limiter';

/**
 * Counts one GraphQL operation against the caller's IP window and, when there is a viewer, their user
 * window (`requests` in tiers.ts). A refusal is thrown as a GraphQLError carrying HTTP 429, so Apollo
 * answers with that status when it is thrown while building the context; the error formatter finds the
 * RateLimitExceededError inside and reports RATE_LIMIT_EXCEEDED with retryAfter. Resolves to the context.
 */
export function createRequestWindow(rateLimiter: RateLimiter): (ctx: GraphQLContext) => Promise<GraphQLContext> {
  return async (ctx) => {
    try {
      if (ctx.meta.ip) await rateLimiter.checkRequest('graphql:ip', ctx.meta.ip);
      if (ctx.viewerId) await rateLimiter.checkRequest('graphql:user', ctx.viewerId);
      return ctx;
    } catch (error) {
      if (!(error instanceof RateLimitExceededError)) throw error;
      throw new GraphQLError(error.message, {
        originalError: error,
        extensions: { code: error.code, http: { status: 429, headers: new Map([['retry-after', String(error.retryAfter)]]) } },
      });
    }
  };
}
