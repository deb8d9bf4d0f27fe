/**
 * The local provider against the real SmolLM2 135M GGUF (fetched by jest's global setup). A 135M model says
 * little of use: these tests check the mechanics (streaming, grammar-bound JSON, tools, cancellation, usage),
 * never the quality of what it says.
 */
import path from 'node:path';
import Ajv from 'ajv';
import { testEnv } from '../../../test/services';
import { localCatalogEntry, localModelOf, type LocalModelFile } from '../local-model';
import type { ModelRequest, ToolSpec } from '../model-types';
import { ProviderError } from '../provider.errors';
import { LocalProvider } from './local.provider';

// Generation shares two cores with everything else on the machine: generous, never asserted.
jest.setTimeout(600_000);

let file: LocalModelFile;
let provider: LocalProvider;

beforeAll(async () => {
  file = (await localModelOf({ ATELIER_LOCAL_MODEL: testEnv().localModel }, '/nonexistent'))!;
  provider = new LocalProvider({ path: file.path, contextSize: file.contextWindow, threads: 2, timeoutMs: 120_000 });
});
afterAll(() => provider.close());

const model = 'SmolLM2-135M-Instruct.Q4_1.gguf';
const ask = (text: string, extra: Partial<ModelRequest> = {}): ModelRequest => ({
  model,
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: text },
  ],
  maxOutputTokens: 24,
  temperature: 0,
  ...extra,
});

const readFile: ToolSpec = {
  name: 'read_file',
  description: 'Read a file of the project.',
  parameters: {
    type: 'object',
    // A bounded string keeps the tests' replies short whatever a 135M model makes of the question.
    properties: { path: { type: 'string', description: 'File path relative to the project root.', maxLength: 24 } },
    required: ['path'],
    additionalProperties: false,
  },
};
const listFiles: ToolSpec = {
  name: 'list_files',
  description: 'List the files of a folder.',
  parameters: { type: 'object', properties: { path: { type: 'string', maxLength: 24 } }, required: ['path'], additionalProperties: false },
};

test('localModelOf reads the context window from the GGUF header; the catalog entry is free and streams', () => {
  expect(file.id).toBe('local/SmolLM2-135M-Instruct.Q4_1.gguf');
  expect(file.contextWindow).toBe(8192);
  const entry = localCatalogEntry(file);
  expect(entry).toMatchObject({ provider: 'local', vendorModel: model, maxOutputTokens: 2048, streaming: true, functionCalling: true });
  expect(entry.pricing).toEqual({ inputPer1kUsd: 0, outputPer1kUsd: 0, inputPer1kInr: 0, outputPer1kInr: 0 });
});

test('localModelOf: off, a missing file, the default file in the tools folder', async () => {
  await expect(localModelOf({ ATELIER_LOCAL_MODEL: 'off' }, '/nonexistent')).resolves.toBeNull();
  await expect(localModelOf({}, '/nonexistent')).resolves.toBeNull();
  await expect(localModelOf({ ATELIER_LOCAL_MODEL: '/nonexistent/x.gguf' }, '/tmp')).rejects.toThrow('ATELIER_LOCAL_MODEL: no file at');
  await expect(localModelOf({ ATELIER_LOCAL_MODEL: __filename }, '/tmp')).rejects.toThrow('not a readable GGUF model');
  const toolsDir = path.resolve(testEnv().localModel, '..', '..');
  await expect(localModelOf({ ATELIER_LOCAL_MODEL_CONTEXT: 2048 }, toolsDir)).resolves.toEqual({ ...file, contextWindow: 2048 });
});

test('streams text in several deltas and counts real tokens', async () => {
  const deltas: string[] = [];
  const response = await provider.generate(ask('Name three colours.'), { onDelta: (t) => deltas.push(t) });
  expect(deltas.length).toBeGreaterThan(3);
  expect(deltas.join('')).toBe(response.text);
  expect(response.text.trim()).not.toBe('');
  expect(response.toolCalls).toEqual([]);
  expect(response.model).toBe(model);
  // The prompt is ~30 tokens in ChatML; the reply is cut at 24 or stops earlier.
  expect(response.usage.inputTokens).toBeGreaterThan(15);
  expect(response.usage.inputTokens).toBeLessThan(60);
  expect(response.usage.outputTokens).toBeGreaterThan(0);
  expect(response.usage.outputTokens).toBeLessThanOrEqual(24);
  expect(response.usage.totalTokens).toBe(response.usage.inputTokens + response.usage.outputTokens);
  expect(response.finishReason).toBe(response.usage.outputTokens === 24 ? 'length' : 'stop');
});

test('responseFormat: the reply is JSON that conforms to the schema', async () => {
  const schema = {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1, maxLength: 20 }, age: { type: 'integer' }, tags: { type: 'array', items: { enum: ['a', 'b'] } } },
    required: ['name', 'age', 'tags'],
    additionalProperties: false,
  };
  const response = await provider.generate(ask('Describe a person as JSON.', { responseFormat: { name: 'person', schema }, maxOutputTokens: 80 }));
  expect(response.finishReason).toBe('stop');
  const validate = new Ajv().compile(schema);
  expect(validate(response.json)).toBe(true);
  expect(JSON.parse(response.text)).toEqual(response.json);
});

