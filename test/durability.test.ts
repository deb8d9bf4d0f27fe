import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectFile, ProjectRun } from '../core/project/project.entity';
import { LOCAL_USER_ID } from '../core/user/user.entity';
import { createStack, waitFor, type Stack } from './harness';
import { startWorkerProcess } from './worker-process';

let stack: Stack;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  stack = await createStack();
  dataDir = mkdtempSync(join(tmpdir(), 'atelier-durability-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await stack?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

const startWorker = () => startWorkerProcess(stack, { ATELIER_DATA_DIR: dataDir, ATELIER_SCAFFOLD_FILE_DELAY_MS: '400' }, children);

it('finishes a run whose worker was SIGKILLed mid-step, storing and announcing each file exactly once', async () => {
  const first = await startWorker();
  const project = await stack.app.createContext().projects.create(LOCAL_USER_ID, { name: 'Crash Test', framework: 'fastapi' });
  await waitFor('two files to be written', async () => {
    const events = await stack.events.read(project.id);
    return events.filter((e) => e.type === 'file.created').length >= 2;
  });

  const exited = new Promise((r) => first.once('exit', r));
  first.kill('SIGKILL');
  await exited;
  const em = stack.db.orm.em.fork();
  const runAtCrash = await em.findOneOrFail(ProjectRun, { project: project.id });
  expect(runAtCrash.status).toBe('RUNNING');
  expect(await em.count(ProjectFile, { project: project.id })).toBeLessThan(7);

  await startWorker();
  const run = await waitFor(
    'the run to finish on the new worker',
    async () => {
      const current = await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { project: project.id });
      return current.status === 'SUCCEEDED' || current.status === 'FAILED' ? current : undefined;
    },
    90_000,
  );
  expect(run.status).toBe('SUCCEEDED');

  const files = await stack.db.orm.em.fork().find(ProjectFile, { project: project.id });
  expect(files).toHaveLength(7);
  expect(new Set(files.map((f) => f.path)).size).toBe(7);
  const events = await stack.events.read(project.id);
  const created = events.filter((e) => e.type === 'file.created').map((e) => e.data?.path);
  expect(created).toHaveLength(7);
  expect(new Set(created).size).toBe(7);
  expect(events.filter((e) => e.type === 'run.started')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'run.completed')).toHaveLength(1);

  // The scaffold step really was interrupted and retried, not merely finished before the kill.
  const history = await stack.temporal.workflow.getHandle(run.workflowId).fetchHistory();
  const scaffoldAttempts = (history.events ?? [])
    .filter((e) => e.activityTaskStartedEventAttributes)
    .map((e) => e.activityTaskStartedEventAttributes!.attempt ?? 1);
  expect(Math.max(...scaffoldAttempts)).toBeGreaterThanOrEqual(2);
});
