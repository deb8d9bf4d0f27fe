import type * as GenAI from '@google/genai' with { 'resolution-mode': 'import' };
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
import { kindOfStatus, ProviderError, type ProviderErrorKind } from '../provider.errors';
import { badReply, type CallScope, errorMessage, isAbortError, parseStructuredOutput, usageOf, withCallScope } from './provider-support';

// The package's typings are ESM-only (its "node" export has no CommonJS .d.ts) while its runtime has a CommonJS
// build, so the types come in as an ESM type import and the values through require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ApiError, FinishReason: GoogleFinishReason, FunctionCallingConfigMode, GoogleGenAI } = require('@google/genai') as typeof GenAI;
type GoogleFinishReason = GenAI.FinishReason;
type Content = GenAI.Content;
type GenerateContentConfig = GenAI.GenerateContentConfig;
type GenerateContentParameters = GenAI.GenerateContentParameters;
type GenerateContentResponse = GenAI.GenerateContentResponse;
type GenerateContentResponseUsageMetadata = GenAI.GenerateContentResponseUsageMetadata;
type Part = GenAI.Part;
type ToolConfig = GenAI.ToolConfig;

export interface GoogleProviderOptions {
  /** A Gemini API key (AI Studio), sent as `x-goog-api-key`. */
  apiKey: string;
  /** e.g. a proxy; the SDK appends `/v1beta/models/{model}:generateContent`. */
  baseURL?: string;
  /** Default per-call timeout (whole reply, stream included); CallOptions.timeoutMs overrides it. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * Google's documented stand-in for a missing `thoughtSignature` (calls that came from another vendor or from
 * history that lost it); Gemini 3 rejects a function-call turn without one.
 */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

/**
 * The Gemini API through `@google/genai` (`models.generateContent` / `generateContentStream`).
 *
 * The SDK retries only when `httpOptions.retryOptions` is set, which this adapter never does. Its automatic
 * continuation stays on: it follows server-issued continuation tokens of a long decode (one reply over several
 * requests), never a fresh attempt of a failed one.
 *
 * Translation: system messages go to `systemInstruction`, assistant turns are role `model`, tool calls are
 * `functionCall` parts (their `thoughtSignature` sent back from {@link ToolCall.signature}, or Google's
 * documented skip value when there is none), tool results are `functionResponse` parts `{ output }` in a user
 * turn, consecutive turns of one role are merged (parallel calls' results must share one turn). Gemini gives
 * calls no ids: they are `call_<n>`, n counting the calls in the reply. Tools are declared with
 * `parametersJsonSchema`, structured output with `responseMimeType: application/json` + `responseJsonSchema`.
 *
 * Errors: the SDK's ApiError carries the status but not the headers, so a rate limit's delay is read from the
 * `google.rpc.RetryInfo` detail of the error body, where Gemini puts it. An invalid key is a 400 from Gemini
 * (reason `API_KEY_INVALID`) and is reported as `auth`.
 */
export class GoogleProvider implements ModelProvider {
  readonly id = 'google' as const;
  private readonly ai: GenAI.GoogleGenAI;
  private readonly hasKey: boolean;
  private readonly timeoutMs?: number;

