import type { WorkflowHandleWithFirstExecutionRunId as WorkflowHandle } from '@temporalio/client';
import { waitFor } from '../../test/harness';
import { AgentTask } from '../../core/agents/agent-task.entity';
import { ProjectFile, ProjectRun } from '../../core/project/project.entity';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { selectBlueprint } from '../../core/models/offline/select-blueprint';
import { projectFiles } from '../../core/models/offline/blueprint';
import { pauseRunSignal, resumeRunSignal, teamStatusQuery, type ProjectBuildState } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';
import { seedTeamRun, useSandboxStack } from '../../test/team-runs';

/**
 * A long team run continues as new with its state summarised (issue 6): the offline todo team with a tiny
 * history limit spans several runs of the coordinator and still builds the project once, task by task, in
 * one sandbox, with one plan and one start and end. A pause taken before a boundary holds after it.
 */
const env = useSandboxStack();
const DESCRIPTION = 'A todo REST API in Express with tests';

/** A team run whose coordinator continues as new once its history holds `maxHistoryEvents` events. */
async function startRun(maxHistoryEvents: number) {
  const { projectId, runId, workflowId } = await seedTeamRun(env.stack, { description: DESCRIPTION });
  const handle = await env.stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: env.stack.taskQueue,
    workflowId,
    args: [{ projectId, runId, team: { autoApprove: true, maxParallel: 2, maxTurns: 30, maxHistoryEvents } }],
  });
  return { projectId, runId, handle };
}

