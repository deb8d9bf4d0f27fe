import { monaco, monacoLanguage, setupMonaco } from './monaco-setup';
import type { CodeDocument, CodeViewerEngine, CodeViewerInstance } from './code-viewer.types';

/** For the theme service: Monaco's theme is global, set once for every editor. */
export { monaco };

/** Sets Monaco up (stylesheet, workers, language services) and returns an engine creating read-only editors. */
export async function loadMonacoEngine(): Promise<CodeViewerEngine> {
  await setupMonaco();
  return { create: createViewer };
}

function createViewer(host: HTMLElement, doc: CodeDocument): CodeViewerInstance {
  const editor = monaco.editor.create(host, {
    readOnly: true,
    domReadOnly: true,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    renderLineHighlight: 'none',
  });
  let model: monaco.editor.ITextModel | null = null;
  const show = ({ path, language, content }: CodeDocument) => {
    model?.dispose();
    model = monaco.editor.createModel(content, monacoLanguage(language), monaco.Uri.file(path));
    editor.setModel(model);
  };
  show(doc);
  return {
    show,
    dispose: () => {
      editor.dispose();
      model?.dispose();
    },
  };
}
