import type { MikroORM } from '@mikro-orm/postgresql';
import type { ProviderKeyService } from '../keys/provider-key.service';
import type { ProviderId } from './model-types';

/** A key and endpoint to call one vendor with. */
export interface ProviderCredential {
  provider: ProviderId;
  apiKey: string;
  baseURL?: string;
  /** Whose key it is: the platform's (environment) or the calling user's own. */
  owner: 'platform' | 'user';
}

/** Keys and endpoints from the environment; each vendor's base URL also applies to users' keys (a platform proxy). */
export type PlatformKeys = Partial<Record<Exclude<ProviderId, 'offline'>, { apiKey?: string; baseURL?: string }>>;

type UserKeys = { at: number; keys: Map<ProviderId, ProviderCredential> };

/**
 * Which vendors a user can call and with what key: the user's own stored key for a vendor wins (their runs
 * bill to them), else the platform's. Opened keys are kept in memory for `ttlMs`, so a run's hundreds of calls
 * audit one `keys.used` per vendor and minute rather than one per call.
 */
export class ModelCredentials {
  private readonly cache = new Map<string, UserKeys>();

  constructor(
    private readonly platform: PlatformKeys,
    private readonly userKeys: ((orm: MikroORM) => ProviderKeyService) | null,
    private readonly orm: MikroORM,
    private readonly ttlMs = 60_000,
  ) {}

  /** Every vendor the user can call now. */
  async forUser(userId: string): Promise<Map<ProviderId, ProviderCredential>> {
    const hit = this.cache.get(userId);
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
    if (this.userKeys) {
      const service = this.userKeys(this.orm);
      for (const row of await service.list(userId)) {
        try {
          const opened = await service.reveal(userId, row.provider, 'model call');
          keys.set(row.provider, {
            provider: row.provider,
            apiKey: opened.key,
            baseURL: opened.baseUrl ?? this.platform[row.provider]?.baseURL,
            owner: 'user',
          });
        } catch {
          // Sealed under a retired master key, or no key ring: the platform key (if any) stays in force.
        }
      }
    }
    this.cache.set(userId, { at: Date.now(), keys });
    return keys;
  }

  /** Whose key each vendor would be called with for this user, without opening any key (for listings). */
  async sourcesFor(userId: string): Promise<Map<ProviderId, 'platform' | 'user'>> {
    const sources = new Map<ProviderId, 'platform' | 'user'>();
    for (const [provider, entry] of Object.entries(this.platform) as [ProviderId, { apiKey?: string; baseURL?: string }][]) {
      if (entry.apiKey || (provider === 'openai-compatible' && entry.baseURL)) sources.set(provider, 'platform');
    }
    if (this.userKeys) for (const row of await this.userKeys(this.orm).list(userId)) sources.set(row.provider, 'user');
    return sources;
  }

  /** Forgets a user's opened keys (after they change them). */
  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
