import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/domain.errors';
import { parseInput } from '../shared/validation';
import { recordAudit } from '../audit/audit-log';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';
import { BaseUrlPolicy } from './base-url-policy';
import { KEY_PROVIDERS, ownerOf, ProviderKey, providerKeyAad, type KeyOwner, type KeyProvider } from './provider-key.entity';
import { SecretBox } from './secret-box';

const input = z.object({
  provider: z.enum(KEY_PROVIDERS, { error: `Provider must be one of ${KEY_PROVIDERS.join(', ')}` }),
  key: z.string().trim().min(8, 'The key looks too short').max(4096, 'The key is too long'),
  baseUrl: z.string().max(500, 'Base URL must be at most 500 characters').optional(),
});

const asOwner = (owner: KeyOwner | string): KeyOwner => (typeof owner === 'string' ? { kind: 'user', id: owner } : owner);
const where = (owner: KeyOwner) => (owner.kind === 'user' ? { user: owner.id } : { team: owner.id });
const target = (owner: KeyOwner) => `${owner.kind}:${owner.id}`;

/**
 * Model provider keys of users (their personal projects) and of teams (the team's projects): stored sealed,
 * listed by hint, revealed only to the model layer. Base URLs pass the BaseUrlPolicy when stored.
 * Callers check who may act on a team's keys (`team:manage-keys`); a string owner is a user id.
 */
export class ProviderKeyService {
  constructor(
    private readonly em: EntityManager,
    /** Null when no master key is configured (ATELIER_MASTER_KEYS): keys cannot be stored then. */
    private readonly box: SecretBox | null,
    private readonly baseUrls: BaseUrlPolicy = new BaseUrlPolicy(),
  ) {}

  private sealer(): SecretBox {
    if (!this.box) throw new ServiceUnavailableError('Storing provider keys (set ATELIER_MASTER_KEYS)');
    return this.box;
  }

  list(owner: KeyOwner | string): Promise<ProviderKey[]> {
    return this.em.find(ProviderKey, where(asOwner(owner)), { orderBy: { provider: 'asc' } });
  }

  /** Stores (or replaces) a key; `actorId` is who did it, for the audit log. */
  async set(
    ownerOrUser: KeyOwner | string,
    raw: { provider: string; key: string; baseUrl?: string | null },
    actorId?: string,
  ): Promise<ProviderKey> {
    const owner = asOwner(ownerOrUser);
    const parsed = parseInput(input, { ...raw });
    const { provider, key } = parsed;
    if (provider === 'openai-compatible' && !parsed.baseUrl)
      throw new ValidationError([{ field: 'baseUrl', message: 'An OpenAI-compatible key needs the base URL' }]);
    const baseUrl = parsed.baseUrl ? await this.baseUrls.checkStored(parsed.baseUrl) : null;
    const sealed = this.sealer().encrypt(key, providerKeyAad(owner, provider));
    const existing = await this.em.findOne(ProviderKey, { ...where(owner), provider });
    const row =
      existing ??
      this.em.create(ProviderKey, {
        ...(owner.kind === 'user' ? { user: this.em.getReference(User, owner.id) } : { team: this.em.getReference(Team, owner.id) }),
        provider,
        sealed,
        hint: '',
      });
    Object.assign(row, { sealed, hint: SecretBox.hint(key), baseUrl });
    recordAudit(this.em, {
      actorId: actorId ?? owner.id,
      action: existing ? 'keys.replaced' : 'keys.added',
      target: target(owner),
      data: { provider },
    });
    await this.em.flush();
    return row;
  }

  async remove(ownerOrUser: KeyOwner | string, provider: string, actorId?: string): Promise<boolean> {
    const owner = asOwner(ownerOrUser);
    const removed = await this.em.nativeDelete(ProviderKey, { ...where(owner), provider: provider as KeyProvider });
    recordAudit(this.em, { actorId: actorId ?? owner.id, action: 'keys.removed', target: target(owner), data: { provider } });
    await this.em.flush();
    return removed > 0;
  }

  /** The plaintext key for a model call on the owner's behalf; audited as key use. */
  async reveal(ownerOrUser: KeyOwner | string, provider: KeyProvider, purpose: string): Promise<{ key: string; baseUrl: string | null }> {
    const owner = asOwner(ownerOrUser);
    const row = await this.em.findOne(ProviderKey, { ...where(owner), provider });
    if (!row) throw new NotFoundError('Provider key', provider);
    const key = this.sealer().decrypt(row.sealed, providerKeyAad(owner, provider));
    row.lastUsedAt = new Date();
    recordAudit(this.em, {
      actorId: owner.kind === 'user' ? owner.id : null,
      action: 'keys.used',
      target: target(owner),
      data: { provider, purpose },
    });
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
        row.sealed = box.reencrypt(row.sealed, providerKeyAad(ownerOf(row), row.provider));
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
