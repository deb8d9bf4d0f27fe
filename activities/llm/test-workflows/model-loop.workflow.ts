/** A test-only workflow: calls a model until the budget stops it or `maxCalls` is reached. */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../..';
import type { CallModelInput, CallModelOutput } from '../llm.activities';
import { activityPresets, retryPolicies } from '../../../temporal.config';

const { callModel } = proxyActivities<Activities>({
  ...activityPresets.modelCall,
  // The production preset, with waits short enough for a test.
  retry: { ...retryPolicies.model, initialInterval: '100ms', maximumInterval: '500ms' },
});

export interface ModelLoopResult {
  outputs: CallModelOutput[];
  stoppedBy: { type: string; details: unknown[] } | null;
}

export async function modelLoopWorkflow(input: CallModelInput & { maxCalls: number }): Promise<ModelLoopResult> {
  const { maxCalls, ...call } = input;
  const outputs: CallModelOutput[] = [];
  for (let i = 0; i < maxCalls; i++) {
    try {
      outputs.push(await callModel(call));
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type)
        return { outputs, stoppedBy: { type: cause.type, details: [...(cause.details ?? [])] } };
      throw error;
    }
  }
  return { outputs, stoppedBy: null };
}