  constructor(options: GoogleProviderOptions) {
    this.hasKey = options.apiKey !== '';
    this.timeoutMs = options.timeoutMs;
    this.ai = new GoogleGenAI({
      vertexai: false, // not GOOGLE_GENAI_USE_VERTEXAI from the environment
      apiKey: options.apiKey || 'no-key', // never sent: generate() refuses without a key; this keeps the SDK quiet
      httpOptions: {
        ...(options.baseURL ? { baseUrl: options.baseURL } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
    });
  }

  async generate(request: ModelRequest, options: CallOptions = {}): Promise<ModelResponse> {
    if (!this.hasKey) throw new ProviderError('auth', this.id, request.model, 'google: no API key configured');
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    return withCallScope(
      this.id,
      request.model,
      options.signal,
      timeoutMs,
      async (scope) => {
        const params = toParams(request, scope.signal, timeoutMs);
        if (!options.onDelta) return this.fromResponse(request, await this.ai.models.generateContent(params));
        const stream = await this.ai.models.generateContentStream(params);
        return this.fromStream(request, stream, options.onDelta, scope);
      },
      (error) => this.toProviderError(error, request.model),
    );
  }

  private fromResponse(request: ModelRequest, response: GenerateContentResponse): ModelResponse {
    const candidate = this.firstCandidate(request, response);
    const reply = new ReplyParts(this.id, request.model);
    for (const part of candidate.content?.parts ?? []) reply.add(part);
    return reply.toResponse(request, candidate.finishReason, response.usageMetadata, response.modelVersion);
  }

  private async fromStream(
    request: ModelRequest,
    stream: AsyncIterable<GenerateContentResponse>,
    onDelta: (text: string) => void,
    scope: CallScope,
  ): Promise<ModelResponse> {
    const reply = new ReplyParts(this.id, request.model);
    let finishReason: GoogleFinishReason | undefined;
    let usage: GenerateContentResponseUsageMetadata | undefined;
    let modelVersion: string | undefined;
    for await (const chunk of stream) {
      if (chunk.usageMetadata) usage = chunk.usageMetadata; // running totals: the last one counts
      if (chunk.modelVersion) modelVersion = chunk.modelVersion;
      const candidate = chunk.candidates?.[0];
      if (!candidate) {
        if (chunk.promptFeedback?.blockReason) this.firstCandidate(request, chunk); // throws: the prompt was blocked
        continue; // e.g. a usage-only chunk
      }
      for (const part of candidate.content?.parts ?? []) {
        const text = reply.add(part);
        if (text) onDelta(text);
      }
      if (candidate.finishReason) finishReason = candidate.finishReason;
    }
    scope.throwIfEnded(this.id, request.model);
    if (!finishReason) throw badReply(this.id, request.model, 'stream ended before a finishReason', 'network');
    return reply.toResponse(request, finishReason, usage, modelVersion);
  }

  private firstCandidate(request: ModelRequest, response: GenerateContentResponse) {
    const candidate = response.candidates?.[0];
    if (candidate) return candidate;
    const blocked = response.promptFeedback?.blockReason;
    if (blocked) throw new ProviderError('content_filter', this.id, request.model, `google: prompt blocked (${blocked})`);
    throw badReply(this.id, request.model, 'reply has no candidates');
  }

  /** Every SDK failure as a ProviderError (cancellation and our deadline are sorted out before this). */
  private toProviderError(error: unknown, model: string): unknown {
    if (error instanceof ProviderError) return error;
    if (error instanceof ApiError) {
      const body = errorBody(error.message);
      const kind: ProviderErrorKind = body?.details?.some((d) => d.reason === 'API_KEY_INVALID') ? 'auth' : kindOfStatus(error.status);
      return new ProviderError(kind, this.id, model, error.message, error.status, retryDelayMs(body), { cause: error });
    }
    // The SDK's own `httpOptions.timeout` aborts without a reason: an AbortError we did not ask for.
    if (isAbortError(error))
      return new ProviderError('timeout', this.id, model, errorMessage(error), undefined, undefined, { cause: error });
    if (/exception parsing stream chunk/.test(errorMessage(error))) {
      return new ProviderError('server', this.id, model, errorMessage(error), undefined, undefined, { cause: error });
    }
    return new ProviderError(
      'network',
      this.id,
      model,
      `${errorMessage(error)} ${errorMessage((error as { cause?: unknown })?.cause ?? '')}`.trim(),
      undefined,
      undefined,
      {
        cause: error,
      },
    );
  }
}

/** Collects a reply's parts (whole or streamed): text (thoughts left out) and function calls. */
class ReplyParts {
  private text = '';
  private readonly calls: ToolCall[] = [];

  constructor(
    private readonly provider: 'google',
    private readonly model: string,
  ) {}

  /** Adds one part; returns its visible text, if any. */
  add(part: Part): string {
    if (part.functionCall) {
      const call: ToolCall = {
        id: part.functionCall.id || `call_${this.calls.length}`,
        name: part.functionCall.name ?? '',
        arguments: part.functionCall.args ?? {},
      };
      if (part.thoughtSignature) call.signature = part.thoughtSignature;
      this.calls.push(call);
      return '';
    }
    if (part.thought || !part.text) return '';
    this.text += part.text;
    return part.text;
  }

  toResponse(
    request: ModelRequest,
    reason: GoogleFinishReason | undefined,
    usage: GenerateContentResponseUsageMetadata | undefined,
    modelVersion: string | undefined,
  ): ModelResponse {
    const finishReason = finishReasonOf(this.provider, this.model, reason, this.calls.length > 0);
    const response: ModelResponse = {
      text: this.text,
      toolCalls: this.calls,
      usage: usageFrom(usage),
      finishReason,
      model: modelVersion ?? request.model,
    };
    if (request.responseFormat && this.calls.length === 0)
      response.json = parseStructuredOutput(this.provider, this.model, this.text, finishReason, request.responseFormat.schema);
    return response;
  }
}

function toParams(request: ModelRequest, signal: AbortSignal, timeoutMs: number | undefined): GenerateContentParameters {
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  const config: GenerateContentConfig = { abortSignal: signal };
  // Also sent to Google as X-Server-Timeout; our own deadline (CallScope) still covers the streamed body.
  if (timeoutMs) config.httpOptions = { timeout: timeoutMs };
  if (system.length) config.systemInstruction = { parts: [{ text: system.join('\n\n') }] };
  if (request.tools?.length) {
    config.tools = [
      {
        functionDeclarations: request.tools.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters })),
      },
    ];
    if (request.toolChoice) config.toolConfig = toolConfigOf(request.toolChoice);
  }
  if (request.responseFormat) {
    config.responseMimeType = 'application/json';
    config.responseJsonSchema = request.responseFormat.schema;
  }
  if (request.maxOutputTokens !== undefined) config.maxOutputTokens = request.maxOutputTokens;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  return { model: request.model, contents: toContents(request.messages), config };
}

