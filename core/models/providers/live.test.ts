/**
 * One tiny real call per vendor, run only when its key is in the environment (reported skipped otherwise):
 * OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY. The model can be changed with
 * OPENAI_LIVE_MODEL, ANTHROPIC_LIVE_MODEL, GOOGLE_LIVE_MODEL.
 */
import type { ModelProvider, ModelResponse } from '../model-types';
import { AnthropicProvider } from './anthropic.provider';
import { GoogleProvider } from './google.provider';
import { OpenAIProvider } from './openai.provider';
import { lendUndiciDispatcher } from '../../../test/fixtures/provider-wire';

lendUndiciDispatcher(); // @google/genai under jest, see there

interface LiveVendor {
  name: string;
  keyVariables: string[];
  model: string;
  provider(key: string): ModelProvider;
}

const vendors: LiveVendor[] = [
  {
    name: 'OpenAI',
    keyVariables: ['OPENAI_API_KEY'],
    model: process.env.OPENAI_LIVE_MODEL ?? 'gpt-4.1-mini',
    provider: (apiKey) => new OpenAIProvider({ id: 'openai', apiKey, timeoutMs: 60_000 }),
  },
  {
    name: 'Anthropic',
    keyVariables: ['ANTHROPIC_API_KEY'],
    model: process.env.ANTHROPIC_LIVE_MODEL ?? 'claude-haiku-4-5',
    provider: (apiKey) => new AnthropicProvider({ apiKey, timeoutMs: 60_000 }),
  },
  {
    name: 'Google',
    keyVariables: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    model: process.env.GOOGLE_LIVE_MODEL ?? 'gemini-2.5-flash',
    provider: (apiKey) => new GoogleProvider({ apiKey, timeoutMs: 60_000 }),
  },
];

for (const vendor of vendors) {
  const keyVariable = vendor.keyVariables.find((name) => process.env[name]);
  const key = keyVariable ? process.env[keyVariable] : undefined;
  const name = `live ${vendor.name}: ${vendor.model} answers one short message${key ? '' : ` (skipped: ${vendor.keyVariables.join(' / ')} not set)`}`;

  (key ? test : test.skip)(name, async () => {
    const deltas: string[] = [];
    const response: ModelResponse = await vendor.provider(key!).generate(
      // Generous limit: thinking models spend part of it before answering.
      { model: vendor.model, messages: [{ role: 'user', content: 'Reply with the single word: pong' }], maxOutputTokens: 1024 },
      { onDelta: (d) => deltas.push(d) },
    );
    expect(response.text.toLowerCase()).toContain('pong');
    expect(deltas.join('')).toBe(response.text);
    expect(response.finishReason).toBe('stop');
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.usage.outputTokens).toBeGreaterThan(0);
    expect(response.model).toBeTruthy();
  });
}
