/**
 * The proration rule, stated to users on the billing page and in core/billing/README.md. Pure integer arithmetic in
 * minor units (BigInt, so no product of a price and a second count is ever rounded):
 * - an upgrade pays now `ceil((newPrice - oldPrice) * secondsLeft / cycleSeconds)`; under the minimum charge
 *   (₹1 / $0.50) nothing is charged and the new plan applies at once;
 * - a cancel-now refunds `floor(lastCharge * secondsLeft / cycleSeconds)`; under the same minimum nothing is refunded
 *   (Razorpay refuses smaller refunds).
 */
import type { BillingCurrency } from '../../contracts/billing';

/** The smallest amount Razorpay charges or refunds, in minor units: ₹1 and $0.50. */
export const MIN_CHARGE: Readonly<Record<BillingCurrency, number>> = { INR: 100, USD: 50 };

/** Where in its billing cycle a subscription is. */
export interface CyclePosition {
  /** Seconds from now to the end of the cycle, 0 to `cycleSeconds`. */
  readonly secondsLeft: number;
  /** Length of the whole cycle in seconds (at least 1). */
  readonly cycleSeconds: number;
}

/** The position of `now` in the cycle `[start, end)`, clamped: before the start counts as all left, after the end as none. */
export function cyclePosition(start: Date, end: Date, now: Date): CyclePosition {
  const cycleSeconds = Math.max(1, Math.floor((end.getTime() - start.getTime()) / 1000));
  const left = Math.floor((end.getTime() - now.getTime()) / 1000);
  return { secondsLeft: Math.min(cycleSeconds, Math.max(0, left)), cycleSeconds };
}

function checkCycle({ secondsLeft, cycleSeconds }: CyclePosition): void {
  if (!Number.isInteger(secondsLeft) || !Number.isInteger(cycleSeconds) || cycleSeconds < 1 || secondsLeft < 0 || secondsLeft > cycleSeconds) {
    throw new RangeError(`Invalid cycle position ${secondsLeft}/${cycleSeconds}`);
  }
}

function checkMoney(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer of minor units, got ${value}`);
}

/**
 * What an upgrade from `oldPrice` to `newPrice` charges now for the rest of the cycle, in minor units: 0 when the
 * new plan is not dearer or the amount is under the currency's minimum charge.
 */
export function upgradeCharge(input: { oldPrice: number; newPrice: number; currency: BillingCurrency } & CyclePosition): number {
  checkMoney('oldPrice', input.oldPrice);
  checkMoney('newPrice', input.newPrice);
  checkCycle(input);
  if (input.newPrice <= input.oldPrice) return 0;
  const numerator = BigInt(input.newPrice - input.oldPrice) * BigInt(input.secondsLeft);
  const divisor = BigInt(input.cycleSeconds);
  const charge = Number((numerator + divisor - 1n) / divisor);
  return charge < MIN_CHARGE[input.currency] ? 0 : charge;
}

/** What cancelling now refunds of the last charge for the unused rest of the cycle: 0 under the minimum. */
export function cancelRefund(input: { lastCharge: number; currency: BillingCurrency } & CyclePosition): number {
  checkMoney('lastCharge', input.lastCharge);
  checkCycle(input);
  const refund = Number((BigInt(input.lastCharge) * BigInt(input.secondsLeft)) / BigInt(input.cycleSeconds));
  return refund < MIN_CHARGE[input.currency] ? 0 : refund;
}
