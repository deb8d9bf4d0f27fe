import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { TeamRole } from '../access/policy';
import { User } from '../user/user.entity';

export class Team {
  [OptionalProps]?: 'createdAt' | 'tier';
  id: string = randomUUID();
  name!: string;
  /**
   * The tier a team subscription (or an admin's comp) pays for; its projects are limited by the higher of this and
   * the team owner's own tier. Written only by billing (core/billing/tier-grants.ts).
   */
  tier = 'free';
  createdAt: Date = new Date();
}

export class TeamMember {
  [OptionalProps]?: 'joinedAt';
  team!: Ref<Team>;
  user!: Ref<User>;
  role!: TeamRole;
  joinedAt: Date = new Date();
}

/** A single-use invitation link; only the SHA-256 of its token is stored. */
export class TeamInvitation {
  [OptionalProps]?: 'createdAt';
  id!: string;
  team!: Ref<Team>;
  role!: Exclude<TeamRole, 'owner'>;
  invitedBy!: Ref<User>;
  createdAt: Date = new Date();
  expiresAt!: Date;
  acceptedAt?: Date | null;
  acceptedBy?: Ref<User> | null;
  revokedAt?: Date | null;
}

export const TeamSchema = new EntitySchema<Team>({
  class: Team,
  tableName: 'teams',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 64 },
    tier: { type: 'string', length: 16, default: 'free' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const TeamMemberSchema = new EntitySchema<TeamMember>({
  class: TeamMember,
  tableName: 'team_members',
  properties: {
    team: { kind: 'm:1', entity: () => Team, ref: true, primary: true, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade', index: true },
    role: { type: 'string', length: 16 },
    joinedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const TeamInvitationSchema = new EntitySchema<TeamInvitation>({
  class: TeamInvitation,
  tableName: 'team_invitations',
  properties: {
    id: { type: 'string', length: 64, primary: true },
    team: { kind: 'm:1', entity: () => Team, ref: true, deleteRule: 'cascade', index: true },
    role: { type: 'string', length: 16 },
    invitedBy: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    expiresAt: { type: 'datetime' },
    acceptedAt: { type: 'datetime', nullable: true },
    acceptedBy: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'set null' },
    revokedAt: { type: 'datetime', nullable: true },
  },
});
