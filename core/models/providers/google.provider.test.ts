/** What the Google adapter puts on the wire: contents and roles, function parts, signatures, schemas. */
import { GoogleFake, invalidKeyBody } from '../../../test/fakes/google-fake';
import { GoogleProvider, SKIP_THOUGHT_SIGNATURE } from './google.provider';
import { agentRequest, rejectionOf, SYSTEM_PROMPT, TEST_KEY, verdictFormat, weatherTool } from '../../../test/fixtures/provider-wire';

const MODEL = 'gemini-2.5-flash';
let fake: GoogleFake;
beforeAll(async () => {
  fake = await new GoogleFake().start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const google = (timeoutMs?: number) => new GoogleProvider({ apiKey: TEST_KEY, baseURL: fake.baseURL, timeoutMs });

it('sends the key as x-goog-api-key to generateContent, streams from streamGenerateContent?alt=sse', async () => {
  fake.script({ text: 'Hi.' }, { text: 'Hi again.' });
  await google().generate({ model: MODEL, messages: [{ role: 'user', content: 'Hello' }] });
  expect(fake.lastRequest).toMatchObject({ path: `/v1beta/models/${MODEL}:generateContent`, query: {} });
  expect(fake.lastRequest.headers['x-goog-api-key']).toBe(TEST_KEY);
  expect(fake.lastRequest.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hello' }] }], generationConfig: {} });

  await google().generate({ model: MODEL, messages: [{ role: 'user', content: 'Hello' }] }, { onDelta: () => {} });
  expect(fake.lastRequest).toMatchObject({ path: `/v1beta/models/${MODEL}:streamGenerateContent`, query: { alt: 'sse' } });
});

it('sends systemInstruction, model turns, function calls and merged function responses', async () => {
  fake.script(
    {
      text: 'Checking.',
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' }, signature: 'c2lnLXBhcmlz' },
        { name: 'get_weather', arguments: { city: 'Rome', unit: 'celsius' } },
      ],
    },
    { text: 'Paris 18 °C, Rome 24 °C.' },
  );
  const provider = google();
  const first = await provider.generate(agentRequest(MODEL));
  expect(first.toolCalls).toEqual([
    { id: 'call_0', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' }, signature: 'c2lnLXBhcmlz' },
    { id: 'call_1', name: 'get_weather', arguments: { city: 'Rome', unit: 'celsius' } },
  ]);
  expect(fake.lastRequest.body).toMatchObject({
    systemInstruction: { parts: [{ text: SYSTEM_PROMPT }] },
    tools: [
      {
        functionDeclarations: [{ name: 'get_weather', description: weatherTool.description, parametersJsonSchema: weatherTool.parameters }],
      },
    ],
  });
  expect(fake.lastRequest.body).not.toHaveProperty('toolConfig');

  await provider.generate(
    agentRequest(MODEL, [
      { role: 'assistant', content: first.text, toolCalls: first.toolCalls },
      { role: 'tool', toolCallId: 'call_0', name: 'get_weather', content: '{"temperature":18}' },
      { role: 'tool', toolCallId: 'call_1', name: 'get_weather', content: '{"temperature":24}' },
    ]),
  );
  expect(fake.lastRequest.body.contents).toEqual([
    { role: 'user', parts: [{ text: 'What is the weather in Paris?' }] },
    {
      role: 'model',
      parts: [
        { text: 'Checking.' },
        { functionCall: { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } }, thoughtSignature: 'c2lnLXBhcmlz' },
        { functionCall: { name: 'get_weather', args: { city: 'Rome', unit: 'celsius' } } },
      ],
    },
    {
      role: 'user',
      parts: [
        { functionResponse: { name: 'get_weather', response: { output: '{"temperature":18}' } } },
        { functionResponse: { name: 'get_weather', response: { output: '{"temperature":24}' } } },
      ],
    },
  ]);
});

it('gives calls from another vendor (no signature) Google’s skip value on the first call', async () => {
  fake.script({ text: 'ok' });
  await google().generate(
    agentRequest(MODEL, [
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
      },
      { role: 'tool', toolCallId: 'toolu_1', name: 'get_weather', content: 'sunny' },
    ]),
  );
  const contents = fake.lastRequest.body.contents as { role: string; parts: Record<string, unknown>[] }[];
  expect(contents[1]).toEqual({
    role: 'model',
    parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } }, thoughtSignature: SKIP_THOUGHT_SIGNATURE }],
  });
});

