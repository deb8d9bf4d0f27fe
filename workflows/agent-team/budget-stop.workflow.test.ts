import { spawnSync } from 'node:child_process';
import { ProjectRun } from '../../core/project/project.entity';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { RecordedRequest, ScriptedReply } from '../../test/fakes/fake-vendor';
import { OpenAIFake } from '../../test/fakes/openai-fake';
import { createStack, waitFor, type Stack } from '../../test/harness';
import { resumeRunSignal, teamStatusQuery } from '../../contracts/messages';
import { seedTeamRun } from '../../test/team-runs';

/**
 * A run whose budget runs out mid-task pauses, asking a person, and leaves nothing running in its sandbox
 * (the agent had started a background process); raising the budget and resuming finishes the run. The local
 * backend already reaps each command's process tree when it returns; the coordinator's stop on pause is for
 * backends where background processes outlive the command (E2B), so here the check guards the outcome.
 * Cancelling mid-command is checked from the host: the agent's foreground process must be gone.
 */
const openai = new OpenAIFake();
let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  await openai.start();
  local = testLocalBackend({ execTimeoutMs: 60_000 });
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, sandboxBackend: local.backend });
  stopWorker = (await stack.startWorker()).stop;
});
afterAll(async () => {
  await stopWorker?.();
  await stack?.dispose();
  await local?.dispose();
  await openai.close();
});

const usage = { inputTokens: 80, outputTokens: 20 };
const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({
  toolCalls: [{ id: `call_${name}`, name, arguments: args }],
  usage,
});
const PLAN = {
  summary: 'one task',
  tasks: [
    {
      id: 'work',
      title: 'Work',
      type: 'implement',
      description: 'start a server',
      priority: 1,
      dependencies: [],
      files: ['src/server.js'],
      acceptanceCriteria: [],
    },
  ],
};

test('budget exhaustion mid-task pauses the run with its reason and kills what the agent left running', async () => {
  // The plan and one agent turn fit (200 tokens); the second turn is refused.
  const run = await seedTeamRun(stack, { fakeRoles: ['architect', 'coder'], runTokenBudget: 200 });
  openai.replyFor = (req: RecordedRequest) => {
    if (req.body.response_format) return { json: PLAN, usage };
    const step = (req.body.messages as { role: string }[]).filter((m) => m.role === 'tool').length;
    if (step === 0) return call('run_command', { command: 'sleep 300 > /dev/null 2>&1 & echo started' });
    if (step === 1)
      return call('write_file', {
        path: 'package.json',
        content: JSON.stringify({ name: 'w', version: '1.0.0', scripts: { test: 'node -e 0' } }),
      });
    return call('finish', { summary: 'done' });
  };

  const handle = await stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: run.workflowId,
    args: [{ projectId: run.projectId, runId: run.runId, team: { autoApprove: true, maxParallel: 1, maxTurns: 5 } }],
  });
  const paused = await waitFor('the run to pause on its budget', async () => {
    const s = await handle.query(teamStatusQuery).catch(() => null);
    return s?.phase === 'paused' && s.tasks[0]?.status === 'pending' ? s : null;
  });
  expect(paused.pausedReason).toMatch(/run budget is used up \(200 of 200 tokens\)/);
  const record = await waitFor('the sandbox record', () =>
    stack.db.orm.em.fork().findOne(SandboxRecord, { project: run.projectId, status: 'RUNNING' }),
  );
  const sandbox = await local.backend.connect(record.backendId!);
  await waitFor('no process left in the sandbox', async () => (await sandbox.status()).processes === 0);

  // A person raises the budget and resumes: the task runs again and the run completes.
  await stack.db.orm.em
    .fork()
    .getConnection()
    .execute('update model_settings set run_token_budget = 10000 where scope_id = ?', [run.projectId]);
  await handle.signal(resumeRunSignal);
  await handle.result();
  expect((await handle.query(teamStatusQuery)).phase).toBe('done');
});

/** Host pids of the agent's `sleep 417` (a duration no other test uses). */
const sleeping = (): string[] => {
  const found = spawnSync('pgrep', ['-x', '-f', 'sleep 417'], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean);
};

test('cancelling the run while an agent command runs kills it and destroys the sandbox', async () => {
  const run = await seedTeamRun(stack, { fakeRoles: ['architect', 'coder'] });
  openai.replyFor = (req: RecordedRequest) => {
    if (req.body.response_format) return { json: PLAN, usage };
    // A foreground command that would run for five minutes.
    return call('run_command', { command: 'sleep 417', timeoutSeconds: 600 });
  };
  const handle = await stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: run.workflowId,
    args: [{ projectId: run.projectId, runId: run.runId, team: { autoApprove: true, maxParallel: 1, maxTurns: 5 } }],
  });
  const record = await waitFor('the sandbox record', () => stack.db.orm.em.fork().findOne(SandboxRecord, { project: run.projectId, status: 'RUNNING' }));
  const sandbox = await local.backend.connect(record.backendId!);
  await waitFor('the agent command to be running', async () => ((await sandbox.status()).processes ?? 0) > 0 && sleeping().length > 0);

  await handle.cancel();
  await expect(handle.result()).rejects.toThrow();
  expect((await stack.db.orm.em.fork().findOneOrFail(SandboxRecord, { id: record.id })).status).toBe('DESTROYED');
  // The command's process (seen from the host) is gone, and the backend no longer lists the sandbox.
  expect(sleeping()).toEqual([]);
  expect(await local.backend.list()).not.toContain(record.backendId);
  const finished = await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { id: run.runId });
  expect({ status: finished.status, error: finished.error }).toEqual({ status: 'CANCELLED', error: 'The build was cancelled' });
});
