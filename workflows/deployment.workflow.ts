import { ApplicationFailure, CancellationScope, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { DEPLOYMENT_ENDED, deploymentStateQuery, type DeploymentState, type DeploymentStatus } from '../contracts/deploy';
import { ErrorCode } from '../contracts/errors';
import { activityPresets } from '../temporal.config';

export interface DeploymentWorkflowInput {
  /** The Deployment row (created QUEUED by DeployService); the workflow's id is `workflowIds.deployment(it)`. */
  deploymentId: string;
}

const bookkeeping = proxyActivities<Activities>(activityPresets.bookkeeping);
const steps = proxyActivities<Activities>(activityPresets.deployStep);

type Step = 'build' | 'provider';

/**
 * The failure's DEPLOY_* code and a message safe to show: our own non-retryable failures say it themselves; a step
 * whose attempts ran out (a provider answering 429/5xx, a worker that kept dying) is the provider being
 * unavailable, or for the build step a build that stopped unexpectedly.
 */
function outcomeOf(error: unknown, step: Step): { code: string; error: string } {
  let cause: unknown = error;
  while (cause instanceof Error) {
    if (cause instanceof ApplicationFailure && cause.type?.startsWith('DEPLOY_'))
      return cause.type === ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE
        ? { code: cause.type, error: `${cause.message} (gave up after several attempts)` }
        : { code: cause.type, error: cause.message };
    if (cause instanceof ApplicationFailure && cause.nonRetryable && cause.type === ErrorCode.NOT_FOUND) return { code: ErrorCode.DEPLOY_PROVIDER_FAILED, error: cause.message };
    cause = cause.cause;
  }
  return step === 'build'
    ? { code: ErrorCode.DEPLOY_BUILD_FAILED, error: 'The build stopped unexpectedly. It has been logged; deploy again or contact your administrator.' }
    : { code: ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE, error: 'The deploy target could not be reached after several attempts; try again later.' };
}

/**
 * One deployment (DEPLOY.md §2): build and package (a rollback reuses its source's package), upload, wait for the
 * provider, health-check, mark live. Cancelling it at any step, or any failure, ends in a cleanup that cannot be
 * cancelled: whatever the provider holds for it is discarded and the row is marked CANCELLED or FAILED, the
 * previous live deployment untouched. Marking live is not cancellable either: once promoted it finishes.
 */
export async function deploymentWorkflow(input: DeploymentWorkflowInput): Promise<DeploymentState> {
  const state: { status: DeploymentStatus; url: string | null; error: string | null } = { status: 'QUEUED', url: null, error: null };
  setHandler(deploymentStateQuery, () => ({ ...state }));
  const { deploymentId } = input;
  const start = await bookkeeping.startDeployment({ deploymentId });
  state.status = start.status;
  if (DEPLOYMENT_ENDED.includes(start.status)) return state;

  const move = async (status: DeploymentStatus) => {
    state.status = status;
    await bookkeeping.setDeploymentStatus({ deploymentId, status });
  };
  let step: Step = 'build';
  try {
    if (start.trigger !== 'rollback') await move('BUILDING');
    await steps.deployBuild({ deploymentId });
    step = 'provider';
    await move('UPLOADING');
    const created = await steps.deployUpload({ deploymentId });
    state.url = created.url;
    await move('DEPLOYING');
    const { url } = await steps.deployWaitReady({ deploymentId, deployment: created });
    state.url = url;
    await move('CHECKING');
    await steps.deployHealthCheck({ deploymentId, deployment: created, url });
    await CancellationScope.nonCancellable(() => steps.deployMarkLive({ deploymentId, deployment: created }));
    state.status = 'LIVE';
    return state;
  } catch (error) {
    const cancelled = isCancellation(error);
    const outcome = cancelled ? { code: ErrorCode.DEPLOY_CANCELLED, error: 'The deployment was cancelled' } : outcomeOf(error, step);
    state.status = cancelled ? 'CANCELLED' : 'FAILED';
    state.error = outcome.error;
    const ending = { deploymentId, status: cancelled ? ('CANCELLED' as const) : ('FAILED' as const), code: outcome.code, error: outcome.error };
    await CancellationScope.nonCancellable(async () => {
      try {
        await steps.finishDeployment(ending);
      } catch {
        // The cleanup gave up (PostgreSQL or the provider away for long): the row must still end, or it would hold
        // the target's one in-flight place for good.
        await bookkeeping.markDeploymentEnded(ending);
      }
    });
    if (cancelled) throw error;
    throw ApplicationFailure.nonRetryable(outcome.error, outcome.code);
  }
}