function toolConfigOf(choice: NonNullable<ModelRequest['toolChoice']>): ToolConfig {
  if (choice === 'auto') return { functionCallingConfig: { mode: FunctionCallingConfigMode.AUTO } };
  if (choice === 'required') return { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } };
  if (choice === 'none') return { functionCallingConfig: { mode: FunctionCallingConfigMode.NONE } };
  return { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: [choice.name] } };
}

function toContents(messages: ChatMessage[]): Content[] {
  const out: Content[] = [];
  const push = (role: 'user' | 'model', parts: Part[]) => {
    if (!parts.length) return;
    const last = out[out.length - 1];
    if (last?.role === role) last.parts = [...(last.parts ?? []), ...parts];
    else out.push({ role, parts });
  };
  for (const m of messages) {
    switch (m.role) {
      case 'system':
        break;
      case 'user':
        push('user', m.content ? [{ text: m.content }] : []);
        break;
      case 'assistant': {
        const calls: Part[] = (m.toolCalls ?? []).map((c, i) => ({
          functionCall: { name: c.name, args: c.arguments },
          // Gemini 3 requires a signature on the first call of each step; later parallel calls carry none.
          ...(c.signature ? { thoughtSignature: c.signature } : i === 0 ? { thoughtSignature: SKIP_THOUGHT_SIGNATURE } : {}),
        }));
        push('model', [...(m.content ? [{ text: m.content }] : []), ...calls]);
        break;
      }
      case 'tool':
        push('user', [{ functionResponse: { name: m.name, response: { output: m.content } } }]);
        break;
    }
  }
  return out;
}

function finishReasonOf(provider: 'google', model: string, reason: GoogleFinishReason | undefined, hasToolCalls: boolean): FinishReason {
  switch (reason) {
    case GoogleFinishReason.MALFORMED_FUNCTION_CALL:
    case GoogleFinishReason.UNEXPECTED_TOOL_CALL:
    case GoogleFinishReason.TOO_MANY_TOOL_CALLS:
      throw badReply(provider, model, `the model's function call was rejected (${reason})`);
  }
  if (hasToolCalls) return 'tool_calls';
  switch (reason) {
    case GoogleFinishReason.MAX_TOKENS:
      return 'length';
    case GoogleFinishReason.SAFETY:
    case GoogleFinishReason.RECITATION:
    case GoogleFinishReason.LANGUAGE:
    case GoogleFinishReason.BLOCKLIST:
    case GoogleFinishReason.PROHIBITED_CONTENT:
    case GoogleFinishReason.SPII:
    case GoogleFinishReason.IMAGE_SAFETY:
    case GoogleFinishReason.IMAGE_PROHIBITED_CONTENT:
    case GoogleFinishReason.IMAGE_RECITATION:
      return 'content_filter';
    default:
      return 'stop';
  }
}

/** Thinking tokens are output (they are billed as output); tool-use prompt tokens are input. */
function usageFrom(usage: GenerateContentResponseUsageMetadata | undefined): TokenUsage {
  const input = (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0);
  const output = (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0);
  return usageOf(input, output, usage?.totalTokenCount);
}

interface GoogleErrorBody {
  code?: number;
  status?: string;
  message?: string;
  details?: { '@type'?: string; reason?: string; retryDelay?: string }[];
}

/** The `error` object of a Gemini error body; the SDK puts it, as JSON, into its ApiError's message. */
function errorBody(message: string): GoogleErrorBody | undefined {
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const parsed = JSON.parse(message.slice(start)) as { error?: GoogleErrorBody };
    return parsed.error;
  } catch {
    return undefined;
  }
}

/** `RetryInfo.retryDelay` is a protobuf Duration in JSON: `"37s"`, `"0.5s"`. */
function retryDelayMs(body: GoogleErrorBody | undefined): number | undefined {
  const delay = body?.details?.find((d) => d['@type']?.endsWith('google.rpc.RetryInfo'))?.retryDelay;
  const match = delay ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}
