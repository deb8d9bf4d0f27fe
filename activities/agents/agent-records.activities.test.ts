/** The coordinator's record activities over a real database and Redis: a retried record counts once. */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import { Redis } from 'ioredis';
import { AgentHandoff } from '../../core/agents/agent-handoff.entity';
import { AgentInstance } from '../../core/agents/agent-instance.entity';
import { AgentTask } from '../../core/agents/agent-task.entity';
import { ProjectEventStream } from '../../core/events/project-event-stream';
import { Project, type ProjectStatus } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { createTestDatabase, silentLogger, testServices } from '../../test/harness';
import type { ActivityDeps } from '../deps';
import { createAgentRecordActivities, type TaskRecord } from './agent-records.activities';

let db: { orm: MikroORM; dispose(): Promise<void> };
let redis: Redis;
let events: ProjectEventStream;
let activities: ReturnType<typeof createAgentRecordActivities>;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(testServices().redisUrl);
  events = new ProjectEventStream(redis);
  activities = createAgentRecordActivities({ orm: db.orm, events, logger: silentLogger } as unknown as ActivityDeps);
});
afterAll(async () => {
  await redis?.quit();
  await db?.dispose();
});

/** Runs one activity in a mock activity context, keeping its types. */
function run<A, R>(fn: (input: A) => Promise<R>, input: A, attempt = 1): Promise<R> {
  const env = new MockActivityEnvironment({ ...defaultActivityInfo, attempt, workflowExecution: { workflowId: 'wf-records', runId: 'r1' } });
  return env.run<[A], R, (input: A) => Promise<R>>(fn, input);
}

const task = (key: string, role: string, handoffFrom: string | null = null): TaskRecord => ({
  key,
  type: 'test',
  title: `Task ${key}`,
  description: 'd',
  priority: 1,
  dependencies: [],
  files: [],
  acceptanceCriteria: [],
  role,
  supporting: [],
  reasoning: 'r',
  handoffFrom,
});

const finished = (ref: { runId: string; projectId: string }, taskKey: string, status: 'done' | 'failed', turns: number, extra = {}) => ({
  ref,
  taskKey,
  status,
  outcome: status,
  summary: `${taskKey} ${status}`,
  turns,
  tokens: turns * 100,
  costUsd: turns * 0.001,
  ...extra,
});

const instances = async (runId: string) =>
  Object.fromEntries((await db.orm.em.fork().find(AgentInstance, { runId })).map((a) => [a.role, a]));

test('a finished task is added to its agent once, however often the activity is retried', async () => {
  const ref = { runId: randomUUID(), projectId: randomUUID() };
  await run(activities.recordTaskAssigned, { ref, task: task('a', 'tester') });
  await run(activities.recordTaskAssigned, { ref, task: task('a', 'tester') }, 2);
  await run(activities.recordTaskAssigned, { ref, task: task('b', 'tester') });
  expect(await instances(ref.runId)).toMatchObject({ tester: { status: 'working', currentTaskKey: 'b', tasksDone: 0, turns: 0 } });

  await run(activities.recordTaskFinished, finished(ref, 'a', 'done', 3));
  await run(activities.recordTaskFinished, finished(ref, 'a', 'done', 3), 2);
  // b still runs: the tester is still working, on b.
  expect(await instances(ref.runId)).toMatchObject({
    tester: { status: 'working', currentTaskKey: 'b', tasksDone: 1, tasksFailed: 0, turns: 3, tokens: 300, costUsdNanos: 3_000_000n },
  });

  // Two attempts racing: the row lock makes the second see the task already finished.
  await Promise.all([run(activities.recordTaskFinished, finished(ref, 'b', 'failed', 2)), run(activities.recordTaskFinished, finished(ref, 'b', 'failed', 2), 2)]);
  const tester = (await instances(ref.runId)).tester!;
  expect(tester).toMatchObject({ status: 'idle', currentTaskKey: null, tasksDone: 1, tasksFailed: 1, turns: 5, tokens: 500, costUsdNanos: 5_000_000n });
  expect(tester.firstActiveAt).toBeInstanceOf(Date);
  expect(tester.lastActiveAt!.getTime()).toBeGreaterThanOrEqual(tester.firstActiveAt!.getTime());
  const tasks = await db.orm.em.fork().find(AgentTask, { runId: ref.runId });
  const wall = tasks.reduce((sum, t) => sum + (t.finishedAt!.getTime() - t.startedAt!.getTime()), 0);
  expect(Math.abs(tester.timeMs - wall)).toBeLessThanOrEqual(2);
});

