import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ProjectFileSchema, ProjectRunSchema, ProjectSchema } from '../project/project.entity';
import { UserSchema } from '../user/user.entity';
import { AuthTokenSchema, SessionSchema } from '../auth/auth.entity';
import { OAuthIdentitySchema } from '../auth/oauth/oauth-identity.entity';
import { AuditEventSchema } from '../audit/audit.entity';
import { TeamInvitationSchema, TeamMemberSchema, TeamSchema } from '../team/team.entity';
import { ProviderKeySchema } from '../keys/provider-key.entity';
import { UsageLogSchema } from '../models/usage-log.entity';
import { ModelSettingsSchema } from '../models/model-settings.entity';
import { UsageTotalSchema } from '../models/usage-total.entity';
import { AgentTaskSchema } from '../agents/agent-task.entity';
import { AgentFileBaseSchema } from '../agents/agent-file-base.entity';
import { AgentInstanceSchema } from '../agents/agent-instance.entity';
import { AgentHandoffSchema } from '../agents/agent-handoff.entity';
import { SandboxRecordSchema } from '../sandbox/sandbox.entity';
import { deployEntities } from '../deploy/deploy.entities';
import { Migration20261127000000 } from './migrations/Migration20261127000000';
import { Migration20261127010000 } from './migrations/Migration20261127010000';
import { Migration20261127020000 } from './migrations/Migration20261127020000';
import { Migration20261127024000 } from './migrations/Migration20261127024000';
import { Migration20261127030000 } from './migrations/Migration20261127030000';
import { Migration20261127040000 } from './migrations/Migration20261127040000';
import { Migration20261127050000 } from './migrations/Migration20261127050000';
import { Migration20261127060000 } from './migrations/Migration20261127060000';
import { Migration20261127070000 } from './migrations/Migration20261127070000';
import { Migration20261127080000 } from './migrations/Migration20261127080000';
import { Migration20261127090000 } from './migrations/Migration20261127090000';
import { Migration20261127100000 } from './migrations/Migration20261127100000';
import { Migration20261127110000 } from './migrations/Migration20261127110000';
import { Migration20261127184500 } from './migrations/Migration20261127184500';
import { Migration20261204151100 } from './migrations/Migration20261204151100';
import { Migration20261207013000 } from './migrations/Migration20261207013000';
import { Migration20261207050000 } from './migrations/Migration20261207050000';
import { Migration20261207080000 } from './migrations/Migration20261207080000';
import { Migration20261207083000 } from './migrations/Migration20261207083000';
import { Migration20261207090000 } from './migrations/Migration20261207090000';
import { Migration20261207091500 } from './migrations/Migration20261207091500';
import { Migration20261207100000 } from './migrations/Migration20261207100000';
import { Migration20261207120000 } from './migrations/Migration20261207120000';
import { Migration20261207121000 } from './migrations/Migration20261207121000';
import { ProjectFileVersionSchema, ProjectFolderSchema } from '../files/file.entities';
import { roomEntities } from '../rooms/room.entities';
import { billingEntities } from '../billing/billing.entities';
import { assistEntities } from '../assist/assist.entities';
import { Migration20261207140000 } from './migrations/Migration20261207140000';
import { Migration20261207170000 } from './migrations/Migration20261207170000';

export const entities = [UserSchema, ProjectSchema, ProjectRunSchema, ProjectFileSchema, SessionSchema, AuthTokenSchema, AuditEventSchema, TeamSchema, TeamMemberSchema, TeamInvitationSchema, ProviderKeySchema, OAuthIdentitySchema, UsageLogSchema, ModelSettingsSchema, UsageTotalSchema, AgentTaskSchema, AgentFileBaseSchema, AgentInstanceSchema, AgentHandoffSchema, SandboxRecordSchema, ProjectFileVersionSchema, ProjectFolderSchema, ...roomEntities, ...deployEntities, ...billingEntities, ...assistEntities];

/**
 * Migrations are listed here rather than discovered from disk, so the same list works under tsx,
 * jest and a compiled build.
 */
export const migrationsList = [
  { name: 'Migration20261127000000', class: Migration20261127000000 },
  { name: 'Migration20261127010000', class: Migration20261127010000 },
  { name: 'Migration20261127020000', class: Migration20261127020000 },
  { name: 'Migration20261127024000', class: Migration20261127024000 },
  { name: 'Migration20261127030000', class: Migration20261127030000 },
  { name: 'Migration20261127040000', class: Migration20261127040000 },
  { name: 'Migration20261127050000', class: Migration20261127050000 },
  { name: 'Migration20261127060000', class: Migration20261127060000 },
  { name: 'Migration20261127070000', class: Migration20261127070000 },
  { name: 'Migration20261127080000', class: Migration20261127080000 },
  { name: 'Migration20261127090000', class: Migration20261127090000 },
  { name: 'Migration20261127100000', class: Migration20261127100000 },
  { name: 'Migration20261127110000', class: Migration20261127110000 },
  { name: 'Migration20261127184500', class: Migration20261127184500 },
  { name: 'Migration20261204151100', class: Migration20261204151100 },
  { name: 'Migration20261207013000', class: Migration20261207013000 },
  { name: 'Migration20261207050000', class: Migration20261207050000 },
  { name: 'Migration20261207080000', class: Migration20261207080000 },
  { name: 'Migration20261207083000', class: Migration20261207083000 },
  { name: 'Migration20261207090000', class: Migration20261207090000 },
  { name: 'Migration20261207091500', class: Migration20261207091500 },
  { name: 'Migration20261207100000', class: Migration20261207100000 },
  { name: 'Migration20261207120000', class: Migration20261207120000 },
  { name: 'Migration20261207121000', class: Migration20261207121000 },
  { name: 'Migration20261207140000', class: Migration20261207140000 },
  { name: 'Migration20261207170000', class: Migration20261207170000 },
];

/** MikroORM options for a database URL; the one place the ORM is configured. */
export function ormOptions(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    discovery: { disableDynamicFileAccess: true },
    allowGlobalContext: false,
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  };
}

export function createOrm(databaseUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, overrides));
}

/** Applies pending migrations; returns the names applied. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
