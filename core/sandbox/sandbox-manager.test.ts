/** SandboxManager on a real database and the real local backend. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger } from '../../test/harness';
import { DEFAULT_LIMITS } from '../limits/tiers';
import { Project, ProjectRun } from '../project/project.entity';
import { workflowIds } from '../../contracts/workflow-ids';
import { User } from '../user/user.entity';
import { SandboxManager } from './sandbox-manager';
import { SandboxRecord } from './sandbox.entity';
import { SandboxLimitExceededError } from './sandbox.errors';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let manager: SandboxManager;

/** A user of `tier` with one project. */
async function seed(tier = 'free'): Promise<{ userId: string; projectId: string }> {
  const em = db.orm.em.fork();
  const user = em.create(User, { email: `${Math.random().toString(36).slice(2)}@example.com`, displayName: 'Sandboxer', tier });
  const project = em.create(Project, { owner: user, name: 'Box', framework: 'express' });
  await em.flush();
  return { userId: user.id, projectId: project.id };
}

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  manager = new SandboxManager({ orm: db.orm, backend: local.backend, limits: DEFAULT_LIMITS, idleMs: 60_000, logger: silentLogger });
});
afterAll(async () => {
  await local?.dispose();
  await db?.dispose();
});

test('create records a running sandbox and is idempotent by key', async () => {
  const { userId, projectId } = await seed('pro');
  const first = await manager.create({ projectId, ownerId: userId, runtime: 'node', idempotencyKey: 'wf-1:act-1' });
  expect(first.record).toMatchObject({ status: 'RUNNING', backend: 'local', runtime: 'node', backendId: first.sandbox.id });
  const again = await manager.create({ projectId, ownerId: userId, runtime: 'node', idempotencyKey: 'wf-1:act-1' });
  expect(again.record.id).toBe(first.record.id);
  expect(again.sandbox.id).toBe(first.sandbox.id);
  const opened = await manager.open(first.record.id);
  expect((await opened.sandbox.exec('echo ok')).stdout).toBe('ok\n');
  await manager.destroy(first.record.id);
  await manager.destroy(first.record.id);
  expect(await manager.find(first.record.id)).toMatchObject({ status: 'DESTROYED', destroyReason: 'destroyed' });
  await expect(local.backend.connect(first.sandbox.id)).rejects.toThrow();
});

test('a user gets at most their tier\'s number of live sandboxes, even when asking concurrently', async () => {
  const { userId, projectId } = await seed('free');
  const limit = DEFAULT_LIMITS.tiers.free.sandboxes!;
  const results = await Promise.allSettled(Array.from({ length: limit + 2 }, () => manager.create({ projectId, ownerId: userId, runtime: 'node' })));
  const made = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(made).toHaveLength(limit);
  expect(refused.every((r) => r.reason instanceof SandboxLimitExceededError)).toBe(true);
  const first = (made[0] as PromiseFulfilledResult<Awaited<ReturnType<SandboxManager['create']>>>).value;
  await manager.destroy(first.record.id);
  const after = await manager.create({ projectId, ownerId: userId, runtime: 'node' });
  expect(after.record.status).toBe('RUNNING');
});

test('the reaper destroys sandboxes idle past the limit and keeps active ones', async () => {
  const { userId, projectId } = await seed('team');
  const idle = await manager.create({ projectId, ownerId: userId, runtime: 'node' });
  const busy = await manager.create({ projectId, ownerId: userId, runtime: 'node' });
  await db.orm.em.fork().nativeUpdate(SandboxRecord, { id: idle.record.id }, { lastActivityAt: new Date(Date.now() - 120_000) });
  const reaped = await manager.reapIdle();
  expect(reaped).toContain(idle.record.id);
  expect(reaped).not.toContain(busy.record.id);
  expect(await manager.find(idle.record.id)).toMatchObject({ status: 'DESTROYED', destroyReason: 'idle' });
  expect(await local.backend.list()).not.toContain(idle.sandbox.id);
  expect(await local.backend.list()).toContain(busy.sandbox.id);
});

test("the reaper keeps an idle sandbox of a build in progress, and reaps it once the build ended", async () => {
  const { userId, projectId } = await seed('team');
  const em = db.orm.em.fork();
  const run = em.create(ProjectRun, { project: em.getReference(Project, projectId), workflowId: workflowIds.projectBuild(projectId), status: 'RUNNING' });
  await em.flush();
  const build = await manager.create({ projectId, ownerId: userId, runtime: 'node', idempotencyKey: `project-build:${projectId}:5` });
  const other = await manager.create({ projectId, ownerId: userId, runtime: 'node' });
  await db.orm.em.fork().nativeUpdate(SandboxRecord, { id: { $in: [build.record.id, other.record.id] } }, { lastActivityAt: new Date(Date.now() - 120_000) });
  const reaped = await manager.reapIdle();
  expect(reaped).toContain(other.record.id);
  expect(reaped).not.toContain(build.record.id);
  await db.orm.em.fork().nativeUpdate(ProjectRun, { id: run.id }, { status: 'SUCCEEDED' });
  expect(await manager.reapIdle()).toContain(build.record.id);
});

test('the start-up sweep destroys unrecorded sandboxes and closes rows whose sandbox is gone', async () => {
  const { userId, projectId } = await seed('team');
  const stray = await local.backend.create({ runtime: 'node' });
  await stray.exec('sleep 60 > /dev/null 2>&1 &');
  const lost = await manager.create({ projectId, ownerId: userId, runtime: 'node' });
  await local.backend.destroy(lost.sandbox.id);
  const kept = await manager.create({ projectId, ownerId: userId, runtime: 'node' });
  const swept = await manager.sweepOrphans();
  expect(swept.destroyed).toEqual([stray.id]);
  expect(swept.closed).toEqual([lost.record.id]);
  expect(await local.backend.list()).not.toContain(stray.id);
  expect(await manager.find(lost.record.id)).toMatchObject({ status: 'DESTROYED', destroyReason: 'orphan' });
  expect(await manager.find(kept.record.id)).toMatchObject({ status: 'RUNNING' });
});
