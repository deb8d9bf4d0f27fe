/**
 * A chat message's text as what it shows: plain text, file references the server found (`src/app.ts:12`,
 * links that open the file there) and @mentions of people and agents. Pure, so the rendering is testable.
 */
import type { ChatMessageFragment } from '../../../generated/chat';

export type ChatMessage = ChatMessageFragment;
export type ChatFileRef = ChatMessage['refs'][number];

export type ChatSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ref'; readonly text: string; readonly path: string; readonly line: number | null }
  | { readonly kind: 'mention'; readonly text: string };

/** A path with an extension, optionally `:line` (and `:column`, ignored). */
const FILE_REF = /(?<![\w/.@-])((?:\.\/)?(?:[\w@.-]+\/)*[\w-][\w.-]*\.[A-Za-z0-9]+)(?::(\d+))?(?::\d+)?/g;

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits `body` into segments. A file reference becomes a link only when the server listed its path in
 * `refs` (it knows the project's files); `@name` is a mention when it names someone in `names` (people's
 * display names and agent roles), longest name first so "@Ada Lovelace" wins over "@Ada".
 */
export function chatSegments(
  body: string,
  refs: readonly ChatFileRef[],
  names: readonly string[] = [],
): ChatSegment[] {
  const known = new Map(refs.map((ref) => [normalise(ref.path), ref]));
  const sorted = [...new Set(names.filter((n) => n.trim()))].sort((a, b) => b.length - a.length);
  const mention = sorted.length
    ? new RegExp(`@(?:${sorted.map(escapeRe).join('|')})(?![\\w-])`, 'giu')
    : null;
  const out: ChatSegment[] = [];
  const push = (segment: ChatSegment) => {
    const last = out.at(-1);
    if (segment.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + segment.text };
    else if (segment.text) out.push(segment);
  };
  for (const piece of splitBy(body, mention)) {
    if (piece.matched) {
      push({ kind: 'mention', text: piece.text });
      continue;
    }
    for (const part of splitBy(piece.text, FILE_REF)) {
      const match = part.matched ? new RegExp(FILE_REF.source).exec(part.text) : null;
      const ref = match ? known.get(normalise(match[1]!)) : undefined;
      if (!match || !ref) push({ kind: 'text', text: part.text });
      else push({ kind: 'ref', text: part.text, path: ref.path, line: match[2] ? Number(match[2]) : ref.line });
    }
  }
  return out;
}

/** The server's references that the text does not show as links (to list under the message). */
export function extraRefs(segments: readonly ChatSegment[], refs: readonly ChatFileRef[]): ChatFileRef[] {
  const shown = new Set(segments.flatMap((s) => (s.kind === 'ref' ? [normalise(s.path)] : [])));
  return refs.filter((ref) => !shown.has(normalise(ref.path)));
}

/** "src/app.ts:12", or the path alone. */
export const refLabel = (ref: { path: string; line: number | null }) =>
  ref.line ? `${ref.path}:${ref.line}` : ref.path;

const normalise = (path: string) => path.replace(/^\.\//, '');

function splitBy(text: string, pattern: RegExp | null): { text: string; matched: boolean }[] {
  if (!pattern) return [{ text, matched: false }];
  const out: { text: string; matched: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const start = match.index;
    if (start > at) out.push({ text: text.slice(at, start), matched: false });
    out.push({ text: match[0], matched: true });
    at = start + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), matched: false });
  return out;
}
