/**
 * What the local provider sends its model thread and reads back, as plain data: the chat history in
 * node-llama-cpp's shape, the JSON schema its grammar is built from, and the mapping of the constrained reply
 * to text, JSON or tool calls. No node-llama-cpp at run time here (it lives on the model thread).
 */
import type { ChatMessage, FinishReason, JsonSchema, ModelRequest, ToolCall, ToolSpec } from '../../model-types';

/** node-llama-cpp's chat history items (ChatHistoryItem), the subset we send. */
export type LocalHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: string[] };

/** How a reply is constrained: free text, JSON for `responseFormat`, or the tool-or-answer JSON. */
export type LocalReplyMode = 'text' | 'json' | 'tools';

/** One call as the model thread runs it. */
export interface LocalPlan {
  history: LocalHistoryItem[];
  /** A JSON schema in node-llama-cpp's grammar subset (see {@link toGrammarSchema}); null: free text. */
  grammar: JsonSchema | null;
  mode: LocalReplyMode;
  maxTokens?: number;
  temperature?: number;
}

/** Whether the request's tools constrain the reply (tools given and not `toolChoice: 'none'`). */
export function offersTools(request: ModelRequest): boolean {
  return Boolean(request.tools?.length) && request.toolChoice !== 'none';
}

export function planOf(request: ModelRequest): LocalPlan {
  const tools = offersTools(request) ? toolsOffered(request) : [];
  const mode: LocalReplyMode = tools.length ? 'tools' : request.responseFormat ? 'json' : 'text';
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  if (mode === 'tools') system.push(toolInstructions(tools, answerAllowed(request)));
  if (mode === 'json') system.push(`Reply with JSON only, matching this schema: ${JSON.stringify(request.responseFormat!.schema)}`);
  const history: LocalHistoryItem[] = [];
  if (system.length) history.push({ type: 'system', text: system.join('\n\n') });
  for (const m of request.messages) {
    if (m.role === 'system') continue;
    const item = historyItemOf(m);
    const last = history[history.length - 1];
    // Chat templates expect turns to alternate: consecutive user-side texts (tool results) become one turn.
    if (item.type === 'user' && last?.type === 'user') last.text += `\n\n${item.text}`;
    else if (item.type === 'model' && last?.type === 'model') last.response.push(...item.response);
    else history.push(item);
  }
  history.push({ type: 'model', response: [] });
  const grammar =
    mode === 'tools' ? toolGrammar(tools, answerAllowed(request)) : mode === 'json' ? toGrammarSchema(request.responseFormat!.schema) : null;
  return { history, grammar, mode, maxTokens: request.maxOutputTokens, temperature: request.temperature };
}

function toolsOffered(request: ModelRequest): ToolSpec[] {
  const tools = request.tools ?? [];
  const choice = request.toolChoice;
  return typeof choice === 'object' ? tools.filter((t) => t.name === choice.name) : tools;
}

/** `auto` (or unset) lets the model answer in text; `required` and a named tool do not. */
function answerAllowed(request: ModelRequest): boolean {
  return request.toolChoice === undefined || request.toolChoice === 'auto';
}

function historyItemOf(m: Exclude<ChatMessage, { role: 'system' }>): LocalHistoryItem {
  switch (m.role) {
    case 'user':
      return { type: 'user', text: m.content };
    case 'assistant': {
      // A past tool call is shown as the JSON the grammar made the model write, so it reads its own habit back.
      const calls = (m.toolCalls ?? []).map((c) => JSON.stringify({ tool: c.name, arguments: c.arguments }));
      return { type: 'model', response: [m.content, ...calls].filter(Boolean) };
    }
    case 'tool':
      return { type: 'user', text: `Result of the tool ${m.name}:\n${m.content}` };
  }
}

function toolInstructions(tools: ToolSpec[], answer: boolean): string {
  const lines = [
    'You can use tools. To call one, reply with JSON only: {"tool": "<name>", "arguments": {...}}.',
    answer ? 'To answer without a tool, reply with JSON only: {"answer": "<your answer>"}.' : 'You must call one of the tools now.',
    'Tools:',
    ...tools.map((t) => `- ${t.name}: ${t.description} Arguments: ${JSON.stringify(t.parameters)}`),
  ];
  return lines.join('\n');
}

/** One branch per tool (`tool` first, so the reply starts by naming it), plus the answer branch when allowed. */
export function toolGrammar(tools: ToolSpec[], answer: boolean): JsonSchema {
  const branches: JsonSchema[] = tools.map((t) => ({
    type: 'object',
    properties: { tool: { const: t.name }, arguments: toGrammarSchema(t.parameters) },
    required: ['tool', 'arguments'],
  }));
  if (answer) branches.push({ type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] });
  return branches.length === 1 ? branches[0]! : { oneOf: branches };
}

const SIMPLE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);
/** Any JSON value, for schemas that do not say (the grammar subset has no "anything"). */
const ANY_VALUE: JsonSchema = {
  oneOf: [{ type: ['string', 'number', 'boolean', 'null'] }, { type: 'object', additionalProperties: true }, { type: 'array' }],
};

