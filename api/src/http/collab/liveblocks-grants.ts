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
}

/** Longest a grant is kept, whatever the token says (Liveblocks tokens last an hour). */
const MAX_TTL_MS = 2 * 60 * 60_000;
const MIN_TTL_MS = 60_000;

const keyOf = (token: string) => `liveblocks:grant:${createHash('sha256').update(token).digest('hex')}`;

/** The token's expiry in ms since the epoch, read from its (unverified) payload; null when unreadable. */
function expiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

export class LiveblocksGrants {
  constructor(private readonly redis: Redis) {}

  /** Remembers a token just minted, until it expires. */
  async record(token: string, grant: LiveblocksGrant): Promise<void> {
    const ttl = Math.min(MAX_TTL_MS, Math.max(MIN_TTL_MS, (expiresAt(token) ?? Date.now() + MAX_TTL_MS) - Date.now()));
    await this.redis.set(keyOf(token), JSON.stringify(grant), 'PX', ttl);
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