/** The execution chain, first run to latest, followed through each continue-as-new: each run's signals. */
async function executionChain(handle: WorkflowHandle): Promise<{ runId: string; signals: string[] }[]> {
  const chain: { runId: string; signals: string[] }[] = [];
  for (let runId: string | null | undefined = handle.firstExecutionRunId; runId; ) {
    const history: Awaited<ReturnType<WorkflowHandle['fetchHistory']>> = await env.stack.temporal.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    chain.push({ runId, signals: events.flatMap((e) => e.workflowExecutionSignaledEventAttributes?.signalName ?? []) });
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return chain;
}

/** Every task ran exactly once (one child, attempt 1), is stored done, and its events are not repeated. */
async function expectEachTaskOnce(projectId: string, runId: string, handle: WorkflowHandle) {
  const final = await handle.query(teamStatusQuery);
  expect(final).toMatchObject({ phase: 'done', testsPassed: true, pausedReason: null });
  expect(final.tasks.map((t) => [t.key, t.status, t.workflowId])).toEqual(
    final.tasks.map((t) => [t.key, 'done', workflowIds.agentTask(runId, t.key, 1)]),
  );
  for (const task of final.tasks)
    await expect(env.stack.temporal.workflow.getHandle(workflowIds.agentTask(runId, task.key, 2)).describe()).rejects.toThrow();

  const em = env.stack.db.orm.em.fork();
  const rows = await em.find(AgentTask, { runId });
  expect(rows.map((t) => t.taskKey).sort()).toEqual(final.tasks.map((t) => t.key).sort());
  expect(rows.every((t) => t.status === 'done' && t.turns > 0)).toBe(true);
  const blueprint = selectBlueprint(DESCRIPTION);
  for (const id of blueprint.plan.tasks.map((t) => t.id)) expect(rows.map((t) => t.taskKey)).toContain(id);

  const events = await env.stack.events.read(projectId);
  const count = (type: string) => events.filter((e) => e.type === type).length;
  expect(count('task.assigned')).toBe(rows.length);
  expect(count('task.done')).toBe(rows.length);
  expect(count('run.started')).toBe(1);
  expect(count('plan.proposed')).toBe(0);
  expect(count('plan.approved')).toBe(1);
  expect(count('run.completed')).toBe(1);
  const written = events.filter((e) => e.type === 'file.written').map((e) => `${e.data!.taskId as string} ${e.data!.path as string}`);
  expect(new Set(written).size).toBe(written.length);

  const expected = projectFiles(blueprint)
    .map((f) => f.path)
    .sort();
  const stored = await em.find(ProjectFile, { project: projectId }, { orderBy: { path: 'asc' } });
  expect(stored.map((f) => f.path)).toEqual(expected);
  const run = await em.findOneOrFail(ProjectRun, { id: runId });
  expect(run).toMatchObject({ status: 'SUCCEEDED', planStatus: 'approved', testsPassed: true });
  // One sandbox for the whole chain, gone at the end.
  expect(await em.count(SandboxRecord, { project: projectId })).toBe(1);
  expect(await env.local.backend.list()).toEqual([]);
}

test('a long team run continues as new with its state carried, and builds the project with every task done once', async () => {
  // At 40 each history holds a task or two (47–77 events measured with the todo blueprint).
  const { projectId, runId, handle } = await startRun(40);
  const state = (await handle.result()) as ProjectBuildState;
  expect(state.phase).toBe('succeeded');
  const chain = await executionChain(handle);
  expect(chain.length).toBeGreaterThanOrEqual(3);
  const first = await env.stack.temporal.workflow.getHandle(handle.workflowId, chain[0]!.runId).describe();
  expect(first.status.name).toBe('CONTINUED_AS_NEW');
  await expectEachTaskOnce(projectId, runId, handle);
});

test('a run paused before a continue-as-new stays paused after it, and resuming finishes it', async () => {
  // At 20 every history is full once its first task finishes, so the history the pause lands in is the last.
  const { projectId, runId, handle } = await startRun(20);
  await waitFor('a task to start', async () => {
    const s = await handle.query(teamStatusQuery).catch(() => null);
    return s?.tasks.some((t) => t.status === 'running');
  });
  await handle.signal(pauseRunSignal, 'Holding for the weekend');
  // The agents in flight finish, the run continues as new, and the next history starts paused.
  const pausedRunId = await waitFor(
    'the paused run to continue as new',
    async () => {
      const chain = await executionChain(handle);
      const pausedIn = chain.findIndex((run) => run.signals.includes(pauseRunSignal.name));
      return pausedIn >= 0 && pausedIn < chain.length - 1 && chain.at(-1)!.runId;
    },
    120_000,
  );
  const paused = await waitFor('the continued run to answer', () => handle.query(teamStatusQuery).catch(() => null));
  expect(paused).toMatchObject({ phase: 'paused', pausedReason: 'Holding for the weekend' });
  expect(paused.tasks.some((t) => t.status === 'pending')).toBe(true);
  const assigned = await env.stack.db.orm.em.fork().count(AgentTask, { runId });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(await env.stack.db.orm.em.fork().count(AgentTask, { runId })).toBe(assigned);
  expect((await executionChain(handle)).at(-1)!.runId).toBe(pausedRunId);
  expect(paused.tasks.some((t) => t.status === 'running')).toBe(false);

  await handle.signal(resumeRunSignal);
  expect(((await handle.result()) as ProjectBuildState).phase).toBe('succeeded');
  await expectEachTaskOnce(projectId, runId, handle);
});

test('cancelling a continued run destroys its sandbox and fails the run as cancelled', async () => {
  const { projectId, runId, handle } = await startRun(20);
  await waitFor('a continued run with an agent at work', async () => {
    const chain = await executionChain(handle);
    const s = await handle.query(teamStatusQuery).catch(() => null);
    return chain.length > 1 && s?.tasks.some((t) => t.status === 'running');
  });
  await handle.cancel();
  await expect(handle.result()).rejects.toThrow();

  const em = env.stack.db.orm.em.fork();
  const sandboxes = await em.find(SandboxRecord, { project: projectId });
  expect(sandboxes.map((s) => s.status)).toEqual(['DESTROYED']);
  expect(await env.local.backend.list()).toEqual([]);
  const run = await em.findOneOrFail(ProjectRun, { id: runId });
  expect({ status: run.status, error: run.error }).toEqual({ status: 'CANCELLED', error: 'The build was cancelled' });
  const types = (await env.stack.events.read(projectId)).map((e) => e.type);
  expect(types.filter((t) => t === 'run.failed')).toHaveLength(1);
  expect(types).not.toContain('run.completed');
});
