import { ApplicationFailure } from '@temporalio/activity';
import { ProjectRun, runEnded, type RunStatus } from '../../core/project/project.entity';
import { ErrorCode } from '../../contracts/errors';
import type { ActivityDeps } from '../deps';
import { EventType } from '../../contracts/events';

export interface RunRef {
  projectId: string;
  runId: string;
}

export interface RunFinish extends RunRef {
  status: Extract<RunStatus, 'SUCCEEDED' | 'FAILED' | 'CANCELLED'>;
  files?: number;
  error?: string;
  /** Agent-team builds: the final run of the project's own tests (null when there was no sandbox). */
  testsPassed?: boolean | null;
}

/** Run bookkeeping: status rows and the run's start and end events. Each is safe to repeat. */
export function createProjectActivities({ orm, events }: ActivityDeps) {
  async function loadRun(ref: RunRef) {
    const em = orm.em.fork();
    const run = await em.findOne(ProjectRun, { id: ref.runId, project: ref.projectId }, { populate: ['project'] });
    if (!run) throw ApplicationFailure.nonRetryable(`Run ${ref.runId} does not exist`, ErrorCode.NOT_FOUND);
    return { em, run, project: run.project.getEntity() };
  }

  return {
    async markRunStarted(ref: RunRef): Promise<void> {
      const { em, run, project } = await loadRun(ref);
      if (run.status === 'QUEUED') {
        run.status = 'RUNNING';
        run.startedAt = new Date();
        project.status = 'BUILDING';
        await em.flush();
      }
      await events.append({
        projectId: ref.projectId,
        runId: ref.runId,
        type: EventType.RUN_STARTED,
        message: `Build started for ${project.name} (${project.framework})`,
        dedupeKey: `run:${ref.runId}:started`,
      });
    },

    async markRunFinished(finish: RunFinish): Promise<void> {
      const { em, run, project } = await loadRun(finish);
      if (!runEnded(run.status)) {
        run.status = finish.status;
        run.finishedAt = new Date();
        run.error = finish.error ?? null;
        if (finish.testsPassed !== undefined) run.testsPassed = finish.testsPassed;
        project.status = finish.status === 'SUCCEEDED' ? 'READY' : finish.status;
        await em.flush();
      }
      // Agent-team runs: every agent of the run is done with it (outside the guard, so a retry finishes it).
      await em.getConnection().execute(`update agent_instances set status = 'done', current_task_key = null, updated_at = now() where run_id = ? and status <> 'done'`, [run.id]);
      const succeeded = finish.status === 'SUCCEEDED';
      const cancelled = finish.status === 'CANCELLED';
      // A cancelled run ends like a failed one on the stream (run.failed), marked so it reads as cancelled.
      await events.append({
        projectId: finish.projectId,
        runId: finish.runId,
        type: succeeded ? EventType.RUN_COMPLETED : EventType.RUN_FAILED,
        message: succeeded ? `Build finished: ${finish.files ?? 0} files ready` : cancelled ? 'Build cancelled' : `Build failed: ${finish.error ?? ''}`,
        data: succeeded ? { files: finish.files ?? 0 } : { error: finish.error ?? null, cancelled },
        dedupeKey: `run:${finish.runId}:finished`,
      });
    },
  };
}