test('tools: a required call comes back parsed; the tool result then gets a text answer', async () => {
  const request = ask('Show me the file src/app.ts.', { tools: [readFile, listFiles], toolChoice: 'required', maxOutputTokens: 60 });
  const first = await provider.generate(request);
  expect(first.finishReason).toBe('tool_calls');
  expect(first.text).toBe('');
  expect(first.toolCalls).toHaveLength(1);
  const [callMade] = first.toolCalls;
  expect(callMade!.id).toMatch(/^local_call_\d+$/);
  expect(['read_file', 'list_files']).toContain(callMade!.name);
  const spec = callMade!.name === 'read_file' ? readFile : listFiles;
  expect(new Ajv().compile(spec.parameters)(callMade!.arguments)).toBe(true);

  const deltas: string[] = [];
  const second = await provider.generate(
    {
      ...request,
      messages: [
        ...request.messages,
        { role: 'assistant', content: '', toolCalls: first.toolCalls },
        { role: 'tool', toolCallId: callMade!.id, name: callMade!.name, content: 'export const answer = 42;\n' },
        { role: 'user', content: 'Now answer in words, without a tool.' },
      ],
      tools: [readFile, listFiles],
      toolChoice: 'none',
    },
    { onDelta: (t) => deltas.push(t) },
  );
  expect(second.toolCalls).toEqual([]);
  expect(second.text.trim()).not.toBe('');
  expect(deltas.join('')).toBe(second.text);
});

test('tools with a named tool choice: only that tool; auto may answer, and an answer streams as text, not JSON', async () => {
  const named = await provider.generate(ask('List the files.', { tools: [readFile, listFiles], toolChoice: { name: 'list_files' }, maxOutputTokens: 60 }));
  expect(named.toolCalls.map((c) => c.name)).toEqual(['list_files']);

  const deltas: string[] = [];
  const auto = await provider.generate(ask('Say hello. Do not use a tool.', { tools: [readFile], toolChoice: 'auto', maxOutputTokens: 40 }), {
    onDelta: (t) => deltas.push(t),
  });
  if (auto.toolCalls.length) {
    expect(auto.finishReason).toBe('tool_calls');
    expect(deltas).toEqual([]);
  } else {
    expect(deltas.join('')).toBe(auto.text);
    expect(auto.text).not.toMatch(/^\s*\{/);
  }
});

test('cancel: aborting after the first delta rejects at once, and the provider serves the next call', async () => {
  const controller = new AbortController();
  let deltas = 0;
  const started = provider.generate(ask('Write a long story about a lighthouse.', { maxOutputTokens: 400 }), {
    signal: controller.signal,
    onDelta: () => {
      deltas += 1;
      if (deltas === 1) controller.abort();
    },
  });
  await expect(started).rejects.toMatchObject({ name: 'AbortError' });
  expect(deltas).toBeLessThan(5);
  const next = await provider.generate(ask('Say yes.', { maxOutputTokens: 4 }));
  expect(next.usage.outputTokens).toBeGreaterThan(0);
});

test('a timeout is a retryable ProviderError of kind timeout', async () => {
  const error = await provider.generate(ask('Write a long story.', { maxOutputTokens: 400 }), { timeoutMs: 300 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toMatchObject({ kind: 'timeout', provider: 'local', retryable: true });
});

test('concurrent calls beyond the sequences queue and all finish', async () => {
  const replies = await Promise.all([1, 2, 3].map((n) => provider.generate(ask(`Count to ${n}.`, { maxOutputTokens: 6 }))));
  for (const r of replies) expect(r.usage.outputTokens).toBeGreaterThan(0);
});

test('a prompt larger than the context is refused as an invalid request (no retry)', async () => {
  const small = new LocalProvider({ path: file.path, contextSize: 256, threads: 2, sequences: 1 });
  try {
    const error = await small.generate(ask('word '.repeat(400))).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid_request', retryable: false });
    expect((error as Error).message).toMatch(/the context holds 256/);
  } finally {
    await small.close();
  }
});

test('closing while the model loads rejects the call and leaves the process running', async () => {
  const fresh = new LocalProvider({ path: file.path, contextSize: 1024, threads: 2 });
  const rejected = expect(fresh.generate(ask('hi'))).rejects.toMatchObject({ kind: 'server', message: expect.stringContaining('closed') });
  await fresh.close();
  await rejected;
});

test('a file that is not a model fails as model_not_found (not retried)', async () => {
  const broken = new LocalProvider({ path: __filename, contextSize: 512, threads: 1 });
  try {
    await expect(broken.generate(ask('hi'))).rejects.toMatchObject({ kind: 'model_not_found', provider: 'local' });
  } finally {
    await broken.close();
  }
});
