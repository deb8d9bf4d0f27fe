import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { DeploymentStatus, DeploymentTrigger, DeployLogStream, DeployTargetName, DeployTokenProvider } from '../../contracts/deploy';
import { Project } from '../project/project.entity';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';

/** One deployment of a project to a target: a deploy, a redeploy or a rollback, each run by its own workflow. */
export class Deployment {
  [OptionalProps]?:
    | 'status'
    | 'trigger'
    | 'skipTests'
    | 'sourceDeployment'
    | 'providerRef'
    | 'url'
    | 'error'
    | 'errorCode'
    | 'artifactSha'
    | 'artifactBytes'
    | 'fileCount'
    | 'appSandboxId'
    | 'logLines'
    | 'createdAt'
    | 'startedAt'
    | 'finishedAt'
    | 'liveAt'
    | 'createdBy';
  id: string = randomUUID();
  project!: Ref<Project>;
  target!: DeployTargetName;
  status: DeploymentStatus = 'QUEUED';
  trigger: DeploymentTrigger = 'user';
  /** Who asked (null once their account is deleted, or for an agent's deploy of a deleted run). */
  createdBy?: Ref<User> | null;
  /** The tests were skipped for this deployment on purpose (recorded with who asked in the log). */
  skipTests: boolean = false;
  /** A rollback's or redeploy's origin: a rollback reuses its package, a redeploy rebuilds its target's source. */
  sourceDeployment?: Ref<Deployment> | null;
  /** The provider's id of what we created (Vercel deployment id, Netlify deploy id, commit sha, app sandbox id …). */
  providerRef?: string | null;
  /** Where it answers once ready (for `github`, the repository). */
  url?: string | null;
  /** A readable reason when FAILED or CANCELLED, never a stack trace. */
  error?: string | null;
  /** A `DEPLOY_*` code from contracts/errors.ts when FAILED. */
  errorCode?: string | null;
  /** SHA-256 of the package (`.data/deployments/<id>.tgz`); null until PACKAGING ends. */
  artifactSha?: string | null;
  artifactBytes?: number | null;
  fileCount?: number | null;
  /** Local target: the sandbox its app runs in (its preview socket serves the apps origin). */
  appSandboxId?: string | null;
  /** Lines kept in `deployment_logs` so far (the next line's seq is this + 1). */
  logLines: number = 0;
  createdAt: Date = new Date();
  startedAt?: Date | null;
  finishedAt?: Date | null;
  /** When it went live (it stays set after it is superseded). */
  liveAt?: Date | null;
}

