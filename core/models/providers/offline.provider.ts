/**
 * The deterministic offline provider: with no key configured it drives agents through real tool calls from
 * built-in blueprints (offline/), so the platform's main job runs end to end with no network. Same request,
 * same response: no clock, no randomness, no I/O.
 */
import type { CallOptions, ChatMessage, ModelProvider, ModelRequest, ModelResponse } from '../model-types';
import { offlineReply } from '../offline/offline-reply';

/** The model name the catalog lists for this provider; any name given in the request is echoed back. */
export const OFFLINE_MODEL = 'offline-blueprint';

/**
 * Rough tokens for a text: the common chars/4 estimate, deterministic so usage and budgets are testable.
 * Input counts the messages (tool calls as JSON) and the offered tool specs, which vendors bill as input too.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function messageText(message: ChatMessage): string {
  if (message.role === 'assistant' && message.toolCalls?.length) return message.content + JSON.stringify(message.toolCalls);
  return message.content;
}

/** Text cut into word-sized deltas (whitespace kept), as a vendor stream would deliver it. */
export function textDeltas(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * Answers from the request alone: `agentRole` picks the role script (the architect's when absent), the first
 * user message the blueprint, earlier tool calls and results the next step. Structured output is the plan
 * (architect) or the role's report in the requested schema. Costs nothing and never throws a retryable error.
 */
export class OfflineProvider implements ModelProvider {
  readonly id = 'offline' as const;

  async generate(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
    options.signal?.throwIfAborted();
    const reply = offlineReply(request);
    let { text } = reply;
    let json = reply.json;
    let finishReason: ModelResponse['finishReason'] = reply.toolCalls.length > 0 ? 'tool_calls' : 'stop';
    // A text reply longer than maxOutputTokens is cut like a vendor would cut it; its JSON no longer parses.
    if (request.maxOutputTokens !== undefined && estimateTokens(text) > request.maxOutputTokens) {
      text = text.slice(0, request.maxOutputTokens * 4);
      json = undefined;
      finishReason = 'length';
    }
    if (options.onDelta) {
      for (const delta of textDeltas(text)) {
        options.signal?.throwIfAborted();
        options.onDelta(delta);
      }
    }
    const inputTokens = estimateTokens(
      request.messages.map(messageText).join('\n') + (request.tools?.length ? JSON.stringify(request.tools) : ''),
    );
    const outputTokens = estimateTokens(text + (reply.toolCalls.length > 0 ? JSON.stringify(reply.toolCalls) : ''));
    return {
      text,
      toolCalls: reply.toolCalls,
      ...(json !== undefined && { json }),
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      finishReason,
      model: request.model,
    };
  }
}
