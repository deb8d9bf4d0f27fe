import { InjectionToken, inject } from '@angular/core';
import { ThemeService } from '../../core/theme/theme.service';
import type { CodeViewerEngine } from './code-viewer.types';

// The types live apart so the lazily loaded Monaco engine can implement them without importing this file back.
export type { CodeDocument, CodeViewerEngine, CodeViewerInstance } from './code-viewer.types';

/**
 * Loads the editor engine on first use. The default imports Monaco dynamically, so it lives in a lazy
 * chunk and never runs under jsdom.
 */
export const MONACO_LOADER = new InjectionToken<() => Promise<CodeViewerEngine>>('MONACO_LOADER', {
  providedIn: 'root',
  factory: () => {
    const theme = inject(ThemeService);
    let engine: Promise<CodeViewerEngine> | undefined;
    return () =>
      (engine ??= import('./monaco-engine').then(
        (m) => (theme.attachMonaco(m.monaco), m.loadMonacoEngine()),
      ));
  },
});
