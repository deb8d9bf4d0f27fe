/** Two texts of one file, shown side by side (left the older one). */
export interface DiffDocument {
  /** The file's path: Monaco picks the language from its extension. */
  readonly path: string;
  readonly original: string;
  readonly modified: string;
}

export interface DiffViewerInstance {
  show(doc: DiffDocument): void;
  dispose(): void;
}

/** Creates read-only diff editors; the real one wraps Monaco's, tests pass a fake. */
export interface DiffViewerEngine {
  create(host: HTMLElement, doc: DiffDocument): DiffViewerInstance;
}
