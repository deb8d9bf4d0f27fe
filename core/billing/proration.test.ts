import { MIN_CHARGE, cancelRefund, cyclePosition, upgradeCharge } from './proration';

const DAY = 86_400;
const month = 30 * DAY;

describe('upgradeCharge', () => {
  it('charges the difference for the rest of the cycle, rounded up to the next minor unit', () => {
    // pro → team monthly in INR, 10 of 30 days left: (399900 - 149900) / 3 = 83333.33… → 83334.
    expect(upgradeCharge({ oldPrice: 149_900, newPrice: 399_900, currency: 'INR', secondsLeft: 10 * DAY, cycleSeconds: month })).toBe(83_334);
    // An exact division is not rounded up.
    expect(upgradeCharge({ oldPrice: 1_900, newPrice: 4_900, currency: 'USD', secondsLeft: 15 * DAY, cycleSeconds: month })).toBe(1_500);
  });

  it('charges the whole difference at the start of the cycle and nothing at its end', () => {
    expect(upgradeCharge({ oldPrice: 1_900, newPrice: 24_900, currency: 'USD', secondsLeft: month, cycleSeconds: month })).toBe(23_000);
    expect(upgradeCharge({ oldPrice: 1_900, newPrice: 24_900, currency: 'USD', secondsLeft: 0, cycleSeconds: month })).toBe(0);
  });

  it('charges nothing under the minimum (₹1, $0.50) and exactly the minimum at it', () => {
    // USD 4900 - 1900 = 3000 cents; 49/3000 of the cycle left → ceil(49) = 49 < 50.
    expect(upgradeCharge({ oldPrice: 1_900, newPrice: 4_900, currency: 'USD', secondsLeft: 49, cycleSeconds: 3_000 })).toBe(0);
    expect(upgradeCharge({ oldPrice: 1_900, newPrice: 4_900, currency: 'USD', secondsLeft: 50, cycleSeconds: 3_000 })).toBe(MIN_CHARGE.USD);
    expect(upgradeCharge({ oldPrice: 149_900, newPrice: 399_900, currency: 'INR', secondsLeft: 1, cycleSeconds: 2_500 })).toBe(100);
    expect(upgradeCharge({ oldPrice: 149_900, newPrice: 399_900, currency: 'INR', secondsLeft: 1, cycleSeconds: 2_526 })).toBe(0);
  });

  it('charges nothing for a cheaper or equal plan', () => {
    expect(upgradeCharge({ oldPrice: 399_900, newPrice: 149_900, currency: 'INR', secondsLeft: DAY, cycleSeconds: month })).toBe(0);
    expect(upgradeCharge({ oldPrice: 149_900, newPrice: 149_900, currency: 'INR', secondsLeft: DAY, cycleSeconds: month })).toBe(0);
  });

  it('stays exact where a float product would lose digits', () => {
    // Yearly enterprise INR: 19_999_000 paise times a leap year of seconds exceeds 2^53 / 16; BigInt keeps it exact.
    const year = 366 * DAY;
    const charge = upgradeCharge({ oldPrice: 1_499_000, newPrice: 19_999_000, currency: 'INR', secondsLeft: year - 7, cycleSeconds: year });
    const exact = (BigInt(19_999_000 - 1_499_000) * BigInt(year - 7) + BigInt(year) - 1n) / BigInt(year);
    expect(charge).toBe(Number(exact));
  });

  it('refuses fractional money and an impossible cycle position', () => {
    expect(() => upgradeCharge({ oldPrice: 1.5, newPrice: 4_900, currency: 'USD', secondsLeft: 1, cycleSeconds: 2 })).toThrow(RangeError);
    expect(() => upgradeCharge({ oldPrice: 1_900, newPrice: 4_900, currency: 'USD', secondsLeft: 3, cycleSeconds: 2 })).toThrow(RangeError);
    expect(() => upgradeCharge({ oldPrice: 1_900, newPrice: 4_900, currency: 'USD', secondsLeft: 0, cycleSeconds: 0 })).toThrow(RangeError);
  });
});

describe('cancelRefund', () => {
  it('refunds the unused part of the last charge, rounded down', () => {
    // 10 of 30 days left of ₹1,499: 149900 / 3 = 49966.66… → 49966.
    expect(cancelRefund({ lastCharge: 149_900, currency: 'INR', secondsLeft: 10 * DAY, cycleSeconds: month })).toBe(49_966);
    expect(cancelRefund({ lastCharge: 1_900, currency: 'USD', secondsLeft: month, cycleSeconds: month })).toBe(1_900);
    expect(cancelRefund({ lastCharge: 1_900, currency: 'USD', secondsLeft: 0, cycleSeconds: month })).toBe(0);
  });

  it('refunds nothing under the minimum', () => {
    // 1900 * 77 / 3000 = 48.77 → 48 < 50.
    expect(cancelRefund({ lastCharge: 1_900, currency: 'USD', secondsLeft: 77, cycleSeconds: 3_000 })).toBe(0);
    expect(cancelRefund({ lastCharge: 1_900, currency: 'USD', secondsLeft: 79, cycleSeconds: 3_000 })).toBe(50);
  });
});

describe('cyclePosition', () => {
  const start = new Date('2026-12-01T00:00:00Z');
  const end = new Date('2026-12-31T00:00:00Z');

  it('counts whole seconds left in the cycle', () => {
    expect(cyclePosition(start, end, new Date('2026-12-21T00:00:00.900Z'))).toEqual({ secondsLeft: 10 * DAY - 1, cycleSeconds: month });
  });

  it('clamps before the start and after the end', () => {
    expect(cyclePosition(start, end, new Date('2026-11-01T00:00:00Z'))).toEqual({ secondsLeft: month, cycleSeconds: month });
    expect(cyclePosition(start, end, new Date('2027-01-05T00:00:00Z'))).toEqual({ secondsLeft: 0, cycleSeconds: month });
  });
});
