import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { DiffDocument, DiffViewerEngine, DiffViewerInstance } from './diff.types';

let next = 0;

/** Monaco's diff editor, read-only on both sides; loaded only after the shared engine set Monaco up. */
export const monacoDiffEngine: DiffViewerEngine = {
  create(host: HTMLElement, doc: DiffDocument): DiffViewerInstance {
    const editor = monaco.editor.createDiffEditor(host, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      renderOverviewRuler: false,
      // Side by side down to a 520 px pane (an assist review in the side panel); inline below that.
      useInlineViewWhenSpaceIsLimited: true,
      renderSideBySideInlineBreakpoint: 520,
    });
    let models: monaco.editor.ITextModel[] = [];
    const show = ({ path, original, modified }: DiffDocument) => {
      // Own URIs: the workspace's editor may hold a model for file:///<path> already.
      const id = ++next;
      const uri = (side: string) =>
        monaco.Uri.from({ scheme: 'history', path: `/${id}/${side}/${path}` });
      const fresh = [
        monaco.editor.createModel(original, undefined, uri('original')),
        monaco.editor.createModel(modified, undefined, uri('modified')),
      ] as const;
      editor.setModel({ original: fresh[0], modified: fresh[1] });
      for (const model of models) model.dispose();
      models = [...fresh];
    };
    show(doc);
    return {
      show,
      dispose: () => {
        editor.dispose();
        for (const model of models) model.dispose();
      },
    };
  },
};
