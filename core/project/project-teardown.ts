import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import { workflowIds } from '../../contracts/workflow-ids';
import type { LiveDocs } from '../files/live-docs';
import type { SandboxManager } from '../sandbox/sandbox-manager';
import { SandboxRecord } from '../sandbox/sandbox.entity';
import { ServiceUnavailableError } from '../shared/domain.errors';
import type { ConcurrencyLimiter } from '../limits/concurrency-limiter';
import { Project, ProjectRun } from './project.entity';
import { runPayerId } from './run-payer';

export interface ProjectTeardownDeps {
  readonly em: EntityManager;
  readonly temporal: Client;
  /** Absent when this process has no sandbox backend: the project's sandbox rows then go with its rows. */
  readonly sandboxes?: SandboxManager;
  /** The project's Liveblocks room; null when collaboration is off. */
  readonly live: LiveDocs | null;
  /** The tier's concurrent agent runs: a terminated build never runs its cleanup, so its slot is freed here. */
  readonly leases?: ConcurrencyLimiter;
  /** How long a cancelled workflow may take to end (its cleanup: the run's row, its sandbox) before it is terminated. */
  readonly cancelGraceMs: number;
}

/** What the teardown stopped: workflow ids and sandbox row ids. */
export interface TeardownReport {
  workflows: string[];
  sandboxes: string[];
}

const REASON = 'The project was deleted';

/**
 * Stops everything a project has running, ready for its rows to go: its builds (agent tasks are their children
 * and end with them) and sandbox verifications are cancelled, then terminated if they do not end within the
 * grace; its sandboxes are destroyed, its room workflow terminated and its Liveblocks room deleted. Every step
 * tolerates what is already gone, so running it again after a partial failure finishes the job.
 */
export async function tearDownProject(deps: ProjectTeardownDeps, projectId: string): Promise<TeardownReport> {
  const { temporal } = deps;
  const workflows = await runningWorkflowIds(deps, projectId);
  const stopped = await Promise.all(workflows.map((id) => stopWorkflow(temporal.workflow.getHandle(id), deps.cancelGraceMs)));
  await guard(() => temporal.workflow.getHandle(workflowIds.projectRoom(projectId)).terminate(REASON)).catch(ignoreNotFound);
  await releaseRunSlots(deps, projectId);
  const rows = await deps.em.find(SandboxRecord, { project: projectId, status: { $in: ['CREATING', 'RUNNING'] } });
  if (deps.sandboxes) for (const row of rows) await deps.sandboxes.destroy(row.id, 'project-deleted');
  await deps.live?.deleteRoom(projectId);
  return { workflows: workflows.filter((_, i) => stopped[i]), sandboxes: deps.sandboxes ? rows.map((r) => r.id) : [] };
}

/**
 * Frees the agent-run slots the project's runs hold (lease ids are run ids, held by the run's payer): a build
 * that was terminated rather than cancelled never releases its own, and the payer's next build would wait for
 * the lease to expire. Releasing a slot that is not held does nothing.
 */
async function releaseRunSlots({ em, leases }: ProjectTeardownDeps, projectId: string): Promise<void> {
  if (!leases) return;
  const project = await em.findOne(Project, { id: projectId });
  if (!project) return;
  const payer = await runPayerId(em, project);
  const runs = await em.find(ProjectRun, { project: projectId }, { fields: ['id'] });
  for (const run of runs) await leases.release(payer, 'agent-runs', run.id);
}

/**
 * The project's workflows that may still run: those of its unfinished runs (by row: visibility lags a fresh
 * start) and any build or sandbox verification Temporal lists as running under the project's id.
 */
async function runningWorkflowIds({ em, temporal }: ProjectTeardownDeps, projectId: string): Promise<string[]> {
  const runs = await em.find(ProjectRun, { project: projectId, status: { $in: ['QUEUED', 'RUNNING'] } }, { fields: ['workflowId'] });
  const ids = new Set(runs.map((r) => r.workflowId));
  const prefixes = [workflowIds.projectBuild(projectId), workflowIds.sandboxVerify(projectId, '')];
  const query = `ExecutionStatus = 'Running' AND (${prefixes.map((p) => `WorkflowId STARTS_WITH '${p}'`).join(' OR ')})`;
  await guard(async () => {
    for await (const execution of temporal.workflow.list({ query })) ids.add(execution.workflowId);
  });
  return [...ids];
}

/** Cancels a running workflow, waits up to `graceMs` for it to end, then terminates it. False: it was not running. */
async function stopWorkflow(handle: WorkflowHandle, graceMs: number): Promise<boolean> {
  const running = async () => (await handle.describe()).status.name === 'RUNNING';
  if (!(await guard(running).catch(ignoreNotFound))) return false;
  await guard(() => handle.cancel()).catch(ignoreNotFound);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([handle.result().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]).finally(
    () => clearTimeout(timer),
  );
  if (await guard(running).catch(ignoreNotFound)) await guard(() => handle.terminate(REASON)).catch(ignoreNotFound);
  return true;
}

/** Temporal's failures, except "not found", as the service being unavailable. */
async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw error;
    throw new ServiceUnavailableError('The build service', { cause: error });
  }
}

function ignoreNotFound(error: unknown): undefined {
  if (error instanceof WorkflowNotFoundError) return undefined;
  throw error;
}
