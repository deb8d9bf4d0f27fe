import type { ModelProvider, ProviderId } from '../model-types';
import { AnthropicProvider } from './anthropic.provider';
import { GoogleProvider } from './google.provider';
import { OpenAIProvider } from './openai.provider';

export interface VendorProviderConfig {
  provider: ProviderId;
  /** The vendor key ('' is accepted for `openai-compatible` servers that check none). */
  apiKey: string;
  /** Required for `openai-compatible`; a proxy or regional endpoint for the others. */
  baseURL?: string;
  /** Default per-call timeout in ms (whole reply, stream included). */
  timeoutMs?: number;
  /** The SDK's HTTP client; a pinned one (keys/pinned-fetch.ts) for base URLs that users supplied. */
  fetch?: typeof globalThis.fetch;
}

/**
 * The vendor adapter for a configured provider. `offline` is not a vendor and has no key: it is built by
 * offline.provider.ts, not here.
 */
export function createProvider(config: VendorProviderConfig): ModelProvider {
  const { apiKey, baseURL, timeoutMs, fetch } = config;
  switch (config.provider) {
    case 'openai':
    case 'openai-compatible':
      return new OpenAIProvider({ id: config.provider, apiKey, baseURL, timeoutMs, fetch });
    case 'anthropic':
      return new AnthropicProvider({ apiKey, baseURL, timeoutMs, fetch });
    case 'google':
      return new GoogleProvider({ apiKey, baseURL, timeoutMs, fetch });
    case 'offline':
    case 'local':
      throw new Error(`createProvider: the ${config.provider} provider is not a vendor; model-layer.ts builds it`);
  }
}
