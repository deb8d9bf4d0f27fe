import { randomUUID } from 'node:crypto';
import { createStack, type Stack } from '../test/harness';
import { OpenAIFake } from '../test/fakes/openai-fake';
import { ModelSettings } from '../core/models/model-settings.entity';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import { selectBlueprint } from '../core/models/offline/select-blueprint';
import type { PlanTask } from './agent-team/plan';
import { agentTaskStateQuery, answerQuestionSignal, messageAgentSignal } from '../contracts/messages';
import type { AgentTaskInput, AgentTaskResult } from './run-agent-task.workflow';

/** runAgentTask on the Temporal dev server: real model turns and tool calls as activities. */
let offline: Stack;
let vendor: Stack;
const openai = new OpenAIFake();
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  await openai.start();
  [offline, vendor] = await Promise.all([
    createStack(),
    createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL } }),
  ]);
  for (const stack of [offline, vendor]) stops.push((await stack.startWorker()).stop);
});
afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  await Promise.all([offline?.dispose(), vendor?.dispose()]);
  await openai.close();
});

const DESCRIPTION = 'A todo REST API in Express with tests';

async function seed(stack: Stack) {
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Agent owner', tier: 'pro' });
  const project = em.create(Project, {
    owner: user,
    name: `agents-${randomUUID().slice(0, 8)}`,
    framework: 'express',
    description: DESCRIPTION,
  });
  em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: { backend: ['openai/gpt-4.1'] } });
  await em.flush();
  return { userId: user.id, projectId: project.id, runId: randomUUID() };
}

const files = (stack: Stack, projectId: string) =>
  stack.db.orm.em.fork().find(ProjectFile, { project: projectId }, { orderBy: { path: 'asc' } });

function start(stack: Stack, input: AgentTaskInput) {
  return stack.temporal.workflow.start('runAgentTask', {
    taskQueue: stack.taskQueue,
    workflowId: `agent-task-${randomUUID()}`,
    args: [input],
  });
}

test("offline, the backend agent writes its task's blueprint files through tool activities and finishes", async () => {
  const ids = await seed(offline);
  const task = selectBlueprint(DESCRIPTION).plan.tasks.find((t) => t.id === 'todo-store')! as PlanTask;
  const handle = await start(offline, { ...ids, role: 'backend', task, projectDescription: DESCRIPTION, maxTurns: 12 });
  const result = (await handle.result()) as AgentTaskResult;
  expect(result.outcome).toBe('done');
  expect(result.wrote.sort()).toEqual(['src/store.js', 'src/validate.js']);
  const stored = await files(offline, ids.projectId);
  expect(stored.map((f) => f.path)).toEqual(['src/store.js', 'src/validate.js']);
  const blueprint = selectBlueprint(DESCRIPTION);
  for (const file of stored) expect(file.content).toBe(blueprint.files.find((f) => f.path === file.path)!.content);
  const events = await offline.events.read(ids.projectId);
  expect(events.filter((e) => e.type === 'file.written').map((e) => e.data!.path)).toEqual(['src/store.js', 'src/validate.js']);
  expect(events.filter((e) => e.type === 'model.completed').length).toBe(result.turns);
});

