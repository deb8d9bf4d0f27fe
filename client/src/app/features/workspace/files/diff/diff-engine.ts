import { InjectionToken, inject } from '@angular/core';
import { MONACO_LOADER } from '../../../../shared/code-viewer/code-viewer-engine';

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

/**
 * Loads the diff engine on first use: the shared code viewer's Monaco loader first (stylesheet, worker and
 * languages, one Monaco copy), then this folder's thin diff wrapper, both in lazy chunks.
 */
export const MONACO_DIFF_LOADER = new InjectionToken<() => Promise<DiffViewerEngine>>(
  'MONACO_DIFF_LOADER',
  {
    providedIn: 'root',
    factory: () => {
      const loadMonaco = inject(MONACO_LOADER);
      let engine: Promise<DiffViewerEngine> | undefined;
      return () =>
        (engine ??= loadMonaco()
          .then(() => import('./monaco-diff-engine'))
          .then((m) => m.monacoDiffEngine));
    },
  },
);
