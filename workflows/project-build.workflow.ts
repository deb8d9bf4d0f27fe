import {
  ApplicationFailure,
  CancellationScope,
  ContinueAsNew,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BuildWait } from '../contracts/build-wait';
import { ErrorCode } from '../contracts/errors';
import { projectBuildStateQuery, type ProjectBuildState } from '../contracts/messages';
import { activityPresets } from '../temporal.config';
import { DEFAULT_TEAM_OPTIONS, runAgentTeam, type TeamCarry, type TeamOptions } from './agent-team/coordinator';
import { releaseBuildSandbox, takeBuildSandbox } from './agent-team/build-sandbox';
import { takeRunSlot, type RunSlot } from './agent-team/run-slot';

export interface ProjectBuildInput {
  projectId: string;
  /** Our ProjectRun id; the dedupe keys of the run's events and writes derive from it. */
  runId: string;
  /** Build with the agent team instead of the built-in starter. */
  team?: Partial<TeamOptions>;
  /** Set only by the coordinator continuing as new: the team run so far, summarised. */
  resume?: TeamCarry;
}

export type { ProjectBuildPhase, ProjectBuildState } from '../contracts/messages';

const bookkeeping = proxyActivities<Activities>(activityPresets.bookkeeping);
const steps = proxyActivities<Activities>(activityPresets.longStep);

/** Messages safe to show users come from non-retryable failures we raise ourselves. */
function readableReason(error: unknown): string {
  let cause: unknown = error;
  while (cause instanceof Error) {
    if (cause instanceof ApplicationFailure && cause.type && cause.nonRetryable) return cause.message;
    cause = cause.cause;
  }
  return 'The build stopped unexpectedly. It has been logged; try again or contact your administrator.';
}

/**
 * Builds a new project: marks the run started, scaffolds the starter files, marks it finished.
 * Later the agent team replaces the scaffold step; the road (run row, events, status) stays.
 */
export async function projectBuildWorkflow(input: ProjectBuildInput): Promise<ProjectBuildState> {
  const state: ProjectBuildState = { phase: 'starting', filesWritten: 0, error: null };
  setHandler(projectBuildStateQuery, () => state);

  let testsPassed: boolean | null | undefined;
  let slot: RunSlot | null = null;
  let opened: { sandboxId: string | null } | undefined;
  const waitFor = (wait: BuildWait) => {
    state.phase = 'waiting';
    state.waitingFor = wait;
  };
  try {
    const ref = { projectId: input.projectId, runId: input.runId };
    // A team run waits (still queued) for one of its owner's agent-run slots; a continued run extends its own.
    // Patched: runs recorded before the slot existed replay without it.
    if (input.team && patched('agent-run-lease'))
      slot = await takeRunSlot(ref, ({ limit, holders }) => waitFor({ kind: 'agent-run', limit, used: limit, holders: holders ?? [] }));
    // Then, still queued, for one of the owner's sandboxes, before any model is paid for (a full owner used to
    // fail the build after planning). Patched: runs recorded before open their sandbox in the coordinator.
    if (input.team && !input.resume && patched('build-sandbox-wait')) opened = { sandboxId: await takeBuildSandbox(ref, waitFor) };
    state.waitingFor = null;
    state.phase = 'starting';
    // A continued run started in an earlier history.
    if (!input.resume) await bookkeeping.markRunStarted(input);
    let files: number;
    if (input.team) {
      state.phase = 'team';
      const outcome = await runAgentTeam(ref, { ...DEFAULT_TEAM_OPTIONS, ...input.team }, input.resume, opened);
      if (outcome.carry) {
        slot?.handOver();
        slot = null;
        // The next history's coordinator carries the sandbox on and destroys it at the end.
        opened = undefined;
        await continueAsNew<typeof projectBuildWorkflow>({ ...input, resume: outcome.carry });
      }
      const team = outcome.status;
      testsPassed = team.testsPassed;
      if (team.phase === 'failed') {
        const failed = team.tasks.filter((t) => t.status === 'failed').map((t) => t.title);
        throw ApplicationFailure.nonRetryable(
          failed.length
            ? `The team could not finish: ${failed.join(', ')}`
            : team.reviewApproved === false
              ? 'The reviewer did not approve the result'
              : 'The project was built but its tests do not pass',
          ErrorCode.TEAM_FAILED,
        );
      }
      files = team.filesWritten;
    } else {
      state.phase = 'scaffolding';
      files = (await steps.scaffoldProject(input)).files;
    }
    state.filesWritten = files;
    state.phase = 'finishing';
    await bookkeeping.markRunFinished({ ...input, status: 'SUCCEEDED', files, testsPassed });
    state.phase = 'succeeded';
    return state;
  } catch (error) {
    // Not an ending: the run goes on in a fresh history.
    if (error instanceof ContinueAsNew) throw error;
    if (isCancellation(error)) {
      state.error = 'The build was cancelled';
      state.phase = 'failed';
      await CancellationScope.nonCancellable(() => bookkeeping.markRunFinished({ ...input, status: 'CANCELLED', error: state.error! }));
      throw error;
    }
    state.error = readableReason(error);
    state.phase = 'failed';
    await bookkeeping.markRunFinished({ ...input, status: 'FAILED', error: state.error, testsPassed });
    throw ApplicationFailure.nonRetryable(state.error, ErrorCode.BUILD_FAILED);
  } finally {
    if (opened?.sandboxId) await releaseBuildSandbox(opened.sandboxId);
    await slot?.release();
  }
}
