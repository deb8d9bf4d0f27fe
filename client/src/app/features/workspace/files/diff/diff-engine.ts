import { InjectionToken, inject } from '@angular/core';
import { MONACO_LOADER } from '../../../../shared/code-viewer/code-viewer-engine';
import type { DiffDocument, DiffViewerInstance, DiffViewerEngine } from './diff.types';

export type { DiffDocument, DiffViewerInstance, DiffViewerEngine } from './diff.types';

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
