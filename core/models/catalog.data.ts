import type { ModelInfo } from './model-info';

/** The exchange rate the built-in INR prices were derived at; override a model's `pricing` to change both. */
export const BUILT_IN_USD_TO_INR = 88;

type Price = { input: number; output: number };
const priced = (usd: Price) => ({
  inputPer1kUsd: usd.input,
  outputPer1kUsd: usd.output,
  inputPer1kInr: round6(usd.input * BUILT_IN_USD_TO_INR),
  outputPer1kInr: round6(usd.output * BUILT_IN_USD_TO_INR),
});
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

const base = { streaming: true, functionCalling: true } as const;

/**
 * The models Atelier knows out of the box, with list prices per 1k tokens. Data, not code paths: the
 * platform overrides or extends it with ATELIER_MODEL_CATALOG (see catalog.ts), and it is cached in Redis.
 */
export const BUILT_IN_MODELS: readonly ModelInfo[] = [
  {
    id: 'openai/gpt-4.1',
    provider: 'openai',
    vendorModel: 'gpt-4.1',
    displayName: 'GPT-4.1',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    ...base,
    vision: true,
    reasoning: false,
    pricing: priced({ input: 0.002, output: 0.008 }),
  },
  {
    id: 'openai/gpt-4.1-mini',
    provider: 'openai',
    vendorModel: 'gpt-4.1-mini',
    displayName: 'GPT-4.1 mini',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    ...base,
    vision: true,
    reasoning: false,
    pricing: priced({ input: 0.0004, output: 0.0016 }),
  },
  {
    id: 'openai/o4-mini',
    provider: 'openai',
    vendorModel: 'o4-mini',
    displayName: 'o4-mini',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    ...base,
    vision: true,
    reasoning: true,
    pricing: priced({ input: 0.0011, output: 0.0044 }),
  },
  {
    id: 'anthropic/claude-opus-4-6',
    provider: 'anthropic',
    vendorModel: 'claude-opus-4-6',
    displayName: 'Claude Opus 4.6',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    ...base,
    vision: true,
    reasoning: true,
    pricing: priced({ input: 0.005, output: 0.025 }),
  },
  {
    id: 'anthropic/claude-sonnet-4-6',
    provider: 'anthropic',
    vendorModel: 'claude-sonnet-4-6',
    displayName: 'Claude Sonnet 4.6',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    ...base,
    vision: true,
    reasoning: true,
    pricing: priced({ input: 0.003, output: 0.015 }),
  },
  {
    id: 'anthropic/claude-haiku-4-5',
    provider: 'anthropic',
    vendorModel: 'claude-haiku-4-5',
    displayName: 'Claude Haiku 4.5',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    ...base,
    vision: true,
    reasoning: true,
    pricing: priced({ input: 0.001, output: 0.005 }),
  },
  {
    id: 'google/gemini-2.5-pro',
    provider: 'google',
    vendorModel: 'gemini-2.5-pro',
    displayName: 'Gemini 2.5 Pro',
    contextWindow: 1_048_576,
    maxOutputTokens: 65_536,
    ...base,
    vision: true,
    reasoning: true,
    pricing: priced({ input: 0.00125, output: 0.01 }),
  },
  {
    id: 'google/gemini-2.5-flash',
    provider: 'google',
    vendorModel: 'gemini-2.5-flash',
    displayName: 'Gemini 2.5 Flash',
    contextWindow: 1_048_576,
    maxOutputTokens: 65_536,
    ...base,
    vision: true,
    reasoning: true,
    pricing: priced({ input: 0.0003, output: 0.0025 }),
  },
  {
    id: 'openai-compatible/llama3.1:8b',
    provider: 'openai-compatible',
    vendorModel: 'llama3.1:8b',
    displayName: 'Llama 3.1 8B (local)',
    contextWindow: 131_072,
    maxOutputTokens: 8_192,
    ...base,
    vision: false,
    reasoning: false,
    pricing: priced({ input: 0, output: 0 }),
  },
  {
    id: 'offline/blueprint',
    provider: 'offline',
    vendorModel: 'offline-blueprint',
    displayName: 'Offline blueprints (no network)',
    contextWindow: 1_000_000,
    maxOutputTokens: 100_000,
    ...base,
    vision: false,
    reasoning: false,
    pricing: priced({ input: 0, output: 0 }),
  },
];
