import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testServices } from '../../test/harness';
import { AgentTask } from '../../core/agents/agent-task.entity';
import { ProjectFile, ProjectRun } from '../../core/project/project.entity';
import { selectBlueprint } from '../../core/models/offline/select-blueprint';
import { projectFiles } from '../../core/models/offline/blueprint';
import { AGENT_ROLES } from '../../core/models/model-types';
import { reviewPlanSignal, teamStatusQuery, type ProjectBuildState, type TeamStatus } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';
import { seedTeamRun, useSandboxStack } from '../../test/team-runs';

/**
 * The whole team on the Temporal dev server with the offline provider and the local sandbox: plan, approval
 * (with one round of requested changes), the DAG of agents writing real files, and the project's own tests.
 */
const env = useSandboxStack();
const DESCRIPTION = 'A todo REST API in Express with tests';

test('offline, the team plans, waits for approval, builds the todo API and its tests pass in the sandbox', async () => {
  const { projectId, runId, workflowId } = await seedTeamRun(env.stack, { description: DESCRIPTION });
  const handle = await env.stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: env.stack.taskQueue,
    workflowId,
    args: [{ projectId, runId, team: { autoApprove: false, maxParallel: 2, maxTurns: 30 } }],
  });
  const waitFor = async (check: (s: TeamStatus) => boolean): Promise<TeamStatus> => {
    for (let i = 0; i < 300; i++) {
      const s = await handle.query(teamStatusQuery).catch(() => null);
      if (s && check(s)) return s;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the team never reached the expected state');
  };
  const proposed = await waitFor((s) => s.phase === 'awaiting_approval');
  expect(proposed.planVersion).toBe(1);
  expect(proposed.tasks.map((t) => t.key)).toEqual(selectBlueprint(DESCRIPTION).plan.tasks.map((t) => t.id));
  await handle.signal(reviewPlanSignal, { approve: false, feedback: 'Keep it small' });
  await waitFor((s) => s.phase === 'awaiting_approval' && s.planVersion === 2);
  await handle.signal(reviewPlanSignal, { approve: true });

  const state = (await handle.result()) as ProjectBuildState;
  expect(state.phase).toBe('succeeded');
  const final = await handle.query(teamStatusQuery);
  expect(final).toMatchObject({ phase: 'done', testsPassed: true });
  expect(final.tasks.every((t) => t.status === 'done')).toBe(true);

  const em = env.stack.db.orm.em.fork();
  const stored = await em.find(ProjectFile, { project: projectId }, { orderBy: { path: 'asc' } });
  expect(stored.map((f) => f.path)).toEqual(
    projectFiles(selectBlueprint(DESCRIPTION))
      .map((f) => f.path)
      .sort(),
  );
  const tasks = await em.find(AgentTask, { runId }, { orderBy: { createdAt: 'asc' } });
  expect(tasks.map((t) => [t.taskKey, t.role, t.status])).toEqual(
    expect.arrayContaining([
      ['todo-store', 'backend', 'done'],
      ['code-review', 'reviewer', 'done'],
    ]),
  );
  expect(tasks.every((t) => t.reasoning.length > 0 && t.turns > 0)).toBe(true);
  // The offline plan puts every role to work: frontend, coder, devops, optimizer and debugger included.
  expect(new Set(tasks.map((t) => t.role))).toEqual(new Set(AGENT_ROLES));
  expect(tasks.map((t) => [t.taskKey, t.role, t.status])).toEqual(
    expect.arrayContaining([
      ['project-setup', 'coder', 'done'],
      ['todo-page', 'frontend', 'done'],
      ['store-performance', 'optimizer', 'done'],
      ['deploy', 'devops', 'done'],
      ['suite-check', 'debugger', 'done'],
    ]),
  );
  const summaryOf = (key: string) => tasks.find((t) => t.taskKey === key)?.summary ?? '';
  expect(summaryOf('store-performance')).toMatch(/createMs [\d.]+ ms .*Within budget/);
  expect(summaryOf('deploy')).toContain('the deploy check passes: npm start and the image both run: node src/server.js');
  expect(summaryOf('suite-check')).toMatch(/^Ran the whole suite: all \d+ tests pass/);
  const run = await em.findOneOrFail(ProjectRun, { id: runId });
  expect(run).toMatchObject({ status: 'SUCCEEDED', planStatus: 'approved', testsPassed: true });
  const types = (await env.stack.events.read(projectId)).map((e) => e.type);
  expect(types.filter((t) => t === 'plan.proposed')).toHaveLength(2);
  expect(types).toContain('plan.changes_requested');
  expect(types.filter((t) => t === 'task.assigned').length).toBe(tasks.length);
  expect(await env.local.backend.list()).toEqual([]);

  if (process.env.RECORD_HISTORIES) {
    // The parent (coordinator) and one agent task, for workflows/project-build.replay.test.ts.
    const show = (id: string) =>
      execFileSync(testServices().temporalCli, [
        'workflow',
        'show',
        '-w',
        id,
        '--address',
        testServices().temporalAddress,
        '--output',
        'json',
      ]);
    writeFileSync(join(__dirname, '..', 'histories', 'project-build-team.json'), show(workflowId));
    writeFileSync(join(__dirname, '..', 'histories', 'run-agent-task-todo-store.json'), show(workflowIds.agentTask(runId, 'todo-store', 1)));
  }
});
