import { TeamRunService } from '../../core/agents/team-run.service';
import { Project, ProjectRun } from '../../core/project/project.entity';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { User } from '../../core/user/user.entity';
import { waitFor } from '../../test/harness';
import { seedTeamRun } from '../../test/team-runs';
import { useWorkerProcesses } from '../../test/worker-process';
import { projectBuildStateQuery } from '../../contracts/messages';

/**
 * A team build whose owner's sandboxes are all in use waits, still queued, and says for what and held by whom
 * (to those who may read the holders); the wait survives its worker being SIGKILLed; it starts once a sandbox
 * is freed, and its own sandbox goes away when it ends. Before, the build failed with "At most 2 sandboxes…".
 */
const workers = useWorkerProcesses('build-sandbox');

it('waits for a free sandbox, names its holders only to readers, survives a worker kill, then builds', async () => {
  const { stack, start: startWorker, kill } = workers;
  const run = await seedTeamRun(stack, { tier: 'free' });
  const em = stack.db.orm.em.fork();
  const owner = em.getReference(User, run.ownerId);
  const holder = em.create(Project, { owner, name: 'Holder app', framework: 'express' });
  // Two live sandboxes of the free owner (2 allowed), opened by hand in another project. Their backend is one
  // this worker does not run, so its start-up sweep leaves them alone: only the test frees them.
  const held = [1, 2].map((i) =>
    em.create(SandboxRecord, { project: holder, owner, backend: 'elsewhere', runtime: 'node', status: 'RUNNING', backendId: `held-${i}` }),
  );
  const outsider = em.create(User, { email: 'outsider@example.com', displayName: 'Outsider' });
  await em.flush();

  let worker = await startWorker();
  const handle = await stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: run.workflowId,
    args: [{ projectId: run.projectId, runId: run.runId, team: { autoApprove: true } }],
  });
  const waiting = async () => {
    const state = await handle.query(projectBuildStateQuery).catch(() => null);
    return state?.phase === 'waiting' && state.waitingFor?.kind === 'sandbox' ? state : null;
  };
  const state = await waitFor('the build to wait for a sandbox', waiting);
  expect(state.waitingFor).toEqual({
    kind: 'sandbox',
    limit: 2,
    used: 2,
    holders: [
      { projectId: holder.id, runId: null },
      { projectId: holder.id, runId: null },
    ],
  });
  const statusOf = async () => (await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { id: run.runId })).status;
  expect(await statusOf()).toBe('QUEUED');
  const types = async () => (await stack.events.read(run.projectId)).map((e) => e.type);
  const waitEvents = (await stack.events.read(run.projectId)).filter((e) => e.type === 'run.waiting');
  expect(waitEvents.map((e) => e.message)).toEqual(['Waiting for a free sandbox: 2 of 2 in use']);
  expect(await types()).not.toContain('run.started');

  // What the project page shows: the owner reads the holder's name; someone who may not read it gets a count.
  const live = async (viewerId: string) => {
    const ctx = stack.app.createContext(viewerId);
    const project = await ctx.em.findOneOrFail(Project, { id: run.projectId });
    return (
      await new TeamRunService(ctx.em, ctx.projects, ctx.temporal).liveState(
        project,
        await ctx.em.findOneOrFail(ProjectRun, { id: run.runId }),
        viewerId,
      )
    )?.waiting;
  };
  expect(await live(run.ownerId)).toEqual({
    kind: 'sandbox',
    limit: 2,
    used: 2,
    holders: [1, 2].map(() => ({ projectId: holder.id, projectName: 'Holder app', runId: null })),
    hiddenHolders: 0,
  });
  expect(await live(outsider.id)).toEqual({ kind: 'sandbox', limit: 2, used: 2, holders: [], hiddenHolders: 2 });

  // The wait is a durable timer: a SIGKILLed worker's successor picks it up and keeps waiting.
  await kill(worker);
  await new Promise((r) => setTimeout(r, 6_000));
  worker = await startWorker();
  await waitFor('the build to wait again on the new worker', waiting);
  expect(await statusOf()).toBe('QUEUED');

  // A sandbox is freed: within one poll the build takes its own and starts.
  await stack.db.orm.em.fork().nativeUpdate(SandboxRecord, { id: held[0]!.id }, { status: 'DESTROYED', destroyedAt: new Date() });
  await waitFor('the build to start', async () => (await types()).includes('run.started'), 30_000);
  const own = await stack.db.orm.em.fork().findOneOrFail(SandboxRecord, { idempotencyKey: `${run.workflowId}:build-sandbox` });
  expect(own.status).toBe('RUNNING');
  expect((await stack.events.read(run.projectId)).filter((e) => e.type === 'run.waiting')).toHaveLength(1);

  // However it ends (here: cancelled), the build's own sandbox goes away with it.
  await handle.cancel();
  await waitFor('the run to end', async () => (await statusOf()) === 'CANCELLED', 60_000);
  await waitFor(
    'the build sandbox to be destroyed',
    async () => (await stack.db.orm.em.fork().findOneOrFail(SandboxRecord, { id: own.id })).status === 'DESTROYED',
    30_000,
  );
  await kill(worker);
}, 180_000);
