import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { User } from '../../user/user.entity';

/** A GitHub or Google account linked to a user: signing in with it signs in as that user. */
export class OAuthIdentity {
  [OptionalProps]?: 'createdAt';
  id: string = randomUUID();
  /** `github` or `google`. */
  provider!: string;
  /** The provider's stable id for the account (GitHub's numeric id, Google's `sub`), never the email. */
  providerUserId!: string;
  user!: Ref<User>;
  /** The verified email the provider gave at link time, for the record. */
  email!: string;
  createdAt: Date = new Date();
}

export const OAuthIdentitySchema = new EntitySchema<OAuthIdentity>({
  class: OAuthIdentity,
  tableName: 'oauth_identities',
  uniques: [{ properties: ['provider', 'providerUserId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    provider: { type: 'string', length: 16 },
    providerUserId: { type: 'string', length: 255 },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    email: { type: 'string', length: 320 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
