import { randomBytes } from 'node:crypto';
import { KeyringError, SecretBox, SecretDecryptionError, parseKeyring } from './secret-box';

const key = () => randomBytes(32).toString('base64');
const aad = 'user:42:provider:openai';

it('round-trips a secret and never stores it in the clear', () => {
  const box = new SecretBox(parseKeyring(`k1:${key()}`));
  const stored = box.encrypt('sk-live-abcdef123456', aad);
  expect(stored).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(stored).not.toContain('abcdef');
  expect(box.decrypt(stored, aad)).toBe('sk-live-abcdef123456');
  expect(box.encrypt('sk-live-abcdef123456', aad)).not.toBe(stored); // fresh IV each time
});

it('refuses a ciphertext moved to another row, or tampered with', () => {
  const box = new SecretBox(parseKeyring(`k1:${key()}`));
  const stored = box.encrypt('secret', aad);
  expect(() => box.decrypt(stored, 'user:43:provider:openai')).toThrow(SecretDecryptionError);
  const parts = stored.split('.');
  const body = Buffer.from(parts[4]!, 'base64url');
  body[0] = body[0]! ^ 1;
  parts[4] = body.toString('base64url');
  expect(() => box.decrypt(parts.join('.'), aad)).toThrow(SecretDecryptionError);
  expect(() => box.decrypt('not-a-secret', aad)).toThrow(SecretDecryptionError);
});

it('rotates: a new key in front encrypts, the old one still decrypts, re-encryption moves rows over', () => {
  const oldKey = key();
  const before = new SecretBox(parseKeyring(`k1:${oldKey}`));
  const stored = before.encrypt('secret', aad);
  const newKey = key();
  const rotated = new SecretBox(parseKeyring(`k2:${newKey},k1:${oldKey}`));
  expect(rotated.currentKeyId).toBe('k2');
  expect(rotated.needsRotation(stored)).toBe(true);
  const moved = rotated.reencrypt(stored, aad);
  expect(moved.split('.')[1]).toBe('k2');
  expect(rotated.reencrypt(moved, aad)).toBe(moved);
  // Once every row is moved, the old key can go: what it sealed is refused by id, the moved rows read.
  const afterDrop = new SecretBox(parseKeyring(`k2:${newKey}`));
  expect(afterDrop.decrypt(moved, aad)).toBe('secret');
  const refused = (() => {
    try {
      return afterDrop.decrypt(stored, aad);
    } catch (error) {
      return error;
    }
  })();
  expect(refused).toBeInstanceOf(SecretDecryptionError);
  expect((refused as SecretDecryptionError).keyId).toBe('k1');
});

it('rejects unusable keyrings with messages that never echo key material', () => {
  const short = Buffer.alloc(16, 1).toString('base64');
  expect(() => parseKeyring('')).toThrow(KeyringError);
  expect(() => parseKeyring(`k1:${short}`)).toThrow(/must be 32 bytes/);
  expect(() => parseKeyring(`k1:${short}`)).not.toThrow(new RegExp(short));
  expect(() => parseKeyring(`bad id:${key()}`)).toThrow(/id:base64/);
  const k = key();
  expect(() => parseKeyring(`k1:${k},k1:${k}`)).toThrow(/appears twice/);
});

it('shows only a hint of a key', () => {
  expect(SecretBox.hint('sk-live-abcdef123456')).toBe('sk-…3456');
  expect(SecretBox.hint('short')).toBe('…');
});
