import { ApplicationFailure, Context } from '@temporalio/activity';
import { Project, ProjectRun } from '../../core/project/project.entity';
import { runPayerId } from '../../core/project/run-payer';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { SandboxLimitExceededError } from '../../core/sandbox/sandbox.errors';
import { ErrorCode } from '../../contracts/errors';
import { NotFoundError } from '../../core/shared/domain.errors';
import type { BuildWait } from '../../contracts/build-wait';
import type { ActivityDeps } from '../deps';
import type { RunRef } from '../project/project.activities';
import { EventType } from '../../contracts/events';

/** A build's sandbox, `null` where the worker has no sandbox backend, or what the build must wait for. */
export type BuildSandboxAnswer = { sandboxId: string | null; wait?: undefined } | { sandboxId?: undefined; wait: BuildWait };

/**
 * The sandbox a team build works in, taken before the build starts. When the payer's (runPayerId) sandboxes are all
 * in use the answer says so (with the holders) instead of failing, and the build waits and asks again. The
 * sandbox is keyed by the build's workflow, so asking again after a retry or a worker restart finds the same one.
 */
export function createBuildSandboxActivities({ orm, events, sandboxes }: ActivityDeps) {
  return {
    async openBuildSandbox(input: { ref: RunRef }): Promise<BuildSandboxAnswer> {
      if (!sandboxes) return { sandboxId: null };
      const { ref } = input;
      const em = orm.em.fork();
      const project = await em.findOne(Project, { id: ref.projectId });
      if (!project) throw ApplicationFailure.nonRetryable(`Project ${ref.projectId} does not exist`, ErrorCode.NOT_FOUND);
      // A team project's sandboxes are its team owner's, never its creator's, who may have left the team.
      const payerId = await runPayerId(em, project);
      const workflowId = Context.current().info.workflowExecution?.workflowId ?? `run:${ref.runId}`;
      try {
        const { record } = await sandboxes.create({
          projectId: ref.projectId,
          ownerId: payerId,
          runtime: 'node',
          idempotencyKey: `${workflowId}:build-sandbox`,
        });
        return { sandboxId: record.id };
      } catch (error) {
        // The build's own sandbox already went away (it failed to start): not something asking again mends.
        if (error instanceof NotFoundError) throw ApplicationFailure.nonRetryable(error.message, ErrorCode.NOT_FOUND);
        if (!(error instanceof SandboxLimitExceededError)) throw error;
        const wait = await sandboxWait(orm.em.fork(), payerId, error.limit);
        // One event per wait, however often the build asks again. Holders are not named here: every reader of
        // this project reads its events, and the holders may be projects they cannot see.
        await events.append({
          projectId: ref.projectId,
          runId: ref.runId,
          type: EventType.RUN_WAITING,
          message: `Waiting for a free sandbox: ${wait.used} of ${wait.limit} in use`,
          data: { kind: 'sandbox', limit: wait.limit, used: wait.used },
          dedupeKey: `run:${ref.runId}:waiting-for-sandbox`,
        });
        return { wait };
      }
    },
  };
}

/** The owner's live sandboxes as a wait: each one's project, and the build run that made it, if one did. */
async function sandboxWait(em: ReturnType<ActivityDeps['orm']['em']['fork']>, ownerId: string, limit: number): Promise<BuildWait> {
  const live = await em.find(
    SandboxRecord,
    { owner: ownerId, status: { $in: ['CREATING', 'RUNNING'] } },
    { orderBy: { createdAt: 'asc' } },
  );
  // A build's sandbox is keyed `<workflow id>:<activity>`: the run is the one with that workflow id.
  const workflowIds = live
    .map((s) => s.idempotencyKey?.slice(0, s.idempotencyKey.lastIndexOf(':')))
    .filter((id): id is string => Boolean(id));
  const runs = workflowIds.length ? await em.find(ProjectRun, { workflowId: { $in: workflowIds } }) : [];
  const holders = live.map((s) => {
    const key = s.idempotencyKey;
    const run = key ? runs.find((r) => r.workflowId === key.slice(0, key.lastIndexOf(':'))) : undefined;
    return { projectId: s.project.id, runId: run?.id ?? null };
  });
  return { kind: 'sandbox', limit, used: live.length, holders };
}
