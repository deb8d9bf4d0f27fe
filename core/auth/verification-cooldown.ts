import type { Redis } from 'ioredis';
import { RateLimitExceededError } from '../limits/limits.errors';

/** One verification mail per user per minute: resending cannot flood an inbox or the SMTP relay. */
export const VERIFICATION_COOLDOWN_MS = 60_000;

const keyOf = (userId: string) => `mail:verify:{${userId}}`;

/** Claims the user's verification-mail slot, or throws RATE_LIMIT_EXCEEDED with the seconds to wait. */
export async function claimVerificationMail(redis: Redis, userId: string): Promise<void> {
  if (await redis.set(keyOf(userId), '1', 'PX', VERIFICATION_COOLDOWN_MS, 'NX')) return;
  const ttl = Math.max(await redis.pttl(keyOf(userId)), 1);
  throw new RateLimitExceededError({
    kind: 'auth',
    limit: 1,
    remaining: 0,
    resetAt: new Date(Date.now() + ttl),
    retryAfter: Math.ceil(ttl / 1000),
  });
}
