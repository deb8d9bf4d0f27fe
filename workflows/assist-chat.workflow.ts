import { CancellationScope, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { ASSIST_LIMITS } from '../contracts/assist';
import { ErrorCode } from '../contracts/errors';
import { activityPresets } from '../temporal.config';
import type { ChatMessage } from '../core/models/model-types';
import { failureOf } from './agent-team/failure';

export interface AssistChatInput {
  /** The assistant message the answer is written into (`workflowIds.assistChat(replyId)`). */
  replyId: string;
}

export interface AssistChatResult {
  status: 'complete' | 'failed' | 'skipped';
  /** Tool calls the answer made before it answered. */
  toolCalls: number;
}

const { startChatReply, runChatTool, completeChatReply, failChatReply } = proxyActivities<Activities>(activityPresets.bookkeeping);
const { callModel } = proxyActivities<Activities>(activityPresets.modelCall);

/** The chat's read-only tools (activities/assist-chat/chat-tools.ts runs these and refuses any other). */
const CHAT_TOOLS = ['list_files', 'read_file', 'search'] as const;
const MAX_OUTPUT_TOKENS = 1_500;
const DROPPED = '[removed to fit the model’s window; call the tool again if you need it]';

/** Why there is no answer, in words for the chat (the model layer's business failures by their code). */
function unanswered(error: unknown): { code: string; message: string } {
  const reasons: Record<string, string> = {
    [ErrorCode.BUDGET_EXCEEDED]: 'the model budget is spent',
    [ErrorCode.MODEL_NOT_AVAILABLE]: 'no model is available for chat',
    [ErrorCode.RATE_LIMIT_EXCEEDED]: 'too many requests right now; ask again in a minute',
    [ErrorCode.PROVIDER_ERROR]: 'the model refused the request',
    [ErrorCode.MODEL_FALLBACK_FAILED]: 'the model providers did not answer',
  };
  const { type } = failureOf(error);
  const code = type && reasons[type] ? type : ErrorCode.INTERNAL_SERVER_ERROR;
  return { code, message: `No answer: ${reasons[code] ?? 'something went wrong on our side'}.` };
}

/** Shortens the oldest tool results until the conversation fits `chars` (the system prompt and question stay). */
function fit(messages: ChatMessage[], chars: number): ChatMessage[] {
  let size = messages.reduce((n, m) => n + m.content.length, 0);
  return messages.map((m) => {
    if (size <= chars || m.role !== 'tool' || m.content === DROPPED) return m;
    size -= m.content.length - DROPPED.length;
    return { ...m, content: DROPPED };
  });
}

/**
 * A project chat's answer (`workflowIds.assistChat(replyId)`): the model reads the project through list_files,
 * read_file and search for up to `chatToolRounds` rounds, each round's text streaming on the reply's own stream
 * (the next round replaces it), and the last round is offered no tool so it must answer. The reply ends complete
 * with the citations in its text, or failed with a reason; a cancelled answer (the thread cleared) fails too.
 */
export async function assistChatWorkflow({ replyId }: AssistChatInput): Promise<AssistChatResult> {
  const start = await startChatReply({ replyId });
  if (start.kind === 'skip') return { status: 'skipped', toolCalls: 0 };
  const { userId, projectId, contextChars } = start;
  let messages = start.messages;
  let toolCalls = 0;
  let model: string | null = null;
  try {
    for (let round = 0; ; round++) {
      const last = round === ASSIST_LIMITS.chatToolRounds - 1;
      const result = await callModel({
        userId,
        projectId,
        role: 'chat',
        toolNames: [...CHAT_TOOLS],
        request: { messages: fit(messages, contextChars), maxOutputTokens: MAX_OUTPUT_TOKENS, ...(last ? { toolChoice: 'none' as const } : {}) },
        assistStream: { streamId: replyId },
      });
      model = result.model;
      const calls = last ? [] : result.response.toolCalls;
      if (!calls.length) {
        const text = result.response.text.trim();
        if (!text) {
          await failChatReply({ replyId, code: ErrorCode.PROVIDER_ERROR, message: 'No answer: the model had nothing to say to that.', model });
          return { status: 'failed', toolCalls };
        }
        await completeChatReply({ replyId, text, model });
        return { status: 'complete', toolCalls };
      }
      messages = [...messages, { role: 'assistant', content: result.response.text, toolCalls: calls }];
      for (const [index, call] of calls.entries()) {
        const out = await runChatTool({ replyId, projectId, call, step: `${round}.${index}` });
        messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: out.isError ? `Error: ${out.content}` : out.content });
        toolCalls++;
      }
    }
  } catch (error) {
    const reason = isCancellation(error) ? { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'No answer: it was stopped; ask again.' } : unanswered(error);
    await CancellationScope.nonCancellable(() => failChatReply({ replyId, ...reason, model }));
    if (isCancellation(error)) throw error;
    return { status: 'failed', toolCalls };
  }
}
