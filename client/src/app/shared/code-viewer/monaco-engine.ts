import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
// Syntax colouring for the languages generated projects contain; each loads its grammar on first use.
import 'monaco-editor/esm/vs/basic-languages/css/css.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/dockerfile/dockerfile.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/html/html.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/ini/ini.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/javascript/javascript.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/markdown/markdown.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/python/python.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/scss/scss.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/shell/shell.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/sql/sql.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/typescript/typescript.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/xml/xml.contribution.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import type { CodeDocument, CodeViewerEngine, CodeViewerInstance } from './code-viewer.types';

/** Emitted by the build as a non-injected style bundle (angular.json, `bundleName: "monaco"`). */
const STYLESHEET_HREF = 'monaco.css';

/** Languages Monaco knows only through a language service we do not ship, coloured as a close relative. */
const FALLBACK_LANGUAGE: Readonly<Record<string, string>> = {
  json: 'javascript',
  jsonc: 'javascript',
  vue: 'html',
};

/** Links Monaco's stylesheet, installs its worker and returns an engine creating read-only editors. */
export async function loadMonacoEngine(): Promise<CodeViewerEngine> {
  await linkStylesheet(STYLESHEET_HREF);
  (self as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
    getWorker: () => new Worker(new URL('./editor.worker', import.meta.url), { type: 'module' }),
  };
  const known = new Set(monaco.languages.getLanguages().map((language) => language.id));
  const languageOf = (id: string) => (known.has(id) ? id : (FALLBACK_LANGUAGE[id] ?? 'plaintext'));
  return { create: (host, doc) => createViewer(host, doc, languageOf) };
}

function createViewer(
  host: HTMLElement,
  doc: CodeDocument,
  languageOf: (id: string) => string,
): CodeViewerInstance {
  const editor = monaco.editor.create(host, {
    readOnly: true,
    domReadOnly: true,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    renderLineHighlight: 'none',
    theme: 'vs',
  });
  let model: monaco.editor.ITextModel | null = null;
  const show = ({ path, language, content }: CodeDocument) => {
    model?.dispose();
    model = monaco.editor.createModel(content, languageOf(language), monaco.Uri.file(path));
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

function linkStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[data-monaco-stylesheet]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset['monacoStylesheet'] = '';
    // A missing stylesheet degrades the look, not the content: go on either way.
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}
