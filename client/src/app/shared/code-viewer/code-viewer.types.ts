/** A document shown read-only. */
export interface CodeDocument {
  readonly path: string;
  readonly language: string;
  readonly content: string;
}

/** One editor instance in the page. */
export interface CodeViewerInstance {
  /** Replaces the shown document. */
  show(doc: CodeDocument): void;
  dispose(): void;
}

/** Creates read-only editors; the real one wraps Monaco, tests pass a fake. */
export interface CodeViewerEngine {
  create(host: HTMLElement, doc: CodeDocument): CodeViewerInstance;
}
