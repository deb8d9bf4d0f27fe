/** Sandbox activities in MockActivityEnvironment over a real database and the real local backend. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { DEFAULT_LIMITS } from '../../core/limits/tiers';
import { Project, ProjectFile } from '../../core/project/project.entity';
import { SandboxManager } from '../../core/sandbox/sandbox-manager';
import { User } from '../../core/user/user.entity';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger } from '../../test/harness';
import type { ActivityDeps } from '../deps';
import { createSandboxActivities } from './sandbox.activities';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let activities: ReturnType<typeof createSandboxActivities>;
let manager: SandboxManager;
let userId: string;
let projectId: string;

/** Runs one activity in `env`, keeping its types (MockActivityEnvironment.run infers unknown here). */
function run<A, R>(env: MockActivityEnvironment, fn: (input: A) => Promise<R>, input: A): Promise<R> {
  return env.run<[A], R, (input: A) => Promise<R>>(fn, input);
}

const info = (activityId: string) => ({ ...defaultActivityInfo, activityId, workflowExecution: { workflowId: 'wf-sandbox-test', runId: 'r1' } });

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  manager = new SandboxManager({ orm: db.orm, backend: local.backend, limits: DEFAULT_LIMITS, idleMs: 60_000, logger: silentLogger });
  activities = createSandboxActivities({ orm: db.orm, logger: silentLogger, sandboxes: manager } as unknown as ActivityDeps);
  const em = db.orm.em.fork();
  const user = em.create(User, { email: 'box@example.com', displayName: 'Box', tier: 'pro' });
  const project = em.create(Project, { owner: user, name: 'Box', framework: 'express' });
  em.create(ProjectFile, { project, path: 'a.txt', content: 'A', language: 'plaintext', size: 1 });
  em.create(ProjectFile, { project, path: 'dir/b.txt', content: 'B', language: 'plaintext', size: 1 });
  await em.flush();
  ({ id: userId } = user);
  ({ id: projectId } = project);
});
afterAll(async () => {
  await local?.dispose();
  await db?.dispose();
});

test('createSandbox is idempotent per workflow and activity id; files sync; exec reports its tail', async () => {
  const env = new MockActivityEnvironment(info('create-1'));
  const first = await run(env, activities.createSandbox, { projectId, ownerId: userId, runtime: 'node' as const });
  const retried = await run(new MockActivityEnvironment({ ...info('create-1'), attempt: 2 }), activities.createSandbox, { projectId, ownerId: userId, runtime: 'node' as const });
  expect(retried.sandboxId).toBe(first.sandboxId);
  // A retried sync copies every file again: one changed since the first attempt must not stay stale.
  const sandbox = (await manager.open(first.sandboxId)).sandbox;
  await sandbox.writeFile('a.txt', 'stale');
  const sync = await run(new MockActivityEnvironment({ ...info('sync'), heartbeatDetails: 1, attempt: 2 }), activities.syncProjectFiles, { sandboxId: first.sandboxId, projectId });
  expect(sync.files).toBe(2);
  expect((await sandbox.readFile('a.txt')).toString()).toBe('A');
  const result = await run(new MockActivityEnvironment(info('exec')), activities.execInSandbox, { sandboxId: first.sandboxId, command: 'cat dir/b.txt a.txt; echo' });
  expect(result).toMatchObject({ exitCode: 0, stdoutTail: 'BA\n', timedOut: false });
  await run(new MockActivityEnvironment(info('destroy')), activities.destroySandbox, { sandboxId: first.sandboxId });
  await expect(run(new MockActivityEnvironment(info('exec2')), activities.execInSandbox, { sandboxId: first.sandboxId, command: 'true' })).rejects.toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
});

test('a long step heartbeats, and cancelling it kills its processes in the sandbox', async () => {
  const { sandboxId } = await run(new MockActivityEnvironment(info('create-2')), activities.createSandbox, { projectId, ownerId: userId, runtime: 'node' as const });
  const env = new MockActivityEnvironment(info('long'));
  let beats = 0;
  env.on('heartbeat', () => {
    beats++;
    if (beats === 2) env.cancel();
  });
  const t0 = Date.now();
  await expect(run(env, activities.execInSandbox, { sandboxId, command: 'sleep 120', timeoutMs: 120_000 })).rejects.toThrow();
  expect(Date.now() - t0).toBeLessThan(15_000);
  expect(beats).toBeGreaterThanOrEqual(2);
  const { sandbox } = await manager.open(sandboxId);
  expect((await sandbox.status()).processes).toBe(0);
});
