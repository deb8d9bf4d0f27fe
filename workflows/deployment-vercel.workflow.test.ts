/**
 * deploymentWorkflow to Vercel (its wire fake, through the real adapter and @vercel/sdk) on the real stack, and
 * DeployService's refusals: a 429 retried to a live deployment with one deployment at the provider, a refused
 * token ending it at once, secrets masked in the log, and the typed errors a request can get.
 */
import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadActor } from '../core/access/actor';
import type { Actor } from '../core/access/policy';
import { Deployment, DeploymentLog, DeployTarget } from '../core/deploy/deploy.entities';
import type { DeployService } from '../core/deploy/deploy.service';
import { createVercelTarget } from '../core/deploy/targets/vercel';
import { Project } from '../core/project/project.entity';
import { actorOf } from '../core/access/policy';
import { workflowIds } from '../contracts/workflow-ids';
import { appSources, seedProject } from '../test/fixtures/local-apps';
import { addProjectFiles, deployServiceOf } from '../test/fixtures/deploy';
import { VercelFake } from '../test/fakes/deploy/vercel-fake';
import { testLocalBackend } from '../test/fixtures/sandbox-backends';
import { createStack, waitFor, type Stack } from '../test/harness';

let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let fake: VercelFake;
let service: DeployService;
let actor: Actor;
let userId: string;
let projectId: string;

beforeAll(async () => {
  local = testLocalBackend();
  fake = await new VercelFake().start();
  stack = await createStack({
    sandboxBackend: local.backend,
    live: false,
    masterKeys: `k1:${randomBytes(32).toString('base64')}`,
    deploy: {
      factories: { local: null, vercel: ({ endpoints }) => createVercelTarget({ endpoints, pollIntervalMs: 20 }) },
      endpoints: { vercel: fake.url },
      health: { intervalMs: 250, timeoutMs: 4000 },
    },
  });
  await stack.startWorker();
  service = deployServiceOf(stack);
  ({ projectId, userId } = await seedProject(stack.db.orm, { tier: 'pro', name: `Vercel Flow ${Date.now()}` }));
  const em = stack.db.orm.em.fork();
  addProjectFiles(em, projectId, appSources());
  await em.flush();
  actor = await loadActor(em as EntityManager, userId);
  await stack.deploySecrets.setToken({ kind: 'user', id: userId }, 'vercel', fake.token.value, null, userId);
  await stack.deploySecrets.setEnv(actor, { projectId, target: '*', key: 'API_SECRET', value: 's3cret-value', secret: true });
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
  await fake?.close();
});

const ended = (id: string) =>
  waitFor(
    `deployment ${id} to end`,
    async () => {
      const d = await stack.db.orm.em.fork().findOneOrFail(Deployment, { id });
      return ['LIVE', 'FAILED', 'CANCELLED'].includes(d.status) ? d : null;
    },
    240_000,
  );

const logText = async (id: string) =>
  (await stack.db.orm.em.fork().find(DeploymentLog, { deployment: id }, { orderBy: { seq: 'asc' } })).map((l) => l.text).join('\n');

test('a 429 from Vercel is retried: the deployment goes live, once at the provider, secrets never in its log', async () => {
  fake.fail('rate-limit');
  const d = await ended((await service.deploy(actor, { projectId, target: 'vercel' })).id);
  expect({ status: d.status, error: d.error ?? null }).toEqual({ status: 'LIVE', error: null });
  expect(fake.deploymentsFor(d.id)).toBe(1);
  expect(fake.isActive(d.providerRef!)).toBe(true);
  // The provider step that met the 429 ran again.
  const history = await stack.temporal.workflow.getHandle(workflowIds.deployment(d.id)).fetchHistory();
  expect(history.events!.some((e) => (e.activityTaskStartedEventAttributes?.attempt ?? 1) > 1)).toBe(true);
  const target = await stack.db.orm.em.fork().findOneOrFail(DeployTarget, { project: projectId, target: 'vercel' });
  expect(target.liveDeployment?.id).toBe(d.id);
  expect(target.providerProjectRef).toBeTruthy();
  const log = await logText(d.id);
  expect(log).not.toContain('s3cret-value');
  expect(log).not.toContain(fake.token.value);
});

