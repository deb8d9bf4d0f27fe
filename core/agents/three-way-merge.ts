import type * as Diff3 from 'node-diff3' with { 'resolution-mode': 'import' };

// node-diff3 ships a CommonJS build, but its types are declared for ESM only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { merge } = require('node-diff3') as typeof Diff3;

/** The result of merging two edits of one file made from a common base. */
export interface MergeResult {
  /** False when both sides changed the same lines; `text` then has conflict markers and must not be saved. */
  clean: boolean;
  text: string;
}

const lines = (text: string) => text.split('\n');

/**
 * Line-based three-way merge (diff3): `ours` is the agent's new content, `theirs` the newer edit already
 * stored, `base` what the agent last saw. Changes to different lines combine; changes to the same lines do not.
 */
export function threeWayMerge(ours: string, base: string, theirs: string): MergeResult {
  if (ours === theirs || theirs === base) return { clean: true, text: ours };
  if (ours === base) return { clean: true, text: theirs };
  const merged = merge(lines(ours), lines(base), lines(theirs));
  return { clean: !merged.conflict, text: merged.result.join('\n') };
}
