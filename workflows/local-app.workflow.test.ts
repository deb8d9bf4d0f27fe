/**
 * localAppWorkflow on the real stack (Temporal dev server, PostgreSQL, Redis, bubblewrap sandboxes): a deployed
 * app whose processes are killed is restarted, one whose sandbox is destroyed is recreated from its package, and
 * stop, start and delete do what they say. The ticks are short here; nothing asserts on timing.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { createBuildWorker } from '../activities/build-worker';
import { localAppStatusQuery } from '../contracts/deploy';
import { workflowIds } from '../contracts/workflow-ids';
import { Deployment, DeployTarget } from '../core/deploy/deploy.entities';
import { probeApp } from '../core/deploy/targets/local/app-launch';
import { AppsOrigin } from '../core/deploy/targets/local/apps-origin';
import { appLimits, createLocalTarget } from '../core/deploy/targets/local/local-target';
import { temporalAppSupervisor } from '../core/deploy/targets/local/supervisor';
import { ProjectEventStream } from '../core/events/project-event-stream';
import { SandboxManager } from '../core/sandbox/sandbox-manager';
import { SandboxRecord } from '../core/sandbox/sandbox.entity';
import { appSources, packApp, seedProject } from '../test/fixtures/local-apps';
import { testLocalBackend } from '../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger, testLimits, testServices, waitFor, workflowBundle } from '../test/harness';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let sandboxes: SandboxManager;
let redis: Redis;
let connection: Connection;
let client: Client;
let native: NativeConnection;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `local-app-test-${randomUUID()}`;
const dataDir = mkdtempSync('/tmp/local-app-data-');

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  sandboxes = new SandboxManager({ orm: db.orm, backend: local.backend, limits: testLimits, idleMs: 60_000, logger: silentLogger });
  redis = new Redis(testServices().redisUrl);
  connection = await Connection.connect({ address: testServices().temporalAddress });
  client = new Client({ connection, namespace: 'default' });
  native = await NativeConnection.connect({ address: testServices().temporalAddress });
  worker = await createBuildWorker({
    connection: native,
    namespace: 'default',
    taskQueue,
    deps: {
      orm: db.orm,
      events: new ProjectEventStream(redis),
      logger: silentLogger,
      scaffoldFileDelayMs: 0,
      sandboxes,
      localApps: { dataDir, envFor: async () => ({ GREETING: 'from-secrets' }), limits: testLimits, readyTimeoutMs: 30_000, probeTimeoutMs: 3_000 },
    },
    workflowBundle: await workflowBundle(),
  });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await native?.close();
  await connection?.close();
  redis?.disconnect();
  await local?.dispose();
  await db?.dispose();
});

/** A project deployed to the local target through the adapter, live, with its supervisor started by promote. */
async function deployed(existing?: string): Promise<{ projectId: string; deploymentId: string; sandboxId: string }> {
  const projectId = existing ?? (await seedProject(db.orm, { tier: 'pro', name: `App ${randomUUID().slice(0, 6)}` })).projectId;
  const em = db.orm.em.fork();
  const deployment = em.create(Deployment, { project: projectId, target: 'local', status: 'CHECKING' });
  await em.flush();
  // The build's package and manifest, where the supervisor recreates the app from.
  mkdirSync(join(dataDir, 'deployments'), { recursive: true });
  const tarballPath = join(dataDir, 'deployments', `${deployment.id}.tgz`);
  copyFileSync(packApp(appSources({ body: 'served' })), tarballPath);
  writeFileSync(join(dataDir, 'deployments', `${deployment.id}.json`), JSON.stringify({ startCommand: 'npm start', staticDir: 'public' }));
  const adapter = createLocalTarget({ sandboxes, orm: db.orm, appsOrigin: AppsOrigin.from(undefined, 4002), supervisor: temporalAppSupervisor(() => client, taskQueue) });
  const ctx = {
    deploymentId: deployment.id,
    projectId,
    projectSlug: 'app',
    tokens: {},
    scopes: {},
    settings: {},
    providerProjectRef: null,
    env: { GREETING: 'from-secrets' },
    log: () => undefined,
    heartbeat: () => undefined,
    signal: new AbortController().signal,
    limits: appLimits(testLimits.tiers.pro),
  };
  const made = await adapter.create(ctx, { files: [], staticDir: 'public', tarballPath, startCommand: 'npm start', runtime: 'node', packageJson: null });
  await em.nativeUpdate(Deployment, { id: deployment.id }, { status: 'LIVE', providerRef: made.ref, appSandboxId: made.ref, url: made.url });
  await em.nativeUpdate(DeployTarget, { project: projectId, target: 'local' }, { liveDeployment: deployment.id });
  await adapter.promote(ctx, made);
  return { projectId, deploymentId: deployment.id, sandboxId: made.ref };
}

const handleOf = (projectId: string) => client.workflow.getHandle(workflowIds.localApp(projectId));
const appSandbox = async (deploymentId: string) => (await db.orm.em.fork().findOneOrFail(Deployment, { id: deploymentId })).appSandboxId!;
/** What the app answers through its sandbox's preview socket, or null when nothing does. */
async function answer(sandboxId: string): Promise<string | null> {
  const row = await db.orm.em.fork().findOne(SandboxRecord, { id: sandboxId, status: 'RUNNING' });
  if (!row) return null;
  const preview = (await (await sandboxes.open(sandboxId)).sandbox.status()).preview;
  if (!preview || !('socketPath' in preview.target)) return null;
  const result = await probeApp(preview.target, 'localhost', 2000);
  return result.healthy ? result.detail : null;
}

