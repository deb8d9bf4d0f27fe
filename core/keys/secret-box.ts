import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM encryption of secrets at rest (users' model provider keys) under a keyring of master keys.
 * The first key encrypts; every key decrypts, so a rotation adds a new key in front, re-encrypts the rows
 * with {@link SecretBox.reencrypt}, then drops the old key. The associated data (for example
 * `user:<id>:provider:openai`) binds a ciphertext to its row, so one cannot be swapped into another.
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */

/** Thrown when the keyring configuration is unusable; the message names the problem, never a key. */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

/** Thrown when a stored secret cannot be decrypted: unknown key id, tampering or wrong associated data. */
export class SecretDecryptionError extends Error {
  override readonly name = 'SecretDecryptionError';
  constructor(readonly keyId: string | null) {
    super(keyId ? `The secret cannot be decrypted with key ${keyId}` : 'The stored secret is malformed');
  }
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `ATELIER_MASTER_KEYS`: comma-separated `id:base64` entries, newest first, each 32 bytes.
 * Generate one with `node -e "console.log('k1:' + require('crypto').randomBytes(32).toString('base64'))"`.
 */
export function parseKeyring(value: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [id, material] = entry.split(':');
    if (!id || !material || !KEY_ID.test(id)) throw new KeyringError(`Each master key must look like id:base64 (id: letters, digits, - or _)`);
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) throw new KeyringError(`Master key ${id} must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
    if (keys.has(id)) throw new KeyringError(`Master key id ${id} appears twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new KeyringError('No master key configured');
  return keys;
}

export class SecretBox {
  private readonly currentId: string;

  constructor(private readonly keys: ReadonlyMap<string, Buffer>) {
    const first = keys.keys().next();
    if (first.done) throw new KeyringError('No master key configured');
    this.currentId = first.value;
  }

  /** Id of the key new secrets are encrypted with. */
  get currentKeyId(): string {
    return this.currentId;
  }

  encrypt(plaintext: string, associatedData: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.currentId, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(stored: string, associatedData: string): string {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretDecryptionError(null);
    const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) throw new SecretDecryptionError(keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(keyId);
    }
  }

  /** Whether a stored secret was encrypted with an older key and should be re-encrypted. */
  needsRotation(stored: string): boolean {
    return stored.split('.')[1] !== this.currentId;
  }

  /** Re-encrypts under the current key (a no-op returning the input when it already is). */
  reencrypt(stored: string, associatedData: string): string {
    return this.needsRotation(stored) ? this.encrypt(this.decrypt(stored, associatedData), associatedData) : stored;
  }

  /** A display hint that reveals only the last four characters, e.g. `sk-…a1b2`. */
  static hint(plaintext: string): string {
    return plaintext.length <= 8 ? '…' : `${plaintext.slice(0, 3)}…${plaintext.slice(-4)}`;
  }
}
