import { partialAnswer, planOf, readToolReply, toGrammarSchema, toolGrammar } from './local-prompt';
import type { ModelRequest, ToolSpec } from '../../model-types';

const tool: ToolSpec = { name: 'read_file', description: 'Read a file.', parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'], additionalProperties: false } };

test('the grammar schema keeps what the grammar knows and drops the rest', () => {
  expect(
    toGrammarSchema({
      type: 'object',
      properties: {
        a: { anyOf: [{ type: 'string', pattern: '^x' }, { type: 'integer', minimum: 2 }] },
        b: { type: ['string', 'null'] },
        c: { type: 'array', items: { enum: [1, 2] }, maxItems: 3 },
        d: {},
      },
      required: ['a', 'zz'],
    }),
  ).toEqual({
    type: 'object',
    properties: {
      a: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
      b: { type: ['string', 'null'] },
      c: { type: 'array', items: { enum: [1, 2] }, maxItems: 3 },
      d: expect.objectContaining({ oneOf: expect.any(Array) }),
    },
    required: ['a'],
  });
});

test('tools: one branch per tool, the answer branch only when the choice allows it', () => {
  expect(toolGrammar([tool], false)).toEqual({
    type: 'object',
    properties: { tool: { const: 'read_file' }, arguments: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } },
    required: ['tool', 'arguments'],
  });
  expect((toolGrammar([tool], true) as { oneOf: unknown[] }).oneOf).toHaveLength(2);
});

test('history: tool calls and results go back as text, consecutive user turns merge, the model turn is open', () => {
  const request: ModelRequest = {
    model: 'm',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Open a.ts' },
      { role: 'assistant', content: '', toolCalls: [{ id: 'local_call_1', name: 'read_file', arguments: { path: 'a.ts' } }] },
      { role: 'tool', toolCallId: 'local_call_1', name: 'read_file', content: 'x = 1' },
      { role: 'user', content: 'What is x?' },
    ],
    tools: [tool],
    toolChoice: 'none',
  };
  const plan = planOf(request);
  expect(plan.mode).toBe('text');
  expect(plan.grammar).toBeNull();
  expect(plan.history).toEqual([
    { type: 'system', text: 'Be brief.' },
    { type: 'user', text: 'Open a.ts' },
    { type: 'model', response: ['{"tool":"read_file","arguments":{"path":"a.ts"}}'] },
    { type: 'user', text: 'Result of the tool read_file:\nx = 1\n\nWhat is x?' },
    { type: 'model', response: [] },
  ]);
  const withTools = planOf({ ...request, toolChoice: 'required' });
  expect(withTools.mode).toBe('tools');
  expect(withTools.history[0]).toMatchObject({ type: 'system', text: expect.stringContaining('You must call one of the tools now.') });
});

test('reading a tools reply: a call, an answer, a cut answer, nonsense', () => {
  const id = () => 'local_call_7';
  expect(readToolReply('{"tool":"read_file","arguments":{"path":"a"}}', false, id)).toEqual({
    text: '',
    toolCalls: [{ id: 'local_call_7', name: 'read_file', arguments: { path: 'a' } }],
    finishReason: 'tool_calls',
  });
  expect(readToolReply('{ "answer": "hi" }', false, id)).toEqual({ text: 'hi', toolCalls: [], finishReason: 'stop' });
  expect(readToolReply('{\n  "answer": "line\\none \\u00e9', true, id)).toEqual({ text: 'line\none é', toolCalls: [], finishReason: 'length' });
  expect(readToolReply('{"x": 1}', false, id)).toBeNull();
  expect(readToolReply('{"tool": "re', false, id)).toBeNull();
});

test('partialAnswer decodes the answer so far and stops at an unfinished escape', () => {
  expect(partialAnswer('{"tool"')).toBeNull();
  expect(partialAnswer('{"answer": "a\\')).toBe('a');
  expect(partialAnswer('{"answer": "a\\"b" }')).toBe('a"b');
});
