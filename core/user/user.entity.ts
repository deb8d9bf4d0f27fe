import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/** Until accounts land, one built-in local user owns everything; its row is created by the first migration. */
export const LOCAL_USER_ID = '00000000-0000-4000-8000-000000000001';

export type PlatformRole = 'user' | 'admin';

export class User {
  [OptionalProps]?: 'platformRole' | 'tier' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  email!: string;
  displayName!: string;
  /** argon2id hash; null for the built-in local user (and, later, OAuth-only accounts). */
  passwordHash?: string | null;
  platformRole: PlatformRole = 'user';
  /** Rate-limit tier: free, pro, team or enterprise (see core/limits/tiers.ts). */
  tier = 'free';
  emailVerifiedAt?: Date | null;
  /** The user's own theme (a `SYSTEM_THEMES` id, contracts/themes.ts); null until they choose one. */
  themeId?: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', length: 320, unique: true },
    displayName: { type: 'string', length: 120 },
    passwordHash: { type: 'string', length: 255, nullable: true, hidden: true },
    platformRole: { type: 'string', length: 16, default: 'user' },
    tier: { type: 'string', length: 16, default: 'free' },
    emailVerifiedAt: { type: 'datetime', nullable: true },
    themeId: { type: 'text', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
