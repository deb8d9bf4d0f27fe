/**
 * The `path:line` and `path:start-end` spots a chat answer cites, so the client can link them to the editor. Only
 * files the project has count, and only lines inside them: a model that invents a file or a line gets no link.
 */
import type { AssistCitation } from '../../contracts/assist';

/** At most this many links per answer; a longer list is noise. */
export const MAX_CITATIONS = 50;

/**
 * `src/a.ts:12`, `src/a.ts:10-14`, `./src/a.ts:3`, `src/a.ts#L12` or `src/a.ts#L10-L14`, not preceded by a path
 * character (so `http://host:80` is not read as `host:80`, and `x/src/a.ts:1` is not read as `src/a.ts:1`).
 */
const CITATION = /(?<![\w@./\\-])(?:\.\/)?([\w@][\w@.\-/]*)(?::(\d+)(?:\s?[-–]\s?(\d+))?|#L(\d+)(?:-L?(\d+))?)(?!\d)/g;

/**
 * The citations in `text`, in order of first appearance, each once. `files` maps every path of the project to its
 * number of lines; a range's end past the file's end is cut to it, an end before its start is dropped.
 */
export function parseCitations(text: string, files: ReadonlyMap<string, number>): AssistCitation[] {
  const found: AssistCitation[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(CITATION)) {
    const path = match[1]!.replace(/[.]+$/, '');
    const lines = files.get(path);
    if (lines === undefined) continue;
    const line = Number(match[2] ?? match[4]);
    if (line < 1 || line > lines) continue;
    const rawEnd = match[3] ?? match[5];
    const end = rawEnd === undefined ? undefined : Math.min(Number(rawEnd), lines);
    const citation: AssistCitation = end !== undefined && end > line ? { path, line, endLine: end } : { path, line };
    const key = `${citation.path}:${citation.line}-${citation.endLine ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push(citation);
    if (found.length === MAX_CITATIONS) break;
  }
  return found;
}

/** The number of lines of a file's text, as an editor counts them (a trailing newline ends the last line). */
export function lineCount(content: string): number {
  if (!content) return 0;
  const lines = content.split('\n').length;
  return content.endsWith('\n') ? lines - 1 : lines;
}
