import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** Longest life of a link token (the `?atelier_preview_token=` a caller gets from `openPreview`). */
export const PREVIEW_LINK_TTL_MS = 10 * 60_000;
/** Life of the cookie a preview host sets in exchange for a link token. */
export const PREVIEW_COOKIE_TTL_MS = 8 * 60 * 60_000;

/** What a token grants: `userId` may view `sandboxId` (still subject to `can()`) until `expiresAt`. */
export interface PreviewGrant {
  readonly sandboxId: string;
  readonly userId: string;
  /** The platform session that asked for it (null in single-user mode): revoking the session ends the grant. */
  readonly sessionId: string | null;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** `link` tokens travel in URLs for minutes; `cookie` tokens live in the preview host's cookie for hours. */
export type PreviewTokenKind = 'link' | 'cookie';

/**
 * Signs and checks preview tokens: `<sandboxId>.<userId>.<sessionId|->.<expiresAt>.<HMAC-SHA256>` under a key derived
 * from ATELIER_SESSION_SECRET (or a per-process random key). The kind is part of the MAC, so a cookie
 * value cannot be replayed as a link, nor a link as a cookie past the link's 10 minutes.
 */
export class PreviewTokens {
  private readonly key: Buffer;

  constructor(secret: string | Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'atelier preview token v1', 32));
  }

  sign(kind: PreviewTokenKind, grant: PreviewGrant): string {
    const body = `${grant.sandboxId}.${grant.userId}.${grant.sessionId ?? '-'}.${grant.expiresAt}`;
    return `${body}.${this.mac(kind, body)}`;
  }

  /** The grant, when the token is well formed, signed by this key for `kind` and `sandboxId`, and unexpired. */
  verify(kind: PreviewTokenKind, token: unknown, sandboxId: string, now = Date.now()): PreviewGrant | null {
    if (typeof token !== 'string' || token.length > 300) return null;
    const parts = token.split('.');
    if (parts.length !== 5) return null;
    const [id, userId, session, expires, mac] = parts as [string, string, string, string, string];
    const expected = Buffer.from(this.mac(kind, `${id}.${userId}.${session}.${expires}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expiresAt = Number(expires);
    const maxLife = kind === 'link' ? PREVIEW_LINK_TTL_MS : PREVIEW_COOKIE_TTL_MS;
    if (id !== sandboxId || !Number.isSafeInteger(expiresAt) || expiresAt <= now || expiresAt > now + maxLife) return null;
    return { sandboxId: id, userId, sessionId: session === '-' ? null : session, expiresAt };
  }

  private mac(kind: PreviewTokenKind, body: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${body}`).digest('base64url');
  }
}
