/**
 * The one interface every model vendor is called through. Adapters (providers/*.provider.ts) translate it
 * to each vendor's SDK; the gateway (model-gateway.ts) adds routing, fallback, breakers, budgets and metering.
 */

/**
 * Where a model is served from. `openai-compatible` is any endpoint speaking OpenAI's chat API by base URL; `local`
 * is a GGUF file run in-process by node-llama-cpp (ATELIER_LOCAL_MODEL), needing no key.
 */
export const PROVIDER_IDS = ['openai', 'anthropic', 'google', 'openai-compatible', 'local', 'offline'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** The agent roles live in contracts (the client shows them too); re-exported for the model layer's many users. */
import type { AgentRole } from '../../contracts/roles';
import type { AssistPurpose } from '../../contracts/assist';
export { AGENT_ROLES, type AgentRole } from '../../contracts/roles';
export { ASSIST_PURPOSES, type AssistPurpose } from '../../contracts/assist';

/** Whose model chain a call uses: an agent role, or an assist purpose (chat, assist, completion). */
export type ModelPurpose = AgentRole | AssistPurpose;

/** A JSON Schema object (draft 2020-12 subset the vendors accept). */
export type JsonSchema = Record<string, unknown>;

/** A tool the model may call. */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: JsonSchema;
}

/** One tool call the model asked for; `arguments` is already parsed from the vendor's JSON. */
export interface ToolCall {
  /** The vendor's call id (OpenAI `call_…`, Anthropic `toolu_…`); generated when the vendor has none (Google). */
  id: string;
  name: string;
  arguments: Record<string, unknown>;
  /**
   * Opaque vendor state that must travel back with this call when the conversation is sent again (Gemini's
   * `thoughtSignature`, required by Gemini 3 for function calling). Keep it as received; other vendors ignore it.
   */
  signature?: string;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

/** What one call asks of a model. */
export interface ModelRequest {
  /** The vendor's own model name (`gpt-4.1-mini`, `claude-sonnet-4-5`, `gemini-2.5-flash`, `llama3.1:8b`). */
  model: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** `auto` (default when tools are given), `required` (some tool), `none`, or one named tool. */
  toolChoice?: 'auto' | 'required' | 'none' | { name: string };
  /** Structured output: the reply text is JSON matching the schema, parsed into `ModelResponse.json`. */
  responseFormat?: { name: string; schema: JsonSchema };
  maxOutputTokens?: number;
  temperature?: number;
  /** The calling agent's role; vendors ignore it, the offline provider picks its script by it. */
  agentRole?: AgentRole;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** A whole reply, the same shape whichever vendor produced it. */
export interface ModelResponse {
  /** Concatenated text output ('' when the model only called tools). */
  text: string;
  toolCalls: ToolCall[];
  /** The parsed JSON when `responseFormat` was asked for. */
  json?: unknown;
  usage: TokenUsage;
  finishReason: FinishReason;
  /** The model name the vendor reported serving. */
  model: string;
}

export interface CallOptions {
  /** Aborts the HTTP request (activity cancellation, timeouts). */
  signal?: AbortSignal;
  /** Stream the reply; each text delta is passed here as it arrives. Without it the call is not streamed. */
  onDelta?: (text: string) => void;
  /** Per-call timeout in ms; a timeout is a retryable ProviderError of kind `timeout`. */
  timeoutMs?: number;
}

/** A vendor adapter. Adapters never retry (maxRetries 0 in each SDK): the gateway and Temporal own retries. */
export interface ModelProvider {
  readonly id: ProviderId;
  generate(request: ModelRequest, options?: CallOptions): Promise<ModelResponse>;
}
