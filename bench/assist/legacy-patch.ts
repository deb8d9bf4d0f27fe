/**
 * The agents' unified-diff applier before issue 17 (core/agents/unified-patch.ts at that time), kept verbatim as
 * the baseline the edit-apply corpus measures the jsdiff-based one against. Exact line matches only: at the
 * header's line, else the first place after the previous hunk.
 */
import { PatchConflictError } from '../../core/agents/unified-patch';

interface Hunk {
  oldStart: number;
  lines: string[];
}

const HEADER = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/;

function parse(path: string, patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of patch.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')) {
    const header = HEADER.exec(line);
    if (header) hunks.push({ oldStart: Number(header[1]), lines: [] });
    else if (hunks.length && /^[ +-]/.test(line)) hunks[hunks.length - 1]!.lines.push(line);
    else if (hunks.length && line === '') hunks[hunks.length - 1]!.lines.push(' ');
  }
  if (!hunks.length) throw new PatchConflictError(path, 0, 'no @@ hunk found');
  return hunks;
}

/**
 * Applies a unified diff to `original`. Each hunk's context and removed lines must match: first where the
 * header says, else the nearest place after the previous hunk (the file may have shifted), never fuzzily,
 * so an edit that collides with someone else's change is refused rather than mangled.
 */
export function legacyApplyUnifiedPatch(path: string, original: string, patch: string): string {
  const endsWithNewline = original.endsWith('\n');
  const lines = original === '' ? [] : original.replace(/\n$/, '').split('\n');
  let offset = 0;
  let cursor = 0;
  parse(path, patch).forEach((hunk, index) => {
    const before = hunk.lines.filter((l) => !l.startsWith('+')).map((l) => l.slice(1));
    const after = hunk.lines.filter((l) => !l.startsWith('-')).map((l) => l.slice(1));
    const expected = Math.max(0, hunk.oldStart - 1 + offset - (before.length === 0 ? -1 : 0));
    const matches = (at: number) => before.every((line, i) => lines[at + i] === line);
    let at = expected <= lines.length && matches(expected) ? expected : -1;
    for (let i = cursor; at < 0 && i + before.length <= lines.length; i++) if (matches(i)) at = i;
    if (at < 0) throw new PatchConflictError(path, index + 1, 'its context does not match the current file');
    lines.splice(at, before.length, ...after);
    offset += after.length - before.length;
    cursor = at + after.length;
  });
  return lines.length ? `${lines.join('\n')}${endsWithNewline || original === '' ? '\n' : ''}` : '';
}
