import { ErrorCode } from '../../contracts/errors';
import { hashPassword, verifyPassword } from '../auth/secrets';
import { RateLimitExceededError } from '../limits/limits.errors';
import type { RateLimiter } from '../limits/rate-limiter';
import { RoomError } from './room.errors';

/** A room password is hashed like account passwords (argon2id, core/auth/secrets.ts). */
export const hashRoomPassword = hashPassword;

const attemptsError = (roomId: string, error: RateLimitExceededError) =>
  new RoomError(
    ErrorCode.ROOM_PASSWORD_ATTEMPTS,
    `Too many wrong passwords ${error.kind === 'room-password:ip' ? 'from your network' : 'for this room'}; try again in ${Math.ceil(error.retryAfter / 60)} min.`,
    roomId,
  );

/**
 * Checks a room password under the two wrong-attempt windows (per client IP over all rooms, per room over all
 * IPs; tiers.ts `attempts`). Each attempt takes a place in both windows before the hash is checked, so a burst of
 * parallel guesses meets the limit too, and a right password gives its places back: only wrong ones stay counted.
 * Once a window is full every attempt is refused with ROOM_PASSWORD_ATTEMPTS, the right password included, until
 * the window slides; otherwise a guesser would learn from the refusals which guess was right.
 */
export async function checkRoomPassword(
  limiter: RateLimiter,
  room: { id: string; passwordHash: string },
  password: string,
  ip: string | null,
): Promise<void> {
  const places: Array<{ refund(): Promise<void> }> = [];
  try {
    places.push(await limiter.attempt('room-password:ip', ip ?? 'unknown'));
    places.push(await limiter.attempt('room-password:room', room.id));
  } catch (error) {
    await Promise.all(places.map((p) => p.refund()));
    if (error instanceof RateLimitExceededError) throw attemptsError(room.id, error);
    throw error;
  }
  if (await verifyPassword(room.passwordHash, password)) {
    await Promise.all(places.map((p) => p.refund()));
    return;
  }
  throw new RoomError(ErrorCode.ROOM_PASSWORD_INVALID, 'That is not the room’s password.', room.id);
}
