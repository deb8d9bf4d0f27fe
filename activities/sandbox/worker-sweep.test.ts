/**
 * The real worker entry point sweeps what a crash left behind before it takes work: a sandbox on disk
 * that no row knows is destroyed, and a RUNNING row whose sandbox is gone is closed.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../../core/project/project.entity';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { User } from '../../core/user/user.entity';
import { LocalSandboxBackend } from '../../sandbox/local/local-backend';
import { createStack, type Stack } from '../../test/harness';
import { startWorkerProcess } from '../../test/worker-process';

let stack: Stack;
let dataDir: string;
let backend: LocalSandboxBackend;
let worker: ChildProcess | undefined;

beforeAll(async () => {
  stack = await createStack();
  dataDir = mkdtempSync(join(tmpdir(), 'atelier-sweep-'));
  // mkdtemp makes 0700; sandboxes run as other uids and must traverse it.
  chmodSync(dataDir, 0o755);
  // No cgroup parent given: the worker derives the same one from the same root.
  backend = new LocalSandboxBackend({ root: join(dataDir, 'sandboxes') });
});
afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  for (const id of await backend.list()) await backend.destroy(id);
  await backend.close();
  const parent = (backend as unknown as { cgroupParent: string }).cgroupParent;
  for (const controller of ['memory', 'pids', 'cpu', 'freezer']) rmdirSafe(join('/sys/fs/cgroup', controller, parent));
  await stack?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

function rmdirSafe(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Not there.
  }
}

it('destroys unrecorded sandboxes and closes rows whose sandbox is gone, at start-up', async () => {
  const stray = await backend.create({ runtime: 'node' });
  await stray.writeFile('left-behind.txt', 'by a crashed worker');
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: 'sweep@example.com', displayName: 'Sweep' });
  const project = em.create(Project, { owner: user, name: 'Sweep', framework: 'express' });
  const lost = em.create(SandboxRecord, {
    project,
    owner: user,
    backend: 'local',
    runtime: 'node',
    status: 'RUNNING',
    backendId: randomUUID(),
  });
  await em.flush();

  worker = await startWorkerProcess(stack, { ATELIER_DATA_DIR: dataDir }, []);

  expect(await backend.list()).not.toContain(stray.id);
  const row = await stack.db.orm.em.fork().findOneOrFail(SandboxRecord, { id: lost.id });
  expect(row).toMatchObject({ status: 'DESTROYED', destroyReason: 'orphan' });
});