test('a vendor-driven agent asks a person, waits durably for the answer, patches a file and finishes', async () => {
  const ids = await seed(vendor);
  await vendor.db.orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into project_files (id, project_id, path, content, language, size) values (gen_random_uuid(), ?, 'src/app.js', ?, 'javascript', 10)`,
      [ids.projectId, 'const port = 3000;\n'],
    );
  const usage = { inputTokens: 100, outputTokens: 20 };
  openai.script(
    { toolCalls: [{ id: 'call_ask', name: 'ask_human', arguments: { question: 'Which port should the server use?' } }], usage },
    {
      toolCalls: [
        {
          id: 'call_patch',
          name: 'apply_patch',
          arguments: { path: 'src/app.js', patch: '@@ -1 +1 @@\n-const port = 3000;\n+const port = 8080;\n' },
        },
      ],
      usage,
    },
    { toolCalls: [{ id: 'call_done', name: 'finish', arguments: { summary: 'Port set to 8080', outcome: 'done' } }], usage },
  );
  const task: PlanTask = {
    id: 'port',
    title: 'Set the port',
    type: 'implement',
    description: 'Use the port the user wants',
    priority: 1,
    dependencies: [],
    files: ['src/app.js'],
    acceptanceCriteria: [],
  };
  const handle = await start(vendor, { ...ids, role: 'backend', task, projectDescription: DESCRIPTION, maxTurns: 5 });
  let state = await handle.query(agentTaskStateQuery);
  for (let i = 0; i < 100 && state.status !== 'blocked'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = await handle.query(agentTaskStateQuery);
  }
  expect(state).toMatchObject({ status: 'blocked', question: 'Which port should the server use?' });
  await handle.signal(messageAgentSignal, 'Keep the change small');
  await handle.signal(answerQuestionSignal, 'Use 8080');
  const result = (await handle.result()) as AgentTaskResult;
  expect(result).toMatchObject({ outcome: 'done', summary: 'Port set to 8080', turns: 3, tokens: 360, wrote: ['src/app.js'] });
  expect((await files(vendor, ids.projectId))[0]!.content).toBe('const port = 8080;\n');
  // The answer and the patch result went back to the model as tool results, in order.
  const second = openai.requests[1]!.body.messages as { role: string; tool_call_id?: string; content: string }[];
  expect(second.slice(-2)).toMatchObject([
    { role: 'tool', tool_call_id: 'call_ask', content: 'Use 8080' },
    { role: 'user', content: 'Message from a person on the team: Keep the change small' },
  ]);
  const third = openai.requests[2]!.body.messages as { role: string; tool_call_id?: string; content: string }[];
  expect(third.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_patch', content: 'Patched src/app.js (19 bytes)' });
  expect((openai.requests[0]!.body.tools as { function: { name: string } }[]).map((t) => t.function.name)).toContain('apply_patch');
  const calls = (await vendor.events.read(ids.projectId)).filter((e) => e.type === 'tool.called').map((e) => [e.data!.tool, e.data!.detail, e.data!.ok]);
  expect(calls).toEqual([['ask_human', 'Which port should the server use?', true]]);
});

test('tools outside the role and a sandbox-less run_command answer with errors; the turn limit ends the task', async () => {
  const ids = await seed(vendor);
  openai.reset();
  openai.defaultReply = {
    toolCalls: [{ id: 'call_x', name: 'run_command', arguments: { command: 'rm -rf /' } }],
    usage: { inputTokens: 10, outputTokens: 5 },
  };
  const task: PlanTask = {
    id: 'loop',
    title: 'Loop',
    type: 'implement',
    description: '',
    priority: 1,
    dependencies: [],
    files: [],
    acceptanceCriteria: [],
  };
  const result = (await (
    await start(vendor, { ...ids, role: 'backend', task, projectDescription: DESCRIPTION, maxTurns: 2 })
  ).result()) as AgentTaskResult;
  expect(result).toMatchObject({ outcome: 'turn_limit', turns: 2 });
  const last = (openai.requests[1]!.body.messages as { role: string; content: string }[]).at(-1)!;
  expect(last).toMatchObject({ role: 'tool', content: 'Error: run_command needs a sandbox, and this run has none' });
  openai.defaultReply = undefined;
});

test('a long task continues as new with its conversation summarised, and finishes with every count carried over', async () => {
  const ids = await seed(vendor);
  openai.reset();
  let turn = 0;
  openai.replyFor = () =>
    turn++ < 12
      ? {
          toolCalls: [
            { id: `call_w${turn}`, name: 'write_file', arguments: { path: `src/part${turn}.js`, content: `module.exports = ${turn};\n` } },
          ],
          usage: { inputTokens: 10, outputTokens: 5 },
        }
      : {
          toolCalls: [{ id: 'call_done', name: 'finish', arguments: { summary: 'all parts written' } }],
          usage: { inputTokens: 10, outputTokens: 5 },
        };
  const task: PlanTask = {
    id: 'parts',
    title: 'Parts',
    type: 'implement',
    description: '',
    priority: 1,
    dependencies: [],
    files: [],
    acceptanceCriteria: [],
  };
  const handle = await start(vendor, {
    ...ids,
    role: 'backend',
    task,
    projectDescription: DESCRIPTION,
    maxTurns: 20,
    maxHistoryEvents: 40,
  });
  const result = (await handle.result()) as AgentTaskResult;
  openai.replyFor = undefined;
  expect(result).toMatchObject({ outcome: 'done', summary: 'all parts written', turns: 13, tokens: 13 * 15 });
  expect(result.wrote).toHaveLength(12);
  const first = await vendor.temporal.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
  expect(first.status.name).toBe('CONTINUED_AS_NEW');
  const notes = openai.requests.flatMap((r) =>
    (r.body.messages as { role: string; content: string | null }[]).filter((m) => m.content?.startsWith('Earlier in this task')),
  );
  expect(notes.length).toBeGreaterThan(0);
  // Every request stays well-formed for the vendor: each tool result follows the assistant turn that called it.
  for (const request of openai.requests) {
    const messages = request.body.messages as { role: string; tool_call_id?: string; tool_calls?: { id: string }[] }[];
    const called = new Set(messages.flatMap((m) => m.tool_calls?.map((c) => c.id) ?? []));
    for (const m of messages.filter((x) => x.role === 'tool')) expect(called.has(m.tool_call_id!)).toBe(true);
  }
  expect(await files(vendor, ids.projectId)).toHaveLength(12);
});
