import { BUILT_IN_MODELS, BUILT_IN_USD_TO_INR } from './catalog.data';
import { costOf, fromNanos, toNanos } from './cost';

const pricing = { inputPer1kUsd: 0.003, outputPer1kUsd: 0.015, inputPer1kInr: 0.264, outputPer1kInr: 1.32 };

describe('cost arithmetic', () => {
  test('a call costs tokens × price per 1k in both currencies, exactly', () => {
    const cost = costOf({ inputTokens: 1234, outputTokens: 567 }, pricing);
    // 1234 × 0.003 / 1000 + 567 × 0.015 / 1000 = 0.003702 + 0.008505 USD
    expect(cost.usdNanos).toBe(12_207_000n);
    expect(fromNanos(cost.usdNanos)).toBeCloseTo(0.012207, 9);
    // 1234 × 0.264 / 1000 + 567 × 1.32 / 1000 = 0.325776 + 0.74844 INR
    expect(cost.inrNanos).toBe(1_074_216_000n);
  });

  test('a million one-token calls sum without drift where floats would', () => {
    const one = costOf(
      { inputTokens: 1, outputTokens: 1 },
      { inputPer1kUsd: 0.0001, outputPer1kUsd: 0.0002, inputPer1kInr: 0, outputPer1kInr: 0 },
    );
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) float += 0.0001 / 1000 + 0.0002 / 1000;
    expect(one.usdNanos * 1_000_000n).toBe(300_000_000n);
    expect(float).not.toBe(0.3);
  });

  test('budgets in currency convert to nano-units and back', () => {
    expect(toNanos(1.5)).toBe(1_500_000_000n);
    expect(fromNanos(toNanos(0.000001))).toBe(0.000001);
  });

  test('built-in INR prices are the USD prices at the stated rate', () => {
    for (const model of BUILT_IN_MODELS) {
      expect(model.pricing.inputPer1kInr).toBeCloseTo(model.pricing.inputPer1kUsd * BUILT_IN_USD_TO_INR, 6);
      expect(model.pricing.outputPer1kInr).toBeCloseTo(model.pricing.outputPer1kUsd * BUILT_IN_USD_TO_INR, 6);
    }
  });
});
