import { EntitySchema } from '@mikro-orm/core';

/** Until accounts land, one built-in local user owns everything; its row is created by the first migration. */
export const LOCAL_USER_ID = '00000000-0000-4000-8000-000000000001';

export class User {
  id!: string;
  email!: string;
  displayName!: string;
  createdAt: Date = new Date();
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', length: 320, unique: true },
    displayName: { type: 'string', length: 120 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
