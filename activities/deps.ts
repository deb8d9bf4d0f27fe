import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ConcurrencyLimiter } from '../core/limits/concurrency-limiter';
import type { ProjectEventStream } from '../core/events/project-event-stream';
import type { SandboxManager } from '../core/sandbox/sandbox-manager';
import type { ModelGateway } from '../core/models/model-gateway';
import type { LiveDocs } from '../core/files/live-docs';
import type { RoomEventStream } from '../core/rooms/room-event-stream';
import type { AssistEventStream } from '../core/assist/assist-stream';
import type { Client } from '@temporalio/client';
import type { DeployTargets } from '../core/deploy/targets/target';
import type { DeploySecretsSource } from '../core/deploy/deploy-secrets.port';
import type { LocalAppDeps } from './deploy/local-app-deps';
import type { BillingActivityDeps } from './billing/billing-deps';

/** What archiving a coding room needs of its sandboxes (core/rooms/room-sandbox.ts `RoomSandboxes` fits it). */
export interface RoomSandboxDestroyer {
  /** Destroys the room's sandbox (its shared terminal's shell ends with it); a room without one is a no-op. */
  destroy(roomId: string): Promise<void>;
}

/** A `RoomSandboxes` as the archive step needs it. */
export const roomSandboxDestroyer = (sandboxes: { destroy(roomId: string): Promise<boolean> }): RoomSandboxDestroyer => ({
  destroy: async (roomId) => void (await sandboxes.destroy(roomId)),
});

/** Everything activities touch, built once by the worker's composition root. */
export interface ActivityDeps {
  orm: MikroORM;
  events: ProjectEventStream;
  logger: Logger;
  /** Pause between scaffolded files, in ms (demos, durability tests). */
  scaffoldFileDelayMs: number;
  /** Sandboxes (issue 5); sandbox activities fail non-retryably on a worker built without them. */
  sandboxes?: SandboxManager;
  /** The model layer (issue 4); `callModel` fails non-retryably on a worker built without it. */
  models?: ModelGateway;
  /** The tier's concurrent agent runs; without it every team run is admitted. */
  leases?: ConcurrencyLimiter;
  /** The files' live documents (Liveblocks); without it agents read and write PostgreSQL only. */
  live?: LiveDocs | null;
  /** Coding rooms' live events (agents' chat answers, ROOM_ARCHIVED); room activities that publish fail without it. */
  roomEvents?: RoomEventStream;
  /** Assist answers' own streams (issue 17); assist activities that stream fail without it. */
  assistEvents?: AssistEventStream;
  /** Coding rooms' own sandboxes; without it archiving a room destroys none. */
  roomSandboxes?: RoomSandboxDestroyer;
  /**
   * A Temporal client, for activities that talk to other workflows: archiving a room asks the project room
   * workflow to flush first, so versions are credited to their editors (without it the room's flush credits
   * nobody by name).
   */
  temporal?: Client;
  /** Deploy targets' adapters (core/deploy/targets); deployment activities fail non-retryably without them. */
  deployTargets?: DeployTargets;
  /** The projects' deploy env vars, secrets and provider tokens, decrypted (core/deploy/deploy-secrets.ts). */
  deploySecrets?: DeploySecretsSource;
  /** The data folder (ATELIER_DATA_DIR): deployments' packages live in its `deployments` folder. */
  dataDir?: string;
  /** Deployments' health check: a probe this often, for this long (defaults 2 s and 60 s; tests shorten them). */
  deployHealth?: { intervalMs: number; timeoutMs: number };
  /** Apps deployed to the local target (their supervisor's activities); without it those activities fail non-retryably. */
  localApps?: LocalAppDeps;
  /** Billing (issue 16): the Razorpay mirror, the mailer and the public URL; billing off → undefined, and billing activities fail with PAYMENT_BILLING_OFF. */
  billing?: BillingActivityDeps;
}
