// Monaco's base worker (diffing, links, word ranges): all a read-only viewer needs.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