/** A project's settings for one target, and which of its deployments is live there. */
export class DeployTarget {
  [OptionalProps]?: 'settings' | 'liveDeployment' | 'providerProjectRef' | 'allowAgentDeploys' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  project!: Ref<Project>;
  target!: DeployTargetName;
  /**
   * Target options people set (no secrets): e.g. `name` (the provider's project, site, repository or service
   * name; defaults to the project's slug), `private` for a GitHub repository, `region`.
   */
  settings: Record<string, string> = {};
  /** The provider's id of the long-lived thing deployments go to (Vercel project, Netlify site, repository …). */
  providerProjectRef?: string | null;
  liveDeployment?: Ref<Deployment> | null;
  /** The devops agent may deploy here when an approved plan has a deploy task. */
  allowAgentDeploys: boolean = false;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/** An environment variable or secret of a project, for one target or every target (`*`); sealed at rest. */
export class DeployEnvVar {
  [OptionalProps]?: 'secret' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  project!: Ref<Project>;
  /** A target name, or `*` for all of them (a target's own value wins). */
  target!: string;
  key!: string;
  /** SecretBox-sealed value, bound to `deployEnvAad(projectId, target, key)`. */
  sealed!: string;
  /** A secret's value is never shown again (only a hint); a plain variable's is shown to people who may edit it. */
  secret: boolean = true;
  /** For a secret, the last two characters behind bullets; for a plain variable, empty. */
  hint!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/** A deployment provider token of a user or a team, sealed like model keys; only a hint is ever shown. */
export class DeployToken {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'lastUsedAt' | 'account' | 'scope';
  id: string = randomUUID();
  /** Exactly one of `user` and `team` is set. */
  user?: Ref<User> | null;
  team?: Ref<Team> | null;
  provider!: DeployTokenProvider;
  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, bound to `deployTokenAad(owner, provider)`. */
  sealed!: string;
  hint!: string;
  /** The account the token belongs to, as the provider named it when the token was checked. */
  account?: string | null;
  /** Provider scope the token acts in (Vercel team id, Railway workspace id); null for the token's default. */
  scope?: string | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  lastUsedAt?: Date | null;
}

/** One line of a deployment's log; (deployment, seq) is the key, so a retried write never doubles a line. */
export class DeploymentLog {
  deployment!: Ref<Deployment>;
  seq!: number;
  at: Date = new Date();
  stream!: DeployLogStream;
  text!: string;
}

export const deployEnvAad = (projectId: string, target: string, key: string) => `project:${projectId}:deploy-env:${target}:${key}`;
export const deployTokenAad = (owner: { kind: 'user' | 'team'; id: string }, provider: string) => `${owner.kind}:${owner.id}:deploy-token:${provider}`;

export const DeploymentSchema = new EntitySchema<Deployment>({
  class: Deployment,
  tableName: 'deployments',
  indexes: [
    { name: 'deployments_project_target_created_index', properties: ['project', 'target', 'createdAt'] },
    // One deployment in flight per project and target, even if two requests start one at once (DEPLOY_IN_PROGRESS).
    {
      name: 'deployments_in_flight_unique',
      expression: `create unique index "deployments_in_flight_unique" on "deployments" ("project_id", "target") where "status" in ('QUEUED', 'BUILDING', 'PACKAGING', 'UPLOADING', 'DEPLOYING', 'CHECKING')`,
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade' },
    target: { type: 'string', length: 16 },
    status: { type: 'string', length: 16, default: 'QUEUED' },
    trigger: { type: 'string', length: 16, default: 'user' },
    createdBy: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'set null' },
    skipTests: { type: 'boolean', default: false },
    sourceDeployment: { kind: 'm:1', entity: () => Deployment, ref: true, nullable: true, deleteRule: 'set null' },
    providerRef: { type: 'string', length: 255, nullable: true },
    url: { type: 'text', nullable: true },
    error: { type: 'text', nullable: true },
    errorCode: { type: 'string', length: 48, nullable: true },
    artifactSha: { type: 'string', length: 64, nullable: true },
    artifactBytes: { type: 'bigint', nullable: true, runtimeType: 'number' },
    fileCount: { type: 'integer', nullable: true },
    appSandboxId: { type: 'uuid', nullable: true },
    logLines: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    startedAt: { type: 'datetime', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
    liveAt: { type: 'datetime', nullable: true },
  },
});

export const DeployTargetSchema = new EntitySchema<DeployTarget>({
  class: DeployTarget,
  tableName: 'deploy_targets',
  uniques: [{ name: 'deploy_targets_project_target_unique', properties: ['project', 'target'] }],
  indexes: [
    // The local target's providerProjectRef is the app's host name (`<slug>.apps.localhost`): one project per name.
    {
      name: 'deploy_targets_local_slug_unique',
      expression: `create unique index "deploy_targets_local_slug_unique" on "deploy_targets" ("provider_project_ref") where "target" = 'local'`,
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade' },
    target: { type: 'string', length: 16 },
    settings: { type: 'json', default: '{}' },
    providerProjectRef: { type: 'string', length: 255, nullable: true },
    liveDeployment: { kind: 'm:1', entity: () => Deployment, ref: true, nullable: true, deleteRule: 'set null' },
    allowAgentDeploys: { type: 'boolean', default: false },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const DeployEnvVarSchema = new EntitySchema<DeployEnvVar>({
  class: DeployEnvVar,
  tableName: 'deploy_env_vars',
  uniques: [{ name: 'deploy_env_vars_project_target_key_unique', properties: ['project', 'target', 'key'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade' },
    target: { type: 'string', length: 16 },
    key: { type: 'string', length: 128 },
    sealed: { type: 'text' },
    secret: { type: 'boolean', default: true },
    hint: { type: 'string', length: 32 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const DeployTokenSchema = new EntitySchema<DeployToken>({
  class: DeployToken,
  tableName: 'deploy_tokens',
  uniques: [
    { name: 'deploy_tokens_user_provider_unique', properties: ['user', 'provider'] },
    { name: 'deploy_tokens_team_provider_unique', properties: ['team', 'provider'] },
  ],
  checks: [{ name: 'deploy_tokens_one_owner_check', expression: '(user_id is null) <> (team_id is null)' }],
  properties: {
    id: { type: 'uuid', primary: true },
    user: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'cascade' },
    team: { kind: 'm:1', entity: () => Team, ref: true, nullable: true, deleteRule: 'cascade' },
    provider: { type: 'string', length: 16 },
    sealed: { type: 'text' },
    hint: { type: 'string', length: 32 },
    account: { type: 'string', length: 255, nullable: true },
    scope: { type: 'string', length: 255, nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
    lastUsedAt: { type: 'datetime', nullable: true },
  },
});

export const DeploymentLogSchema = new EntitySchema<DeploymentLog>({
  class: DeploymentLog,
  tableName: 'deployment_logs',
  properties: {
    deployment: { kind: 'm:1', entity: () => Deployment, ref: true, primary: true, deleteRule: 'cascade' },
    seq: { type: 'integer', primary: true },
    at: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    stream: { type: 'string', length: 16 },
    text: { type: 'text' },
  },
});

export const deployEntities = [DeploymentSchema, DeployTargetSchema, DeployEnvVarSchema, DeployTokenSchema, DeploymentLogSchema];
