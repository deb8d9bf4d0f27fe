/**
 * The tokens `/liveblocks-auth` minted, so the proxy can tell them from forgeries. The Liveblocks dev server
 * signs nothing (its access tokens are `alg: none` JWTs) and enforces no scopes on document writes, so behind
 * the proxy the app is the server that decides: only a token it minted opens a room, for the room and with the
 * access it was minted for. Kept in Redis (a hash of the token, never the token) until the token expires, so
 * they survive an API restart and serve every API process.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What a minted token allows: one room, `write` (edit) or `read` (watch, with presence). */
export interface LiveblocksGrant {
  room: string;
  access: 'write' | 'read';
  /** Who it was minted for (null: an anonymous reader) and under which session, so open sockets can be re-checked. */
  viewerId?: string | null;
  sessionId?: string | null;
  /**
   * Set when minted for a coding room's member (`coding` in the request): the socket is then held through that
   * room's membership, not project access, and the grant is revoked with the member's other room grants.
   */
  codingRoomId?: string;
}

/** Longest a grant is kept, whatever the token says (Liveblocks tokens last an hour). */
const MAX_TTL_MS = 2 * 60 * 60_000;
const MIN_TTL_MS = 60_000;

const keyOf = (token: string) => `liveblocks:grant:${createHash('sha256').update(token).digest('hex')}`;
/** The grant keys minted for one member of one coding room, so a kick can revoke them all. */
const roomIndexOf = (roomId: string, userId: string) => `liveblocks:grants-of:${roomId}:${userId}`;

/** The token's expiry in ms since the epoch, read from its (unverified) payload; null when unreadable. */
function expiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** A transaction's replies, or its first error (ioredis reports them per command rather than rejecting). */
function settled(replies: [Error | null, unknown][] | null): unknown[] {
  if (!replies) throw new Error('Redis discarded the transaction');
  for (const [error] of replies) if (error) throw error;
  return replies.map(([, reply]) => reply);
}

export class LiveblocksGrants {
  constructor(private readonly redis: Redis) {}

  /** Remembers a token just minted, until it expires. */
  async record(token: string, grant: LiveblocksGrant): Promise<void> {
    const ttl = Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, (expiresAt(token) ?? Date.now() + MAX_TTL_MS) - Date.now()));
    const key = keyOf(token);
    if (!grant.codingRoomId || !grant.viewerId) {
      await this.redis.set(key, JSON.stringify(grant), 'PX', ttl);
      return;
    }
    // The index outlives every grant in it (each lasts at most MAX_TTL_MS); revoked or expired members are harmless.
    const index = roomIndexOf(grant.codingRoomId, grant.viewerId);
    settled(await this.redis.multi().set(key, JSON.stringify(grant), 'PX', ttl).sadd(index, key).pexpire(index, MAX_TTL_MS).exec());
  }

  /**
   * Forgets every token minted for `userId` in coding room `roomId` (a kick, a role change): a socket reconnecting
   * with one gets 4109 and asks for a new token, which the room's rules then decide.
   */
  async revokeRoom(roomId: string, userId: string): Promise<void> {
    const index = roomIndexOf(roomId, userId);
    // Read and drop the index at once: a grant recorded afterwards starts a new index and is not lost to it.
    const [keys] = settled(await this.redis.multi().smembers(index).del(index).exec()) as [string[], number];
    if (keys.length > 0) await this.redis.del(...keys);
  }

  /** Forgets a token: a socket closed for lost access reconnects with it, gets 4109 and asks for a new token. */
  async revoke(token: string): Promise<void> {
    await this.redis.del(keyOf(token));
  }

  /** What `token` allows, or null when this app never minted it (or it expired). */
  async lookup(token: string | null | undefined): Promise<LiveblocksGrant | null> {
    if (!token || token.length > 8192) return null;
    const value = await this.redis.get(keyOf(token));
    return value ? (JSON.parse(value) as LiveblocksGrant) : null;
  }
}
