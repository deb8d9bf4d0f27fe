import type { ProviderId } from './model-types';

/** Prices per 1k tokens, in both currencies the platform bills in. */
export interface ModelPricing {
  inputPer1kUsd: number;
  outputPer1kUsd: number;
  inputPer1kInr: number;
  outputPer1kInr: number;
}

/** One catalog entry; `id` is `provider/vendorModel`. */
export interface ModelInfo {
  id: string;
  provider: ProviderId;
  vendorModel: string;
  displayName: string;
  contextWindow: number;
  maxOutputTokens: number;
  streaming: boolean;
  vision: boolean;
  functionCalling: boolean;
  reasoning: boolean;
  pricing: ModelPricing;
}
