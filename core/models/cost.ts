import type { ModelPricing } from './model-info';
import type { TokenUsage } from './model-types';

/** Nano-units (1e-9) per unit of currency. */
export const NANOS = 1_000_000_000n;

/**
 * The cost of one call in nano-USD and nano-INR. Prices per 1k tokens have at most six decimals, so
 * `tokens × price/1000` in nano-units is `tokens × price × 1e6`, an integer: no float error accumulates
 * however many calls are summed.
 */
export function costOf(
  usage: Pick<TokenUsage, 'inputTokens' | 'outputTokens'>,
  pricing: ModelPricing,
): { usdNanos: bigint; inrNanos: bigint } {
  const micro = (per1k: number) => BigInt(Math.round(per1k * 1e6));
  const input = BigInt(usage.inputTokens);
  const output = BigInt(usage.outputTokens);
  return {
    usdNanos: input * micro(pricing.inputPer1kUsd) + output * micro(pricing.outputPer1kUsd),
    inrNanos: input * micro(pricing.inputPer1kInr) + output * micro(pricing.outputPer1kInr),
  };
}

/** Nano-units as a decimal number of currency units, for display (GraphQL Float). */
export function fromNanos(nanos: bigint | string | number): number {
  return Number(BigInt(nanos)) / 1e9;
}

/** A currency amount (e.g. a budget in USD) as nano-units. */
export function toNanos(amount: number): bigint {
  return BigInt(Math.round(amount * 1e9));
}
