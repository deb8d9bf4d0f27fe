import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type {
  CallOptions,
  ChatMessage,
  FinishReason,
  ModelProvider,
  ModelRequest,
  ModelResponse,
  TokenUsage,
  ToolCall,
} from '../model-types';
import { kindOfStatus, ProviderError, retryAfterMs, type ProviderErrorKind } from '../provider.errors';
import {
  badReply,
  type CallScope,
  errorMessage,
  estimatedUsage,
  parseStructuredOutput,
  parseToolArguments,
  usageOf,
  withCallScope,
} from './provider-support';

export interface OpenAIProviderOptions {
  /** `openai` for api.openai.com; `openai-compatible` for any server speaking the chat completions API by base URL. */
  id: 'openai' | 'openai-compatible';
  /** The key; OpenAI-compatible servers that check none (Ollama, vLLM, LM Studio, llama.cpp) may get ''. */
  apiKey: string;
  /** e.g. `http://127.0.0.1:11434/v1` (Ollama); required for `openai-compatible`. */
  baseURL?: string;
  /** Default per-call timeout (whole reply, stream included); CallOptions.timeoutMs overrides it. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** What the SDK needs as a key when the server takes none: it refuses to build a client without one. */
const NO_KEY = 'no-key';

/**
 * Chat completions through the `openai` SDK, for OpenAI itself and for OpenAI-compatible servers.
 *
 * Without `onDelta` the call is one JSON request; with it the reply is streamed (SSE, with
 * `stream_options.include_usage`), text deltas passed on as they arrive and tool-call argument fragments
 * put together by index. The SDK never retries (`maxRetries: 0`): the gateway and Temporal do.
 *
 * Usage: OpenAI reports it in both modes. Some OpenAI-compatible servers report none (or none when streaming);
 * the reply's usage is then an estimate of ~4 characters a token over the request and the reply, so budgets
 * and metering still move. `max_tokens` is sent to compatible servers (the field they all know) and
 * `max_completion_tokens` to OpenAI (whose reasoning models refuse `max_tokens`).
 */
export class OpenAIProvider implements ModelProvider {
  readonly id: 'openai' | 'openai-compatible';
  private readonly client: OpenAI;
  private readonly hasKey: boolean;
  private readonly timeoutMs?: number;

