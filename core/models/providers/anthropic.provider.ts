import Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlockParam,
  Message,
  MessageCreateParamsBase,
  MessageParam,
  RawMessageStreamEvent,
  StopReason,
  Tool,
  ToolChoice,
} from '@anthropic-ai/sdk/resources/messages';
import type { CallOptions, FinishReason, ModelProvider, ModelRequest, ModelResponse, TokenUsage, ToolCall } from '../model-types';
import { kindOfStatus, ProviderError, retryAfterMs, type ProviderErrorKind } from '../provider.errors';
import {
  badReply,
  type CallScope,
  checkStructuredOutput,
  errorMessage,
  parseToolArguments,
  usageOf,
  withCallScope,
} from './provider-support';

export interface AnthropicProviderOptions {
  apiKey: string;
  /** e.g. a proxy; the SDK appends `/v1/messages`. */
  baseURL?: string;
  /** Default per-call timeout (whole reply, stream included); CallOptions.timeoutMs overrides it. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** Anthropic requires `max_tokens`; this is used when the request sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;
/** The SDK's own default; passing it explicitly keeps the SDK from refusing large non-streamed `max_tokens`. */
const SDK_TIMEOUT_MS = 10 * 60_000;

/**
 * The Messages API through `@anthropic-ai/sdk`, never retrying (`maxRetries: 0`).
 *
 * Translation: system messages (wherever they are) are joined into `system`; assistant tool calls become
 * `tool_use` blocks; tool results become `tool_result` blocks in a user message; consecutive messages of one
 * role are merged, as Anthropic requires alternating turns. `max_tokens` defaults to 4096.
 *
 * Structured output is a forced tool: a tool named after the format, whose `input_schema` is the schema, with
 * `tool_choice` set to it (when the request has tools of its own, the model may call those or answer through the
 * format tool). Its input comes back as `json` and, stringified, as `text`; it is never reported as a tool call.
 * (The API also has `output_config.format`, but not every model accepts it; a forced tool works on all of them.)
 *
 * Streamed with a response format, the answer reaches `onDelta` once, whole, when it is complete.
 *
 * Usage: input is `input_tokens` plus cache writes and reads, so it counts everything the model read.
 * `temperature` is not sent: SDK 1.x (API version 2026-10-21) no longer has the parameter.
 */
export class AnthropicProvider implements ModelProvider {
  readonly id = 'anthropic' as const;
  private readonly client: Anthropic;
  private readonly hasKey: boolean;
  private readonly timeoutMs?: number;

