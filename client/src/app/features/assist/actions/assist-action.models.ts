import type { AssistAction } from '@contracts/assist';
import type { LineSelection } from '../../workspace/editor/live-editor-engine';

/** The menu's words for each action; `…` marks one that asks for more first. */
export const ACTION_LABELS: Readonly<Record<AssistAction, string>> = {
  explain: 'Explain',
  refactor: 'Refactor…',
  fix: 'Fix…',
  tests: 'Generate tests',
  docs: 'Add docs',
  new_file: 'New file with AI…',
};

/** The editor-bound actions, in menu order (new_file is not about the open file's text). */
export const EDITOR_ACTIONS: readonly AssistAction[] = [
  'explain',
  'refactor',
  'fix',
  'tests',
  'docs',
];

/** Actions that ask for an instruction, an error output or a path before they start. */
export const ASKS_FIRST: ReadonlySet<AssistAction> = new Set(['refactor', 'fix', 'new_file']);

/** Where the person asked an action: the open file and its selected lines (none: the whole file). */
export interface AssistAsk {
  readonly action: AssistAction;
  readonly path: string;
  readonly selection: LineSelection | null;
}

/** What the form adds before the action starts. */
export interface AssistFormValues {
  readonly instruction?: string;
  readonly errorOutput?: string;
  readonly testCommand?: string;
  /** new_file: the file to create. */
  readonly path?: string;
}

/** The command a fix is checked with when the person gives none (the usual test runner of the file's language). */
export function defaultTestCommand(path: string): string {
  if (/\.py$/.test(path)) return 'python3 -m pytest -q';
  if (/\.go$/.test(path)) return 'go test ./...';
  if (/\.rs$/.test(path)) return 'cargo test';
  return 'npm test';
}

/** "lines 3–9" or "the whole file". */
export function scopeLabel(selection: LineSelection | null): string {
  if (!selection) return 'the whole file';
  return selection.startLine === selection.endLine
    ? `line ${selection.startLine}`
    : `lines ${selection.startLine}–${selection.endLine}`;
}

/** A piece of an answer: prose, or a fenced code block (rendered as text, never as HTML). */
export type AnswerPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly lang: string; readonly text: string };

/** Splits an answer into prose and fenced blocks; an unclosed fence (still streaming) runs to the end. */
export function answerParts(answer: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  const fence = /```([\w+-]*)[^\n]*\n([\s\S]*?)(?:```|$)/g;
  let at = 0;
  for (let match = fence.exec(answer); match; match = fence.exec(answer)) {
    const before = answer.slice(at, match.index).trim();
    if (before) parts.push({ kind: 'text', text: before });
    parts.push({ kind: 'code', lang: match[1] ?? '', text: (match[2] ?? '').replace(/\n$/, '') });
    at = fence.lastIndex;
    if (match[0].length === 0) break;
  }
  const rest = answer.slice(at).trim();
  if (rest) parts.push({ kind: 'text', text: rest });
  return parts;
}
