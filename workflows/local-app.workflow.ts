import { ActivityFailure, allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { localAppCommandSignal, localAppStatusQuery, type LocalAppCommand, type LocalAppStatus } from '../contracts/deploy';
import { activityPresets } from '../temporal.config';

/** How often the supervisor checks its app, and how long one run lives. */
export interface LocalAppTiming {
  /** Between checks of the served app, in ms. */
  tickMs: number;
  /** Between checks while an older app sandbox still waits for the new deployment to be marked live, in ms. */
  settleMs: number;
  /** Continue as new after this many checks (a supervisor lives as long as its app: its history stays short). */
  maxTicks: number;
  /** Longest pause between checks of an app that keeps failing to start (the pause doubles per failure up to it). */
  maxBackoffMs: number;
}

export const DEFAULT_LOCAL_APP_TIMING: LocalAppTiming = { tickMs: 15_000, settleMs: 2_000, maxTicks: 100, maxBackoffMs: 10 * 60_000 };

export interface LocalAppWorkflowInput {
  projectId: string;
  /** Overrides of {@link DEFAULT_LOCAL_APP_TIMING} (tests). */
  timing?: Partial<LocalAppTiming>;
  /** What the previous run knew (continue-as-new). */
  carry?: LocalAppStatus;
}

const checks = proxyActivities<Activities>(activityPresets.longStep);
const book = proxyActivities<Activities>(activityPresets.bookkeeping);

/**
 * The supervisor of a project's app on the local target (`workflowIds.localApp(projectId)`, signal-with-start of
 * {@link localAppCommandSignal} from the target's promote): `serve` switches to a deployment (its older app sandbox
 * is destroyed once the new one is the target's live deployment), and every `tickMs` the served app must be running
 * and answer, or it is restarted (its sandbox recreated from the package when gone). `stop` destroys the app's
 * sandbox and `start` brings it back; `delete` removes it and ends the supervisor.
 */
export async function localAppWorkflow(input: LocalAppWorkflowInput): Promise<LocalAppStatus> {
  const { projectId } = input;
  const timing = { ...DEFAULT_LOCAL_APP_TIMING, ...input.timing };
  let status: LocalAppStatus = input.carry ?? { deploymentId: null, state: 'starting', restarts: 0, lastError: null };
  const queue: LocalAppCommand[] = [];
  // Checks in a row that did not find the app running: a crash loop is retried ever less often.
  let failures = 0;
  setHandler(localAppCommandSignal, (command) => void queue.push(command));
  setHandler(localAppStatusQuery, () => status);

  if (!input.carry) {
    const { deploymentId } = await book.loadLocalApp({ projectId });
    status = { ...status, deploymentId };
  }

  for (let ticks = 0; ; ) {
    while (queue.length) {
      const command = queue.shift()!;
      failures = 0;
      if (command.kind === 'serve') {
        await book.serveLocalApp({ projectId, deploymentId: command.deploymentId });
        status = { deploymentId: command.deploymentId, state: 'starting', restarts: 0, lastError: null };
      } else if (command.kind === 'stop' && status.deploymentId && status.state !== 'stopped') {
        await book.stopLocalApp({ projectId, deploymentId: status.deploymentId });
        status = { ...status, state: 'stopped' };
      } else if (command.kind === 'start' && status.state === 'stopped') {
        status = { ...status, state: 'starting' };
      } else if (command.kind === 'delete') {
        await book.deleteLocalApp({ projectId, deploymentId: status.deploymentId });
        status = { ...status, deploymentId: null, state: 'deleted' };
      }
    }
    if (!status.deploymentId) {
      // Nothing to serve (deleted, or started by a command for a project without a live app): end once quiet.
      await condition(allHandlersFinished);
      if (!queue.length) return { ...status, state: 'deleted' };
      continue;
    }
    let settled = true;
    if (status.state !== 'stopped') {
      try {
        const check = await checks.ensureLocalApp({ projectId, deploymentId: status.deploymentId, restarts: status.restarts });
        if (check.gone) return { ...status, deploymentId: null, state: 'deleted' };
        settled = check.settled;
        failures = check.state === 'running' ? 0 : failures + 1;
        status = { ...status, state: check.state, restarts: status.restarts + (check.restarted ? 1 : 0), lastError: check.error ?? (check.state === 'running' ? null : status.lastError) };
      } catch (error) {
        // The platform itself failed (database, sandbox backend): the next tick tries again.
        failures += 1;
        status = { ...status, state: 'restarting', lastError: error instanceof ActivityFailure ? (error.cause?.message ?? error.message) : String(error) };
      }
    }
    ticks += 1;
    if (ticks >= timing.maxTicks || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (!queue.length) await continueAsNew<typeof localAppWorkflow>({ ...input, carry: status });
      continue;
    }
    const pause = failures ? Math.min(timing.tickMs * 2 ** Math.min(failures, 10), timing.maxBackoffMs) : timing.tickMs;
    await condition(() => queue.length > 0, settled ? pause : Math.min(timing.settleMs, pause));
  }
}