  constructor(options: OpenAIProviderOptions) {
    this.id = options.id;
    if (options.id === 'openai-compatible' && !options.baseURL) throw new Error('openai-compatible needs a baseURL');
    this.hasKey = options.apiKey !== '' || options.id === 'openai-compatible';
    this.timeoutMs = options.timeoutMs;
    this.client = new OpenAI({
      apiKey: options.apiKey || NO_KEY,
      baseURL: options.baseURL,
      // Explicit nulls: the SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID and send them anywhere.
      organization: null,
      project: null,
      maxRetries: 0,
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async generate(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
    if (!this.hasKey) throw new ProviderError('auth', this.id, request.model, `${this.id}: no API key configured`);
    const body = this.toBody(request);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return withCallScope(
      this.id,
      request.model,
      options.signal,
      timeoutMs,
      async (scope) => {
        const requestOptions = { signal: scope.signal, ...(timeoutMs ? { timeout: timeoutMs } : {}) };
        if (!options.onDelta) {
          const completion = await this.client.chat.completions.create({ ...body, stream: false }, requestOptions);
          return this.fromCompletion(request, completion);
        }
        const stream = await this.client.chat.completions.create(
          { ...body, stream: true, stream_options: { include_usage: true } },
          requestOptions,
        );
        return this.fromStream(request, stream, options.onDelta, scope);
      },
      (error) => this.toProviderError(error, request.model),
    );
  }

  private toBody(request: ModelRequest): ChatCompletionCreateParamsBase {
    const body: ChatCompletionCreateParamsBase = { model: request.model, messages: request.messages.map(toOpenAIMessage) };
    if (request.tools?.length) {
      body.tools = request.tools.map((t) => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: t.parameters },
      }));
      if (request.toolChoice) body.tool_choice = toolChoice(request.toolChoice);
    }
    if (request.responseFormat) {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: request.responseFormat.name, schema: request.responseFormat.schema, strict: true },
      };
    }
    if (request.maxOutputTokens !== undefined) {
      if (this.id === 'openai') body.max_completion_tokens = request.maxOutputTokens;
      else body.max_tokens = request.maxOutputTokens;
    }
    if (request.temperature !== undefined) body.temperature = request.temperature;
    return body;
  }

  private fromCompletion(request: ModelRequest, completion: ChatCompletion): ModelResponse {
    const choice = completion.choices[0];
    if (!choice) throw badReply(this.id, request.model, 'reply has no choices');
    const message = choice.message;
    const toolCalls: ToolCall[] = [];
    for (const call of message.tool_calls ?? []) {
      if (call.type !== 'function') continue;
      toolCalls.push({
        id: call.id,
        name: call.function.name,
        arguments: parseToolArguments(this.id, request.model, call.function.name, call.function.arguments),
      });
    }
    const text = message.content ?? message.refusal ?? '';
    const finishReason =
      message.refusal && !message.content ? 'content_filter' : finishReasonOf(choice.finish_reason, toolCalls.length > 0);
    const usage = completion.usage ? usageFrom(completion.usage) : estimatedUsage(request, text, toolCalls);
    return this.response(request, text, toolCalls, usage, finishReason, completion.model);
  }

  private async fromStream(
    request: ModelRequest,
    stream: AsyncIterable<ChatCompletionChunk>,
    onDelta: (text: string) => void,
    scope: CallScope,
  ): Promise<ModelResponse> {
    let text = '';
    let refusal = '';
    let model = request.model;
    let finish: ChatCompletionChunk.Choice['finish_reason'] = null;
    let usage: TokenUsage | undefined;
    const calls = new Map<number, { id: string; name: string; arguments: string }>();
    for await (const chunk of stream) {
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = usageFrom(chunk.usage);
      const choice = chunk.choices[0];
      if (!choice) continue;
      const delta = choice.delta;
      if (delta.content) {
        text += delta.content;
        onDelta(delta.content);
      }
      if (delta.refusal) refusal += delta.refusal;
      delta.tool_calls?.forEach((d, position) => {
        // Some compatible servers omit `index` when they send each call whole.
        const index = d.index ?? position;
        const call = calls.get(index) ?? { id: '', name: '', arguments: '' };
        if (d.id) call.id = d.id;
        if (d.function?.name && !call.name) call.name = d.function.name;
        if (d.function?.arguments) call.arguments += d.function.arguments;
        calls.set(index, call);
      });
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    scope.throwIfEnded(this.id, request.model);
    if (!finish) throw badReply(this.id, request.model, 'stream ended before the reply finished', 'network');
    const toolCalls: ToolCall[] = [...calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, c]) => ({
        id: c.id || `call_${index}`,
        name: c.name,
        arguments: parseToolArguments(this.id, request.model, c.name, c.arguments),
      }));
    if (!text && refusal) text = refusal;
    const finishReason = refusal && text === refusal ? 'content_filter' : finishReasonOf(finish, toolCalls.length > 0);
    return this.response(request, text, toolCalls, usage ?? estimatedUsage(request, text, toolCalls), finishReason, model);
  }

  private response(
    request: ModelRequest,
    text: string,
    toolCalls: ToolCall[],
    usage: TokenUsage,
    finishReason: FinishReason,
    model: string,
  ): ModelResponse {
    const response: ModelResponse = { text, toolCalls, usage, finishReason, model };
    if (request.responseFormat && toolCalls.length === 0)
      response.json = parseStructuredOutput(this.id, request.model, text, finishReason, request.responseFormat.schema);
    return response;
  }

  /** Every SDK failure as a ProviderError (cancellation and our deadline are sorted out before this). */
  private toProviderError(error: unknown, model: string): unknown {
    if (error instanceof ProviderError) return error;
    if (error instanceof OpenAI.APIConnectionTimeoutError)
      return new ProviderError('timeout', this.id, model, error.message, undefined, undefined, { cause: error });
    if (error instanceof OpenAI.APIUserAbortError)
      return new ProviderError('timeout', this.id, model, error.message, undefined, undefined, { cause: error });
    if (error instanceof OpenAI.APIConnectionError)
      return new ProviderError('network', this.id, model, `${error.message} ${errorMessage(error.cause)}`, undefined, undefined, {
        cause: error,
      });
    if (error instanceof OpenAI.APIError) {
      // No status: an error object sent inside a stream that had already started.
      const kind: ProviderErrorKind =
        error.status === undefined ? 'server' : contentFiltered(error) ? 'content_filter' : kindOfStatus(error.status);
      return new ProviderError(kind, this.id, model, error.message, error.status, retryAfterMs(error.headers), { cause: error });
    }
    if (error instanceof SyntaxError)
      return new ProviderError('server', this.id, model, `unreadable reply: ${error.message}`, undefined, undefined, { cause: error });
    return new ProviderError('network', this.id, model, errorMessage(error), undefined, undefined, { cause: error });
  }
}

function toOpenAIMessage(m: ChatMessage): ChatCompletionMessageParam {
  switch (m.role) {
    case 'system':
      return { role: 'system', content: m.content };
    case 'user':
      return { role: 'user', content: m.content };
    case 'assistant':
      if (!m.toolCalls?.length) return { role: 'assistant', content: m.content };
      return {
        role: 'assistant',
        content: m.content || null,
        tool_calls: m.toolCalls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.arguments) },
        })),
      };
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
  }
}

function toolChoice(choice: NonNullable<ModelRequest['toolChoice']>): ChatCompletionToolChoiceOption {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function finishReasonOf(reason: string | null | undefined, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  switch (reason) {
    case 'length':
      return 'length';
    case 'content_filter':
      return 'content_filter';
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    default:
      return 'stop';
  }
}

function usageFrom(usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number }): TokenUsage {
  return usageOf(usage.prompt_tokens ?? 0, usage.completion_tokens ?? 0, usage.total_tokens);
}

/** Azure OpenAI and OpenAI moderation refusals arrive as 400s with these codes. */
function contentFiltered(error: InstanceType<typeof OpenAI.APIError>): boolean {
  return error.status === 400 && (error.code === 'content_filter' || error.code === 'content_policy_violation');
}
