import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';

/** CREATING until the backend answers, RUNNING while it exists, DESTROYED after destroy, reap or sweep. */
export type SandboxRowStatus = 'CREATING' | 'RUNNING' | 'DESTROYED';

/** One sandbox as the platform records it; the backend holds the sandbox itself. */
export class SandboxRecord {
  [OptionalProps]?: 'status' | 'backendId' | 'ports' | 'previewUrl' | 'idempotencyKey' | 'lastActivityAt' | 'createdAt' | 'destroyedAt' | 'destroyReason' | 'roomId' | 'purpose';
  id: string = randomUUID();
  project!: Ref<Project>;
  /** Who the sandbox counts against (the tier's `sandboxes` limit). */
  owner!: Ref<User>;
  /** `local` or `e2b`. */
  backend!: string;
  runtime!: string;
  status: SandboxRowStatus = 'CREATING';
  /** The backend's id (a uuid locally, E2B's sandbox id); null while CREATING. */
  backendId?: string | null;
  /** Ports a preview server listens on inside the sandbox. */
  ports: number[] = [];
  /** Set once a preview server runs; people open it on the preview origin (`openPreview`), not at this path. */
  previewUrl?: string | null;
  /** Makes create safe to retry (activities pass one derived from the workflow and activity ids). */
  idempotencyKey?: string | null;
  lastActivityAt: Date = new Date();
  createdAt: Date = new Date();
  destroyedAt?: Date | null;
  /** Why it went: `destroyed`, `idle`, `orphan`, `failed`, `room-closed`. */
  destroyReason?: string | null;
  /** The room (issue 14) whose shared sandbox this is; a room has at most one live sandbox. */
  roomId?: string | null;
  /**
   * `work` (agents, people, rooms), `deploy-build` (a deployment's build) or `app` (a deployed app on the local
   * target: kept alive by its supervisor, never idle-reaped, counted against the tier's `apps`, not `sandboxes`).
   */
  purpose: SandboxPurpose = 'work';
}

export type SandboxPurpose = 'work' | 'deploy-build' | 'app';

export const SandboxRecordSchema = new EntitySchema<SandboxRecord>({
  class: SandboxRecord,
  tableName: 'sandboxes',
  indexes: [
    { name: 'sandboxes_owner_status_index', properties: ['owner', 'status'] },
    { name: 'sandboxes_status_last_activity_index', properties: ['status', 'lastActivityAt'] },
    // At most one live sandbox per room, even if two requests create one at once (core/rooms/room-sandbox.ts).
    {
      name: 'sandboxes_room_live_unique',
      expression: `create unique index "sandboxes_room_live_unique" on "sandboxes" ("room_id") where "status" in ('CREATING', 'RUNNING')`,
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade', index: true },
    owner: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    backend: { type: 'string', length: 16 },
    runtime: { type: 'string', length: 16 },
    status: { type: 'string', length: 16, default: 'CREATING' },
    backendId: { type: 'string', length: 128, nullable: true },
    ports: { type: 'json', default: '[]' },
    previewUrl: { type: 'text', nullable: true },
    idempotencyKey: { type: 'string', length: 255, nullable: true, unique: true },
    lastActivityAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    destroyedAt: { type: 'datetime', nullable: true },
    destroyReason: { type: 'string', length: 32, nullable: true },
    roomId: { type: 'uuid', nullable: true },
    purpose: { type: 'string', length: 16, default: 'work' },
  },
});
