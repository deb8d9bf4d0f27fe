import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM sealing of small JSON values kept in cookies: the browser holds them but can neither read
 * nor alter them. The key is derived from the server secret with HKDF, one key per `purpose`, and the
 * purpose is also the associated data, so a value sealed for one cookie cannot be replayed as another.
 */
export class CookieSealer {
  private readonly key: Buffer;

  constructor(
    secret: string | Buffer,
    private readonly purpose: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `atelier:${purpose}`, 32));
  }

  seal(value: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(this.purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  /** The sealed value, or null when the text is malformed, tampered with or sealed under another key. */
  open(sealed: string): unknown {
    const [iv, tag, body, extra] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body || extra || iv.length !== 12 || tag.length !== 16) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(this.purpose)).setAuthTag(tag);
      return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'));
    } catch {
      return null;
    }
  }
}
