import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';

/** Model vendors a user can bring their own key for. */
export const KEY_PROVIDERS = ['openai', 'anthropic', 'google', 'openai-compatible'] as const;
export type KeyProvider = (typeof KEY_PROVIDERS)[number];

/** Whose key it is: a user's own (their personal projects' runs) or a team's (its projects' runs). */
export type KeyOwner = { kind: 'user'; id: string } | { kind: 'team'; id: string };

/** A user's or a team's model provider key, sealed with SecretBox; the plaintext never leaves the server. */
export class ProviderKey {
  [OptionalProps]?: 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  /** Exactly one of `user` and `team` is set. */
  user?: Ref<User> | null;
  team?: Ref<Team> | null;
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

/** Associated data that ties a sealed key to its owner and provider (a user's key never opens as a team's). */
export const providerKeyAad = (owner: KeyOwner | string, provider: string) =>
  typeof owner === 'string' || owner.kind === 'user'
    ? `user:${typeof owner === 'string' ? owner : owner.id}:provider:${provider}`
    : `team:${owner.id}:provider:${provider}`;

/** The owner of a stored row. */
export const ownerOf = (row: ProviderKey): KeyOwner => (row.team ? { kind: 'team', id: row.team.id } : { kind: 'user', id: row.user!.id });

export const ProviderKeySchema = new EntitySchema<ProviderKey>({
  class: ProviderKey,
  tableName: 'provider_keys',
  uniques: [
    { name: 'provider_keys_user_provider_unique', properties: ['user', 'provider'] },
    { name: 'provider_keys_team_provider_unique', properties: ['team', 'provider'] },
  ],
  checks: [{ name: 'provider_keys_one_owner_check', expression: '(user_id is null) <> (team_id is null)' }],
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'cascade' },
    team: { kind: 'm:1', entity: () => Team, ref: true, nullable: true, deleteRule: 'cascade' },
    provider: { type: 'string', length: 32 },
    baseUrl: { type: 'string', length: 500, nullable: true },
    sealed: { type: 'text' },
    hint: { type: 'string', length: 32 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
    lastUsedAt: { type: 'datetime', nullable: true },
  },
});
