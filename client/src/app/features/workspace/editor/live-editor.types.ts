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

/** One editor in the page. */
export interface LiveEditorInstance {
  setReadOnly(readOnly: boolean): void;
  /** Draws these agents' carets (replacing the previous ones). */
  setAgentCursors(marks: readonly AgentMark[]): void;
  /** Stops following the live document (the file was deleted): the text stays, read-only. */
  detach(): void;
  /** Scrolls to a line (1-based) and puts the caret at its start (a chat's `file:line` link). */
  revealLine?(line: number): void;
  dispose(): void;
}

/** Creates editors; the real one wraps Monaco and y-monaco, tests pass a fake. */
export interface LiveEditorEngine {
  createLive(host: HTMLElement, options: LiveEditorOptions): LiveEditorInstance;
  createStored(host: HTMLElement, options: StoredEditorOptions): LiveEditorInstance;
}