test('a handoff is recorded once, with an agent.handoff event, and linked to the follow-up when it is assigned', async () => {
  const ref = { runId: randomUUID(), projectId: randomUUID() };
  const handoff = { toRole: 'debugger', reason: 'sum is wrong', context: `expected 5 ${'x'.repeat(5000)}` };
  await run(activities.recordTaskAssigned, { ref, task: task('tests', 'tester') });
  await run(activities.recordTaskFinished, finished(ref, 'tests', 'done', 4, { outcome: 'handoff', handoff }));
  await run(activities.recordTaskFinished, finished(ref, 'tests', 'done', 4, { outcome: 'handoff', handoff }), 2);

  const handoffs = () => db.orm.em.fork().find(AgentHandoff, { runId: ref.runId });
  expect(await handoffs()).toEqual([
    expect.objectContaining({ fromTaskKey: 'tests', fromRole: 'tester', toRole: 'debugger', toTaskKey: null, reason: 'sum is wrong' }),
  ]);
  expect((await handoffs())[0]!.context).toHaveLength(4000);
  const sent = (await events.read(ref.projectId)).filter((e) => e.type === 'agent.handoff');
  expect(sent).toEqual([expect.objectContaining({ runId: ref.runId, data: expect.objectContaining({ taskKey: 'tests', fromRole: 'tester', toRole: 'debugger' }) })]);

  await run(activities.recordTaskAssigned, { ref, task: task('tests-debugger-1', 'debugger', 'tests') });
  expect((await handoffs())[0]!.toTaskKey).toBe('tests-debugger-1');
  expect(await instances(ref.runId)).toMatchObject({
    tester: { status: 'idle', tasksDone: 1, turns: 4 },
    debugger: { status: 'working', currentTaskKey: 'tests-debugger-1', tasksDone: 0 },
  });
});

test('finishing a task that was never assigned (blocked, cancelled) records no agent', async () => {
  const ref = { runId: randomUUID(), projectId: randomUUID() };
  await run(activities.recordTaskFinished, { ...finished(ref, 'never', 'done', 0), status: 'cancelled' as const, outcome: 'blocked' });
  expect(await instances(ref.runId)).toEqual({});
});

test('initializeAgents makes one idle agent per role once; assigning then works on the same row', async () => {
  const ref = { runId: randomUUID(), projectId: randomUUID() };
  await run(activities.initializeAgents, { ref, roles: ['architect', 'backend', 'tester'] });
  await run(activities.initializeAgents, { ref, roles: ['architect', 'backend', 'tester'] }, 2);
  const em = db.orm.em.fork();
  const agents = await em.find(AgentInstance, { runId: ref.runId }, { orderBy: { role: 'asc' } });
  expect(agents.map((a) => [a.role, a.status, a.tasksDone])).toEqual([
    ['architect', 'idle', 0],
    ['backend', 'idle', 0],
    ['tester', 'idle', 0],
  ]);
  await run(activities.recordTaskAssigned, { ref, task: task('store', 'backend') });
  const backend = await db.orm.em.fork().find(AgentInstance, { runId: ref.runId, role: 'backend' });
  expect(backend.map((a) => [a.status, a.currentTaskKey])).toEqual([['working', 'store']]);
  expect((await events.read(ref.projectId)).filter((e) => e.type === 'team.initialized')).toHaveLength(1);
});

test('a proposed plan makes its project await approval; a review sends it back to building', async () => {
  const em = db.orm.em.fork();
  const owner = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Plan owner' });
  const project = em.create(Project, { owner, name: 'Awaiting', framework: 'express', status: 'BUILDING' });
  await em.flush();
  const ref = { runId: randomUUID(), projectId: project.id };
  const status = async (): Promise<ProjectStatus> => (await db.orm.em.fork().findOneOrFail(Project, { id: project.id })).status;
  const plan = { summary: 's', tasks: [] };

  await run(activities.recordPlan, { ref, plan, status: 'proposed', version: 1 });
  expect(await status()).toBe('AWAITING_APPROVAL');
  await run(activities.recordPlan, { ref, plan, status: 'changes_requested', version: 1, feedback: 'smaller' });
  expect(await status()).toBe('BUILDING');
  await run(activities.recordPlan, { ref, plan, status: 'proposed', version: 2 });
  await run(activities.recordPlan, { ref, plan, status: 'approved', version: 2 });
  expect(await status()).toBe('BUILDING');

  // A project whose build already ended is never moved back.
  await db.orm.em.fork().nativeUpdate(Project, { id: project.id }, { status: 'CANCELLED' });
  await run(activities.recordPlan, { ref, plan, status: 'proposed', version: 3 });
  expect(await status()).toBe('CANCELLED');
});
