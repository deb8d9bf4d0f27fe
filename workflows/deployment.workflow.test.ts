/**
 * deploymentWorkflow on the real stack (Temporal dev server, PostgreSQL, Redis, bubblewrap sandboxes) deploying to
 * the local target: a whole deploy, a failing build, failing tests and their override, a cancel mid-way, an app
 * that never gets healthy, a rollback. Nothing asserts on timing; the health check is only shortened.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadActor } from '../core/access/actor';
import type { Actor } from '../core/access/policy';
import { Deployment, DeploymentLog, DeployTarget } from '../core/deploy/deploy.entities';
import type { DeployService } from '../core/deploy/deploy.service';
import { ProjectFile } from '../core/project/project.entity';
import { SandboxRecord } from '../core/sandbox/sandbox.entity';
import { appSources, seedProject } from '../test/fixtures/local-apps';
import { addProjectFiles, deployServiceOf } from '../test/fixtures/deploy';
import { testLocalBackend } from '../test/fixtures/sandbox-backends';
import { createStack, silentLogger, waitFor, type Stack } from '../test/harness';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { createAgentDeployActivities } from '../activities/deploy/agent-deploy.activities';
import type { ActivityDeps } from '../activities/deps';

let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let service: DeployService;
let actor: Actor;
let projectId: string;

beforeAll(async () => {
  local = testLocalBackend();
  stack = await createStack({ sandboxBackend: local.backend, live: false, deploy: { health: { intervalMs: 250, timeoutMs: 4000 } } });
  await stack.startWorker();
  service = deployServiceOf(stack);
  ({ projectId } = await seedProject(stack.db.orm, { tier: 'pro', name: `Flow ${Date.now()}` }));
  const em = stack.db.orm.em.fork();
  const project = await em.findOneOrFail('Project', { id: projectId } as never);
  actor = await loadActor(em as EntityManager, (project as { owner: { id: string } }).owner.id);
});
afterAll(async () => {
  // Supervisors started by promote: ended so the worker can stop.
  for await (const wf of stack.temporal.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND ExecutionStatus = 'Running'` }))
    await stack.temporal.workflow.getHandle(wf.workflowId).terminate('test over').catch(() => undefined);
  await stack?.dispose();
  await local?.dispose();
});

/** Replaces the project's stored files. */
async function setFiles(files: Record<string, string>): Promise<void> {
  const em = stack.db.orm.em.fork();
  await em.nativeDelete(ProjectFile, { project: projectId });
  addProjectFiles(em, projectId, files);
  await em.flush();
}

const ended = (id: string) =>
  waitFor(
    `deployment ${id} to end`,
    async () => {
      const d = await stack.db.orm.em.fork().findOneOrFail(Deployment, { id });
      return ['LIVE', 'FAILED', 'CANCELLED', 'SUPERSEDED'].includes(d.status) ? d : null;
    },
    240_000,
  );

const logText = async (id: string) =>
  (await stack.db.orm.em.fork().find(DeploymentLog, { deployment: id }, { orderBy: { seq: 'asc' } })).map((l) => l.text).join('\n');

const liveId = async () => (await stack.db.orm.em.fork().findOne(DeployTarget, { project: projectId, target: 'local' }))?.liveDeployment?.id ?? null;

const testsOf = (pass: boolean) => ({ 'test.js': pass ? 'console.log("ok")' : 'console.error("expected 2, got 3"); process.exit(1)' });
const withScripts = (scripts: Record<string, string>, extra: Record<string, string> = {}) => {
  const files = { ...appSources(), ...extra };
  files['package.json'] = JSON.stringify({ name: 'tiny', version: '1.0.0', scripts: { start: 'node src/server.js', ...scripts } });
  return files;
};

let first: Deployment;

test('a whole deploy: built, tested, packaged, running in its app sandbox and live, with its logs and events', async () => {
  await setFiles(withScripts({ test: 'node test.js' }, testsOf(true)));
  const queued = await service.deploy(actor, { projectId, target: 'local' });
  expect(queued.status).toBe('QUEUED');
  first = await ended(queued.id);
  expect({ status: first.status, error: first.error ?? null }).toEqual({ status: 'LIVE', error: null });
  expect(first.url).toMatch(/^http:\/\/flow-\d+.*\.apps\.localhost:4002\/$/);
  expect(first.appSandboxId).toBe(first.providerRef);
  expect(first.fileCount).toBeGreaterThanOrEqual(4);
  expect(await liveId()).toBe(first.id);
  const log = await logText(first.id);
  expect(log).toContain('Running install');
  expect(log).toContain('Running tests');
  expect(log).toContain('Health check passed');
  const events = (await stack.events.read(projectId)).filter((e) => e.data?.deploymentId === first.id);
  expect(events.filter((e) => e.type === 'deploy.status').map((e) => e.data!.status)).toEqual(['BUILDING', 'PACKAGING', 'UPLOADING', 'DEPLOYING', 'CHECKING', 'LIVE']);
  expect(events.filter((e) => e.type === 'deploy.live')).toHaveLength(1);
  // The build sandbox is gone; one app sandbox serves.
  const rows = await stack.db.orm.em.fork().find(SandboxRecord, { project: projectId, status: 'RUNNING' });
  expect(rows.map((r) => r.purpose)).toEqual(['app']);
});

