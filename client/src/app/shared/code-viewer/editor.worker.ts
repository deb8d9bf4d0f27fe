// Monaco's base worker (diffing, links, word ranges) for languages without a language service.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
