import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { createBuildWorker } from '../activities/build-worker';
import { ProjectEventStream } from '../core/events/project-event-stream';
import { Project, ProjectFile, ProjectRun } from '../core/project/project.entity';
import { LOCAL_USER_ID, User } from '../core/user/user.entity';
import { createTestDatabase, silentLogger, testServices, workflowBundle } from '../test/harness';
import { workflowIds } from '../contracts/workflow-ids';
import { projectBuildStateQuery } from '../contracts/messages';
import { projectBuildWorkflow } from '.';

let env: TestWorkflowEnvironment;
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let redis: Redis;
let events: ProjectEventStream;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `workflow-test-${randomUUID()}`;

beforeAll(async () => {
  // The test environment runs its own dev server from the executable the launcher found.
  env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: testServices().temporalCli }, extraArgs: ['--log-level', 'error'] },
  });
  db = await createTestDatabase();
  redis = new Redis(testServices().redisUrl);
  events = new ProjectEventStream(redis);
  worker = await createBuildWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    deps: { orm: db.orm, events, logger: silentLogger, scaffoldFileDelayMs: 0 },
    workflowBundle: await workflowBundle(),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  redis?.disconnect();
  await db?.dispose();
  await env?.teardown();
});

async function seedProject(framework: string) {
  const em = db.orm.em.fork();
  const project = em.create(Project, { name: `P ${randomUUID().slice(0, 8)}`, framework, owner: em.getReference(User, LOCAL_USER_ID) });
  const run = em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id) });
  await em.flush();
  return { projectId: project.id, runId: run.id, workflowId: run.workflowId };
}

it('scaffolds an express starter, stores each file once and reports progress in order', async () => {
  const { projectId, runId, workflowId } = await seedProject('express');
  const handle = await env.client.workflow.start(projectBuildWorkflow, { taskQueue, workflowId, args: [{ projectId, runId }] });
  const result = await handle.result();
  expect(result).toEqual({ phase: 'succeeded', filesWritten: 6, error: null, waitingFor: null });
  expect(await handle.query(projectBuildStateQuery)).toEqual(result);

  const em = db.orm.em.fork();
  const run = await em.findOneOrFail(ProjectRun, { id: runId }, { populate: ['project'] });
  expect(run.status).toBe('SUCCEEDED');
  expect(run.startedAt!.getTime()).toBeLessThanOrEqual(run.finishedAt!.getTime());
  expect(run.project.getEntity().status).toBe('READY');
  expect(await em.count(ProjectFile, { project: projectId })).toBe(6);
  const types = (await events.read(projectId)).map((e) => e.type);
  expect(types).toEqual(['run.started', 'step.started', ...Array(6).fill('file.created'), 'step.completed', 'run.completed']);

  if (process.env.RECORD_HISTORIES) {
    // The CLI writes the same proto JSON that historyFromJSON reads.
    const json = execFileSync(testServices().temporalCli, [
      'workflow',
      'show',
      '-w',
      workflowId,
      '--address',
      env.address,
      '--output',
      'json',
    ]);
    writeFileSync(join(__dirname, 'histories', 'project-build-express.json'), json);
  }
});

it('fails a framework without a starter with a readable reason on the run and the stream', async () => {
  const { projectId, runId, workflowId } = await seedProject('nextjs');
  const handle = await env.client.workflow.start(projectBuildWorkflow, { taskQueue, workflowId, args: [{ projectId, runId }] });
  const failure = await handle.result().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  const cause = (failure as WorkflowFailedError).cause as ApplicationFailure;
  expect(cause.type).toBe('BUILD_FAILED');
  expect(cause.message).toMatch(/supports express and fastapi today; nextjs arrives with the agent team/);

  const run = await db.orm.em.fork().findOneOrFail(ProjectRun, { id: runId }, { populate: ['project'] });
  expect(run).toMatchObject({ status: 'FAILED', error: cause.message });
  expect(run.project.getEntity().status).toBe('FAILED');
  const last = (await events.read(projectId)).at(-1)!;
  expect(last).toMatchObject({ type: 'run.failed', data: { error: cause.message } });
  expect((await handle.query(projectBuildStateQuery)).phase).toBe('failed');
});

it('fails fast when the project row is gone, without retrying for minutes', async () => {
  const workflowId = workflowIds.projectBuild(randomUUID());
  const handle = await env.client.workflow.start(projectBuildWorkflow, {
    taskQueue,
    workflowId,
    args: [{ projectId: randomUUID(), runId: randomUUID() }],
  });
  const started = Date.now();
  const failure = await handle.result().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  expect(Date.now() - started).toBeLessThan(20_000);
});
