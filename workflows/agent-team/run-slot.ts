/** The tier's concurrent agent runs, held by a team run from its first agent to its end. */
import { CancellationScope, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { activityPresets, agentRunLease } from '../../temporal.config';
import type { BuildWaitHolder } from '../../contracts/build-wait';

const leases = proxyActivities<Activities>(activityPresets.bookkeeping);

export interface RunSlot {
  /** Stops renewing and frees the slot (the run ended, however). */
  release(): Promise<void>;
  /** Stops renewing but keeps the slot: the run goes on in a fresh history, which takes it again. */
  handOver(): void;
}

/**
 * Waits until the project owner has a free agent-run slot (asking again after the refusal's retry-after, at
 * most every few seconds), then keeps the lease alive in the background. Taking it again is harmless: the
 * lease is keyed by the run, so a continued run simply extends its own.
 */
export async function takeRunSlot(
  ref: { projectId: string; runId: string },
  onWaiting: (refusal: { limit: number; holders?: BuildWaitHolder[] }) => void,
): Promise<RunSlot> {
  for (;;) {
    const answer = await leases.acquireAgentRunLease({ ref, ttlMs: agentRunLease.ttlMs });
    if (answer.granted) break;
    onWaiting(answer);
    await sleep(Math.min(Math.max(answer.retryAfterSeconds, 1), agentRunLease.maxWaitPollSeconds) * 1000);
  }
  const renewal = new CancellationScope();
  const renewing = renewal
    .run(async () => {
      for (;;) {
        await sleep(agentRunLease.renewEvery);
        // An expired lease (a long outage) is taken again if a slot is free; a running team is never stopped.
        if (!(await leases.renewAgentRunLease({ ref, ttlMs: agentRunLease.ttlMs })))
          await leases.acquireAgentRunLease({ ref, ttlMs: agentRunLease.ttlMs });
      }
    })
    .catch(() => undefined);
  return {
    async release() {
      renewal.cancel();
      await renewing;
      await CancellationScope.nonCancellable(() => leases.releaseAgentRunLease({ ref }));
    },
    handOver() {
      renewal.cancel();
    },
  };
}
