import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { User } from '../user/user.entity';

/** A signed-in browser or client. The cookie carries a random token; only its SHA-256 is stored. */
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt' | 'issuedAt';
  /** hex SHA-256 of the session token. */
  id!: string;
  user!: Ref<User>;
  /** When the user signed in; a rotated token keeps it, so the absolute lifetime still counts from here. */
  createdAt: Date = new Date();
  /** When this token was issued; tokens are replaced once a day while in use. */
  issuedAt: Date = new Date();
  lastSeenAt: Date = new Date();
  expiresAt!: Date;
  revokedAt?: Date | null;
  userAgent?: string | null;
  ip?: string | null;
}

export type AuthTokenPurpose = 'verify-email' | 'reset-password';

/** A single-use, expiring token sent by email; only its SHA-256 is stored. */
export class AuthToken {
  [OptionalProps]?: 'createdAt';
  id!: string;
  user!: Ref<User>;
  purpose!: AuthTokenPurpose;
  expiresAt!: Date;
  usedAt?: Date | null;
  createdAt: Date = new Date();
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    issuedAt: { type: 'datetime', defaultRaw: 'now()' },
    lastSeenAt: { type: 'datetime', defaultRaw: 'now()' },
    expiresAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
    userAgent: { type: 'string', length: 400, nullable: true },
    ip: { type: 'string', length: 64, nullable: true },
  },
});

export const AuthTokenSchema = new EntitySchema<AuthToken>({
  class: AuthToken,
  tableName: 'auth_tokens',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    purpose: { type: 'string', length: 32 },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
