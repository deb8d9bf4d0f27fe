/** What the OpenAI adapter puts on the wire, and what it makes of OpenAI-compatible servers' quirks. */
import { OpenAIFake } from '../../../test/fakes/openai-fake';
import { ProviderError } from '../provider.errors';
import { OpenAIProvider } from './openai.provider';
import { agentRequest, rejectionOf, SYSTEM_PROMPT, TEST_KEY, verdictFormat, weatherTool } from '../../../test/fixtures/provider-wire';

let fake: OpenAIFake;
beforeAll(async () => {
  fake = await new OpenAIFake().start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const openai = () => new OpenAIProvider({ id: 'openai', apiKey: TEST_KEY, baseURL: fake.baseURL });
const compatible = (apiKey = '') => new OpenAIProvider({ id: 'openai-compatible', apiKey, baseURL: fake.baseURL });

it('sends the key as a bearer token and a plain, non-streamed body', async () => {
  fake.script({ text: 'Hi.' });
  await openai().generate({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hello' }] });
  const { path, headers, body } = fake.lastRequest;
  expect(path).toBe('/v1/chat/completions');
  expect(headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  expect(headers['openai-organization']).toBeUndefined();
  expect(body).toEqual({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hello' }], stream: false });
});

it('sends tools, and the tool-call round trip as assistant tool_calls and tool messages', async () => {
  fake.script(
    { text: '', toolCalls: [{ id: 'call_abc', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }] },
    { text: 'Sunny, 18 °C.' },
  );
  const provider = openai();
  const first = await provider.generate(agentRequest('gpt-4.1'));
  expect(first.toolCalls).toEqual([{ id: 'call_abc', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }]);
  expect(fake.lastRequest.body.tools).toEqual([
    { type: 'function', function: { name: 'get_weather', description: weatherTool.description, parameters: weatherTool.parameters } },
  ]);
  expect(fake.lastRequest.body).not.toHaveProperty('tool_choice');

  await provider.generate(
    agentRequest('gpt-4.1', [
      { role: 'assistant', content: first.text, toolCalls: first.toolCalls },
      { role: 'tool', toolCallId: 'call_abc', name: 'get_weather', content: '{"temperature":18}' },
    ]),
  );
  expect(fake.lastRequest.body.messages).toEqual([
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: 'What is the weather in Paris?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } }],
    },
    { role: 'tool', tool_call_id: 'call_abc', content: '{"temperature":18}' },
  ]);
});

it.each([
  ['auto', 'auto'],
  ['required', 'required'],
  ['none', 'none'],
  [{ name: 'get_weather' }, { type: 'function', function: { name: 'get_weather' } }],
] as const)('maps toolChoice %j', async (toolChoice, wire) => {
  fake.script({ text: 'ok' });
  await openai().generate({ ...agentRequest('gpt-4.1'), toolChoice });
  expect(fake.lastRequest.body.tool_choice).toEqual(wire);
});

it('asks for a strict json_schema response format, token limit and temperature', async () => {
  fake.script({ json: { approved: true, comments: [] } });
  const response = await openai().generate({
    model: 'gpt-4.1',
    messages: [{ role: 'user', content: 'Review' }],
    responseFormat: verdictFormat,
    maxOutputTokens: 500,
    temperature: 0.2,
  });
  expect(response.json).toEqual({ approved: true, comments: [] });
  expect(fake.lastRequest.body).toMatchObject({
    response_format: { type: 'json_schema', json_schema: { name: 'review_verdict', schema: verdictFormat.schema, strict: true } },
    max_completion_tokens: 500,
    temperature: 0.2,
  });
  expect(fake.lastRequest.body).not.toHaveProperty('max_tokens');
});

it('streams with include_usage', async () => {
  fake.script({ text: 'a b c' });
  await openai().generate({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] }, { onDelta: () => {} });
  expect(fake.lastRequest.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
});

it('maps a 400 content_filter refusal to content_filter', async () => {
  fake.script({
    error: {
      status: 400,
      body: { error: { message: 'The response was filtered', type: 'invalid_request_error', param: 'prompt', code: 'content_filter' } },
    },
  });
  const error = await rejectionOf(openai().generate({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] }));
  expect(error).toMatchObject({ kind: 'content_filter', status: 400, retryable: false });
});

it('reports malformed tool arguments as a retryable server error', async () => {
  // A model slip: arguments that are not JSON.
  fake.script({
    rawBody: {
      id: 'chatcmpl-x',
      object: 'chat.completion',
      created: 0,
      model: 'gpt-4.1',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Par' } }],
          },
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    },
  });
  const error = await rejectionOf(openai().generate(agentRequest('gpt-4.1')));
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toMatchObject({ kind: 'server', retryable: true });
});

describe('OpenAI-compatible servers', () => {
  it('need no key (the SDK gets a placeholder) and get max_tokens', async () => {
    fake.script({ text: 'Hello there, friend.' });
    await compatible().generate({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Say hello' }], maxOutputTokens: 64 });
    expect(fake.lastRequest.headers.authorization).toBe('Bearer no-key');
    expect(fake.lastRequest.body).toMatchObject({ max_tokens: 64 });
    expect(fake.lastRequest.body).not.toHaveProperty('max_completion_tokens');
  });

  it.each([false, true])('estimate usage at ~4 characters a token when the server reports none (streamed: %s)', async (streamed) => {
    fake.script({ text: 'Hello there, friend.', omitUsage: true });
    const response = await compatible('dummy').generate(
      { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Say hello' }] },
      streamed ? { onDelta: () => {} } : {},
    );
    // 'Say hello' is 9 characters, 'Hello there, friend.' 20.
    expect(response.usage).toEqual({ inputTokens: 3, outputTokens: 5, totalTokens: 8 });
    expect(response.text).toBe('Hello there, friend.');
  });
});
