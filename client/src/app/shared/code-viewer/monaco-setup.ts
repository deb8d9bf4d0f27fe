/**
 * Monaco's ESM build, set up once for every editor in the app (the read-only viewer, the workspace's live
 * editor, diffs): stylesheet, workers, colouring and the language services of TypeScript/JavaScript, JSON,
 * CSS and HTML. Imported only from lazily loaded chunks; y-monaco imports the same module, so the app
 * carries one Monaco.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
// Language services, each with its worker below (they also register the editor's contributions: find and
// replace, multi-cursor, suggestions, hovers, the command palette).
import * as tsLanguage from 'monaco-editor/esm/vs/language/typescript/monaco.contribution.js';
import 'monaco-editor/esm/vs/language/json/monaco.contribution.js';
import 'monaco-editor/esm/vs/language/css/monaco.contribution.js';
import 'monaco-editor/esm/vs/language/html/monaco.contribution.js';
// Syntax colouring for the other languages generated projects contain; each loads its grammar on first use.
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

export { monaco };

/** The ESM contribution's declaration file exports nothing; the full build's declarations describe it. */
type TypeScriptLanguage = typeof import('monaco-editor/esm/vs/editor/editor.main.js').typescript;

/** Emitted by the build as a non-injected style bundle (angular.json, `bundleName: "monaco"`). */
const STYLESHEET_HREF = 'monaco.css';

/** Languages Monaco has no mode for, shown as a close relative. */
const FALLBACK_LANGUAGE: Readonly<Record<string, string>> = {
  jsonc: 'json',
  vue: 'html',
  svelte: 'html',
};

/**
 * TypeScript diagnostics a project's single open file cannot avoid: its imports resolve to files and
 * packages the in-browser language service does not have.
 */
const UNRESOLVABLE_IN_BROWSER = [2307, 2792, 7016];

let ready: Promise<typeof monaco> | undefined;

/** Links the stylesheet, installs the workers and configures the language services, once. */
export function setupMonaco(): Promise<typeof monaco> {
  return (ready ??= linkStylesheet(STYLESHEET_HREF).then(() => {
    (self as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = { getWorker };
    configureTypeScript(tsLanguage as unknown as TypeScriptLanguage);
    return monaco;
  }));
}

/** Monaco's language id for a file's language, or plain text when Monaco does not know it. */
export function monacoLanguage(id: string): string {
  const known = new Set(monaco.languages.getLanguages().map((language) => language.id));
  if (known.has(id)) return id;
  const fallback = FALLBACK_LANGUAGE[id];
  return fallback && known.has(fallback) ? fallback : 'plaintext';
}

/** One worker per language service; each `new URL` is a literal so the build bundles it. */
function getWorker(_workerId: string, label: string): Worker {
  switch (label) {
    case 'typescript':
    case 'javascript':
      return new Worker(new URL('./ts.worker', import.meta.url), { type: 'module' });
    case 'json':
      return new Worker(new URL('./json.worker', import.meta.url), { type: 'module' });
    case 'css':
    case 'scss':
    case 'less':
      return new Worker(new URL('./css.worker', import.meta.url), { type: 'module' });
    case 'html':
    case 'handlebars':
    case 'razor':
      return new Worker(new URL('./html.worker', import.meta.url), { type: 'module' });
    default:
      return new Worker(new URL('./editor.worker', import.meta.url), { type: 'module' });
  }
}

function configureTypeScript(ts: TypeScriptLanguage): void {
  const compilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    jsx: ts.JsxEmit.ReactJSX,
    allowJs: true,
    allowNonTsExtensions: true,
    esModuleInterop: true,
    strict: true,
  };
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) {
    defaults.setCompilerOptions(compilerOptions);
    defaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: UNRESOLVABLE_IN_BROWSER });
  }
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
