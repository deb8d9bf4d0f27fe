import { randomUUID } from 'node:crypto';
import { createStack, type Stack } from '../test/harness';
import { OpenAIFake } from '../test/fakes/openai-fake';
import type { RecordedRequest, ScriptedReply } from '../test/fakes/fake-vendor';
import { ModelSettings } from '../core/models/model-settings.entity';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import type { PlanTask } from './agent-team/plan';
import type { AgentTaskResult } from './run-agent-task.workflow';

/** An agent's write meeting a person's newer edit: merged three-way, or refused as a conflict when it overlaps. */
let stack: Stack;
const openai = new OpenAIFake();
let stop: () => Promise<void>;

beforeAll(async () => {
  await openai.start();
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL } });
  stop = (await stack.startWorker()).stop;
});
afterAll(async () => {
  await stop?.();
  await stack?.dispose();
  await openai.close();
});

const ORIGINAL = 'const port = 3000;\nconst host = "localhost";\nconst name = "todo";\n';
const usage = { inputTokens: 10, outputTokens: 5 };
const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({
  toolCalls: [{ id: `call_${name}`, name, arguments: args }],
  usage,
});

async function scenario(personEdit: string, agentWrite: string) {
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Owner', tier: 'pro' });
  const project = em.create(Project, { owner: user, name: `c-${randomUUID().slice(0, 8)}`, framework: 'express' });
  em.create(ProjectFile, { project, path: 'src/config.js', content: ORIGINAL, language: 'javascript', size: ORIGINAL.length });
  em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: { backend: ['openai/gpt-4.1'] } });
  await em.flush();
  let edited: Promise<unknown> = Promise.resolve();
  openai.reset();
  openai.replyFor = (req: RecordedRequest) => {
    const step = (req.body.messages as { role: string }[]).filter((m) => m.role === 'tool').length;
    if (step === 0) return call('read_file', { path: 'src/config.js' });
    if (step === 1) {
      // A person saves the file after the agent read it and before the agent writes.
      edited = stack.db.orm.em
        .fork()
        .getConnection()
        .execute('update project_files set content = ? where project_id = ? and path = ?', [personEdit, project.id, 'src/config.js']);
      return { ...call('write_file', { path: 'src/config.js', content: agentWrite }), delayMs: 300 };
    }
    return call('finish', { summary: 'done', outcome: 'done' });
  };
  const task: PlanTask = {
    id: 'config',
    title: 'Config',
    type: 'implement',
    description: '',
    priority: 1,
    dependencies: [],
    files: ['src/config.js'],
    acceptanceCriteria: [],
  };
  const result = (await stack.temporal.workflow.execute('runAgentTask', {
    taskQueue: stack.taskQueue,
    workflowId: `conflict-${randomUUID()}`,
    args: [
      { projectId: project.id, runId: randomUUID(), userId: user.id, role: 'backend', task, projectDescription: 'config', maxTurns: 5 },
    ],
  })) as AgentTaskResult;
  await edited;
  const stored = await stack.db.orm.em.fork().findOneOrFail(ProjectFile, { project: project.id, path: 'src/config.js' });
  const toolResult = (openai.requests[2]!.body.messages as { role: string; content: string }[]).at(-1)!.content;
  return { result, stored: stored.content, toolResult };
}

test('edits to different lines are merged: the person keeps theirs, the agent gets its own', async () => {
  const { result, stored, toolResult } = await scenario(ORIGINAL.replace('3000', '8080'), ORIGINAL.replace('"todo"', '"todos"'));
  expect(stored).toBe(ORIGINAL.replace('3000', '8080').replace('"todo"', '"todos"'));
  expect(toolResult).toMatch(/^Wrote \(merged with a newer edit\) src\/config.js/);
  expect(result.conflicts).toEqual([]);
});

test('edits to the same line are refused: nothing is written, the agent is told, the task reports the conflict', async () => {
  const person = ORIGINAL.replace('3000', '8080');
  const { result, stored, toolResult } = await scenario(person, ORIGINAL.replace('3000', '9090'));
  expect(stored).toBe(person);
  expect(toolResult).toMatch(/^Error: CONFLICT: src\/config.js was changed by someone else/);
  expect(result.conflicts).toEqual(['src/config.js']);
});
