/**
 * Test fixtures shared by the adapter tests: each vendor adapter paired with its fake server, and one agent
 * request (system + user + a tool) to send through all of them.
 */
import { runInThisContext } from 'node:vm';
import { AnthropicFake } from '../../../../../test/fakes/anthropic-fake';
import type { FakeVendor } from '../../../../../test/fakes/fake-vendor';
import { GoogleFake } from '../../../../../test/fakes/google-fake';
import { OpenAIFake } from '../../../../../test/fakes/openai-fake';
import type { ModelProvider, ModelRequest, ModelResponse, ProviderId, ToolSpec } from '../model-types';
import { createProvider } from './create-provider';

/**
 * @google/genai sends through Node's built-in fetch with a dispatcher that wraps undici's global one, which it
 * looks up on globalThis. Jest runs tests in their own vm context, whose globalThis lacks it (Node keeps it on
 * the main context's), so the SDK would fail there with "Undici globalDispatcher is not available": lend it the
 * main context's, so the tests take the same path as production.
 */
export function lendUndiciDispatcher(): void {
  const key = Symbol.for('undici.globalDispatcher.1');
  const main = runInThisContext('globalThis') as typeof globalThis & Record<symbol, unknown>;
  if (main === globalThis || (globalThis as Record<symbol, unknown>)[key]) return;
  if (!main[key]) new main.Headers(); // Node creates its undici globals lazily
  (globalThis as Record<symbol, unknown>)[key] = main[key];
}
lendUndiciDispatcher();

export interface VendorUnderTest {
  provider: Exclude<ProviderId, 'offline'>;
  model: string;
  newFake(): FakeVendor;
}

export const VENDORS: VendorUnderTest[] = [
  { provider: 'openai', model: 'gpt-4.1-mini', newFake: () => new OpenAIFake() },
  { provider: 'openai-compatible', model: 'llama3.1:8b', newFake: () => new OpenAIFake() },
  { provider: 'anthropic', model: 'claude-sonnet-4-6', newFake: () => new AnthropicFake() },
  { provider: 'google', model: 'gemini-2.5-flash', newFake: () => new GoogleFake() },
];

export const TEST_KEY = 'test-key-123';

export function providerFor(
  vendor: VendorUnderTest,
  fake: FakeVendor,
  options: { timeoutMs?: number; apiKey?: string } = {},
): ModelProvider {
  return createProvider({
    provider: vendor.provider,
    apiKey: options.apiKey ?? TEST_KEY,
    baseURL: fake.baseURL,
    timeoutMs: options.timeoutMs,
  });
}

export const weatherTool: ToolSpec = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
};

export const verdictFormat = {
  name: 'review_verdict',
  schema: {
    type: 'object',
    properties: { approved: { type: 'boolean' }, comments: { type: 'array', items: { type: 'string' } } },
    required: ['approved', 'comments'],
    additionalProperties: false,
  },
};

export const SYSTEM_PROMPT = 'You are the backend agent of Atelier. Use tools when they help.';

export function agentRequest(model: string, history: ModelRequest['messages'] = []): ModelRequest {
  return {
    model,
    messages: [{ role: 'system', content: SYSTEM_PROMPT }, { role: 'user', content: 'What is the weather in Paris?' }, ...history],
    tools: [weatherTool],
    agentRole: 'backend',
  };
}

/** A response without what legitimately differs between vendors: the model name and the call ids. */
export function comparable(response: ModelResponse): unknown {
  const { model: _model, toolCalls, ...rest } = response;
  return { ...rest, toolCalls: toolCalls.map(({ id: _id, ...call }) => call) };
}

/** Awaits a promise expected to reject and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
