import { ApplicationFailure } from '@temporalio/activity';
import { ConcurrentLimitExceededError } from '../../core/limits/limits.errors';
import { Project, ProjectRun } from '../../core/project/project.entity';
import { payerTier, runPayerId } from '../../core/project/run-payer';
import { User } from '../../core/user/user.entity';
import { isUuid } from '../../core/shared/validation';
import type { BuildWaitHolder } from '../../contracts/build-wait';
import type { LimitSubject } from '../../core/limits/tiers';
import { ErrorCode } from '../../contracts/errors';
import type { ActivityDeps } from '../deps';
import type { RunRef } from '../project/project.activities';
import { EventType } from '../../contracts/events';

/** What the coordinator learns when it asks for one of its owner's agent-run slots. */
export type RunLeaseAnswer =
  | { granted: true; limit: number | null }
  | { granted: false; limit: number; retryAfterSeconds: number; holders?: BuildWaitHolder[] };

/**
 * The tier's concurrent agent runs: a team run holds a lease (keyed by its run id, so a retried or continued
 * run holds the same one) from before its first agent until it ends. The lease expires unless renewed, so a
 * run whose workflow vanished frees its slot by itself. A worker built without a limiter grants every run.
 */
export function createRunLeaseActivities({ orm, events, leases }: ActivityDeps) {
  /**
   * Whose slots a run takes: a personal project's owner, a team project's team owner (runPayerId), never a
   * team project's creator as such, who may have left the team.
   */
  const owner = async (projectId: string): Promise<LimitSubject> => {
    const em = orm.em.fork();
    const project = await em.findOne(Project, { id: projectId });
    if (!project) throw ApplicationFailure.nonRetryable(`Project ${projectId} does not exist`, ErrorCode.NOT_FOUND);
    const user = await em.findOneOrFail(User, { id: await runPayerId(em, project) });
    return { id: user.id, tier: await payerTier(em, project) };
  };

  /** The runs holding the owner's slots (lease ids are run ids); the API names those a viewer may read. */
  const holdersOf = async (userId: string): Promise<BuildWaitHolder[]> => {
    const runIds = (await leases!.holders(userId, 'agent-runs').catch(() => [] as string[])).filter(isUuid);
    if (!runIds.length) return [];
    const runs = await orm.em.fork().find(ProjectRun, { id: { $in: runIds } });
    return runs.map((run) => ({ projectId: run.project.id, runId: run.id }));
  };

  return {
    async acquireAgentRunLease(input: { ref: RunRef; ttlMs: number }): Promise<RunLeaseAnswer> {
      if (!leases) return { granted: true, limit: null };
      const { ref, ttlMs } = input;
      const subject = await owner(ref.projectId);
      try {
        const lease = await leases.acquire(subject, 'agent-runs', ref.runId, ttlMs);
        return { granted: true, limit: lease.limit };
      } catch (error) {
        if (!(error instanceof ConcurrentLimitExceededError)) throw error;
        const { limit, retryAfter } = error;
        // One event per wait, however often the coordinator asks again.
        await events.append({
          projectId: ref.projectId,
          runId: ref.runId,
          type: EventType.RUN_WAITING,
          message: `Waiting for a free agent-run slot: your plan runs ${limit} team${limit === 1 ? '' : 's'} at a time`,
          data: { limit },
          dedupeKey: `run:${ref.runId}:waiting-for-slot`,
        });
        return { granted: false, limit, retryAfterSeconds: retryAfter, holders: await holdersOf(subject.id) };
      }
    },

    /** False when the lease had already expired (the coordinator then takes it again). */
    async renewAgentRunLease(input: { ref: RunRef; ttlMs: number }): Promise<boolean> {
      if (!leases) return true;
      return leases.renew((await owner(input.ref.projectId)).id, 'agent-runs', input.ref.runId, input.ttlMs);
    },

    async releaseAgentRunLease(input: { ref: RunRef }): Promise<void> {
      if (leases) await leases.release((await owner(input.ref.projectId)).id, 'agent-runs', input.ref.runId);
    },
  };
}
