/** SandboxManager on a real database and the real local backend. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger } from '../../test/harness';
import { DEFAULT_LIMITS } from '../limits/tiers';
import { Project, ProjectRun } from '../project/project.entity';
import { workflowIds } from '../../contracts/workflow-ids';
import { User } from '../user/user.entity';
import { SandboxManager } from './sandbox-manager';
import { SandboxRecord } from './sandbox.entity';
import { AppLimitExceededError, SandboxLimitExceededError } from './sandbox.errors';

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

test("app sandboxes count against the tier's apps over the owner's other projects, not against sandboxes, and take their limits", async () => {
  const { userId, projectId } = await seed('free');
  const em = db.orm.em.fork();
  const other = em.create(Project, { owner: userId, name: 'Other', framework: 'express' });
  await em.flush();
  // Free: one live app. A redeploy of the same project (a second app sandbox of it) is allowed: it replaces the first.
  const app = await manager.create({ projectId, ownerId: userId, runtime: 'node', purpose: 'app', limits: { memoryMb: 256, cpus: 0.5, maxProcesses: 64 } });
  const redeploy = await manager.create({ projectId, ownerId: userId, runtime: 'node', purpose: 'app' });
  expect(app.record.purpose).toBe('app');
  await expect(manager.create({ projectId: other.id, ownerId: userId, runtime: 'node', purpose: 'app' })).rejects.toBeInstanceOf(AppLimitExceededError);
  await expect(manager.create({ projectId: other.id, ownerId: userId, runtime: 'node', purpose: 'app' })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 1 });
  // Apps leave the tier's two work sandboxes free.
  const work = await Promise.all([manager.create({ projectId, ownerId: userId, runtime: 'node' }), manager.create({ projectId, ownerId: userId, runtime: 'node' })]);
  // The per-create memory limit reached the sandbox's cgroup (v1 here; v2 names it memory.max).
  const memory = readdirSync('/sys/fs/cgroup/memory').map((parent) => join('/sys/fs/cgroup/memory', parent, app.sandbox.id, 'memory.limit_in_bytes')).find((f) => existsSync(f));
  if (memory) expect(readFileSync(memory, 'utf8').trim()).toBe(String(256 * 1024 * 1024));
  // Never idle-reaped: its supervisor owns its lifetime.
  await db.orm.em.fork().nativeUpdate(SandboxRecord, { id: { $in: [app.record.id, redeploy.record.id] } }, { lastActivityAt: new Date(Date.now() - 120_000) });
  expect(await manager.reapIdle()).not.toContain(app.record.id);
  for (const made of [app, redeploy, ...work]) await manager.destroy(made.record.id);
  const second = await manager.create({ projectId: other.id, ownerId: userId, runtime: 'node', purpose: 'app' });
  await manager.destroy(second.record.id);
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