/** Restarts the supervisor's timers with short ticks: the deployed() promote started it with the defaults. */
async function supervise(projectId: string, maxTicks = 20) {
  const handle = handleOf(projectId);
  await handle.terminate('restart with test timing');
  await client.workflow.start('localAppWorkflow', { taskQueue, workflowId: workflowIds.localApp(projectId), args: [{ projectId, timing: { tickMs: 300, settleMs: 100, maxTicks } }] });
  return handleOf(projectId);
}

test('a killed app is restarted in its sandbox, a destroyed sandbox is recreated from the package', async () => {
  const { projectId, deploymentId, sandboxId } = await deployed();
  const handle = await supervise(projectId);
  await waitFor('the app to run', async () => (await handle.query(localAppStatusQuery)).state === 'running');
  expect(await handle.query(localAppStatusQuery)).toMatchObject({ deploymentId, restarts: 0 });

  await (await sandboxes.open(sandboxId)).sandbox.killProcesses();
  await waitFor('a restart', async () => (await handle.query(localAppStatusQuery)).restarts >= 1 && (await answer(sandboxId)));
  expect(await appSandbox(deploymentId)).toBe(sandboxId);

  await sandboxes.destroy(sandboxId, 'test');
  const recreated = await waitFor('a new sandbox', async () => {
    const id = await appSandbox(deploymentId);
    return id !== sandboxId && (await answer(id)) ? id : null;
  });
  expect(await db.orm.em.fork().findOne(SandboxRecord, { id: recreated })).toMatchObject({ purpose: 'app', status: 'RUNNING' });
  const logs = await db.orm.em.getConnection().execute<{ text: string }[]>('select text from deployment_logs where deployment_id = ? order by seq', [deploymentId]);
  expect(logs.map((l) => l.text).join('\n')).toMatch(/Recreated the app's sandbox/);
  await handle.terminate('done');
});

test('stop destroys the app, start brings it back, delete ends the supervisor and clears the live deployment', async () => {
  const { projectId, deploymentId } = await deployed();
  const handle = await supervise(projectId);
  await waitFor('the app to run', async () => (await handle.query(localAppStatusQuery)).state === 'running');

  const supervisor = temporalAppSupervisor(() => client, taskQueue);
  await supervisor.command(projectId, { kind: 'stop' });
  await waitFor('stopped', async () => (await handle.query(localAppStatusQuery)).state === 'stopped');
  const live = await db.orm.em.fork().count(SandboxRecord, { project: projectId, purpose: 'app', status: 'RUNNING' });
  expect(live).toBe(0);

  await supervisor.command(projectId, { kind: 'start' });
  await waitFor('running again', async () => (await handle.query(localAppStatusQuery)).state === 'running' && (await answer(await appSandbox(deploymentId))));

  await supervisor.command(projectId, { kind: 'delete' });
  await expect(handle.result()).resolves.toMatchObject({ state: 'deleted', deploymentId: null });
  // With RECORD_HISTORIES=1, kept for the replay test (project-build.replay.test.ts replays every file in histories/).
  if (process.env.RECORD_HISTORIES) writeFileSync(join(__dirname, 'histories', 'local-app-stop-start-delete.json'), historyToJSON(await handle.fetchHistory()));
  expect(await db.orm.em.fork().findOne(DeployTarget, { project: projectId, target: 'local' })).toMatchObject({ liveDeployment: null });
  expect(await db.orm.em.fork().count(SandboxRecord, { project: projectId, purpose: 'app', status: 'RUNNING' })).toBe(0);
});

test('continues as new every maxTicks checks, keeping what it knows', async () => {
  const { projectId, deploymentId } = await deployed();
  const first = await supervise(projectId, 2);
  const firstRun = (await first.describe()).runId;
  await waitFor('a continued run', async () => (await handleOf(projectId).describe()).runId !== firstRun);
  await waitFor('the app to run', async () => (await handleOf(projectId).query(localAppStatusQuery)).state === 'running');
  expect(await handleOf(projectId).query(localAppStatusQuery)).toMatchObject({ deploymentId, lastError: null });
  await handleOf(projectId).terminate('done');
});

test('serving a new deployment destroys the previous app sandbox once the new one is live', async () => {
  const first = await deployed();
  const handle = await supervise(first.projectId);
  await waitFor('the first app to run', async () => (await handle.query(localAppStatusQuery)).state === 'running');
  // deployed() marks the second live and promotes it: the running supervisor gets `serve`.
  const second = await deployed(first.projectId);
  await waitFor('the switch', async () => (await handle.query(localAppStatusQuery)).deploymentId === second.deploymentId);
  await waitFor('the old sandbox gone', async () => (await db.orm.em.fork().findOne(SandboxRecord, { id: first.sandboxId }))?.status === 'DESTROYED');
  await waitFor('the new app to run', async () => (await handle.query(localAppStatusQuery)).state === 'running' && (await answer(second.sandboxId)));
  await handle.terminate('done');
});
