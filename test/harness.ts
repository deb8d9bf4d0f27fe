/**
 * Test fixtures over the real services that test/global-setup.ts starts: a database per test file,
 * Redis, a Temporal connection, a worker on its own task queue, and the API app.
 */
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import { DefaultLogger, NativeConnection, Runtime, bundleWorkflowCode, type Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import pino from 'pino';
import { createBuildWorker } from '../activities/build-worker';
import { createApp, type AppDeps, type AtelierApp } from '../api/src/app';
import { migrateUp, ormOptions } from '../core/db/db';
import { ProjectEventStream } from '../core/events/project-event-stream';
import { ConcurrencyLimiter } from '../core/limits/concurrency-limiter';
import { DEFAULT_LIMITS, type LimitsConfig } from '../core/limits/tiers';
import { SandboxManager } from '../core/sandbox/sandbox-manager';
import type { SandboxBackend } from '../sandbox/types';
import { createModelLayer, type ModelLayer } from '../core/models/model-layer';
import type { LocalModelFile } from '../core/models/local-model';
import { SecretBox, parseKeyring } from '../core/keys/secret-box';
import { testEnv, testLiveblocks } from './services';
import { LiveDocs } from '../core/files/live-docs';
import { RoomEventStream } from '../core/rooms/room-event-stream';
import { AssistEventStream } from '../core/assist/assist-stream';
import { RoomSandboxes } from '../core/rooms/room-sandbox';
import { roomSandboxDestroyer } from '../activities/deps';
import { createDeployTargets, type CreateDeployTargetsOptions } from '../core/deploy/targets';
import type { DeployTargets } from '../core/deploy/targets/target';
import { DeploySecrets } from '../core/deploy/deploy-secrets';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** The services global-setup started (see test/services.ts). */
export { testEnv as testServices } from './services';

// The SDK's runtime is per process; tests keep its logs to warnings.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by another fixture in this worker process.
}

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A migrated database of its own; `dispose` closes the ORM and drops it. */
export async function createTestDatabase(): Promise<{ url: string; orm: MikroORM; dispose(): Promise<void> }> {
  const base = new URL(testEnv().databaseUrl);
  const name = `atelier_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = await MikroORM.init({ ...ormOptions(base.toString()), connect: false });
  await admin.schema.createDatabase(name);
  await admin.close(true);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const orm = await MikroORM.init(ormOptions(url.toString()));
  await migrateUp(orm);
  return {
    url: url.toString(),
    orm,
    async dispose() {
      await orm.close(true);
      const cleanup = await MikroORM.init({ ...ormOptions(base.toString()), connect: false });
      await cleanup.schema.dropDatabase(name);
      await cleanup.close(true);
    },
  };
}

let bundle: Promise<{ code: string }> | undefined;
/** The workflow bundle, built once per test file. */
export function workflowBundle(): Promise<{ code: string }> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quietBundlerLogger });
  return bundle;
}
const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };

export interface Stack {
  db: { url: string; orm: MikroORM };
  redis: Redis;
  events: ProjectEventStream;
  temporal: Client;
  taskQueue: string;
  /** Starts an in-process worker on this stack's task queue. */
  startWorker(options?: { scaffoldFileDelayMs?: number }): Promise<{ worker: Worker; stop(): Promise<void> }>;
  app: AtelierApp;
  /** The model layer the API and this stack's workers share (vendor keys and base URLs from `config`). */
  models: ModelLayer;
  /** The live documents the API and workers share (null with `live: false`). */
  live: LiveDocs | null;
  /** Present when created with `sandboxBackend`. */
  sandboxes?: SandboxManager;
  /** The deploy targets and secrets this stack's workers use, and where they keep packages. */
  deployTargets: DeployTargets;
  deploySecrets: DeploySecrets;
  dataDir: string;
  dispose(): Promise<void>;
}

/** A whole API + worker stack on a fresh database and its own task queue. */
/** Test limits: the per-IP auth and GraphQL windows are wide, since every test calls from 127.0.0.1. */
export const testLimits: LimitsConfig = {
  ...DEFAULT_LIMITS,
  ip: { auth: { ...DEFAULT_LIMITS.ip.auth, limit: 10_000 } },
  requests: {
    'graphql:ip': { ...DEFAULT_LIMITS.requests['graphql:ip'], limit: 1_000_000 },
    'graphql:user': { ...DEFAULT_LIMITS.requests['graphql:user'], limit: 1_000_000 },
  },
};

export async function createStack(
  options: {
    clientDist?: string;
    logger?: pino.Logger;
    limits?: LimitsConfig;
    trustProxy?: string;
    config?: Partial<AppDeps['config']>;
    masterKeys?: string;
    /**
     * The local GGUF model in the stack's model layer: `await localModelOf({ ATELIER_LOCAL_MODEL: testEnv().localModel }, '')`
     * (the real SmolLM2 file global setup fetched). Without a vendor key chat and actions then run on it.
     */
    localModel?: LocalModelFile | null;
    sandboxBackend?: SandboxBackend;
    /** Live documents through the test Liveblocks dev server (default true, as `npm start` runs); false: PostgreSQL only. */
    live?: boolean;
    /**
     * Deploy targets the workers get (createDeployTargets options: adapters, factories, endpoints pointed at wire
     * fakes), where packages are kept (default: a folder under .data/test) and the health check's pace.
     */
    deploy?: CreateDeployTargetsOptions & { dataDir?: string; health?: { intervalMs: number; timeoutMs: number } };
  } = {},
): Promise<Stack> {
  const services = testEnv();
  const db = await createTestDatabase();
  const redis = new Redis(services.redisUrl);
  const events = new ProjectEventStream(redis, { blockMs: 1000 });
  const calls = inFlightCalls();
  const connection = await Connection.connect({ address: services.temporalAddress, interceptors: [calls.interceptor, makeGrpcRetryInterceptor(defaultGrpcRetryOptions())] });
  const temporal = new Client({ connection, namespace: 'default' });
  const taskQueue = `atelier-test-${randomUUID()}`;
  const sandboxes = options.sandboxBackend
    ? new SandboxManager({
        orm: db.orm,
        backend: options.sandboxBackend,
        limits: options.limits ?? testLimits,
        idleMs: 30 * 60_000,
        logger: options.logger ?? silentLogger,
      })
    : undefined;
  const live = options.live === false ? null : LiveDocs.fromConfig(testLiveblocks());
  const models = createModelLayer({
    env: { ...options.config },
    orm: db.orm,
    redis,
    box: options.masterKeys ? new SecretBox(parseKeyring(options.masterKeys)) : null,
    limits: options.limits ?? testLimits,
    local: options.localModel,
  });
  // One registry for the API (token checks, which targets are offered) and this stack's workers.
  const dataDir = options.deploy?.dataDir ?? join(__dirname, '..', '.data', 'test', `deploy-${randomUUID().slice(0, 8)}`);
  const deployTargets = createDeployTargets({
    ...options.deploy,
    services: { orm: db.orm, sandboxes, redis, temporal, taskQueue, logger: options.logger ?? silentLogger, limits: options.limits ?? testLimits, dataDir, ...options.deploy?.services },
  });
  const app = await createApp({
    config: {
      ATELIER_CLIENT_DIST: options.clientDist ?? '/nonexistent',
      TEMPORAL_TASK_QUEUE: taskQueue,
      ...options.config,
      ATELIER_TRUST_PROXY: options.trustProxy,
      ATELIER_MASTER_KEYS: options.masterKeys,
    },
    limits: options.limits ?? testLimits,
    orm: db.orm,
    redis,
    temporal,
    logger: options.logger ?? silentLogger,
    sandboxes,
    models,
    live,
    deployTargets,
  });
  const workers: Array<() => Promise<void>> = [];
  const deploySecrets = new DeploySecrets({ orm: db.orm, box: options.masterKeys ? new SecretBox(parseKeyring(options.masterKeys)) : null, targets: deployTargets });
  return {
    db,
    live,
    redis,
    events,
    temporal,
    taskQueue,
    app,
    models,
    sandboxes,
    deployTargets,
    deploySecrets,
    dataDir,
    async startWorker({ scaffoldFileDelayMs = 0 } = {}) {
      const native = await NativeConnection.connect({ address: services.temporalAddress });
      const worker = await createBuildWorker({
        connection: native,
        namespace: 'default',
        taskQueue,
        deps: {
          orm: db.orm,
          events,
          logger: silentLogger,
          scaffoldFileDelayMs,
          models: models.gateway,
          sandboxes,
          leases: new ConcurrencyLimiter(redis, { config: options.limits ?? testLimits }),
          live,
          roomEvents: new RoomEventStream(redis),
          assistEvents: new AssistEventStream(redis),
          roomSandboxes: sandboxes ? roomSandboxDestroyer(new RoomSandboxes({ orm: db.orm, manager: sandboxes, logger: silentLogger })) : undefined,
          temporal,
          deployTargets,
          deploySecrets,
          dataDir,
          deployHealth: options.deploy?.health,
          localApps: { dataDir, envFor: (projectId) => deploySecrets.envFor(projectId, 'local'), limits: options.limits ?? testLimits },
        },
        workflowBundle: await workflowBundle(),
      });
      const running = worker.run();
      let stopped = false;
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        worker.shutdown();
        await running;
        await native.close();
      };
      workers.push(stop);
      return { worker, stop };
    },
    async dispose() {
      // The API first, while workers still answer its in-flight queries; then the workers. A Temporal call
      // still retrying when the connection closes would throw "Channel has been shut down" from a timer
      // into whichever test file runs next, so the connection closes once no call is in flight.
      await app.close();
      await Promise.all(workers.map((stop) => stop()));
      await calls.settled(10_000);
      await connection.close();
      redis.disconnect();
      await db.dispose();
      if (!options.deploy?.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Counts a connection's gRPC calls from start to final status (retries included, as the retry interceptor runs inside it). */
function inFlightCalls(): { interceptor: Interceptor; settled(timeoutMs: number): Promise<void> } {
  let open = 0;
  const interceptor: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        open++;
        let done = false;
        // A partial listener: grpc-js passes the other callbacks through.
        next(metadata, {
          onReceiveStatus(status, nextStatus) {
            if (!done) open--;
            done = true;
            nextStatus(status);
          },
        });
      },
    });
  return {
    interceptor,
    async settled(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (open > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** Polls until `check` returns a value, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
