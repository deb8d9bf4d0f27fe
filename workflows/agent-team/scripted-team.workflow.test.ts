import { randomUUID } from 'node:crypto';
import { AgentHandoff } from '../../core/agents/agent-handoff.entity';
import { AgentInstance } from '../../core/agents/agent-instance.entity';
import { AgentTask } from '../../core/agents/agent-task.entity';
import { ModelSettings } from '../../core/models/model-settings.entity';
import { Project, ProjectFile, ProjectRun } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { RecordedRequest, ScriptedReply } from '../../test/fakes/fake-vendor';
import { OpenAIFake } from '../../test/fakes/openai-fake';
import { createStack, type Stack } from '../../test/harness';
import { teamStatusQuery } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';

/**
 * The team driven by a wire-level fake model (the OpenAI SDK against its fake), scripted through the whole
 * quality loop: plan → implement (with a bug) → tests fail → the debugger fixes it → tests pass → the reviewer
 * requests changes → a coder makes them → re-review approves → docs. The project's own tests decide the end.
 */
const openai = new OpenAIFake();
let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  await openai.start();
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, sandboxBackend: local.backend });
  stopWorker = (await stack.startWorker()).stop;
});
afterAll(async () => {
  await stopWorker?.();
  await stack?.dispose();
  await local?.dispose();
  await openai.close();
});

const usage = { inputTokens: 50, outputTokens: 10 };
const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({
  toolCalls: [{ id: `call_${name}_${randomUUID().slice(0, 6)}`, name, arguments: args }],
  usage,
});
const finish = (summary: string, outcome = 'done') => call('finish', { summary, outcome });

const PLAN = {
  summary: 'A sum module with tests',
  tasks: [
    {
      id: 'impl',
      title: 'Sum module',
      type: 'implement',
      description: 'sum(a, b)',
      priority: 1,
      dependencies: [],
      files: ['src/sum.js', 'package.json'],
      acceptanceCriteria: ['sum adds'],
    },
    {
      id: 'tests',
      title: 'Tests for sum',
      type: 'test',
      description: 'node:test',
      priority: 2,
      dependencies: ['impl'],
      files: ['test/sum.test.js'],
      acceptanceCriteria: ['tests pass'],
    },
    {
      id: 'review',
      title: 'Review',
      type: 'review',
      description: 'review the code',
      priority: 3,
      dependencies: ['tests'],
      files: ['src/sum.js'],
      acceptanceCriteria: [],
    },
    {
      id: 'docs',
      title: 'README',
      type: 'docs',
      description: 'document sum',
      priority: 4,
      dependencies: ['review'],
      files: ['README.md'],
      acceptanceCriteria: [],
    },
  ],
};
const PACKAGE = JSON.stringify({ name: 'sum', version: '1.0.0', private: true, scripts: { test: 'node --test test/' } }, null, 2);
const BUGGY = 'exports.sum = (a, b) => a - b;\n';
const FIXED = 'exports.sum = (a, b) => a + b;\n';
const DOCUMENTED = '/** Adds two numbers. */\nexports.sum = (a, b) => a + b;\n';
const TEST =
  "const test = require('node:test');\nconst assert = require('node:assert');\nconst { sum } = require('../src/sum');\ntest('adds', () => assert.strictEqual(sum(2, 3), 5));\n";

/** The scripted team: the reply follows from the task named in the request and the tool results so far. */
function reply(req: RecordedRequest): ScriptedReply {
  const messages = req.body.messages as { role: string; content: string | null }[];
  if (req.body.response_format) return { json: PLAN, usage };
  const task = /task ([\w-]+):/.exec(messages.map((m) => m.content ?? '').join('\n'))![1]!;
  const results = messages.filter((m) => m.role === 'tool').map((m) => m.content ?? '');
  const step = results.length;
  const last = results[step - 1] ?? '';
  if (task === 'impl')
    return [
      call('write_file', { path: 'package.json', content: PACKAGE }),
      call('write_file', { path: 'src/sum.js', content: BUGGY }),
      finish('sum written'),
    ][step]!;
  if (task === 'tests') {
    if (step === 0) return call('write_file', { path: 'test/sum.test.js', content: TEST });
    if (step === 1) return call('run_tests', {});
    return JSON.parse(last).passed
      ? finish('tests pass')
      : call('handoff', { toRole: 'debugger', reason: 'sum is wrong', context: 'test adds fails: expected 5' });
  }
  if (task.startsWith('tests-debugger')) {
    return [
      call('read_file', { path: 'src/sum.js' }),
      call('apply_patch', { path: 'src/sum.js', patch: `@@ -1 +1 @@\n-${BUGGY}+${FIXED}` }),
      call('run_tests', {}),
      finish('fixed the operator'),
    ][step]!;
  }
  if (task.startsWith('tests-retest'))
    return step === 0
      ? call('run_tests', {})
      : finish(JSON.parse(last).passed ? 'tests pass' : 'still failing', JSON.parse(last).passed ? 'done' : 'failed');
  if (task === 'review')
    return step === 0 ? call('read_file', { path: 'src/sum.js' }) : finish('Add a doc comment to sum', 'changes_requested');
  if (task.startsWith('review-changes'))
    return step === 0 ? call('write_file', { path: 'src/sum.js', content: DOCUMENTED }) : finish('doc comment added');
  if (task.startsWith('review-rereview'))
    return step === 0
      ? call('read_file', { path: 'src/sum.js' })
      : finish(last.includes('/**') ? 'looks good' : 'still missing', last.includes('/**') ? 'approved' : 'changes_requested');
  if (task === 'docs')
    return step === 0
      ? call('write_file', { path: 'README.md', content: '# sum\n\n`sum(a, b)` adds two numbers.\n' })
      : finish('README written');
  throw new Error(`unscripted task ${task}`);
}

