/**
 * Unified diffs as models write them, applied with jsdiff. Models get the mechanics wrong more often than the
 * content: line numbers off by a few, hunk counts that do not add up, no `---`/`+++` header, a blank context line
 * without its leading space, trailing whitespace or indentation that drifted, CRLF. The text is normalised (hunk
 * headers recounted) before `parsePatch`, and `applyPatch` tries an exact fit before a tolerant one.
 */
import { applyPatch, parsePatch, type StructuredPatch } from 'diff';

/** Thrown when a patch does not parse or its context no longer matches the file (a conflicting edit). */
export class PatchConflictError extends Error {
  override readonly name = 'PatchConflictError';
  constructor(
    readonly path: string,
    readonly hunk: number,
    reason: string,
  ) {
    super(`The patch for ${path} does not apply at hunk ${hunk}: ${reason}`);
  }
}

/** Context lines that may differ from the file (jsdiff's Levenshtein budget); removed lines must still match. */
const FUZZ = 2;
const HUNK_HEADER = /^@@+(?:\s+-(\d+)(?:,(\d+))?(?:\s+\+(\d+)(?:,(\d+))?)?)?/;
const FILE_HEADER = /^(diff |index |--- |\+\+\+ |Index: )/;

/** Same line but for trailing whitespace and the width of its indentation (tabs, 2 vs 4 spaces). */
export function looseLineEqual(a: string | undefined, b: string): boolean {
  return a !== undefined && a.trim() === b.trim();
}

/** Whether a changed line follows before the next hunk: then a line without a prefix was context missing its space. */
function changesFollow(lines: string[], from: number): boolean {
  for (let k = from; k < lines.length && !lines[k]!.startsWith('@@'); k++)
    if (/^[+-]/.test(lines[k]!) && !FILE_HEADER.test(lines[k]!)) return true;
  return false;
}

/**
 * Rewrites the hunks of `patch` so jsdiff can parse them: every `@@` header gets the counts of its body, a hunk
 * missing its start line gets the previous hunk's end, an empty body line is a blank context line, and a line
 * with no diff prefix ends the hunk unless more changes follow (then it was context missing its space). Prose
 * and code fences around the hunks are dropped.
 */
