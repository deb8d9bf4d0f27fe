/**
 * What the vendor adapters share: one deadline-and-cancellation scope per call, token estimates for servers
 * that report no usage, and parsing of the JSON a model returns (tool arguments, structured output).
 */
import type { ChatMessage, FinishReason, JsonSchema, ModelRequest, ProviderId, TokenUsage, ToolCall } from '../model-types';
import { checkSchema } from '../offline/json-schema';
import { ProviderError, type ProviderErrorKind } from '../provider.errors';

/**
 * The abort signal handed to an SDK for one call: the caller's signal plus our own deadline.
 *
 * Our deadline covers the whole call, streamed body included; the SDKs' own timeouts (OpenAI, Anthropic) stop
 * at the response headers. The SDKs also end a stream silently when its signal aborts, so after consuming a
 * stream an adapter calls {@link CallScope.throwIfEnded} to tell a cut-short reply from a finished one.
 */
export class CallScope {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer?: NodeJS.Timeout;
  private ended?: 'cancelled' | 'timed_out';
  private readonly onCallerAbort = () => this.end('cancelled');

  constructor(
    private readonly callerSignal: AbortSignal | undefined,
    readonly timeoutMs: number | undefined,
  ) {
    this.signal = this.controller.signal;
    if (callerSignal?.aborted) this.end('cancelled');
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs > 0 && !this.ended) this.timer = setTimeout(() => this.end('timed_out'), timeoutMs);
  }

  /** Whether the caller cancelled (checked before anything else: a cancellation is never reported as a failure). */
  get cancelled(): boolean {
    return this.ended === 'cancelled';
  }

  get timedOut(): boolean {
    return this.ended === 'timed_out';
  }

  /** The caller's abort reason, as-is (a DOMException named AbortError unless the caller gave its own reason). */
  cancellation(): unknown {
    return this.callerSignal?.reason ?? new DOMException('This operation was aborted', 'AbortError');
  }

  timeoutError(provider: ProviderId, model: string, cause?: unknown): ProviderError {
    return new ProviderError(
      'timeout',
      provider,
      model,
      `${provider}: no complete reply within ${this.timeoutMs} ms`,
      undefined,
      undefined,
      { cause },
    );
  }

  /** Throws when the call was cancelled or ran out of time (an SDK may have returned quietly instead of throwing). */
  throwIfEnded(provider: ProviderId, model: string): void {
    if (this.cancelled) throw this.cancellation();
    if (this.timedOut) throw this.timeoutError(provider, model);
  }

  /** What our own scope says a failure is, before any SDK-specific mapping; undefined when the scope is still live. */
  endedError(provider: ProviderId, model: string, cause: unknown): unknown {
    if (this.cancelled) return this.cancellation();
    if (this.timedOut)
      return cause instanceof ProviderError && cause.kind === 'timeout' ? cause : this.timeoutError(provider, model, cause);
    if (cause instanceof ProviderError) return cause;
    return undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }

  private end(how: 'cancelled' | 'timed_out'): void {
    if (this.ended) return;
    this.ended = how;
    if (this.timer) clearTimeout(this.timer);
    this.controller.abort(how === 'cancelled' ? this.cancellation() : new DOMException('Model call timed out', 'TimeoutError'));
  }
}

/** Runs `call` inside a {@link CallScope}; `fail` maps whatever the SDK threw (after the scope's own verdict). */
export async function withCallScope<T>(
  provider: ProviderId,
  model: string,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  call: (scope: CallScope) => Promise<T>,
  fail: (error: unknown, scope: CallScope) => unknown,
): Promise<T> {
  const scope = new CallScope(callerSignal, timeoutMs);
  try {
    scope.throwIfEnded(provider, model);
    const result = await call(scope);
    scope.throwIfEnded(provider, model);
    return result;
  } catch (error) {
    throw scope.endedError(provider, model, error) ?? fail(error, scope);
  } finally {
    scope.dispose();
  }
}

/** A name/kind check that also works across realms (jest's sandbox vs undici's DOMException). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure the adapter itself detects in a reply (cut-short stream, malformed JSON); retryable. */
export function badReply(provider: ProviderId, model: string, what: string, kind: ProviderErrorKind = 'server'): ProviderError {
  return new ProviderError(kind, provider, model, `${provider}: ${what}`);
}

/** ~4 characters a token: the estimate used when an OpenAI-compatible server reports no usage. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** Characters of everything the model reads in a request (messages, tool calls, tool schemas). */
export function requestChars(request: ModelRequest): number {
  let chars = 0;
  for (const m of request.messages) chars += messageChars(m);
  for (const t of request.tools ?? []) chars += t.name.length + t.description.length + JSON.stringify(t.parameters).length;
  if (request.responseFormat) chars += JSON.stringify(request.responseFormat.schema).length;
  return chars;
}

function messageChars(m: ChatMessage): number {
  let chars = m.content.length;
  if (m.role === 'assistant') for (const c of m.toolCalls ?? []) chars += c.name.length + JSON.stringify(c.arguments).length;
  return chars;
}

/** Usage estimated from characters, for replies without a usage block. */
export function estimatedUsage(request: ModelRequest, text: string, toolCalls: ToolCall[]): TokenUsage {
  const inputTokens = estimateTokens(requestChars(request));
  const outputChars = text.length + toolCalls.reduce((n, c) => n + c.name.length + JSON.stringify(c.arguments).length, 0);
  const outputTokens = estimateTokens(outputChars);
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}

export function usageOf(inputTokens: number, outputTokens: number, totalTokens?: number): TokenUsage {
  return { inputTokens, outputTokens, totalTokens: totalTokens ?? inputTokens + outputTokens };
}

/**
 * Tool arguments from the JSON string a vendor sends ('' means no arguments). Malformed JSON (a model slip, or
 * a reply cut at the token limit) is a retryable `server` error: another sample usually comes back well-formed.
 */
export function parseToolArguments(provider: ProviderId, model: string, name: string, json: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw badReply(provider, model, `malformed JSON arguments for tool ${name}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badReply(provider, model, `arguments for tool ${name} are not an object`);
  return value as Record<string, unknown>;
}

/**
 * The structured output in a reply's text, checked against the response format's schema. A reply stopped by the
 * token limit or a filter keeps `json` unset (its finish reason says why); any other unparsable or
 * non-conforming text is a retryable `server` error.
 */
export function parseStructuredOutput(
  provider: ProviderId,
  model: string,
  text: string,
  finishReason: FinishReason,
  schema?: JsonSchema,
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (finishReason === 'length' || finishReason === 'content_filter') return undefined;
    throw badReply(provider, model, 'reply is not the JSON the response format asked for');
  }
  return schema ? checkStructuredOutput(provider, model, json, schema) : json;
}

/** `json` when it matches the response format's schema; else a retryable `server` error naming the first mismatches. */
export function checkStructuredOutput(provider: ProviderId, model: string, json: unknown, schema: JsonSchema): unknown {
  const problems = checkSchema(json, schema);
  if (problems.length) throw badReply(provider, model, `reply does not match the response format: ${problems.slice(0, 3).join('; ')}`);
  return json;
}
