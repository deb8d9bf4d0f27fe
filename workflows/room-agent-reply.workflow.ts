import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ErrorCode } from '../contracts/errors';
import type { AgentRole } from '../contracts/roles';
import { activityPresets } from '../temporal.config';
import { failureOf } from './agent-team/failure';
import { agentReplyRequest } from './room-agent-reply.prompt';

export interface RoomAgentReplyInput {
  roomId: string;
  /** The message that mentioned the agent. */
  questionId: string;
  role: AgentRole;
  /** Who asked: the call is metered and budgeted as theirs, on the room's project. */
  userId: string;
  projectId: string;
}

export interface RoomAgentReplyResult {
  /** The agent's message; null when the question was gone before the answer started. */
  replyId: string | null;
  status: 'complete' | 'failed' | 'skipped';
}

const { createAgentReply, completeAgentReply, failAgentReply } = proxyActivities<Activities>(activityPresets.bookkeeping);
const { callModel } = proxyActivities<Activities>(activityPresets.modelCall);

/** Why the agent could not answer, in words for the room (the model layer's business failures by their code). */
function unanswered(role: AgentRole, error: unknown): string {
  const reasons: Record<string, string> = {
    [ErrorCode.BUDGET_EXCEEDED]: 'the budget is spent',
    [ErrorCode.MODEL_NOT_AVAILABLE]: 'no model is available for this role',
    [ErrorCode.RATE_LIMIT_EXCEEDED]: 'too many requests right now; ask again in a minute',
    [ErrorCode.PROVIDER_ERROR]: 'the model refused the request',
    [ErrorCode.MODEL_FALLBACK_FAILED]: 'the model providers did not answer',
  };
  const { type } = failureOf(error);
  return `The ${role} could not answer: ${(type && reasons[type]) ?? 'something went wrong on our side'}.`;
}

/**
 * An agent's answer to an @mention in a room's chat (`workflowIds.roomAgentReply(questionId)`), when no task of
 * that role is running: an agent message appears at once (streaming), the model's text streams into it as
 * MESSAGE_STREAM events, and it completes with the whole text, or fails with a reason the room can read.
 */
export async function roomAgentReplyWorkflow(input: RoomAgentReplyInput): Promise<RoomAgentReplyResult> {
  const reply = await createAgentReply({ roomId: input.roomId, questionId: input.questionId, role: input.role });
  if (reply.kind === 'skip') return { replyId: reply.replyId, status: 'skipped' };
  const { replyId } = reply;
  try {
    const result = await callModel({
      userId: input.userId,
      projectId: input.projectId,
      role: input.role,
      request: agentReplyRequest(input.role, reply.question, reply.context),
      roomStream: { roomId: input.roomId, messageId: replyId },
    });
    const text = result.response.text.trim();
    if (!text) {
      await failAgentReply({ replyId, reason: `The ${input.role} had nothing to say to that.` });
      return { replyId, status: 'failed' };
    }
    await completeAgentReply({ replyId, text });
    return { replyId, status: 'complete' };
  } catch (error) {
    // A cancelled answer (the room deleted, an operator) must not stay "writing…" forever.
    const reason = isCancellation(error) ? `The ${input.role} stopped before answering.` : unanswered(input.role, error);
    await CancellationScope.nonCancellable(() => failAgentReply({ replyId, reason }));
    if (isCancellation(error)) throw error;
    return { replyId, status: 'failed' };
  }
}
