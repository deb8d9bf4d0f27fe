/**
 * Replace one passage of a file, as `replace_in_file` and SEARCH/REPLACE blocks ask. The passage must occur once:
 * exactly, else (models drift) as the same lines with other indentation or trailing whitespace, re-indented to
 * the file. A miss names the nearest line so the model can correct itself.
 */

export type ReplaceOutcome =
  | { ok: true; content: string; /** Matched by the whitespace-tolerant fallback. */ loose: boolean }
  | { ok: false; reason: 'empty' | 'not_found' | 'ambiguous'; message: string; count?: number; nearestLine?: number };

const indentOf = (line: string) => /^\s*/.exec(line)![0];
const blank = (line: string) => line.trim() === '';

/** Drops the blank lines at both ends (the fallback compares whole lines). */
function coreLines(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length && blank(lines[0]!)) lines.shift();
  while (lines.length && blank(lines[lines.length - 1]!)) lines.pop();
  return lines;
}

function occurrences(haystack: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

/** Character-bigram similarity (Dice) of two trimmed lines, 0…1. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const x = grams(a.trim());
  const y = grams(b.trim());
  if (!x.length || !y.length) return a.trim() === b.trim() ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const left = pool.get(g) ?? 0;
    if (left > 0) {
      shared++;
      pool.set(g, left - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** 1-based line of `content` most like the first non-blank line of `wanted`; null for an empty file. */
export function nearestLine(content: string, wanted: string): { line: number; text: string } | null {
  const probe = coreLines(wanted)[0] ?? wanted;
  const lines = content.split('\n');
  let best = -1;
  let bestScore = -1;
  for (let i = 0; i < lines.length; i++) {
    const score = blank(lines[i]!) ? -1 : similarity(lines[i]!, probe);
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best < 0 || bestScore < 0 ? null : { line: best + 1, text: lines[best]!.trim() };
}

/**
 * `lines` moved to the file's indentation: an indentation the model used on a matched line maps to that line's
 * indentation in the file; others shift by the first line's difference.
 */
function reindent(lines: string[], matched: string[], model: string[]): string[] {
  const map = new Map<string, string>();
  model.forEach((line, k) => {
    if (!blank(line) && !map.has(indentOf(line))) map.set(indentOf(line), indentOf(matched[k]!));
  });
  const from = indentOf(model.find((l) => !blank(l)) ?? '');
  const to = map.get(from) ?? from;
  return lines.map((line) => {
    if (blank(line)) return line;
    const indent = indentOf(line);
    if (map.has(indent)) return map.get(indent)! + line.slice(indent.length);
    return indent.startsWith(from) ? to + line.slice(from.length) : line;
  });
}

/**
 * The one place `oldText` occurs in `content`, replaced by `newText`. With `wholeLines` (SEARCH/REPLACE blocks
 * quote lines) an exact match must start and end on line boundaries.
 */
export function replaceUnique(content: string, oldText: string, newText: string, options: { wholeLines?: boolean } = {}): ReplaceOutcome {
  const crlf = content.includes('\r\n');
  const eol = (text: string) => (crlf ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n'));
  if (oldText.trim() === '') {
    if (content === '') return { ok: true, content: eol(newText), loose: false };
    return { ok: false, reason: 'empty', message: 'the text to replace is empty; quote the lines you want to change' };
  }
  const needle = eol(oldText);
  const onLines = (at: number) =>
    (at === 0 || content[at - 1] === '\n') &&
    (needle.endsWith('\n') || at + needle.length === content.length || /^\r?\n/.test(content.slice(at + needle.length)));
  const exact = occurrences(content, needle).filter((at) => !options.wholeLines || onLines(at));
  if (exact.length === 1)
    return { ok: true, content: content.slice(0, exact[0]) + eol(newText) + content.slice(exact[0]! + eol(oldText).length), loose: false };
  if (exact.length > 1) return ambiguous(exact.length);

  const lines = content.replace(/\r\n/g, '\n').split('\n');
  const wanted = coreLines(oldText.replace(/\r\n/g, '\n'));
  const starts: number[] = [];
  for (let i = 0; i + wanted.length <= lines.length; i++) if (wanted.every((w, k) => lines[i + k]!.trim() === w.trim())) starts.push(i);
  if (starts.length > 1) return ambiguous(starts.length);
  if (starts.length === 0) {
    const near = nearestLine(lines.join('\n'), oldText);
    return {
      ok: false,
      reason: 'not_found',
      message: near
        ? `the text to replace was not found; the nearest line is ${near.line}: ${near.text}`
        : 'the text to replace was not found; the file is empty',
      ...(near ? { nearestLine: near.line } : {}),
    };
  }
  const at = starts[0]!;
  const replacement = reindent(coreLines(newText.replace(/\r\n/g, '\n')), lines.slice(at, at + wanted.length), wanted);
  lines.splice(at, wanted.length, ...replacement);
  return { ok: true, content: eol(lines.join('\n')), loose: true };
}

function ambiguous(count: number): ReplaceOutcome {
  return {
    ok: false,
    reason: 'ambiguous',
    count,
    message: `the text to replace occurs ${count} times; include more surrounding lines so it occurs once`,
  };
}
