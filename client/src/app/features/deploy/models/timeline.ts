import { STEPS, STEP_LABELS, type Step } from './deploy.models';

/** One step of the timeline as drawn: done (tick), current (animated), failed (red), or not reached. */
export type StepState = 'done' | 'current' | 'failed' | 'cancelled' | 'pending' | 'skipped';

export interface TimelineStep {
  readonly step: Step;
  readonly label: string;
  readonly state: StepState;
}

/** Where a failure most likely happened when the page did not watch it happen (a reload after the end). */
const STEP_OF_ERROR: Readonly<Record<string, Step>> = {
  DEPLOY_BUILD_FAILED: 'BUILDING',
  DEPLOY_TESTS_FAILED: 'BUILDING',
  DEPLOY_TOKEN_MISSING: 'UPLOADING',
  DEPLOY_TOKEN_REFUSED: 'UPLOADING',
  DEPLOY_NAME_TAKEN: 'UPLOADING',
  DEPLOY_PROVIDER_UNAVAILABLE: 'UPLOADING',
  DEPLOY_PROVIDER_FAILED: 'DEPLOYING',
  DEPLOY_UNHEALTHY: 'CHECKING',
};

export interface TimelineInput {
  readonly status: string;
  readonly trigger: string;
  readonly errorCode?: string | null;
  /** The last step the page saw the deployment in (from `deploy.status` events), if any. */
  readonly lastStep?: string | null;
}

/**
 * The timeline of a deployment: every step before the current one done, the current one animated; a failed
 * or cancelled deployment marks the step it stopped at (the last one seen, else the step its error code
 * belongs to, else the first), and a rollback shows Build and Package skipped.
 */
export function timeline(d: TimelineInput): TimelineStep[] {
  const rollback = d.trigger === 'rollback';
  const first = rollback ? 2 : 0;
  const at = (i: number, state: StepState): TimelineStep => ({
    step: STEPS[i]!,
    label: STEP_LABELS[STEPS[i]!],
    state: i < first ? 'skipped' : state,
  });
  const indexOf = (s: string | null | undefined) => STEPS.indexOf(s as Step);
  const status = d.status === 'SUPERSEDED' ? 'LIVE' : d.status;

  if (status === 'LIVE') return STEPS.map((_, i) => at(i, 'done'));
  if (status === 'QUEUED') return STEPS.map((_, i) => at(i, 'pending'));
  if (status === 'FAILED' || status === 'CANCELLED') {
    const seen = indexOf(d.lastStep);
    const byCode = indexOf(STEP_OF_ERROR[d.errorCode ?? '']);
    const stop = Math.max(first, seen >= 0 && seen < STEPS.length - 1 ? seen : byCode >= 0 ? byCode : first);
    const mark: StepState = status === 'FAILED' ? 'failed' : 'cancelled';
    return STEPS.map((_, i) => at(i, i < stop ? 'done' : i === stop ? mark : 'pending'));
  }
  const current = indexOf(status);
  if (current < 0) return STEPS.map((_, i) => at(i, 'pending'));
  return STEPS.map((_, i) => at(i, i < current ? 'done' : i === current ? 'current' : 'pending'));
}
