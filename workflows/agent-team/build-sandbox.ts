/** The sandbox a team build works in, taken before the build starts: it waits while its owner's are all in use. */
import { CancellationScope, proxyActivities, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { activityPresets, buildSandboxWait } from '../../temporal.config';
import type { BuildWait } from '../../contracts/build-wait';

// Creating a local sandbox takes a moment, an E2B one up to a minute; it does not heartbeat.
const sandboxes = proxyActivities<Activities>({ ...activityPresets.bookkeeping, startToCloseTimeout: '5m' });

/**
 * Asks for the build's sandbox until one is free, calling `onWaiting` with each refusal (what is in use, by whom),
 * and sleeping on a durable timer between asks, so the wait survives a worker restart. Null where the worker has
 * no sandbox backend (agents then work without commands).
 */
export async function takeBuildSandbox(
  ref: { projectId: string; runId: string },
  onWaiting: (wait: BuildWait) => void,
): Promise<string | null> {
  for (;;) {
    const answer = await sandboxes.openBuildSandbox({ ref });
    if (!answer.wait) return answer.sandboxId;
    onWaiting(answer.wait);
    await sleep(buildSandboxWait.pollSeconds * 1000);
  }
}

/** Destroys the build's sandbox and every process in it; done also when the build is cancelled. */
export async function releaseBuildSandbox(sandboxId: string): Promise<void> {
  await CancellationScope.nonCancellable(() => sandboxes.destroySandbox({ sandboxId }));
}
