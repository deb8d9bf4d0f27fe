/**
 * When the launcher restarts a crashed worker or API, and when it gives up. Pure, so the policy is tested
 * without processes; {@link superviseProcess} applies it.
 */

/** How hard the launcher tries to keep an app process running. */
export interface RestartPolicy {
  /** Wait before the first restart; each further crash inside the window doubles it. */
  readonly baseDelayMs: number;
  /** The longest wait between a crash and the restart. */
  readonly maxDelayMs: number;
  /** This many crashes inside `windowMs` and the launcher gives up (stops the stack, exits 1). */
  readonly maxCrashes: number;
  /** Crashes older than this are forgotten: a process that then runs a while starts again from `baseDelayMs`. */
  readonly windowMs: number;
}

/** 0.5 s, 1 s, 2 s, 4 s … capped at 10 s; the fifth crash within a minute gives up. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { baseDelayMs: 500, maxDelayMs: 10_000, maxCrashes: 5, windowMs: 60_000 };

/** What to do after a crash. `crashes` counts the crashes inside the window, this one included. */
export type RestartDecision = { action: 'restart'; delayMs: number; crashes: number } | { action: 'give-up'; crashes: number };

/**
 * Decides what follows a crash at `now`, given the times of earlier crashes (any order, any age).
 * Returns the crash times to remember next time (those still inside the window, plus `now`).
 */
export function decideRestart(
  earlierCrashes: readonly number[],
  now: number,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): { decision: RestartDecision; crashes: number[] } {
  const crashes = [...earlierCrashes.filter((t) => now - t < policy.windowMs), now];
  const n = crashes.length;
  if (n >= policy.maxCrashes) return { decision: { action: 'give-up', crashes: n }, crashes };
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return { decision: { action: 'restart', delayMs, crashes: n }, crashes };
}
