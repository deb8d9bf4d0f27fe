import { CancellationScope, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { sandboxVerifyStateQuery, type SandboxVerifyState } from '../contracts/messages';
import { activityPresets } from '../temporal.config';

export interface SandboxVerifyInput {
  projectId: string;
  /** Who the sandbox counts against (the tier's sandbox limit). */
  ownerId: string;
  runtime: 'node' | 'python';
  /** Start the dev server after the tests pass. */
  preview: boolean;
  /** Overrides the preview command (default: the runtime's start script). */
  previewCommand?: string;
}

export type { SandboxVerifyPhase, SandboxVerifyState } from '../contracts/messages';

const bookkeeping = proxyActivities<Activities>(activityPresets.bookkeeping);
const steps = proxyActivities<Activities>(activityPresets.longStep);

/**
 * Puts a project's stored files into a sandbox, installs its dependencies, runs its tests and
 * (optionally) starts its preview. Every step is an activity that heartbeats, so a worker restart
 * resumes it on another worker; cancelling the workflow cancels the running step (which kills its
 * processes) and then stops everything else in the sandbox. The sandbox is kept for the preview and
 * the terminal; the idle reaper removes it later.
 */
export async function sandboxVerifyWorkflow(input: SandboxVerifyInput): Promise<SandboxVerifyState> {
  const state: SandboxVerifyState = { phase: 'creating', sandboxId: null, install: null, test: null, previewUrl: null };
  setHandler(sandboxVerifyStateQuery, () => state);
  try {
    const { sandboxId } = await bookkeeping.createSandbox({ projectId: input.projectId, ownerId: input.ownerId, runtime: input.runtime });
    state.sandboxId = sandboxId;
    state.phase = 'syncing';
    await steps.syncProjectFiles({ sandboxId, projectId: input.projectId });
    state.phase = 'installing';
    state.install = await steps.runSandboxStep({ sandboxId, step: 'install' });
    if (state.install.exitCode !== 0) return { ...state, phase: 'failed' };
    state.phase = 'testing';
    state.test = await steps.runSandboxStep({ sandboxId, step: 'test' });
    if (state.test.exitCode !== 0) return { ...state, phase: 'failed' };
    if (input.preview) {
      state.phase = 'previewing';
      state.previewUrl = (await steps.startSandboxPreview({ sandboxId, command: input.previewCommand })).previewUrl;
    }
    state.phase = 'done';
    return state;
  } catch (error) {
    if (isCancellation(error) && state.sandboxId) {
      state.phase = 'cancelled';
      const sandboxId = state.sandboxId;
      await CancellationScope.nonCancellable(() => bookkeeping.stopSandboxProcesses({ sandboxId }));
    }
    throw error;
  }
}