  constructor(options: AnthropicProviderOptions) {
    this.hasKey = options.apiKey !== '';
    this.timeoutMs = options.timeoutMs;
    this.client = new Anthropic({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 0,
      timeout: options.timeoutMs ?? SDK_TIMEOUT_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async generate(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
    if (!this.hasKey) throw new ProviderError('auth', this.id, request.model, 'anthropic: no API key configured');
    const body = toBody(request);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return withCallScope(
      this.id,
      request.model,
      options.signal,
      timeoutMs,
      async (scope) => {
        const requestOptions = { signal: scope.signal, timeout: timeoutMs ?? SDK_TIMEOUT_MS };
        if (!options.onDelta) {
          const message = await this.client.messages.create({ ...body, stream: false }, requestOptions);
          return this.fromMessage(request, message);
        }
        const stream = await this.client.messages.create({ ...body, stream: true }, requestOptions);
        return this.fromMessage(request, await this.collect(request, stream, options.onDelta, scope), options.onDelta);
      },
      (error) => this.toProviderError(error, request.model),
    );
  }

  /** Puts a streamed reply back together as the Message a non-streamed call returns, passing text deltas on. */
  private async collect(
    request: ModelRequest,
    stream: AsyncIterable<RawMessageStreamEvent>,
    onDelta: (text: string) => void,
    scope: CallScope,
  ): Promise<Message> {
    let message: Message | undefined;
    const partialJson = new Map<number, string>();
    let stopped = false;
    for await (const event of stream) {
      switch (event.type) {
        case 'message_start':
          message = { ...event.message, content: [] };
          break;
        case 'content_block_start':
          if (!message) break;
          message.content[event.index] = { ...event.content_block };
          if (event.content_block.type === 'tool_use') partialJson.set(event.index, '');
          break;
        case 'content_block_delta': {
          const block = message?.content[event.index];
          if (!block) break;
          if (event.delta.type === 'text_delta' && block.type === 'text') {
            block.text += event.delta.text;
            // With a response format the answer is the format tool's input: passed on once, at the end.
            if (!request.responseFormat) onDelta(event.delta.text);
          } else if (event.delta.type === 'input_json_delta') {
            partialJson.set(event.index, (partialJson.get(event.index) ?? '') + event.delta.partial_json);
          }
          break;
        }
        case 'content_block_stop': {
          const block = message?.content[event.index];
          if (block?.type === 'tool_use')
            block.input = parseToolArguments(this.id, request.model, block.name, partialJson.get(event.index) ?? '');
          break;
        }
        case 'message_delta':
          if (!message) break;
          message.stop_reason = event.delta.stop_reason;
          message.stop_sequence = event.delta.stop_sequence;
          // Cumulative counts; input and cache counts appear here only in newer API versions.
          message.usage = {
            ...message.usage,
            output_tokens: event.usage.output_tokens,
            ...(event.usage.input_tokens != null ? { input_tokens: event.usage.input_tokens } : {}),
            ...(event.usage.cache_creation_input_tokens != null
              ? { cache_creation_input_tokens: event.usage.cache_creation_input_tokens }
              : {}),
            ...(event.usage.cache_read_input_tokens != null ? { cache_read_input_tokens: event.usage.cache_read_input_tokens } : {}),
          };
          break;
        case 'message_stop':
          stopped = true;
          break;
      }
    }
    scope.throwIfEnded(this.id, request.model);
    if (!message || !stopped) throw badReply(this.id, request.model, 'stream ended before message_stop', 'network');
    message.content = message.content.filter(Boolean);
    return message;
  }

  private fromMessage(request: ModelRequest, message: Message, onDelta?: (text: string) => void): ModelResponse {
    const format = request.responseFormat;
    let text = '';
    let json: unknown;
    let answeredByFormat = false;
    const toolCalls: ToolCall[] = [];
    for (const block of message.content) {
      if (block.type === 'text') text += block.text;
      else if (block.type === 'tool_use' && format !== undefined && block.name === format.name) {
        json = checkStructuredOutput(this.id, request.model, block.input, format.schema);
        answeredByFormat = true;
      } else if (block.type === 'tool_use') {
        toolCalls.push({ id: block.id, name: block.name, arguments: toArguments(block.input) });
      }
    }
    // The format tool's input is the answer; any preamble text before it is not.
    if (answeredByFormat) text = JSON.stringify(json);
    if (request.responseFormat && text) onDelta?.(text);
    const response: ModelResponse = {
      text,
      toolCalls,
      usage: usageFrom(message.usage),
      finishReason: finishReasonOf(message.stop_reason, toolCalls.length > 0),
      model: message.model,
    };
    if (answeredByFormat) response.json = json;
    return response;
  }

  /** Every SDK failure as a ProviderError (cancellation and our deadline are sorted out before this). */
  private toProviderError(error: unknown, model: string): unknown {
    if (error instanceof ProviderError) return error;
    if (error instanceof Anthropic.APIConnectionTimeoutError || error instanceof Anthropic.APIUserAbortError) {
      return new ProviderError('timeout', this.id, model, error.message, undefined, undefined, { cause: error });
    }
    if (error instanceof Anthropic.APIConnectionError) {
      return new ProviderError('network', this.id, model, `${error.message} ${errorMessage(error.cause)}`, undefined, undefined, {
        cause: error,
      });
    }
    if (error instanceof Anthropic.APIError) {
      // No status: an `event: error` inside a stream that had already started; its type says what happened.
      const kind = error.status === undefined ? kindOfErrorType(error.type) : kindOfStatus(error.status);
      return new ProviderError(kind, this.id, model, error.message, error.status, retryAfterMs(error.headers), { cause: error });
    }
    if (error instanceof SyntaxError)
      return new ProviderError('server', this.id, model, `unreadable reply: ${error.message}`, undefined, undefined, { cause: error });
    return new ProviderError('network', this.id, model, errorMessage(error), undefined, undefined, { cause: error });
  }
}

function toBody(request: ModelRequest): MessageCreateParamsBase {
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const body: MessageCreateParamsBase = {
    model: request.model,
    max_tokens: request.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    messages: toAnthropicMessages(request),
  };
  if (system.length) body.system = system.join('\n\n');
  const tools: Tool[] = (request.tools ?? []).map((t) => ({
    name: t.name,
    description: t.description,
    input_schema: toInputSchema(t.parameters),
  }));
  const format = request.responseFormat;
  if (format) {
    tools.push({
      name: format.name,
      description: `Give your final answer by calling this tool: its input is the answer, matching the ${format.name} schema.`,
      input_schema: toInputSchema(format.schema),
    });
  }
  if (tools.length) body.tools = tools;
  const choice = toolChoiceOf(request);
  if (choice) body.tool_choice = choice;
  return body;
}

function toolChoiceOf(request: ModelRequest): ToolChoice | undefined {
  const { toolChoice, responseFormat } = request;
  const ownTools = (request.tools?.length ?? 0) > 0;
  if (responseFormat) {
    if (!ownTools || toolChoice === 'none') return { type: 'tool', name: responseFormat.name };
    if (typeof toolChoice === 'object') return { type: 'tool', name: toolChoice.name };
    return { type: 'any' }; // one of its tools, or the answer through the format tool
  }
  if (!ownTools || !toolChoice) return undefined;
  if (toolChoice === 'auto') return { type: 'auto' };
  if (toolChoice === 'required') return { type: 'any' };
  if (toolChoice === 'none') return { type: 'none' };
  return { type: 'tool', name: toolChoice.name };
}

/** Messages as Anthropic takes them: alternating roles, tool results as user content, no empty text blocks. */
function toAnthropicMessages(request: ModelRequest): MessageParam[] {
  const out: { role: 'user' | 'assistant'; content: ContentBlockParam[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: ContentBlockParam[]) => {
    if (!blocks.length) return;
    const last = out[out.length - 1];
    if (last?.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const m of request.messages) {
    switch (m.role) {
      case 'system':
        break;
      case 'user':
        push('user', m.content ? [{ type: 'text', text: m.content }] : []);
        break;
      case 'assistant':
        push('assistant', [
          ...(m.content ? [{ type: 'text' as const, text: m.content }] : []),
          ...(m.toolCalls ?? []).map((c) => ({ type: 'tool_use' as const, id: c.id, name: c.name, input: c.arguments })),
        ]);
        break;
      case 'tool':
        push('user', [{ type: 'tool_result', tool_use_id: m.toolCallId, content: m.content }]);
        break;
    }
  }
  return out;
}

function toInputSchema(schema: Record<string, unknown>): Tool.InputSchema {
  return { ...schema, type: 'object' };
}

function toArguments(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function finishReasonOf(reason: StopReason | null, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  switch (reason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    case 'tool_use': // only the format tool was called: the answer is complete
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
    default:
      return 'stop';
  }
}

function usageFrom(usage: Message['usage']): TokenUsage {
  const input = (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  return usageOf(input, usage.output_tokens ?? 0);
}

function kindOfErrorType(type: string | null): ProviderErrorKind {
  switch (type) {
    case 'overloaded_error':
      return 'overloaded';
    case 'rate_limit_error':
      return 'rate_limited';
    case 'timeout_error':
      return 'timeout';
    case 'authentication_error':
    case 'permission_error':
      return 'auth';
    case 'not_found_error':
      return 'model_not_found';
    case 'invalid_request_error':
    case 'request_too_large':
      return 'invalid_request';
    default:
      return 'server';
  }
}
