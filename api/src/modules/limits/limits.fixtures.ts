/** Shared by this module's tests: short windows and a free tier with chosen limits. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_LIMITS, type LimitSubject, type LimitsConfig, type TierLimits } from './tiers';

/** DEFAULT_LIMITS with every window `windowMs` long, the free tier patched, and IP auth at `ipLimit`. */
export function testConfig(free: Partial<TierLimits>, windowMs = 3_000, ipLimit = 3): LimitsConfig {
  const windows = Object.fromEntries(Object.entries(DEFAULT_LIMITS.windows).map(([kind, w]) => [kind, { ...w, windowMs }]));
  return {
    ...DEFAULT_LIMITS,
    tiers: { ...DEFAULT_LIMITS.tiers, free: { ...DEFAULT_LIMITS.tiers.free, ...free } },
    windows: windows as LimitsConfig['windows'],
    ip: { auth: { ...DEFAULT_LIMITS.ip.auth, limit: ipLimit, windowMs } },
  };
}

/** A user no other test uses, so test files can share one Redis. */
export function freshUser(tier: LimitSubject['tier'] = 'free'): LimitSubject {
  return { id: `t-${randomUUID()}`, tier };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
