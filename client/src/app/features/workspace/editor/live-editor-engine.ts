import { InjectionToken, inject } from '@angular/core';
import { ThemeService } from '../../../core/theme/theme.service';
import type {
  LiveEditorOptions,
  EditorContextAction,
  InlineCompletionQuery,
  InlineCompletionSource,
  LineSelection,
  StoredEditorOptions,
  AgentMark,
  LiveEditorInstance,
  LiveEditorEngine,
} from './live-editor.types';

export type {
  LiveEditorOptions,
  EditorContextAction,
  InlineCompletionQuery,
  InlineCompletionSource,
  LineSelection,
  StoredEditorOptions,
  AgentMark,
  LiveEditorInstance,
  LiveEditorEngine,
} from './live-editor.types';

/** Loads the editor engine on first use, in a lazy chunk with Monaco (it never runs under jsdom). */
export const LIVE_EDITOR_LOADER = new InjectionToken<() => Promise<LiveEditorEngine>>(
  'LIVE_EDITOR_LOADER',
  {
    providedIn: 'root',
    factory: () => {
      const theme = inject(ThemeService);
      let engine: Promise<LiveEditorEngine> | undefined;
      return () =>
        (engine ??= import('./monaco-live-engine').then(
          (m) => (theme.attachMonaco(m.monaco), m.loadMonacoLiveEngine()),
        ));
    },
  },
);
