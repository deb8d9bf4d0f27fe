import { ConcurrencyLimiter } from '../../core/limits/concurrency-limiter';
import { Project, ProjectRun } from '../../core/project/project.entity';
import { TeamRunService } from '../../core/agents/team-run.service';
import type { RecordedRequest, ScriptedReply } from '../../test/fakes/fake-vendor';
import { OpenAIFake } from '../../test/fakes/openai-fake';
import { createStack, waitFor, type Stack } from '../../test/harness';
import { answerQuestionSignal, projectBuildStateQuery } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';
import { seedTeamRun, type SeededRun } from '../../test/team-runs';

/**
 * The tier's concurrent agent runs: a free-tier owner's second team run waits, still queued, while the first
 * one works, and starts once the first ends and frees its slot. Nothing is left held afterwards.
 */
const openai = new OpenAIFake();
let stack: Stack;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  await openai.start();
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL } });
  stopWorker = (await stack.startWorker()).stop;
});
afterAll(async () => {
  await stopWorker?.();
  await stack?.dispose();
  await openai.close();
});

const usage = { inputTokens: 20, outputTokens: 10 };
const PLAN = {
  summary: 'one task',
  tasks: [
    { id: 'work', title: 'Work', type: 'implement', description: 'work', priority: 1, dependencies: [], files: [], acceptanceCriteria: [] },
  ],
};
const call = (name: string, args: Record<string, unknown>): ScriptedReply => ({
  toolCalls: [{ id: `call_${name}`, name, arguments: args }],
  usage,
});

test("a free-tier owner's second team run waits for the first to end, then runs", async () => {
  const firstRun = await seedTeamRun(stack, { tier: 'free', description: 'First', fakeRoles: ['architect', 'coder'] });
  const runs = [
    firstRun,
    await seedTeamRun(stack, { ownerId: firstRun.ownerId, description: 'Second', fakeRoles: ['architect', 'coder'] }),
  ];
  // The first run's agent asks a question and waits for the answer; the second's finishes at once.
  openai.replyFor = (req: RecordedRequest) => {
    if (req.body.response_format) return { json: PLAN, usage };
    const messages = req.body.messages as { role: string; content: string }[];
    const first = messages.some((m) => m.role === 'user' && m.content === 'First');
    const answered = messages.some((m) => m.role === 'tool');
    return first && !answered ? call('ask_human', { question: 'Ready?' }) : call('finish', { summary: 'done' });
  };
  const start = (run: SeededRun) =>
    stack.temporal.workflow.start('projectBuildWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId: run.workflowId,
      args: [{ projectId: run.projectId, runId: run.runId, team: { autoApprove: true, maxParallel: 1, maxTurns: 5 } }],
    });
  const first = await start(runs[0]!);
  // The coder's turn (its question) is done: the agent now waits for the answer, holding the slot.
  await waitFor('the first agent to ask', async () =>
    (await stack.events.read(runs[0]!.projectId)).some((e) => e.type === 'model.completed' && e.message.startsWith('coder')),
  );
  const second = await start(runs[1]!);

  await waitFor('the second run to wait for a slot', async () => (await second.query(projectBuildStateQuery)).phase === 'waiting');
  const waitingEvents = await stack.events.read(runs[1]!.projectId);
  expect(waitingEvents.filter((e) => e.type === 'run.waiting')).toHaveLength(1);
  expect(waitingEvents.map((e) => e.type)).not.toContain('run.started');
  expect((await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { id: runs[1]!.runId })).status).toBe('QUEUED');
  // What the API's team state says of it (the project page shows it instead of "planning").
  const ctx = stack.app.createContext(firstRun.ownerId);
  const live = await new TeamRunService(ctx.em, ctx.projects, ctx.temporal).liveState(
    await ctx.em.findOneOrFail(Project, { id: runs[1]!.projectId }),
    await ctx.em.findOneOrFail(ProjectRun, { id: runs[1]!.runId }),
    firstRun.ownerId,
  );
  // It says which run holds the slot (the viewer may read that project).
  const holderName = (await ctx.em.findOneOrFail(Project, { id: runs[0]!.projectId })).name;
  expect(live).toMatchObject({
    phase: 'waiting',
    tasks: [],
    waiting: {
      kind: 'agent-run',
      limit: 1,
      used: 1,
      holders: [{ projectId: runs[0]!.projectId, projectName: holderName, runId: runs[0]!.runId }],
      hiddenHolders: 0,
    },
  });

  await stack.temporal.workflow.getHandle(workflowIds.agentTask(runs[0]!.runId, 'work', 1)).signal(answerQuestionSignal, 'Yes');
  await first.result();
  await second.result();
  const second_events = (await stack.events.read(runs[1]!.projectId)).map((e) => e.type);
  expect(second_events.filter((t) => t === 'run.waiting')).toHaveLength(1);
  expect(second_events.slice(-1)).toEqual(['run.completed']);
  for (const run of runs) expect((await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { id: run.runId })).status).toBe('SUCCEEDED');
  expect(await new ConcurrencyLimiter(stack.redis).held(firstRun.ownerId, 'agent-runs')).toBe(0);
}, 120_000);
