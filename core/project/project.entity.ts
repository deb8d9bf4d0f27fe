import { randomUUID } from 'node:crypto';
import { Collection, EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';

/** AWAITING_APPROVAL: an agent-team build whose plan waits for a person. CANCELLED: the last build was cancelled. */
export type ProjectStatus = 'QUEUED' | 'BUILDING' | 'AWAITING_APPROVAL' | 'READY' | 'FAILED' | 'CANCELLED';
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** Whether a run has ended (it never changes again). */
export function runEnded(status: RunStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

export class Project {
  [OptionalProps]?:
    | 'description'
    | 'features'
    | 'database'
    | 'styling'
    | 'visibility'
    | 'status'
    | 'buildMode'
    | 'autoApprovePlan'
    | 'createdAt'
    | 'updatedAt';
  id: string = randomUUID();
  /** The creator; for a personal project, its owner. */
  owner!: Ref<User>;
  /** The owning team, or null for a personal project. */
  ownerTeam?: Ref<Team> | null;
  name!: string;
  description = '';
  framework!: string;
  features: string[] = [];
  database = 'none';
  styling = 'none';
  visibility = 'private';
  status: ProjectStatus = 'QUEUED';
  /** `starter`: the built-in starter files; `team`: the agent team plans and builds from the description. */
  buildMode: 'starter' | 'team' = 'starter';
  /** With the agent team: start building without waiting for a person to approve the plan. */
  autoApprovePlan = false;
  /** Client-chosen key that makes createProject safe to retry. */
  idempotencyKey?: string | null;
  /** Set while the project is archived: read-only, hidden from the default list, restorable. */
  archivedAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  runs = new Collection<ProjectRun>(this);
  files = new Collection<ProjectFile>(this);
}

export class ProjectRun {
  [OptionalProps]?: 'status' | 'createdAt';
  id: string = randomUUID();
  project!: Ref<Project>;
  /** Temporal workflow id; unique, derived from the project id. */
  workflowId!: string;
  status: RunStatus = 'QUEUED';
  startedAt?: Date | null;
  finishedAt?: Date | null;
  /** Readable reason shown to users; never an internal message. */
  error?: string | null;
  /** The agent team's plan (a task DAG) once the architect proposed it. */
  plan?: Record<string, unknown> | null;
  /** proposed, approved or changes_requested. */
  planStatus?: string | null;
  /** For agent-team builds: whether the project's own tests passed in the sandbox at the end (null: not run). */
  testsPassed?: boolean | null;
  /** Who started the run (the creator for a project's first build); null once that account is deleted. */
  startedBy?: Ref<User> | null;
  /** Who approved the agent team's plan (null: not yet, or approved automatically). */
  approvedBy?: Ref<User> | null;
  /** Who paused it last. */
  pausedBy?: Ref<User> | null;
  /** Who cancelled it. */
  cancelledBy?: Ref<User> | null;
  createdAt: Date = new Date();
}

export class ProjectFile {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'binary';
  /** Also the guid of the file's live document (a Yjs subdocument of the project's Liveblocks room). */
  id: string = randomUUID();
  project!: Ref<Project>;
  path!: string;
  /** The text; empty for a binary file. */
  content!: string;
  language!: string;
  /** Byte length: of content (UTF-8), or of data for a binary file. */
  size!: number;
  /** A file that is not UTF-8 text (an upload): its bytes are in `data`, and it is never opened as text. */
  binary = false;
  data?: Buffer | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ProjectSchema = new EntitySchema<Project>({
  class: Project,
  tableName: 'projects',
  uniques: [
    { name: 'projects_owner_name_unique', properties: ['owner', 'name'] },
    { name: 'projects_owner_idempotency_key_unique', properties: ['owner', 'idempotencyKey'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    owner: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    ownerTeam: { kind: 'm:1', entity: () => Team, ref: true, nullable: true, deleteRule: 'cascade', index: true },
    name: { type: 'string', length: 64 },
    description: { type: 'text', default: '' },
    framework: { type: 'string', length: 32 },
    features: { type: 'json', default: '[]' },
    database: { type: 'string', length: 32, default: 'none' },
    styling: { type: 'string', length: 32, default: 'none' },
    visibility: { type: 'string', length: 16, default: 'private' },
    status: { type: 'string', length: 24, default: 'QUEUED' },
    buildMode: { type: 'string', length: 16, default: 'starter' },
    autoApprovePlan: { type: 'boolean', default: false },
    idempotencyKey: { type: 'string', length: 128, nullable: true },
    archivedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
    runs: { kind: '1:m', entity: () => ProjectRun, mappedBy: 'project' },
    files: { kind: '1:m', entity: () => ProjectFile, mappedBy: 'project' },
  },
});

export const ProjectRunSchema = new EntitySchema<ProjectRun>({
  class: ProjectRun,
  tableName: 'project_runs',
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade', index: true },
    workflowId: { type: 'string', length: 200, unique: true },
    status: { type: 'string', length: 24, default: 'QUEUED' },
    startedAt: { type: 'datetime', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
    error: { type: 'text', nullable: true },
    plan: { type: 'json', nullable: true },
    planStatus: { type: 'string', length: 24, nullable: true },
    testsPassed: { type: 'boolean', nullable: true },
    startedBy: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'set null' },
    approvedBy: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'set null' },
    pausedBy: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'set null' },
    cancelledBy: { kind: 'm:1', entity: () => User, ref: true, nullable: true, deleteRule: 'set null' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const ProjectFileSchema = new EntitySchema<ProjectFile>({
  class: ProjectFile,
  tableName: 'project_files',
  uniques: [{ name: 'project_files_project_path_unique', properties: ['project', 'path'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade' },
    path: { type: 'string', length: 512 },
    content: { type: 'text' },
    language: { type: 'string', length: 32 },
    size: { type: 'integer' },
    binary: { type: 'boolean', default: false },
    data: { type: 'blob', nullable: true, lazy: true },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