it('uses the call id Gemini sends, when it sends one', async () => {
  fake.script({ toolCalls: [{ id: 'fc-abc', name: 'get_weather', arguments: { city: 'Oslo', unit: 'celsius' } }] });
  const response = await google().generate(agentRequest(MODEL));
  expect(response.toolCalls[0]?.id).toBe('fc-abc');
});

it.each([
  ['auto', { mode: 'AUTO' }],
  ['required', { mode: 'ANY' }],
  ['none', { mode: 'NONE' }],
  [{ name: 'get_weather' }, { mode: 'ANY', allowedFunctionNames: ['get_weather'] }],
] as const)('maps toolChoice %j to functionCallingConfig', async (toolChoice, config) => {
  fake.script({ text: 'ok' });
  await google().generate({ ...agentRequest(MODEL), toolChoice });
  expect(fake.lastRequest.body.toolConfig).toEqual({ functionCallingConfig: config });
});

it('asks for JSON with responseJsonSchema, and passes token limit and temperature', async () => {
  fake.script({ json: { approved: true, comments: [] } });
  const response = await google().generate({
    model: MODEL,
    messages: [{ role: 'user', content: 'Review' }],
    responseFormat: verdictFormat,
    maxOutputTokens: 300,
    temperature: 0.1,
  });
  expect(response.json).toEqual({ approved: true, comments: [] });
  expect(fake.lastRequest.body.generationConfig).toEqual({
    responseMimeType: 'application/json',
    responseJsonSchema: verdictFormat.schema,
    maxOutputTokens: 300,
    temperature: 0.1,
  });
});

it('sends the timeout to Google as X-Server-Timeout', async () => {
  fake.script({ text: 'ok' });
  await google(30_000).generate({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] });
  expect(fake.lastRequest.headers['x-server-timeout']).toBe('30');
});

it('reports a wrong key (Gemini answers 400 API_KEY_INVALID) as auth', async () => {
  fake.script({ error: { status: 400, body: invalidKeyBody() } });
  const error = await rejectionOf(google().generate({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] }));
  expect(error).toMatchObject({ kind: 'auth', status: 400, retryable: false });
});

it('reports a blocked prompt as a content_filter error', async () => {
  fake.script({
    rawBody: {
      promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
      usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
      modelVersion: MODEL,
    },
  });
  const error = await rejectionOf(google().generate({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] }));
  expect(error).toMatchObject({ kind: 'content_filter', retryable: false });
});

it('reports a malformed function call as a retryable server error', async () => {
  fake.script({
    rawBody: {
      candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'MALFORMED_FUNCTION_CALL', index: 0 }],
      modelVersion: MODEL,
    },
  });
  const error = await rejectionOf(google().generate(agentRequest(MODEL)));
  expect(error).toMatchObject({ kind: 'server', retryable: true });
});

it('leaves thought parts out of the text', async () => {
  fake.script({
    rawBody: {
      candidates: [
        {
          content: { role: 'model', parts: [{ text: 'Let me think…', thought: true }, { text: 'The answer.' }] },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 3, thoughtsTokenCount: 20, totalTokenCount: 27 },
      modelVersion: MODEL,
    },
  });
  const response = await google().generate({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] });
  expect(response).toMatchObject({ text: 'The answer.', usage: { inputTokens: 4, outputTokens: 23, totalTokens: 27 } });
});
