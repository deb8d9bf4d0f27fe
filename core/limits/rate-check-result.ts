import { refusal, type LimitRefusal } from './limits.errors';
import type { LimitKind } from './tiers';

/** A usage threshold crossed by one admitted request; fires once per crossing. */
export interface LimitWarningEvent {
  /** The user id, or `ip:<address>` for IP windows. */
  readonly subject: string;
  readonly kind: LimitKind;
  /** The threshold in percent of the limit, e.g. 80 or 90. */
  readonly threshold: number;
  readonly used: number;
  readonly limit: number;
  readonly resetAt: Date;
}

/** The state of one window after an admitted request. */
export interface WindowUsage {
  readonly kind: LimitKind;
  /** `null` when the window has no limit. */
  readonly limit: number | null;
  readonly used: number;
  /** Units left before the grace; `null` when the window has no limit. */
  readonly remaining: number | null;
  readonly inGrace: boolean;
  readonly resetAt: Date;
}

/** An admitted check. A refused one throws RateLimitExceededError. */
export interface RateCheckResult {
  readonly allowed: true;
  /** Admitted without counting because Redis was unreachable and the policy fails open. */
  readonly degraded: boolean;
  /** Admitted above the limit, within the grace. */
  readonly inGrace: boolean;
  /** The fewest units left among the windows (`null` when none is limited or degraded). */
  readonly remaining: number | null;
  /** Thresholds this request crossed. */
  readonly warnings: readonly LimitWarningEvent[];
  readonly windows: readonly WindowUsage[];
}

/** One window of a check, as sent to the sliding-window script. */
export interface WindowSpec {
  kind: LimitKind;
  /** `null`: no limit; the script counts nothing. */
  limit: number | null;
  windowMs: number;
}

/**
 * Reads the sliding-window script's reply (see lua/sliding-window.lua.ts). A refusal names the refusing
 * window that frees up last, since the request needs room in all of them.
 */
export function parseWindowReply(
  subject: string,
  windows: readonly WindowSpec[],
  reply: number[],
): { result: RateCheckResult } | { refused: LimitRefusal } {
  const [now = 0, allowed] = reply;
  const usage: WindowUsage[] = [];
  const warnings: LimitWarningEvent[] = [];
  const refused: Array<{ kind: LimitKind; limit: number; resetAt: number }> = [];
  windows.forEach((w, i) => {
    const [limit = -1, used = 0, hard = 0, resetAt = 0, warning = 0] = reply.slice(2 + i * 5, 7 + i * 5);
    const unlimited = limit < 0;
    if (!unlimited && used >= hard) refused.push({ kind: w.kind, limit, resetAt });
    const remaining = unlimited ? null : Math.max(0, limit - used);
    usage.push({
      kind: w.kind,
      limit: unlimited ? null : limit,
      used,
      remaining,
      inGrace: !unlimited && used > limit,
      resetAt: new Date(resetAt),
    });
    if (warning > 0) warnings.push({ subject, kind: w.kind, threshold: warning, used, limit, resetAt: new Date(resetAt) });
  });
  if (allowed !== 1) {
    const binding = refused.reduce((a, b) => (b.resetAt > a.resetAt ? b : a));
    return { refused: refusal(binding.kind, binding.limit, binding.resetAt, now) };
  }
  const limited = usage.flatMap((u) => (u.remaining === null ? [] : [u.remaining]));
  const remaining = limited.length ? Math.min(...limited) : null;
  return { result: { allowed: true, degraded: false, inGrace: usage.some((u) => u.inGrace), remaining, warnings, windows: usage } };
}

/** What a fail-open check returns when Redis is unreachable: admitted, nothing known, nothing counted. */
export function degradedResult(windows: readonly WindowSpec[]): RateCheckResult {
  const usage = windows.map((w) => ({ kind: w.kind, limit: w.limit, used: 0, remaining: w.limit, inGrace: false, resetAt: new Date() }));
  return { allowed: true, degraded: true, inGrace: false, remaining: null, warnings: [], windows: usage };
}