/**
 * A JSON schema narrowed to what node-llama-cpp's grammar accepts (GbnfJsonSchema): `anyOf` becomes `oneOf`,
 * keywords it does not know (patterns, bounds, formats other than dates) are dropped. The grammar may thus
 * accept values the full schema refuses; the JSON is validated against the full schema afterwards.
 */
export function toGrammarSchema(schema: unknown): JsonSchema {
  if (schema === true || schema === undefined || schema === null || typeof schema !== 'object') return ANY_VALUE;
  const s = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (s.$defs && typeof s.$defs === 'object')
    out.$defs = Object.fromEntries(Object.entries(s.$defs as Record<string, unknown>).map(([k, v]) => [k, toGrammarSchema(v)]));
  if (typeof s.$ref === 'string') return { ...out, $ref: s.$ref };
  if ('const' in s) return { ...out, const: s.const as never };
  if (Array.isArray(s.enum)) return { ...out, enum: s.enum };
  const union = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(union)) return { ...out, oneOf: union.map(toGrammarSchema) };
  const type = s.type;
  if (Array.isArray(type)) {
    const simple = type.filter((t): t is string => typeof t === 'string' && SIMPLE_TYPES.has(t));
    const complex = type.filter((t) => t === 'object' || t === 'array').map((t) => toGrammarSchema({ ...s, type: t }));
    if (!complex.length) return { ...out, type: simple };
    return { ...out, oneOf: [...(simple.length ? [{ type: simple }] : []), ...complex] };
  }
  if (type === 'object' || (type === undefined && s.properties)) {
    const properties = Object.fromEntries(
      Object.entries((s.properties ?? {}) as Record<string, unknown>).map(([k, v]) => [k, toGrammarSchema(v)]),
    );
    const obj: Record<string, unknown> = { ...out, type: 'object', properties };
    if (Array.isArray(s.required)) obj.required = s.required.filter((k) => typeof k === 'string' && k in properties);
    if (s.additionalProperties === true || (s.additionalProperties === undefined && !Object.keys(properties).length))
      obj.additionalProperties = true;
    else if (s.additionalProperties && typeof s.additionalProperties === 'object')
      obj.additionalProperties = toGrammarSchema(s.additionalProperties);
    for (const k of ['minProperties', 'maxProperties'] as const) if (typeof s[k] === 'number') obj[k] = s[k];
    return obj;
  }
  if (type === 'array') {
    const arr: Record<string, unknown> = { ...out, type: 'array' };
    if (s.items !== undefined && typeof s.items === 'object') arr.items = toGrammarSchema(s.items);
    if (Array.isArray(s.prefixItems)) arr.prefixItems = s.prefixItems.map(toGrammarSchema);
    for (const k of ['minItems', 'maxItems'] as const) if (typeof s[k] === 'number') arr[k] = s[k];
    return arr;
  }
  if (type === 'string') {
    const str: Record<string, unknown> = { ...out, type: 'string' };
    if (s.format === 'date-time' || s.format === 'date' || s.format === 'time') str.format = s.format;
    else for (const k of ['minLength', 'maxLength'] as const) if (typeof s[k] === 'number') str[k] = s[k];
    return str;
  }
  if (typeof type === 'string' && SIMPLE_TYPES.has(type)) return { ...out, type };
  return ANY_VALUE;
}

/** The reply of a `tools` call: tool calls, or the answer's text. */
export interface ToolReply {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
}

/**
 * Reads the tool-or-answer JSON. A reply cut at the token limit keeps what can be read of its answer; one that
 * cannot be read at all returns null (the caller reports a bad reply).
 */
export function readToolReply(raw: string, cut: boolean, nextId: () => string): ToolReply | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    if (!cut) return null;
    return { text: partialAnswer(raw) ?? '', toolCalls: [], finishReason: 'length' };
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { tool?: unknown; arguments?: unknown; answer?: unknown };
  if (typeof v.tool === 'string') {
    const args = v.arguments && typeof v.arguments === 'object' && !Array.isArray(v.arguments) ? (v.arguments as Record<string, unknown>) : {};
    return { text: '', toolCalls: [{ id: nextId(), name: v.tool, arguments: args }], finishReason: 'tool_calls' };
  }
  if (typeof v.answer === 'string') return { text: v.answer, toolCalls: [], finishReason: cut ? 'length' : 'stop' };
  return null;
}

const ANSWER_START = /^\s*\{\s*"answer"\s*:\s*"/;

/**
 * The answer's text so far while a tools reply streams (`{"answer": "…` decoded), or null while the reply is
 * not (yet) known to be an answer. Lets the answer stream to people as text rather than as JSON.
 */
export function partialAnswer(raw: string): string | null {
  const start = ANSWER_START.exec(raw);
  if (!start) return null;
  let out = '';
  const body = raw.slice(start[0].length);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return out;
    if (e === 'u') {
      const hex = body.slice(i + 2, i + 6);
      if (hex.length < 4) return out;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
    i += 1;
  }
  return out;
}