test('failing tests fail the deployment (logs kept, nothing new live); skipTests deploys and records who asked', async () => {
  await setFiles(withScripts({ test: 'node test.js' }, testsOf(false)));
  const failed = await ended((await service.deploy(actor, { projectId, target: 'local' })).id);
  expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'DEPLOY_TESTS_FAILED' });
  expect(await logText(failed.id)).toContain('expected 2, got 3');
  expect(await liveId()).toBe(first.id);

  const skipped = await ended((await service.deploy(actor, { projectId, target: 'local', skipTests: true })).id);
  expect(skipped).toMatchObject({ status: 'LIVE', skipTests: true });
  expect(await logText(skipped.id)).toContain('Tests skipped for this deployment by Deployer');
  const previous = await stack.db.orm.em.fork().findOneOrFail(Deployment, { id: first.id });
  expect(previous.status).toBe('SUPERSEDED');
});

test('a failing build script: DEPLOY_BUILD_FAILED with its output in the log; the live one stays', async () => {
  const live = await liveId();
  await setFiles(withScripts({ build: 'echo "syntax error in app.ts" >&2; exit 2' }));
  const failed = await ended((await service.deploy(actor, { projectId, target: 'local' })).id);
  expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'DEPLOY_BUILD_FAILED' });
  expect(await logText(failed.id)).toContain('syntax error in app.ts');
  expect(await liveId()).toBe(live);
  const builds = await stack.db.orm.em.fork().find(SandboxRecord, { project: projectId, purpose: 'deploy-build', status: { $ne: 'DESTROYED' } });
  expect(builds).toEqual([]);
});

test('cancelled mid-build: CANCELLED, its sandbox destroyed, the previous deployment still live', async () => {
  const live = await liveId();
  await setFiles(withScripts({ build: 'sleep 120' }));
  const d = await service.deploy(actor, { projectId, target: 'local' });
  await waitFor('the build to run', async () => (await logText(d.id)).includes('Running build'), 120_000);
  await service.cancel(actor, d.id);
  const cancelled = await ended(d.id);
  expect(cancelled).toMatchObject({ status: 'CANCELLED', errorCode: 'DEPLOY_CANCELLED' });
  expect(await liveId()).toBe(live);
  const builds = await stack.db.orm.em.fork().find(SandboxRecord, { project: projectId, purpose: 'deploy-build', status: { $ne: 'DESTROYED' } });
  expect(builds).toEqual([]);
  // Cancelling it again answers the ended deployment.
  expect((await service.cancel(actor, d.id)).status).toBe('CANCELLED');
});

test('an app that never answers healthy: DEPLOY_UNHEALTHY, its app discarded, the previous one still live', async () => {
  const live = await liveId();
  const files = appSources({ status: 503, body: 'down' });
  await setFiles(files);
  const failed = await ended((await service.deploy(actor, { projectId, target: 'local' })).id);
  expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'DEPLOY_UNHEALTHY' });
  expect(await liveId()).toBe(live);
  const app = await stack.db.orm.em.fork().findOneOrFail(SandboxRecord, { id: failed.providerRef! });
  expect(app.status).toBe('DESTROYED');
});

test('rollback: an earlier deployment goes live again from its package, without a build', async () => {
  const current = await liveId();
  const rolled = await ended((await service.rollback(actor, first.id)).id);
  expect(rolled).toMatchObject({ status: 'LIVE', trigger: 'rollback', artifactSha: first.artifactSha });
  expect(rolled.sourceDeployment?.id).toBe(first.id);
  expect(await liveId()).toBe(rolled.id);
  expect((await stack.db.orm.em.fork().findOneOrFail(Deployment, { id: current! })).status).toBe('SUPERSEDED');
  const log = await logText(rolled.id);
  expect(log).toContain('reusing its package');
  expect(log).not.toContain('Running install');
  await expect(service.rollback(actor, rolled.id)).rejects.toMatchObject({ code: 'DEPLOY_ROLLBACK_INVALID' });
});

test('the devops agent deploys only where the project allows agent deploys; a retried start finds its deployment', async () => {
  await setFiles(appSources({ body: 'deployed by an agent' }));
  const acts = createAgentDeployActivities({
    orm: stack.db.orm,
    events: stack.events,
    logger: silentLogger,
    temporal: stack.temporal,
    deployTargets: stack.deployTargets,
    deploySecrets: stack.deploySecrets,
    scaffoldFileDelayMs: 0,
  } satisfies ActivityDeps);
  const run = <A, R>(fn: (input: A) => Promise<R>, input: A): Promise<R> =>
    new MockActivityEnvironment({ ...defaultActivityInfo, taskQueue: stack.taskQueue }).run<[A], R, (input: A) => Promise<R>>(fn, input);
  const input = { projectId, userId: actor.userId!, target: 'local', runId: 'run-1', taskId: 't-deploy' };
  const refused = await run(acts.startAgentDeployment, input);
  expect(refused).toEqual({ refused: expect.stringContaining('does not allow agent deploys') });

  await service.setTargetSettings(actor, { projectId, target: 'local', allowAgentDeploys: true });
  const started = (await run(acts.startAgentDeployment, input)) as { deploymentId: string };
  const retried = (await run(acts.startAgentDeployment, input)) as { deploymentId: string };
  expect(retried.deploymentId).toBe(started.deploymentId);
  const outcome = await run(acts.awaitDeployment, { deploymentId: started.deploymentId });
  expect(outcome).toMatchObject({ status: 'LIVE', error: null });
  const row = await stack.db.orm.em.fork().findOneOrFail(Deployment, { id: started.deploymentId });
  expect(row).toMatchObject({ trigger: 'agent', status: 'LIVE' });
  expect(await liveId()).toBe(row.id);
});
