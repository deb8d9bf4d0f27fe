/**
 * A model's reply to an editor action, turned into the whole new content of the target file. The prompt asks
 * for one fenced code block, but real models also answer with unified diffs or SEARCH/REPLACE blocks, so those
 * are tried first (each only when present): diff → search/replace → fenced block → bare code.
 */
import type { AssistAction, EditTool } from '../../contracts/assist';
import { EDIT_TOOLS } from '../../contracts/assist';
import { applyUnifiedPatch, PatchConflictError } from '../agents/unified-patch';
import { replaceUnique } from '../agents/text-replace';

export interface ProposalInput {
  action: AssistAction;
  /** The target file's current content ('' for a new file). */
  base: string;
  /** 1-based inclusive, in `base`; null: the whole file. */
  selection?: { startLine: number; endLine: number } | null;
  /** The model's whole text. */
  reply: string;
}

export type Proposal = { ok: true; content: string; tool: EditTool; note: string } | { ok: false; tool: EditTool | null; error: string };

interface Fence {
  lang: string;
  body: string[];
  /** Line indexes in the reply of the opening and closing fence (`close` = last line when never closed). */
  open: number;
  close: number;
}

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)/;
const SEARCH = /^\s*<{5,}\s*SEARCH\b/;
const DIVIDER = /^\s*={5,}\s*$/;
const REPLACE = /^\s*>{5,}\s*REPLACE\b/;
/** A first line that can only be code: a reply without fences is taken when it starts like this. */
const CODE_START =
  /^(def |class |import [\w{*]|from [\w.]+ import |function[\s*]|const |let |var |export |package |#include|use [\w:]+;|fn |pub |public |private |async |@\w+|\/\/|\/\*|#!|module\.exports|describe\(|test\(|it\()/;

const stats = new Map<EditTool, { attempts: number; applied: number }>();

/** Attempts and successes per edit tool since the last reset (the eval and the bench report the rate). */
export function editApplyStats(options: { reset?: boolean } = {}): Record<EditTool, { attempts: number; applied: number }> {
  const snapshot = Object.fromEntries(EDIT_TOOLS.map((tool) => [tool, { ...(stats.get(tool) ?? { attempts: 0, applied: 0 }) }])) as Record<
    EditTool,
    { attempts: number; applied: number }
  >;
  if (options.reset) stats.clear();
  return snapshot;
}

export function resetEditApplyStats(): void {
  stats.clear();
}

function count(proposal: Proposal): Proposal {
  if (proposal.tool) {
    const entry = stats.get(proposal.tool) ?? { attempts: 0, applied: 0 };
    stats.set(proposal.tool, { attempts: entry.attempts + 1, applied: entry.applied + (proposal.ok ? 1 : 0) });
  }
  return proposal;
}

/** The proposal a reply makes for `base`; see the module comment for the order formats are tried in. */
export function proposalFromReply(input: ProposalInput): Proposal {
  if (input.action === 'explain') return { ok: false, tool: null, error: 'explain answers in prose; it proposes no edit' };
  const lines = input.reply.replace(/\r\n?/g, '\n').split('\n');
  const blocks = fences(lines);
  return count(fromDiff(input, lines, blocks) ?? fromSearchReplace(input, lines) ?? fromCode(input, lines, blocks));
}

function fences(lines: string[]): Fence[] {
  // Small models often write bare code and end it with a lone closing fence: the code before it is the block.
  const first = lines.findIndex((l) => FENCE.test(l));
  if (first > 0 && !FENCE.exec(lines[first]!)![2] && !lines.slice(first + 1).some((l) => FENCE.test(l))) {
    const start = lines.findIndex((l) => l.trim() !== '');
    if (start < first && CODE_START.test(lines[start]!.trim())) return [{ lang: '', body: lines.slice(start, first), open: start, close: first }];
  }
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const marker = open[1]!;
    let close = i + 1;
    while (close < lines.length && !(lines[close]!.trim().startsWith(marker) && lines[close]!.trim().replace(/[`~]/g, '') === '')) close++;
    found.push({ lang: open[2]!.toLowerCase(), body: lines.slice(i + 1, close), open: i, close: Math.min(close, lines.length - 1) });
    i = close;
  }
  return found;
}

/** The reply without the given line ranges, trimmed. */
function noteWithout(lines: string[], ranges: [number, number][]): string {
  const kept = lines.filter((_, i) => !ranges.some(([from, to]) => i >= from && i <= to));
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const isHunkHeader = (line: string) => /^@@(\s|$)/.test(line);
const hasHunk = (body: string[]) => body.some(isHunkHeader) && body.some((l) => /^[+-](?![+-]{2} )/.test(l));

function fromDiff(input: ProposalInput, lines: string[], blocks: Fence[]): Proposal | null {
  let diff: string[] | null = null;
  let range: [number, number] | null = null;
  const fenced =
    blocks.find((b) => hasHunk(b.body)) ??
    blocks.find((b) => ['diff', 'patch', 'udiff'].includes(b.lang) && b.body.some((l) => /^[+-]/.test(l)));
  if (fenced) {
    diff = hasHunk(fenced.body) ? fenced.body : ['@@ @@', ...fenced.body.filter((l) => !/^(---|\+\+\+) /.test(l))];
    range = [fenced.open, fenced.close];
  } else if (!blocks.length && hasHunk(lines)) {
    const first = lines.findIndex((l) => /^(diff --git |--- |@@)/.test(l));
    diff = lines.slice(first);
    range = [first, lines.length - 1];
  }
  if (!diff || !range) return null;
  try {
    const content = applyUnifiedPatch('the file', input.base, diff.join('\n'));
    return { ok: true, tool: 'unified_diff', content, note: noteWithout(lines, [range]) };
  } catch (failure) {
    if (!(failure instanceof PatchConflictError)) throw failure;
    return { ok: false, tool: 'unified_diff', error: failure.message };
  }
}

function fromSearchReplace(input: ProposalInput, lines: string[]): Proposal | null {
  const edits: { search: string; replace: string }[] = [];
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SEARCH.test(lines[i]!)) continue;
    const divider = lines.findIndex((l, k) => k > i && DIVIDER.test(l));
    const end = divider < 0 ? -1 : lines.findIndex((l, k) => k > divider && REPLACE.test(l));
    if (end < 0) return { ok: false, tool: 'search_replace', error: 'a SEARCH block has no ======= or >>>>>>> REPLACE line' };
    edits.push({ search: lines.slice(i + 1, divider).join('\n'), replace: lines.slice(divider + 1, end).join('\n') });
    // The fences and the file name line models put around each block are not prose.
    let from = i;
    while (from > 0 && (FENCE.test(lines[from - 1]!) || /^\S+\.\w+$/.test(lines[from - 1]!.trim()))) from--;
    const to = lines[end + 1] !== undefined && FENCE.test(lines[end + 1]!) ? end + 1 : end;
    ranges.push([from, to]);
    i = end;
  }
  if (!edits.length) return null;
  let content = input.base;
  for (const [n, edit] of edits.entries()) {
    if (edit.search.trim() === '' && content !== '') {
      content = `${content.replace(/\n*$/, '\n')}${edit.replace}\n`;
      continue;
    }
    const outcome = replaceUnique(content, edit.search, edit.replace, { wholeLines: true });
    if (!outcome.ok) return { ok: false, tool: 'search_replace', error: `SEARCH block ${n + 1}: ${outcome.message}` };
    content = outcome.content;
  }
  if (input.base === '' && !content.endsWith('\n')) content += '\n';
  return { ok: true, tool: 'search_replace', content, note: noteWithout(lines, ranges) };
}

function fromCode(input: ProposalInput, lines: string[], blocks: Fence[]): Proposal {
  const block = blocks[0];
  const firstCode = lines.findIndex((l) => l.trim() !== '');
  const bare = !block && firstCode >= 0 && CODE_START.test(lines[firstCode]!.trim());
  if (!block && !bare) return { ok: false, tool: null, error: 'the reply has no code block' };
  const code = block ? block.body : lines.slice(firstCode);
  while (code.length && code[code.length - 1]!.trim() === '') code.pop();
  const note = block ? noteWithout(lines, [[block.open, block.close]]) : '';
  const wholeFileAction = input.action === 'tests' || input.action === 'new_file';
  const selection = wholeFileAction ? null : (input.selection ?? null);
  if (!selection || looksLikeWholeFile(code, input.base, selection)) {
    if (!code.length) return { ok: false, tool: 'whole_file', error: 'the code block is empty' };
    return {
      ok: true,
      tool: 'whole_file',
      content: withBaseEndings(code, input.base, input.base === '' || input.base.endsWith('\n')),
      note,
    };
  }
  const baseLines = input.base.replace(/\r\n/g, '\n').split('\n');
  const endsWithNewline = input.base.endsWith('\n');
  if (endsWithNewline) baseLines.pop();
  const { startLine, endLine } = selection;
  if (startLine < 1 || endLine < startLine || startLine > Math.max(1, baseLines.length))
    return { ok: false, tool: 'fenced_block', error: `lines ${startLine}-${endLine} are outside the file` };
  const selected = baseLines.slice(startLine - 1, endLine);
  const replacement = reindent(code, indentOfFirst(code), indentOfFirst(selected));
  baseLines.splice(startLine - 1, Math.min(endLine, baseLines.length) - startLine + 1, ...replacement);
  return { ok: true, tool: 'fenced_block', content: withBaseEndings(baseLines, input.base, endsWithNewline), note };
}

/** A reply that rewrote the whole file although only some lines were selected: it starts and ends like the file. */
function looksLikeWholeFile(code: string[], base: string, selection: { startLine: number; endLine: number }): boolean {
  const baseLines = base.replace(/\r\n/g, '\n').split('\n');
  const before = baseLines.slice(0, selection.startLine - 1).filter((l) => l.trim());
  const after = baseLines.slice(selection.endLine).filter((l) => l.trim());
  const nonBlank = code.filter((l) => l.trim());
  if (!before.length && !after.length) return false;
  if (nonBlank.length <= selection.endLine - selection.startLine + 1) return false;
  return (
    (!before.length || nonBlank[0]!.trim() === before[0]!.trim()) && (!after.length || nonBlank.at(-1)!.trim() === after.at(-1)!.trim())
  );
}

/** Lines joined with the base's line ending; a trailing newline when the base has one (or is new). */
function withBaseEndings(lines: string[], base: string, trailing: boolean): string {
  const eol = base.includes('\r\n') ? '\r\n' : '\n';
  const text = lines.join(eol);
  return text === '' || !trailing ? text : text + eol;
}

const indentOfFirst = (lines: string[]) => /^\s*/.exec(lines.find((l) => l.trim()) ?? '')![0];

/** Models often drop the indentation of a selected snippet: move the code back to the selection's. */
function reindent(code: string[], from: string, to: string): string[] {
  if (from === to) return code;
  return code.map((line) => (line.trim() === '' ? line : line.startsWith(from) ? to + line.slice(from.length) : line));
}
