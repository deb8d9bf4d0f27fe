/**
 * Every vendor adapter, through its real SDK, against its fake vendor server: the same scripted replies must
 * come back as the same ModelResponse / ProviderError whichever vendor served them.
 */
import type { FakeVendor } from '../../../test/fakes/fake-vendor';
import type { ModelResponse } from '../model-types';
import { ProviderError } from '../provider.errors';
import { AnthropicProvider } from './anthropic.provider';
import { createProvider } from './create-provider';
import { GoogleProvider } from './google.provider';
import { OpenAIProvider } from './openai.provider';
import {
  agentRequest,
  comparable,
  providerFor,
  rejectionOf,
  VENDORS,
  verdictFormat,
  weatherTool,
  type VendorUnderTest,
} from '../../../test/fixtures/provider-wire';

describe.each(VENDORS)('$provider adapter', (vendor: VendorUnderTest) => {
  let fake: FakeVendor;
  const { model } = vendor;
  const ask = (content: string) => ({ model, messages: [{ role: 'user' as const, content }] });

  beforeAll(async () => {
    fake = await vendor.newFake().start();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('returns plain text with usage and the served model', async () => {
    fake.script({ text: 'Hello from the fake.', usage: { inputTokens: 12, outputTokens: 5 }, model: `${model}-2026-01-01` });
    const response = await providerFor(vendor, fake).generate(ask('Say hello'));
    expect(response).toEqual({
      text: 'Hello from the fake.',
      toolCalls: [],
      usage: { inputTokens: 12, outputTokens: 5, totalTokens: 17 },
      finishReason: 'stop',
      model: `${model}-2026-01-01`,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('streams text: the deltas, more than one, concatenate to the text', async () => {
    fake.script({ text: 'One two three four five.', usage: { inputTokens: 9, outputTokens: 6 } });
    const deltas: string[] = [];
    const response = await providerFor(vendor, fake).generate(ask('Count'), { onDelta: (d) => deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('One two three four five.');
    expect(response).toMatchObject({
      text: 'One two three four five.',
      finishReason: 'stop',
      usage: { inputTokens: 9, outputTokens: 6, totalTokens: 15 },
    });
  });

  it.each([false, true])('returns tool calls with parsed arguments and ids (streamed: %s)', async (streamed) => {
    fake.script({
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
        { name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
      ],
      usage: { inputTokens: 40, outputTokens: 20 },
    });
    const deltas: string[] = [];
    const response = await providerFor(vendor, fake).generate(
      { ...ask('Weather in Paris and Tokyo?'), tools: [weatherTool] },
      streamed ? { onDelta: (d) => deltas.push(d) } : {},
    );
    expect(response.finishReason).toBe('tool_calls');
    expect(response.text).toBe('');
    expect(response.toolCalls.map(({ name, arguments: args }) => ({ name, args }))).toEqual([
      { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } },
      { name: 'get_weather', args: { city: 'Tokyo', unit: 'celsius' } },
    ]);
    const ids = response.toolCalls.map((c) => c.id);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(2);
    if (vendor.provider === 'google') expect(ids).toEqual(['call_0', 'call_1']);
    expect(deltas).toEqual([]);
  });

  it.each([false, true])('returns structured output as json and text (streamed: %s)', async (streamed) => {
    const verdict = { approved: false, comments: ['Handle the empty list.', 'Add a test.'] };
    fake.script({ json: verdict, usage: { inputTokens: 30, outputTokens: 15 } });
    const deltas: string[] = [];
    const response = await providerFor(vendor, fake).generate(
      { ...ask('Review this diff'), responseFormat: verdictFormat },
      streamed ? { onDelta: (d) => deltas.push(d) } : {},
    );
    expect(response).toMatchObject({
      json: verdict,
      toolCalls: [],
      finishReason: 'stop',
      usage: { inputTokens: 30, outputTokens: 15, totalTokens: 45 },
    });
    expect(JSON.parse(response.text)).toEqual(verdict);
    if (streamed) expect(deltas.join('')).toBe(response.text);
  });

  it.each([false, true])('refuses structured output that does not match the schema, retryably (streamed: %s)', async (streamed) => {
    fake.script({ json: { approved: 'yes', notes: [] } });
    const error = await rejectionOf(
      providerFor(vendor, fake).generate(
        { ...ask('Review this diff'), responseFormat: verdictFormat },
        streamed ? { onDelta: () => {} } : {},
      ),
    );
    expect(error).toMatchObject({ kind: 'server', provider: vendor.provider, retryable: true });
    expect((error as Error).message).toContain('reply does not match the response format: $: missing comments');
    expect((error as Error).message).toContain('$.approved: expected boolean, got string');
  });

  it('counts cached input as input and reasoning as output', async () => {
    fake.script({ text: 'ok', usage: { inputTokens: 1000, cachedInputTokens: 800, outputTokens: 300, reasoningTokens: 250 } });
    const response = await providerFor(vendor, fake).generate(ask('Think'));
    expect(response.usage).toEqual({ inputTokens: 1000, outputTokens: 300, totalTokens: 1300 });
  });

  it.each([
    ['length', 'length'],
    ['content_filter', 'content_filter'],
  ] as const)('maps the finish reason %s', async (scripted, expected) => {
    fake.script({ text: 'Partial', finishReason: scripted }, { text: 'Partial answer here', finishReason: scripted });
    const provider = providerFor(vendor, fake);
    expect((await provider.generate(ask('Go'))).finishReason).toBe(expected);
    expect((await provider.generate(ask('Go'), { onDelta: () => {} })).finishReason).toBe(expected);
  });

  describe('errors', () => {
    async function failure(reply: Parameters<FakeVendor['script']>[0], streamed = false): Promise<ProviderError> {
      fake.script(reply);
      const error = await rejectionOf(providerFor(vendor, fake).generate(ask('Hi'), streamed ? { onDelta: () => {} } : {}));
      expect(error).toBeInstanceOf(ProviderError);
      return error as ProviderError;
    }

    it.each([false, true])('429 with a retry delay is rate_limited with retryAfterMs (streamed: %s)', async (streamed) => {
      const error = await failure({ error: { status: 429, retryAfter: '7', message: 'Rate limit reached for requests' } }, streamed);
      expect(error).toMatchObject({
        kind: 'rate_limited',
        provider: vendor.provider,
        model,
        status: 429,
        retryAfterMs: 7000,
        retryable: true,
      });
      expect(error.message).toContain('Rate limit reached for requests');
    });

    if (vendor.provider !== 'google') {
      it('takes retry-after-ms over retry-after', async () => {
        const error = await failure({ error: { status: 429, retryAfter: '7', retryAfterMs: '1500' } });
        expect(error.retryAfterMs).toBe(1500);
      });
    }

    it.each([
      [500, 'server', true],
      [401, 'auth', false],
      [403, 'auth', false],
      [400, 'invalid_request', false],
      [404, 'model_not_found', false],
      [vendor.provider === 'anthropic' ? 529 : 503, 'overloaded', true],
    ] as const)('%i is %s', async (status, kind, retryable) => {
      const error = await failure({ error: { status } });
      expect(error).toMatchObject({ kind, status, retryable, provider: vendor.provider, model });
    });

    it('an error event inside a started stream is a retryable failure', async () => {
      const error = await failure({ text: 'Partial answer', streamError: { status: vendor.provider === 'anthropic' ? 529 : 503 } }, true);
      expect(error.retryable).toBe(true);
      expect(['overloaded', 'server']).toContain(error.kind);
    });

    it('a stream cut before its end is a network failure, not a short answer', async () => {
      const error = await failure({ text: 'This answer never ends', truncate: true }, true);
      expect(error).toMatchObject({ kind: 'network', retryable: true });
    });

    it('an unreachable server is a network failure', async () => {
      const closed = vendor.newFake();
      await closed.start();
      await closed.close();
      const error = await rejectionOf(providerFor(vendor, closed).generate(ask('Hi')));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'network', retryable: true });
    });

    it('no key is auth, without a request', async () => {
      if (vendor.provider === 'openai-compatible') return; // keyless servers are the point of openai-compatible
      const error = await rejectionOf(providerFor(vendor, fake, { apiKey: '' }).generate(ask('Hi')));
      expect(error).toMatchObject({ kind: 'auth' });
      expect(fake.requests).toHaveLength(0);
    });
  });

  describe('time and cancellation', () => {
    it('a reply slower than timeoutMs is a timeout', async () => {
      fake.script({ text: 'late', delayMs: 5000 });
      const started = Date.now();
      const error = await rejectionOf(providerFor(vendor, fake).generate(ask('Hi'), { timeoutMs: 150 }));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ kind: 'timeout', retryable: true });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('the provider-level timeout covers a stream that stalls after its headers', async () => {
      fake.script({ text: 'a b c d e f', chunkDelayMs: 1000 });
      const deltas: string[] = [];
      const started = Date.now();
      const error = await rejectionOf(
        providerFor(vendor, fake, { timeoutMs: 300 }).generate(ask('Hi'), { onDelta: (d) => deltas.push(d) }),
      );
      expect(error).toMatchObject({ kind: 'timeout' });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('aborting the signal rejects with the AbortError, not a ProviderError', async () => {
      fake.script({ text: 'late', delayMs: 5000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await rejectionOf(providerFor(vendor, fake).generate(ask('Hi'), { signal: controller.signal, timeoutMs: 10_000 }));
      expect(error).not.toBeInstanceOf(ProviderError);
      expect((error as Error).name).toBe('AbortError');
    });

    it('aborting mid-stream rejects with the caller’s own reason', async () => {
      fake.script({ text: 'one two three four five six', chunkDelayMs: 30 });
      const controller = new AbortController();
      const reason = new Error('activity cancelled');
      const error = await rejectionOf(
        providerFor(vendor, fake).generate(ask('Hi'), { signal: controller.signal, onDelta: () => controller.abort(reason) }),
      );
      expect(error).toBe(reason);
    });

    it('an already aborted signal sends nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejectionOf(providerFor(vendor, fake).generate(ask('Hi'), { signal: controller.signal }));
      expect((error as Error).name).toBe('AbortError');
      expect(fake.requests).toHaveLength(0);
    });
  });
});

describe('the same agent turn through every provider', () => {
  const fakes = new Map<string, FakeVendor>();
  beforeAll(async () => {
    for (const vendor of VENDORS) fakes.set(vendor.provider, await vendor.newFake().start());
  });
  afterAll(() => Promise.all([...fakes.values()].map((f) => f.close())));

  /** Tool call, tool result, answer: the same logical replies scripted into each vendor's fake. */
  async function agentTurn(vendor: VendorUnderTest, streamed: boolean): Promise<ModelResponse[]> {
    const fake = fakes.get(vendor.provider)!;
    fake.reset();
    fake.script(
      {
        text: 'Let me check the weather.',
        toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
        usage: { inputTokens: 120, outputTokens: 18 },
      },
      { text: 'It is 18 °C and sunny in Paris.', usage: { inputTokens: 170, outputTokens: 12 } },
    );
    const provider = providerFor(vendor, fake);
    const options = streamed ? { onDelta: () => {} } : {};
    const first = await provider.generate(agentRequest(vendor.model), options);
    const call = first.toolCalls[0]!;
    const second = await provider.generate(
      agentRequest(vendor.model, [
        { role: 'assistant', content: first.text, toolCalls: first.toolCalls },
        { role: 'tool', toolCallId: call.id, name: call.name, content: JSON.stringify({ temperature: 18, sky: 'sunny' }) },
      ]),
      options,
    );
    return [first, second];
  }

  it.each([false, true])('gives identical responses apart from model and call ids (streamed: %s)', async (streamed) => {
    const results = new Map<string, unknown>();
    for (const vendor of VENDORS) results.set(vendor.provider, (await agentTurn(vendor, streamed)).map(comparable));
    const expected = [
      {
        text: 'Let me check the weather.',
        toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } }],
        usage: { inputTokens: 120, outputTokens: 18, totalTokens: 138 },
        finishReason: 'tool_calls',
      },
      {
        text: 'It is 18 °C and sunny in Paris.',
        toolCalls: [],
        usage: { inputTokens: 170, outputTokens: 12, totalTokens: 182 },
        finishReason: 'stop',
      },
    ];
    for (const vendor of VENDORS)
      expect({ provider: vendor.provider, responses: results.get(vendor.provider) }).toEqual({
        provider: vendor.provider,
        responses: expected,
      });
  });
});

describe('createProvider', () => {
  it('builds the adapter for each vendor', () => {
    expect(createProvider({ provider: 'openai', apiKey: 'k' })).toBeInstanceOf(OpenAIProvider);
    expect(createProvider({ provider: 'openai-compatible', apiKey: '', baseURL: 'http://127.0.0.1:11434/v1' })).toMatchObject({
      id: 'openai-compatible',
    });
    expect(createProvider({ provider: 'anthropic', apiKey: 'k' })).toBeInstanceOf(AnthropicProvider);
    expect(createProvider({ provider: 'google', apiKey: 'k' })).toBeInstanceOf(GoogleProvider);
  });

  it('refuses openai-compatible without a base URL, and offline', () => {
    expect(() => createProvider({ provider: 'openai-compatible', apiKey: '' })).toThrow(/baseURL/);
    expect(() => createProvider({ provider: 'offline', apiKey: '' })).toThrow(/offline/);
  });
});
