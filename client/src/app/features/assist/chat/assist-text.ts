/**
 * An answer's text as what it shows: prose with `inline code`, **bold** and citations (`src/a.ts:12`,
 * `src/a.ts:10-14`) that link to the file, headings, and fenced code blocks (an unclosed fence while the answer
 * streams is a block to the end). Pure and HTML-free: the template renders the parts as text nodes.
 */

/** A cited spot, as the server parsed it from the answer (only paths of the project, lines within the file). */
export interface Citation {
  readonly path: string;
  readonly line: number;
  readonly endLine?: number | null;
}

export type AnswerInline =
  | { readonly kind: 'text' | 'code' | 'strong'; readonly text: string }
  | { readonly kind: 'cite'; readonly text: string; readonly cite: Citation; readonly code: boolean };

export type AnswerBlock =
  | { readonly kind: 'prose' | 'heading'; readonly parts: readonly AnswerInline[] }
  | { readonly kind: 'code'; readonly language: string; readonly code: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)[^\n]*$/;
const HEADING = /^ {0,3}#{1,6}\s+(.*)$/;
/** `path:line` or `path:start-end`; the path has an extension. */
const CITE = /(?<![\w/.@-])((?:\.\/)?(?:[\w@.-]+\/)*[\w-][\w.-]*\.[A-Za-z0-9]+):(\d+)(?:-(\d+))?(?![\w-])/g;
const INLINE = /`([^`\n]+)`|\*\*([^*\n]+)\*\*/g;

/** Splits an answer into blocks; citations link only when `citations` holds their path. */
export function answerBlocks(text: string, citations: readonly Citation[] = []): AnswerBlock[] {
  const known = new Map(citations.map((c) => [normalise(c.path), c]));
  const blocks: AnswerBlock[] = [];
  let prose: string[] = [];
  let fence: { marker: string; language: string; lines: string[] } | null = null;
  const flush = () => {
    const body = prose.join('\n').replace(/^\n+|\n+$/g, '');
    if (body) blocks.push({ kind: 'prose', parts: inlineParts(body, known) });
    prose = [];
  };
  for (const line of text.split('\n')) {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && !line.trim().slice(fence.marker.length).trim()) {
        blocks.push({ kind: 'code', language: fence.language, code: fence.lines.join('\n') });
        fence = null;
      } else fence.lines.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    const heading = HEADING.exec(line);
    if (open) {
      flush();
      fence = { marker: open[1]!, language: open[2] ?? '', lines: [] };
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', parts: inlineParts(heading[1]!.replace(/#+\s*$/, ''), known) });
    } else prose.push(line);
  }
  if (fence) blocks.push({ kind: 'code', language: fence.language, code: fence.lines.join('\n') });
  else flush();
  return blocks;
}

/** The citations the text does not show as links (listed under the answer). */
export function extraCitations(blocks: readonly AnswerBlock[], citations: readonly Citation[]): Citation[] {
  const shown = new Set<string>();
  for (const block of blocks) {
    if (block.kind === 'code') continue;
    for (const part of block.parts) if (part.kind === 'cite') shown.add(normalise(part.cite.path));
  }
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${normalise(c.path)}:${c.line}`;
    if (shown.has(normalise(c.path)) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "src/a.ts:12" or "src/a.ts:10-14". */
export const citationLabel = (c: Citation) => `${c.path}:${c.line}${c.endLine && c.endLine !== c.line ? `-${c.endLine}` : ''}`;

const normalise = (path: string) => path.replace(/^\.\//, '');

function inlineParts(text: string, known: ReadonlyMap<string, Citation>): AnswerInline[] {
  const out: AnswerInline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) out.push(...citeParts(text.slice(at, match.index), known));
    if (match[1] !== undefined) {
      const cite = citeOf(match[1].trim(), known, true);
      out.push(cite ?? { kind: 'code', text: match[1] });
    } else out.push({ kind: 'strong', text: match[2]! });
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(...citeParts(text.slice(at), known));
  return out;
}

function citeParts(text: string, known: ReadonlyMap<string, Citation>): AnswerInline[] {
  const out: AnswerInline[] = [];
  let at = 0;
  for (const match of text.matchAll(CITE)) {
    const cite = citeOf(match[0], known, false);
    if (!cite) continue;
    if (match.index > at) out.push({ kind: 'text', text: text.slice(at, match.index) });
    out.push(cite);
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** A citation when `text` is exactly one whose path the server listed. */
function citeOf(text: string, known: ReadonlyMap<string, Citation>, code: boolean): AnswerInline | null {
  const match = new RegExp(`^${CITE.source}$`).exec(text);
  const found = match ? known.get(normalise(match[1]!)) : undefined;
  if (!match || !found) return null;
  const line = Number(match[2]);
  const endLine = match[3] ? Number(match[3]) : null;
  return { kind: 'cite', text, code, cite: { path: found.path, line, endLine } };
}
