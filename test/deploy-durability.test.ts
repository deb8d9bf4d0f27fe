import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadActor } from '../core/access/actor';
import { Deployment, DeploymentLog } from '../core/deploy/deploy.entities';
import { SandboxRecord } from '../core/sandbox/sandbox.entity';
import { VercelFake } from './fakes/deploy/vercel-fake';
import { appSources, seedProject } from './fixtures/local-apps';
import { addProjectFiles, deployServiceOf } from './fixtures/deploy';
import { waitFor } from './harness';
import { useWorkerProcesses } from './worker-process';

/**
 * A deployment to Vercel (its wire fake) survives its worker being SIGKILLed at random points, KILLS times: it ends
 * LIVE with exactly one deployment at the provider, every step's effect once (one deploy.live, log seqs unbroken,
 * no build sandbox left). The kills land anywhere from the build in its sandbox to the health check.
 */
const KILLS = Number(process.env.DEPLOY_DURABILITY_KILLS ?? 5);
const masterKeys = `k1:${randomBytes(32).toString('base64')}`;
let fake: VercelFake;
// Before the stack's hooks: the stack's own Vercel adapter (which checks the stored token) points at the fake.
beforeAll(async () => {
  fake = await new VercelFake().start();
});
afterAll(() => fake?.close());
const workers = useWorkerProcesses('deploy-durability', {
  masterKeys,
  deploy: {
    get endpoints() {
      return { vercel: fake.url };
    },
  },
});

const ended = async (id: string) => {
  const d = await workers.stack.db.orm.em.fork().findOneOrFail(Deployment, { id });
  return ['LIVE', 'FAILED', 'CANCELLED'].includes(d.status) ? d : undefined;
};

it(`deploys once to Vercel although the worker is SIGKILLed ${KILLS} times`, async () => {
  const { stack } = workers;
  const { userId, projectId } = await seedProject(stack.db.orm, { tier: 'enterprise', name: 'Durable Deploy' });
  const em = stack.db.orm.em.fork();
  addProjectFiles(em, projectId, appSources());
  await em.flush();
  await stack.deploySecrets.setToken({ kind: 'user', id: userId }, 'vercel', fake.token.value, null, userId);
  const service = deployServiceOf(stack);
  const actor = await loadActor(em as EntityManager, userId);
  const env = { ATELIER_MASTER_KEYS: masterKeys, ATELIER_VERCEL_API_URL: fake.url };
  const { id } = await service.deploy(actor, { projectId, target: 'vercel' });

  let kills = 0;
  for (let i = 0; i < KILLS && !(await ended(id)); i++) {
    const worker = await workers.start(env);
    // A random point: somewhere in the next 0.5–4 s of the worker's progress (a whole deploy takes a few seconds).
    await new Promise((r) => setTimeout(r, 500 + Math.floor(Math.random() * 3500)));
    await workers.kill(worker);
    kills++;
  }
  await workers.start(env);
  const d = await waitFor('the deployment to end on the last worker', () => ended(id), 300_000);
  expect({ status: d.status, error: d.error ?? null }).toEqual({ status: 'LIVE', error: null });
  expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 3));
  expect(fake.deploymentsFor(id)).toBe(1);
  expect(fake.isActive(d.providerRef!)).toBe(true);

  const events = (await stack.events.read(projectId)).filter((e) => e.data?.deploymentId === id);
  expect(events.filter((e) => e.type === 'deploy.live')).toHaveLength(1);
  const statuses = events.filter((e) => e.type === 'deploy.status').map((e) => e.data!.status);
  expect(new Set(statuses).size).toBe(statuses.length);
  const logs = await stack.db.orm.em.fork().find(DeploymentLog, { deployment: id }, { orderBy: { seq: 'asc' } });
  expect(logs.map((l) => l.seq)).toEqual(logs.map((_, i) => i + 1));
  expect(d.logLines).toBe(logs.length);
  const builds = await stack.db.orm.em.fork().find(SandboxRecord, { project: projectId, purpose: 'deploy-build', status: { $ne: 'DESTROYED' } });
  expect(builds).toEqual([]);
}, 600_000);
