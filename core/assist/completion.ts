/**
 * Inline completions: the fill-in-the-middle prompt sent for the text around the cursor, and the cleanup that turns
 * a chat model's reply into the text to insert (models add fences, repeat the line they were given, or run on into
 * the code after the cursor).
 */
import { ASSIST_LIMITS } from '../../contracts/assist';
import type { ChatMessage } from '../models/model-types';

export interface CompletionInput {
  path: string;
  /** The file's text before the cursor. */
  prefix: string;
  /** The file's text after the cursor. */
  suffix: string;
  /** The editor's language id; from the extension when absent. */
  language?: string | null;
}

const CURSOR = '<CURSOR>';
/** A reply is never longer than this, whatever the model wrote (64 tokens are ~250 characters of code). */
const MAX_TEXT = 1_000;

const SYSTEM =
  'You are a code completion engine. You are given a file with the marker <CURSOR> where the cursor is. ' +
  'Reply with ONLY the code to insert at the cursor: no explanation, no code fences, nothing that is already ' +
  'before or after the cursor. Insert a short, natural continuation (the rest of the line or a few lines). ' +
  'If nothing fits, reply with nothing.';

/** The language a file's extension suggests, for the prompt. */
function languageOfPath(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  const known: Record<string, string> = { ts: 'typescript', tsx: 'typescript', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', py: 'python', go: 'go', rs: 'rust', java: 'java', rb: 'ruby', css: 'css', html: 'html', json: 'json', md: 'markdown', sh: 'shell', sql: 'sql' };
  return known[ext] ?? (ext || 'text');
}

/** The prefix's tail and the suffix's head that are sent, cut at line starts where possible. */
export function completionWindow(input: Pick<CompletionInput, 'prefix' | 'suffix'>): { prefix: string; suffix: string } {
  let prefix = input.prefix;
  if (prefix.length > ASSIST_LIMITS.completionPrefixMax) {
    prefix = prefix.slice(-ASSIST_LIMITS.completionPrefixMax);
    const nl = prefix.indexOf('\n');
    if (nl >= 0 && nl < prefix.length - 1) prefix = prefix.slice(nl + 1);
  }
  let suffix = input.suffix;
  if (suffix.length > ASSIST_LIMITS.completionSuffixMax) {
    suffix = suffix.slice(0, ASSIST_LIMITS.completionSuffixMax);
    const nl = suffix.lastIndexOf('\n');
    if (nl > 0) suffix = suffix.slice(0, nl + 1);
  }
  return { prefix, suffix };
}

/** The model request for one completion: short, near-deterministic. */
export function completionRequest(input: CompletionInput): { messages: ChatMessage[]; maxOutputTokens: number; temperature: number } {
  const { prefix, suffix } = completionWindow(input);
  const language = input.language || languageOfPath(input.path);
  const user = `File ${input.path} (${language}):\n${prefix}${CURSOR}${suffix}`;
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: user },
    ],
    maxOutputTokens: ASSIST_LIMITS.completionMaxTokens,
    temperature: 0.2,
  };
}

/** The text to insert: the reply without fences, the cursor marker, an echo of the current line, or the suffix it ran into. */
export function cleanCompletion(reply: string, input: Pick<CompletionInput, 'prefix' | 'suffix'>): string {
  let text = reply.replace(/\r\n/g, '\n');
  const fenced = /```[\w+-]*[^\S\n]*\n?([\s\S]*?)(?:\n?```|$)/.exec(text);
  if (fenced) text = fenced[1]!;
  text = text.split(CURSOR).join('');
  // The model repeated what was typed on the cursor's line: keep what comes after it.
  const line = input.prefix.slice(input.prefix.lastIndexOf('\n') + 1);
  if (line.trim() && text.startsWith(line)) text = text.slice(line.length);
  else if (line.trim() && text.trimStart().startsWith(line.trimStart())) text = text.trimStart().slice(line.trimStart().length);
  // It ran on into the code after the cursor: stop where that begins.
  const next = input.suffix.trimStart().split('\n')[0]!.trim();
  if (next.length >= 3) {
    const at = text.indexOf(next);
    if (at >= 0) text = text.slice(0, at);
  }
  text = text.replace(/\s+$/, (tail) => (tail.includes('\n') && input.suffix.startsWith('\n') ? '' : tail.includes('\n') ? '\n' : ''));
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}
