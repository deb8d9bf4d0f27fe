import { AgentTask } from '../core/agents/agent-task.entity';
import { projectFiles } from '../core/models/offline/blueprint';
import { selectBlueprint } from '../core/models/offline/select-blueprint';
import { ProjectFile, ProjectRun } from '../core/project/project.entity';
import { LOCAL_USER_ID } from '../core/user/user.entity';
import { waitFor } from './harness';
import { useWorkerProcesses } from './worker-process';

/**
 * The agent team survives its worker being SIGKILLed again and again: the run completes, and no file, usage
 * row or event is duplicated. KILLS sets how many times (the issue asks for ten; CI runs the same number).
 */
const KILLS = Number(process.env.TEAM_DURABILITY_KILLS ?? 10);
const DESCRIPTION = 'A todo REST API in Express with tests';
const workers = useWorkerProcesses('team-durability');

const finished = async (projectId: string) => {
  const run = await workers.stack.db.orm.em.fork().findOneOrFail(ProjectRun, { project: projectId });
  return run.status === 'SUCCEEDED' || run.status === 'FAILED' ? run : undefined;
};

it(`completes a team run whose worker is SIGKILLed ${KILLS} times, duplicating nothing`, async () => {
  const { stack, start: startWorker } = workers;
  // Unlimited tier: rate-limit windows live in the shared test Redis under the built-in local user's id.
  await stack.db.orm.em.fork().getConnection().execute(`update users set tier = 'enterprise' where id = ?`, [LOCAL_USER_ID]);
  const project = await stack.app.createContext().projects.create(LOCAL_USER_ID, {
    name: 'Durable Team',
    framework: 'express',
    description: DESCRIPTION,
    buildMode: 'team',
    autoApprovePlan: true,
  });
  let kills = 0;
  for (let i = 0; i < KILLS && !(await finished(project.id)); i++) {
    const worker = await startWorker();
    // A random point: somewhere in the next 0.3–2.5 s of the worker's progress.
    await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 2200)));
    const exited = new Promise((r) => worker.once('exit', r));
    worker.kill('SIGKILL');
    await exited;
    kills++;
  }
  await startWorker();
  const run = await waitFor('the run to finish on the last worker', () => finished(project.id), 180_000);
  if (run.status !== 'SUCCEEDED') {
    // What went wrong, for whoever reads the failure: each task's outcome and the hand-over context.
    const tasks = await stack.db.orm.em.fork().find(AgentTask, { runId: run.id }, { orderBy: { createdAt: 'asc' } });
    console.error(tasks.map((t) => `${t.taskKey} [${t.role}] ${t.status}/${t.outcome ?? '-'}: ${t.summary ?? ''}\n${t.description.slice(-3000)}`).join('\n\n'));
  }
  expect({ status: run.status, error: run.error ?? null }).toEqual({ status: 'SUCCEEDED', error: null });
  expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 3));

  const em = stack.db.orm.em.fork();
  const expected = projectFiles(selectBlueprint(DESCRIPTION))
    .map((f) => f.path)
    .sort();
  const files = await em.find(ProjectFile, { project: project.id }, { orderBy: { path: 'asc' } });
  expect(files.map((f) => f.path)).toEqual(expected);
  const events = await stack.events.read(project.id);
  // A re-test after a failure rewrites test files under its own task; what must never repeat is one task's
  // write of one path (a retried tool call).
  const written = events.filter((e) => e.type === 'file.written').map((e) => `${e.data!.taskId as string} ${e.data!.path as string}`);
  expect(new Set(written).size).toBe(written.length);
  expect([...new Set(written.map((w) => w.split(' ')[1]))].sort()).toEqual(expected);
  const tasks = await em.find(AgentTask, { runId: run.id });
  expect(events.filter((e) => e.type === 'task.assigned')).toHaveLength(tasks.length);
  expect(events.filter((e) => e.type === 'task.done')).toHaveLength(tasks.length);
  const usage = await em
    .getConnection()
    .execute<
      { calls: number; keys: number }[]
    >('select count(*)::int as calls, count(distinct call_key)::int as keys from usage_logs where run_id = ?', [run.id]);
  expect(usage[0]!.calls).toBe(usage[0]!.keys);
  expect(events.filter((e) => e.type === 'model.completed')).toHaveLength(usage[0]!.calls);
  expect(events.filter((e) => e.type === 'run.completed')).toHaveLength(1);
});
