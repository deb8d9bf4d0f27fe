/** What the Anthropic adapter puts on the wire: system placement, merged turns, tool blocks, the format tool. */
import { AnthropicFake } from '../../../test/fakes/anthropic-fake';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, AnthropicProvider } from './anthropic.provider';
import { agentRequest, rejectionOf, SYSTEM_PROMPT, TEST_KEY, verdictFormat, weatherTool } from '../../../test/fixtures/provider-wire';

const MODEL = 'claude-sonnet-4-6';
let fake: AnthropicFake;
beforeAll(async () => {
  fake = await new AnthropicFake().start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const anthropic = () => new AnthropicProvider({ apiKey: TEST_KEY, baseURL: fake.baseURL });

it('sends the key, system prompts in `system`, and the default max_tokens', async () => {
  fake.script({ text: 'Hi.' });
  await anthropic().generate({
    model: MODEL,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: 'Hello' },
      { role: 'system', content: 'Answer in French.' },
    ],
    temperature: 0.3,
  });
  const { path, headers, body } = fake.lastRequest;
  expect(path).toBe('/v1/messages');
  // SDK 1.x speaks API version 2026-10-21, which takes the key as a bearer token.
  expect(headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  expect(headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // No temperature: this Messages API version has no sampling parameters.
  expect(body).toEqual({
    model: MODEL,
    max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
    system: `${SYSTEM_PROMPT}\n\nAnswer in French.`,
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
    stream: false,
  });
});

it('sends tool_use blocks and tool_result blocks, merging turns so roles alternate', async () => {
  fake.script(
    {
      text: 'Checking both.',
      toolCalls: [
        { id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
        { id: 'toolu_2', name: 'get_weather', arguments: { city: 'Rome', unit: 'celsius' } },
      ],
    },
    { text: 'Paris 18 °C, Rome 24 °C.' },
  );
  const provider = anthropic();
  const first = await provider.generate(agentRequest(MODEL));
  expect(first.toolCalls.map((c) => c.id)).toEqual(['toolu_1', 'toolu_2']);
  expect(fake.lastRequest.body.tools).toEqual([
    { name: 'get_weather', description: weatherTool.description, input_schema: weatherTool.parameters },
  ]);
  expect(fake.lastRequest.body).not.toHaveProperty('tool_choice');

  await provider.generate(
    agentRequest(MODEL, [
      { role: 'assistant', content: first.text, toolCalls: first.toolCalls },
      { role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: '{"temperature":18}' },
      { role: 'tool', toolCallId: 'toolu_2', name: 'get_weather', content: '{"temperature":24}' },
      { role: 'user', content: 'Also, which is warmer?' },
    ]),
    { onDelta: () => {} },
  );
  const { body } = fake.lastRequest;
  expect(body.system).toBe(SYSTEM_PROMPT);
  expect(body.messages).toEqual([
    { role: 'user', content: [{ type: 'text', text: 'What is the weather in Paris?' }] },
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking both.' },
        { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
        { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome', unit: 'celsius' } },
      ],
    },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"temperature":18}' },
        { type: 'tool_result', tool_use_id: 'toolu_2', content: '{"temperature":24}' },
        { type: 'text', text: 'Also, which is warmer?' },
      ],
    },
  ]);
});

it.each([
  ['auto', { type: 'auto' }],
  ['required', { type: 'any' }],
  ['none', { type: 'none' }],
  [{ name: 'get_weather' }, { type: 'tool', name: 'get_weather' }],
] as const)('maps toolChoice %j', async (toolChoice, wire) => {
  fake.script({ text: 'ok' });
  await anthropic().generate({ ...agentRequest(MODEL), toolChoice, maxOutputTokens: 256 });
  expect(fake.lastRequest.body).toMatchObject({ tool_choice: wire, max_tokens: 256 });
});

describe('structured output through a forced tool', () => {
  const verdict = { approved: true, comments: ['Looks good.'] };

  it('forces the format tool and returns its input as json and text, not as a tool call', async () => {
    fake.script({ json: verdict });
    const response = await anthropic().generate({
      model: MODEL,
      messages: [{ role: 'user', content: 'Review' }],
      responseFormat: verdictFormat,
    });
    expect(fake.lastRequest.body).toMatchObject({
      tools: [{ name: 'review_verdict', input_schema: verdictFormat.schema }],
      tool_choice: { type: 'tool', name: 'review_verdict' },
    });
    expect(response).toMatchObject({ json: verdict, text: JSON.stringify(verdict), toolCalls: [], finishReason: 'stop' });
  });

  it('next to the request’s own tools, lets the model call those or answer through the format', async () => {
    fake.script({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }] });
    const response = await anthropic().generate({ ...agentRequest(MODEL), responseFormat: verdictFormat });
    expect(fake.lastRequest.body.tool_choice).toEqual({ type: 'any' });
    expect((fake.lastRequest.body.tools as { name: string }[]).map((t) => t.name)).toEqual(['get_weather', 'review_verdict']);
    expect(response).toMatchObject({ finishReason: 'tool_calls', toolCalls: [{ name: 'get_weather' }] });
    expect(response.json).toBeUndefined();
  });

  it('streamed, passes the answer to onDelta once, whole', async () => {
    fake.script({ json: verdict });
    const deltas: string[] = [];
    const response = await anthropic().generate(
      { model: MODEL, messages: [{ role: 'user', content: 'Review' }], responseFormat: verdictFormat },
      { onDelta: (d) => deltas.push(d) },
    );
    expect(deltas).toEqual([JSON.stringify(verdict)]);
    expect(response.json).toEqual(verdict);
  });
});

it('maps an overloaded_error event in a started stream to overloaded', async () => {
  fake.script({ text: 'Partial answer', streamError: { status: 529 } });
  const error = await rejectionOf(
    anthropic().generate({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] }, { onDelta: () => {} }),
  );
  expect(error).toMatchObject({ kind: 'overloaded', retryable: true, status: undefined });
});