export function normalizePatch(patch: string): string {
  const input = patch.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let nextStart = 1;
  for (let i = 0; i < input.length; i++) {
    const header = input[i]!.startsWith('@@') ? HUNK_HEADER.exec(input[i]!) : null;
    if (!header) {
      if (FILE_HEADER.test(input[i]!)) out.push(input[i]!);
      continue;
    }
    const body: string[] = [];
    let j = i + 1;
    for (; j < input.length && !input[j]!.startsWith('@@'); j++) {
      const line = input[j]!;
      if (line.startsWith('diff --git ') || /^(`{3}|~{3})/.test(line) || (line.startsWith('--- ') && input[j + 1]?.startsWith('+++ ')))
        break;
      if (line === '') body.push(' ');
      else if (/^[ +\-\\]/.test(line)) body.push(line);
      else if (changesFollow(input, j + 1)) body.push(` ${line}`);
      else break;
    }
    while (body.length && body[body.length - 1] === ' ') body.pop();
    const oldCount = body.filter((l) => l[0] === ' ' || l[0] === '-').length;
    const newCount = body.filter((l) => l[0] === ' ' || l[0] === '+').length;
    const oldStart = header[1] !== undefined ? Number(header[1]) : nextStart;
    const newStart = header[3] !== undefined ? Number(header[3]) : oldStart;
    // With a zero count the start names the line before (the format's quirk); keep pointing at the same place.
    const start = (n: number, count: number, given: string | undefined) =>
      count === 0 && given !== '0' ? Math.max(0, n - 1) : Math.max(count ? 1 : 0, n);
    out.push(`@@ -${start(oldStart, oldCount, header[2])},${oldCount} +${start(newStart, newCount, header[4])},${newCount} @@`, ...body);
    nextStart = Math.max(1, oldStart + oldCount);
    i = j - 1;
  }
  return out.join('\n');
}

function parse(path: string, patch: string): StructuredPatch {
  let parsed: StructuredPatch[];
  try {
    parsed = parsePatch(normalizePatch(patch));
  } catch (failure) {
    throw new PatchConflictError(path, 0, (failure as Error).message);
  }
  const withHunks = parsed.filter((p) => p.hunks.length > 0);
  if (!withHunks.length) throw new PatchConflictError(path, 0, 'no @@ hunk found');
  if (withHunks.length === 1) return withHunks[0]!;
  const named = withHunks.filter((p) => [p.oldFileName, p.newFileName].some((n) => n && n.replace(/^[ab]\//, '') === path));
  if (named.length === 1) return named[0]!;
  throw new PatchConflictError(path, 0, `the patch changes ${withHunks.length} files; send one patch per file`);
}

/** Marks the lines a hunk adds, so they can be found in jsdiff's result and moved to the file's indentation. */
const ADDED = '\u0000';
const indentOf = (line: string) => /^[ \t]*/.exec(line)![0];

/** The file's indentation for each indentation the patch used, by majority of the loosely matched lines. */
function indentMap(votes: Map<string, Map<string, number>>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [from, to] of votes) map.set(from, [...to].sort((a, b) => b[1] - a[1])[0]![0]);
  return map;
}

/** An indentation the map does not name: scaled like a mapped one of the same character (4 → 2 spaces, 4 spaces → a tab). */
function reindent(line: string, map: Map<string, string>): string {
  const indent = indentOf(line);
  if (map.has(indent)) return map.get(indent)! + line.slice(indent.length);
  const uniform = (s: string) => s.length > 0 && s.split('').every((c) => c === s[0]);
  const scale = [...map].find(([from, to]) => uniform(from) && uniform(to) && uniform(indent) && from[0] === indent[0]);
  if (scale) return scale[1][0]!.repeat(Math.round((indent.length * scale[1].length) / scale[0].length)) + line.slice(indent.length);
  const key = [...map.keys()].filter((k) => indent.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  return key === undefined ? line : map.get(key)! + line.slice(key.length);
}

/**
 * The patch applied exactly, else tolerantly: then lines it adds follow the file's indentation where the patch's
 * context used another (two spaces for four, spaces for a tab).
 */
function attempt(source: string, patch: StructuredPatch): string | false {
  const exact = applyPatch(source, patch);
  if (exact !== false) return exact;
  const votes = new Map<string, Map<string, number>>();
  const compareLine = (_n: number, line: string, _op: string, content: string) => {
    const same = looseLineEqual(line, content);
    if (same && line.trim() !== '') {
      const to = votes.get(indentOf(content)) ?? new Map<string, number>();
      to.set(indentOf(line), (to.get(indentOf(line)) ?? 0) + 1);
      votes.set(indentOf(content), to);
    }
    return same;
  };
  const marked = {
    ...patch,
    hunks: patch.hunks.map((h) => ({ ...h, lines: h.lines.map((l) => (l[0] === '+' ? `+${ADDED}${l.slice(1)}` : l)) })),
  };
  const loose = applyPatch(source, marked, { fuzzFactor: FUZZ, compareLine });
  if (loose === false) return false;
  const map = indentMap(votes);
  return loose
    .split('\n')
    .map((line) => (line.startsWith(ADDED) ? reindent(line.slice(1), map) : line))
    .join('\n');
}

/**
 * Applies a unified diff to `original`: exactly where the context matches (searching outward from the header's
 * line), else tolerating whitespace drift and up to two changed context lines. Lines the hunk removes must be
 * there, so an edit that collides with someone else's change to those lines is refused rather than mangled.
 */
export function applyUnifiedPatch(path: string, original: string, patch: string): string {
  const structured = parse(path, patch);
  const patched = attempt(original, structured);
  if (patched !== false) return patched;
  // Which hunk failed: the first whose prefix of the patch no longer applies.
  let hunk = structured.hunks.length;
  for (let n = 1; n < structured.hunks.length; n++) {
    if (attempt(original, { ...structured, hunks: structured.hunks.slice(0, n) }) === false) {
      hunk = n;
      break;
    }
  }
  throw new PatchConflictError(path, hunk, 'its context does not match the current file');
}
