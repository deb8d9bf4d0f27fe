import { ApplicationFailure, defineQuery, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { activityPresets } from '../temporal.config';

export interface ProjectBuildInput {
  projectId: string;
  /** Our ProjectRun id; the dedupe keys of the run's events and writes derive from it. */
  runId: string;
}

export type ProjectBuildPhase = 'starting' | 'scaffolding' | 'finishing' | 'succeeded' | 'failed';

export interface ProjectBuildState {
  phase: ProjectBuildPhase;
  filesWritten: number;
  error: string | null;
}

/** Where the build is now, for the API and the Temporal UI. */
export const projectBuildStateQuery = defineQuery<ProjectBuildState>('projectBuildState');

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

  await bookkeeping.markRunStarted(input);
  try {
    state.phase = 'scaffolding';
    const result = await steps.scaffoldProject(input);
    state.filesWritten = result.files;
    state.phase = 'finishing';
    await bookkeeping.markRunFinished({ ...input, status: 'SUCCEEDED', files: result.files });
    state.phase = 'succeeded';
    return state;
  } catch (error) {
    state.error = readableReason(error);
    state.phase = 'failed';
    await bookkeeping.markRunFinished({ ...input, status: 'FAILED', error: state.error });
    throw ApplicationFailure.nonRetryable(state.error, 'BUILD_FAILED');
  }
}
