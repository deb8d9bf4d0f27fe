import type { MikroORM } from '@mikro-orm/postgresql';
import type { KeyOwner } from '../keys/provider-key.entity';
import type { ProviderKeyService } from '../keys/provider-key.service';
import type { ProviderId } from './model-types';

/** A key and endpoint to call one vendor with. */
export interface ProviderCredential {
  provider: ProviderId;
  apiKey: string;
  baseURL?: string;
  /** Whose key it is: the platform's (environment), the calling user's own, or the project's team's. */
  owner: 'platform' | 'user' | 'team';
  /**
   * The base URL came from a stored key (a user or a team typed it), not from platform configuration: its
   * connections go through the base-URL policy (public addresses only, pinned against DNS rebinding).
   */
  pinned?: boolean;
}

/** Keys and endpoints from the environment; each vendor's base URL also applies to stored keys (a platform proxy). */
export type PlatformKeys = Partial<Record<Exclude<ProviderId, 'offline'>, { apiKey?: string; baseURL?: string }>>;

type Opened = { at: number; keys: Map<ProviderId, ProviderCredential> };

const cacheKey = (owner: KeyOwner) => `${owner.kind}:${owner.id}`;

/**
 * Which vendors a run can call and with what key. A personal project's runs use its owner's stored keys; a
 * team project's runs use the team's stored keys (set by its owners and admins) and never a member's; in
 * both cases the platform's key is the fallback for a vendor without a stored one. Opened keys are kept in
 * memory for `ttlMs`, so a run's hundreds of calls audit one `keys.used` per vendor and minute, not per call.
 */
export class ModelCredentials {
  private readonly cache = new Map<string, Opened>();

  constructor(
    private readonly platform: PlatformKeys,
    private readonly storedKeys: ((orm: MikroORM) => ProviderKeyService) | null,
    private readonly orm: MikroORM,
    private readonly ttlMs = 60_000,
  ) {}

  /** Every vendor the user's personal runs can call now. */
  forUser(userId: string): Promise<Map<ProviderId, ProviderCredential>> {
    return this.forOwner({ kind: 'user', id: userId });
  }

  /** Every vendor a team's project runs can call now. */
  forTeam(teamId: string): Promise<Map<ProviderId, ProviderCredential>> {
    return this.forOwner({ kind: 'team', id: teamId });
  }

  async forOwner(owner: KeyOwner): Promise<Map<ProviderId, ProviderCredential>> {
    const hit = this.cache.get(cacheKey(owner));
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.keys;
    const keys = new Map<ProviderId, ProviderCredential>();
    for (const [provider, entry] of Object.entries(this.platform) as [
      Exclude<ProviderId, 'offline'>,
      { apiKey?: string; baseURL?: string },
    ][]) {
      // A local OpenAI-compatible server (Ollama) needs no key; the SDK still wants a string.
      if (entry.apiKey || (provider === 'openai-compatible' && entry.baseURL)) {
        keys.set(provider, { provider, apiKey: entry.apiKey ?? 'not-needed', baseURL: entry.baseURL, owner: 'platform' });
      }
    }
    if (this.storedKeys) {
      const service = this.storedKeys(this.orm);
      for (const row of await service.list(owner)) {
        try {
          const opened = await service.reveal(owner, row.provider, 'model call');
          keys.set(row.provider, {
            provider: row.provider,
            apiKey: opened.key,
            baseURL: opened.baseUrl ?? this.platform[row.provider]?.baseURL,
            owner: owner.kind,
            pinned: Boolean(opened.baseUrl),
          });
        } catch {
          // Sealed under a retired master key, or no key ring: the platform key (if any) stays in force.
        }
      }
    }
    this.cache.set(cacheKey(owner), { at: Date.now(), keys });
    return keys;
  }

  /** Whose key each vendor would be called with for this user, without opening any key (for listings). */
  async sourcesFor(userId: string): Promise<Map<ProviderId, 'platform' | 'user'>> {
    const sources = new Map<ProviderId, 'platform' | 'user'>();
    for (const [provider, entry] of Object.entries(this.platform) as [ProviderId, { apiKey?: string; baseURL?: string }][]) {
      if (entry.apiKey || (provider === 'openai-compatible' && entry.baseURL)) sources.set(provider, 'platform');
    }
    if (this.storedKeys) for (const row of await this.storedKeys(this.orm).list(userId)) sources.set(row.provider, 'user');
    return sources;
  }

  /** Forgets a user's (or, given a KeyOwner, a team's) opened keys, after they change them. */
  forget(owner: KeyOwner | string): void {
    this.cache.delete(cacheKey(typeof owner === 'string' ? { kind: 'user', id: owner } : owner));
  }
}
