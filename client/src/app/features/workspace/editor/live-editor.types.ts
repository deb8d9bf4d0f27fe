import type * as Y from 'yjs';
import type { LiveAwareness } from '../services/live-room.types';
/** A file bound to its live document. */
export interface LiveEditorOptions {
  readonly path: string;
  readonly language: string;
  /** The file document's text; the editor and it stay equal both ways. */
  readonly text: Y.Text;
  /** Cursors and selections of the people in this file (y-monaco reads and writes `selection`). */
  readonly awareness: LiveAwareness | null;
  readonly readOnly: boolean;
}

/** A file with no live document (collaboration off, or the server keeps it read-only): its stored text. */
export interface StoredEditorOptions {
  readonly path: string;
  readonly language: string;
  readonly content: string;
}

/** Where an agent last edited, as an offset in the text. */
export interface AgentMark {
  readonly role: string;
  readonly name: string;
  readonly color: string;
  readonly index: number;
}

/** Lines of a selection, 1-based and inclusive. */
export interface LineSelection {
  readonly startLine: number;
  readonly endLine: number;
}

/** An entry of the editor's context menu (the assist actions); `run` gets the selected lines, if any. */
export interface EditorContextAction {
  readonly id: string;
  readonly label: string;
  run(selection: LineSelection | null): void;
}

/** What an inline completion is asked with: the text around the caret. */
export interface InlineCompletionQuery {
  readonly path: string;
  readonly language: string;
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * Answers an inline completion (the ghost text to show, or null); `signal` aborts when the person types
 * on (Monaco cancels the request).
 */
export type InlineCompletionSource = (
  query: InlineCompletionQuery,
  signal: AbortSignal,
) => Promise<string | null>;

/** One editor in the page. */
export interface LiveEditorInstance {
  setReadOnly(readOnly: boolean): void;
  /** Draws these agents' carets (replacing the previous ones). */
  setAgentCursors(marks: readonly AgentMark[]): void;
  /** Stops following the live document (the file was deleted): the text stays, read-only. */
  detach(): void;
  /** Scrolls to a line (1-based) and puts the caret at its start (a chat's `file:line` link). */
  revealLine?(line: number): void;
  /** The text shown now. */
  getText(): string;
  /** The selected lines; null when nothing is selected (a caret only). */
  getSelectionLines(): LineSelection | null;
  /**
   * Replaces the text with `next` as this person's edit, in one undo step (an accepted assist proposal).
   * False when the editor cannot write (read-only, detached, stored) or nothing changed.
   */
  applyAssistEdit(next: string): boolean;
  /** The assist entries of the context menu (replacing the previous ones). */
  setContextActions(actions: readonly EditorContextAction[]): void;
  /** Ghost-text completions from `source`; null turns them off. */
  setInlineCompletions(source: InlineCompletionSource | null): void;
  dispose(): void;
}

/** Creates editors; the real one wraps Monaco and y-monaco, tests pass a fake. */
export interface LiveEditorEngine {
  createLive(host: HTMLElement, options: LiveEditorOptions): LiveEditorInstance;
  createStored(host: HTMLElement, options: StoredEditorOptions): LiveEditorInstance;
}
