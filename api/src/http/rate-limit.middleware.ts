import type { RequestHandler } from 'express';
import { ServiceUnavailableError } from '../../../core/shared/domain.errors';
import { RateLimitExceededError } from '../../../core/limits/limits.errors';
import type { RateLimiter } from '../../../core/limits/rate-limiter';
import type { IpKind } from '../../../core/limits/tiers';

/**
 * Limits an unauthenticated endpoint (log-in, sign-up, password reset) per client IP. Refusals answer
 * 429 with `Retry-After`; a Redis outage answers 503 (auth limits fail closed). Behind a proxy, set
 * Express's `trust proxy` so `req.ip` is the client's address.
 */
export function rateLimitByIp(limiter: RateLimiter, kind: IpKind): RequestHandler {
  return async (req, res, next) => {
    try {
      await limiter.checkIp(req.ip ?? req.socket.remoteAddress ?? 'unknown', kind);
      next();
    } catch (error) {
      if (error instanceof RateLimitExceededError) {
        res.set('Retry-After', String(error.retryAfter));
        res.status(429).json({ error: { code: error.code, message: 'Too many attempts; try again later.', retryAfter: error.retryAfter } });
      } else if (error instanceof ServiceUnavailableError) {
        res.set('Retry-After', '5');
        res.status(503).json({ error: { code: error.code, message: error.message, retryAfter: 5 } });
      } else {
        next(error);
      }
    }
  };
}
