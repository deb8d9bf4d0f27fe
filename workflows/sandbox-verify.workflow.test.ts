/**
 * sandboxVerifyWorkflow on the real stack (Temporal dev server, PostgreSQL, the local sandbox backend):
 * the express starter installs, passes its tests and previews; a cancelled workflow kills its
 * sandbox processes; a step interrupted by a worker shutdown is re-run on the next worker.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { expressTemplate } from '../activities/scaffold/templates/express.template';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import { testLocalBackend } from '../test/fixtures/sandbox-backends';
import { createStack, waitFor, type Stack } from '../test/harness';
import { sandboxVerifyStateQuery } from '../contracts/messages';
import { sandboxVerifyWorkflow, type SandboxVerifyInput } from './sandbox-verify.workflow';

let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let ownerId: string;
let shared: { stop(): Promise<void> };

beforeAll(async () => {
  local = testLocalBackend();
  stack = await createStack({ sandboxBackend: local.backend });
  const em = stack.db.orm.em.fork();
  const owner = em.create(User, { email: 'verify@example.com', displayName: 'Verify', tier: 'enterprise' });
  await em.flush();
  ownerId = owner.id;
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
});

/** A project whose stored files are `files`. */
async function project(files: Array<{ path: string; content: string }>): Promise<string> {
  const em = stack.db.orm.em.fork();
  const p = em.create(Project, { owner: ownerId, name: `Verify ${randomUUID().slice(0, 6)}`, framework: 'express' });
  for (const f of files)
    em.create(ProjectFile, { project: p, path: f.path, content: f.content, language: 'plaintext', size: f.content.length });
  await em.flush();
  return p.id;
}

const slowTests = (seconds: number) => [
  { path: 'package.json', content: JSON.stringify({ name: 'slow', scripts: { test: `sleep ${seconds} && echo slow-done` } }) },
];

/** With RECORD_HISTORIES=1, keeps the run's history for the replay test (project-build.replay.test.ts replays every file in histories/). */
async function record(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES) writeFileSync(join(__dirname, 'histories', `${name}.json`), historyToJSON(await handle.fetchHistory()));
}

function start(input: Omit<SandboxVerifyInput, 'ownerId' | 'runtime'>) {
  return stack.temporal.workflow.start(sandboxVerifyWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `verify-${randomUUID()}`,
    args: [{ ownerId, runtime: 'node', ...input }],
  });
}

test('the express starter installs, passes its tests and starts its preview', async () => {
  shared = await stack.startWorker();
  const files = expressTemplate.render({ name: 'Verified', description: '', features: [] });
  const handle = await start({ projectId: await project(files), preview: true, previewCommand: 'node src/server.js' });
  const state = await handle.result();
  expect(state).toMatchObject({
    phase: 'done',
    install: { exitCode: 0 },
    test: { exitCode: 0 },
    previewUrl: `/preview/${state.sandboxId}/`,
  });
  expect(state.test!.stdoutTail).toContain('pass 1');
  const { sandbox } = await stack.sandboxes!.open(state.sandboxId!);
  expect((await sandbox.status()).preview?.port).toBe(3000);
  await record(handle, 'sandbox-verify-express');
});

test('cancelling the workflow kills the running step and every process in its sandbox', async () => {
  const handle = await start({ projectId: await project(slowTests(300)), preview: false });
  const state = await waitFor('the test step to run', async () => {
    const s = await handle.query(sandboxVerifyStateQuery);
    return s.phase === 'testing' ? s : null;
  });
  const { sandbox } = await stack.sandboxes!.open(state.sandboxId!);
  await waitFor('the sleep to start', async () => ((await sandbox.status()).processes ?? 0) > 0);
  const t0 = Date.now();
  await handle.cancel();
  await expect(handle.result()).rejects.toBeInstanceOf(WorkflowFailedError);
  await waitFor('the sandbox to be empty', async () => (await sandbox.status()).processes === 0, 10_000);
  expect(Date.now() - t0).toBeLessThan(10_000);
  await record(handle, 'sandbox-verify-cancelled');
});

test('a step interrupted by a worker shutdown runs again on the next worker', async () => {
  await shared.stop();
  const first = await stack.startWorker();
  const handle = await start({ projectId: await project(slowTests(3)), preview: false });
  await waitFor('the test step to run', async () => (await handle.query(sandboxVerifyStateQuery)).phase === 'testing');
  await first.stop();
  await stack.startWorker();
  const state = await handle.result();
  expect(state).toMatchObject({ phase: 'done', test: { exitCode: 0 } });
  expect(state.test!.stdoutTail).toContain('slow-done');
  const history = await handle.fetchHistory();
  const attempts = history
    .events!.filter((e) => e.activityTaskStartedEventAttributes)
    .map((e) => e.activityTaskStartedEventAttributes!.attempt);
  expect(Math.max(...attempts.map(Number))).toBeGreaterThan(1);
});