test('plan → buggy implementation → failing tests → debugger fix → changes requested → approved → docs, with passing tests', async () => {
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Owner', tier: 'pro' });
  const project = em.create(Project, {
    owner: user,
    name: `scripted-${randomUUID().slice(0, 8)}`,
    framework: 'express',
    description: 'A sum module',
    buildMode: 'team',
    autoApprovePlan: true,
  });
  const run = em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id) });
  const roles = ['architect', 'coder', 'backend', 'debugger', 'reviewer', 'tester', 'documentation'];
  em.create(ModelSettings, {
    scope: 'project',
    scopeId: project.id,
    roleModels: Object.fromEntries(roles.map((r) => [r, ['openai/gpt-4.1']])),
  });
  await em.flush();
  openai.replyFor = reply;

  const handle = await stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: run.workflowId,
    args: [{ projectId: project.id, runId: run.id, team: { autoApprove: true, maxParallel: 2, maxTurns: 8 } }],
  });
  await handle.result();
  const team = await handle.query(teamStatusQuery);
  expect(team).toMatchObject({ phase: 'done', testsPassed: true, reviewApproved: true });

  const tasks = await stack.db.orm.em.fork().find(AgentTask, { runId: run.id }, { orderBy: { createdAt: 'asc' } });
  expect(tasks.map((t) => [t.taskKey, t.role, t.outcome])).toEqual([
    ['impl', 'backend', 'done'],
    ['tests', 'tester', 'handoff'],
    ['tests-debugger-1', 'debugger', 'done'],
    ['tests-retest-1', 'tester', 'done'],
    ['review', 'reviewer', 'changes_requested'],
    ['review-changes-3', 'coder', 'done'],
    ['review-rereview-3', 'reviewer', 'approved'],
    ['docs', 'documentation', 'done'],
  ]);
  expect(tasks.find((t) => t.taskKey === 'tests-debugger-1')!.handoffFrom).toBe('tests');
  const handoffs = await stack.db.orm.em.fork().find(AgentHandoff, { runId: run.id });
  expect(handoffs.map((h) => [h.fromTaskKey, h.fromRole, h.toRole, h.toTaskKey, h.reason, h.context])).toEqual([
    ['tests', 'tester', 'debugger', 'tests-debugger-1', 'sum is wrong', 'test adds fails: expected 5'],
  ]);
  const agents = await stack.db.orm.em.fork().find(AgentInstance, { runId: run.id }, { orderBy: { role: 'asc' } });
  expect(agents.map((a) => [a.role, a.status, a.tasksDone, a.tasksFailed])).toEqual([
    ['backend', 'done', 1, 0],
    ['coder', 'done', 1, 0],
    ['debugger', 'done', 1, 0],
    ['documentation', 'done', 1, 0],
    ['reviewer', 'done', 2, 0],
    ['tester', 'done', 2, 0],
  ]);
  for (const agent of agents) {
    const mine = tasks.filter((t) => t.role === agent.role);
    expect([agent.turns, agent.tokens]).toEqual([mine.reduce((n, t) => n + t.turns, 0), mine.reduce((n, t) => n + t.tokens, 0)]);
  }
  const files = await stack.db.orm.em.fork().find(ProjectFile, { project: project.id }, { orderBy: { path: 'asc' } });
  expect(Object.fromEntries(files.map((f) => [f.path, f.content]))).toEqual({
    'README.md': '# sum\n\n`sum(a, b)` adds two numbers.\n',
    'package.json': PACKAGE,
    'src/sum.js': DOCUMENTED,
    'test/sum.test.js': TEST,
  });
  const finalRun = await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { id: run.id });
  expect(finalRun.status).toBe('SUCCEEDED');
  expect(await local.backend.list()).toEqual([]);
});
