import { applyPatch, structuredPatch } from 'diff';

/** How many lines of context a hunk may lose and still apply (jsdiff's `fuzzFactor`). */
export const STALE_FUZZ = 2;

/**
 * The text Accept should leave in the file: the proposal itself when the file still reads as it did when the
 * model saw it; otherwise the proposal's change (base → proposed) replayed onto what the file reads now, so
 * edits made meanwhile elsewhere survive. Null when it no longer applies (ASSIST_STALE).
 */
export function rebaseProposal(base: string, proposed: string, current: string): string | null {
  if (current === base) return proposed;
  const patch = structuredPatch('a', 'b', base, proposed, '', '', { context: 3 });
  if (!patch.hunks.length) return current;
  const applied = applyPatch(current, patch, { fuzzFactor: STALE_FUZZ });
  return applied === false ? null : applied;
}
