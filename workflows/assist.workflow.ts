import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorCode } from '../contracts/errors';
import { activityPresets } from '../temporal.config';
import { failureOf } from './agent-team/failure';

export interface AssistWorkflowInput {
  /** The `assist_requests` row: what was asked, on which text, by whom (`workflowIds.assist(requestId)`). */
  requestId: string;
}

export interface AssistWorkflowResult {
  status: 'ready' | 'failed' | 'cancelled';
}

const { loadAssistPrompt, storeAssistAnswer, finishAssist, failAssist, cancelAssistRequest } = proxyActivities<Activities>(activityPresets.bookkeeping);
const { callModel } = proxyActivities<Activities>(activityPresets.modelCall);
const { verifyAssistFix } = proxyActivities<Activities>(activityPresets.assistVerify);

/** Codes whose messages are written for people; anything else is reported without its internals. */
const READABLE: readonly string[] = [
  ErrorCode.BUDGET_EXCEEDED,
  ErrorCode.MODEL_NOT_AVAILABLE,
  ErrorCode.RATE_LIMIT_EXCEEDED,
  ErrorCode.PROVIDER_ERROR,
  ErrorCode.MODEL_FALLBACK_FAILED,
  ErrorCode.ASSIST_EMPTY_SELECTION,
  ErrorCode.NOT_FOUND,
  ErrorCode.FILE_BINARY,
];

/**
 * One editor action (explain, refactor, fix, tests, docs, new file): the prompt from the stored request, one
 * metered model call streaming `assist.delta` on the request's own stream, the answer and proposal stored, for a
 * fix with a command the proposal run in a sandbox, then ready. Nothing touches the project's files: the person
 * accepts or rejects the proposal in the editor. A failure is stored with its code and published as `assist.failed`;
 * a cancelled run marks the request cancelled.
 */
export async function assistWorkflow({ requestId }: AssistWorkflowInput): Promise<AssistWorkflowResult> {
  try {
    const prompt = await loadAssistPrompt({ requestId });
    if (!prompt) return { status: 'cancelled' };
    const result = await callModel({
      userId: prompt.userId,
      projectId: prompt.projectId,
      role: 'assist',
      request: prompt.request,
      assistStream: { streamId: requestId },
    });
    const stored = await storeAssistAnswer({
      requestId,
      text: result.response.text,
      model: result.model,
      usage: result.response.usage,
      costUsd: result.costUsd,
    });
    if (stored.kind === 'stopped') return { status: 'cancelled' };
    if (stored.kind === 'no_edit') {
      await failAssist({ requestId, code: ErrorCode.ASSIST_NO_EDIT, message: stored.message });
      return { status: 'failed' };
    }
    if (prompt.verifyCommand) await verifyAssistFix({ requestId });
    await finishAssist({ requestId });
    return { status: 'ready' };
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => cancelAssistRequest({ requestId }));
      throw error;
    }
    const { type, message } = failureOf(error);
    const readable = type !== undefined && READABLE.includes(type);
    await failAssist({
      requestId,
      code: type ?? ErrorCode.INTERNAL_SERVER_ERROR,
      message: readable ? message : 'Something went wrong on our side. Run the action again.',
    });
    return { status: 'failed' };
  }
}
