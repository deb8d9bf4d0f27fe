import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { User } from '../user/user.entity';

/** Model vendors a user can bring their own key for. */
export const KEY_PROVIDERS = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
export type KeyProvider = (typeof KEY_PROVIDERS)[number];

/** A user's own model provider key, sealed with SecretBox; the plaintext never leaves the server. */
export class ProviderKey {
  [OptionalProps]?: 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  user!: Ref<User>;
  provider!: KeyProvider;
  /** For openai-compatible endpoints (Ollama, vLLM, LM Studio …). */
  baseUrl?: string | null;
  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, bound to `providerKeyAad(user, provider)`. */
  sealed!: string;
  /** The first three and last four characters, for recognising the key. */
  hint!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  lastUsedAt?: Date | null;
}

/** Associated data that ties a sealed key to its owner and provider. */
export const providerKeyAad = (userId: string, provider: string) => `user:${userId}:provider:${provider}`;

export const ProviderKeySchema = new EntitySchema<ProviderKey>({
  class: ProviderKey,
  tableName: 'provider_keys',
  uniques: [{ name: 'provider_keys_user_provider_unique', properties: ['user', 'provider'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    provider: { type: 'string', length: 32 },
    baseUrl: { type: 'string', length: 500, nullable: true },
    sealed: { type: 'text' },
    hint: { type: 'string', length: 32 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
    lastUsedAt: { type: 'datetime', nullable: true },
  },
});
