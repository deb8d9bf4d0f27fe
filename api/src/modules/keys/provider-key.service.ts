import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { NotFoundError, ServiceUnavailableError, ValidationError } from '../../shared/errors';
import { parseInput } from '../../shared/validation';
import { recordAudit } from '../audit/audit-log';
import { User } from '../user/user.entity';
import { KEY_PROVIDERS, ProviderKey, providerKeyAad, type KeyProvider } from './provider-key.entity';
import { SecretBox } from './secret-box';

const input = z.object({
  provider: z.enum(KEY_PROVIDERS, { error: `Provider must be one of ${KEY_PROVIDERS.join(', ')}` }),
  key: z.string().trim().min(8, 'The key looks too short').max(4096, 'The key is too long'),
  baseUrl: z.url({ error: 'Base URL must be an http(s) URL such as http://127.0.0.1:11434/v1' }).optional(),
});

/** Users' own model provider keys: stored sealed, listed by hint, revealed only to the model layer. */
export class ProviderKeyService {
  constructor(
    private readonly em: EntityManager,
    /** Null when no master key is configured (ATELIER_MASTER_KEYS): keys cannot be stored then. */
    private readonly box: SecretBox | null,
  ) {}

  private sealer(): SecretBox {
    if (!this.box) throw new ServiceUnavailableError('Storing provider keys (set ATELIER_MASTER_KEYS)');
    return this.box;
  }

  list(userId: string): Promise<ProviderKey[]> {
    return this.em.find(ProviderKey, { user: userId }, { orderBy: { provider: 'asc' } });
  }

  async set(userId: string, raw: { provider: string; key: string; baseUrl?: string | null }): Promise<ProviderKey> {
    const { provider, key, baseUrl } = parseInput(input, { ...raw });
    if (provider === 'openai-compatible' && !baseUrl) throw new ValidationError([{ field: 'baseUrl', message: 'An OpenAI-compatible key needs the base URL' }]);
    const sealed = this.sealer().encrypt(key, providerKeyAad(userId, provider));
    const existing = await this.em.findOne(ProviderKey, { user: userId, provider });
    const row = existing ?? this.em.create(ProviderKey, { user: this.em.getReference(User, userId), provider, sealed, hint: '' });
    Object.assign(row, { sealed, hint: SecretBox.hint(key), baseUrl: baseUrl ?? null });
    recordAudit(this.em, { actorId: userId, action: existing ? 'keys.replaced' : 'keys.added', target: `user:${userId}`, data: { provider } });
    await this.em.flush();
    return row;
  }

  async remove(userId: string, provider: string): Promise<boolean> {
    const removed = await this.em.nativeDelete(ProviderKey, { user: userId, provider: provider as KeyProvider });
    recordAudit(this.em, { actorId: userId, action: 'keys.removed', target: `user:${userId}`, data: { provider } });
    await this.em.flush();
    return removed > 0;
  }

  /** The plaintext key for a model call on the user's behalf; audited as key use. */
  async reveal(userId: string, provider: KeyProvider, purpose: string): Promise<{ key: string; baseUrl: string | null }> {
    const row = await this.em.findOne(ProviderKey, { user: userId, provider });
    if (!row) throw new NotFoundError('Provider key', provider);
    const key = this.sealer().decrypt(row.sealed, providerKeyAad(userId, provider));
    row.lastUsedAt = new Date();
    recordAudit(this.em, { actorId: userId, action: 'keys.used', target: `user:${userId}`, data: { provider, purpose } });
    await this.em.flush();
    return { key, baseUrl: row.baseUrl ?? null };
  }

  /**
   * Re-seals every key still under an older master key; returns how many moved. A row that cannot be
   * opened (tampered, or sealed under a key no longer in the ring) is left as it is and listed in the audit
   * entry, so one bad row does not stop the rotation.
   */
  async rotateAll(actorId: string): Promise<number> {
    const box = this.sealer();
    let moved = 0;
    const unreadable: string[] = [];
    for (const row of await this.em.find(ProviderKey, {})) {
      if (!box.needsRotation(row.sealed)) continue;
      try {
        row.sealed = box.reencrypt(row.sealed, providerKeyAad(row.user.id, row.provider));
        moved++;
      } catch {
        unreadable.push(row.id);
      }
    }
    recordAudit(this.em, { actorId, action: 'keys.rotated', data: { moved, unreadable, keyId: box.currentKeyId } });
    await this.em.flush();
    return moved;
  }
}