test('a token Vercel refuses ends the deployment with DEPLOY_TOKEN_REFUSED; the live one stays', async () => {
  const live = (await stack.db.orm.em.fork().findOneOrFail(DeployTarget, { project: projectId, target: 'vercel' })).liveDeployment?.id;
  fake.fail('refuse-token');
  const d = await ended((await service.deploy(actor, { projectId, target: 'vercel' })).id);
  // Refused for good until the fake is reset: its state (the live deployment too) goes with it.
  fake.reset();
  expect(d).toMatchObject({ status: 'FAILED', errorCode: 'DEPLOY_TOKEN_REFUSED' });
  expect((await stack.db.orm.em.fork().findOneOrFail(DeployTarget, { project: projectId, target: 'vercel' })).liveDeployment?.id).toBe(live);
});

describe('requests DeployService refuses', () => {
  test('outsiders get NOT_FOUND; an unknown or unoffered target DEPLOY_TARGET_UNAVAILABLE', async () => {
    await expect(service.deploy(actorOf('00000000-0000-4000-a000-000000000001'), { projectId, target: 'vercel' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.list(actorOf(null), projectId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.deploy(actor, { projectId, target: 'heroku' })).rejects.toMatchObject({ code: 'DEPLOY_TARGET_UNAVAILABLE' });
    await expect(service.deploy(actor, { projectId, target: 'local' })).rejects.toMatchObject({ code: 'DEPLOY_TARGET_UNAVAILABLE' });
  });

  test('no token: DEPLOY_TOKEN_MISSING, and the target view says which', async () => {
    const other = await seedProject(stack.db.orm, { tier: 'pro', name: 'No Token' });
    const them = await loadActor(stack.db.orm.em.fork() as EntityManager, other.userId);
    await expect(service.deploy(them, { projectId: other.projectId, target: 'vercel' })).rejects.toMatchObject({ code: 'DEPLOY_TOKEN_MISSING' });
    const [view] = await service.targets(them, other.projectId);
    expect(view).toMatchObject({ target: 'vercel', ready: false, missingTokens: ['vercel'] });
  });

  test('one deployment in flight per target (DEPLOY_IN_PROGRESS); an idempotency key answers its first deployment', async () => {
    const first = await service.deploy(actor, { projectId, target: 'vercel', idempotencyKey: 'click-1' });
    const again = await service.deploy(actor, { projectId, target: 'vercel', idempotencyKey: 'click-1' });
    expect(again.id).toBe(first.id);
    await expect(service.deploy(actor, { projectId, target: 'vercel' })).rejects.toMatchObject({ code: 'DEPLOY_IN_PROGRESS', deploymentId: first.id });
    await service.cancel(actor, first.id);
    expect((await ended(first.id)).status).toMatch(/CANCELLED|LIVE/);
  });

  test('rollback of a failed deployment: DEPLOY_ROLLBACK_INVALID; an archived project: PROJECT_ARCHIVED; bad settings: BAD_USER_INPUT', async () => {
    const failed = await stack.db.orm.em.fork().findOneOrFail(Deployment, { project: projectId, status: 'FAILED' });
    await expect(service.rollback(actor, failed.id)).rejects.toMatchObject({ code: 'DEPLOY_ROLLBACK_INVALID' });
    await expect(service.setTargetSettings(actor, { projectId, target: 'vercel', settings: { colour: 'red' } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const view = await service.setTargetSettings(actor, { projectId, target: 'vercel', settings: { name: 'my-todos' }, allowAgentDeploys: true });
    expect(view).toMatchObject({ settings: { name: 'my-todos' }, allowAgentDeploys: true, ready: true });
    await stack.db.orm.em.fork().nativeUpdate(Project, { id: projectId }, { archivedAt: new Date() });
    await expect(service.deploy(actor, { projectId, target: 'vercel' })).rejects.toMatchObject({ code: 'PROJECT_ARCHIVED' });
    await stack.db.orm.em.fork().nativeUpdate(Project, { id: projectId }, { archivedAt: null });
  });
});
