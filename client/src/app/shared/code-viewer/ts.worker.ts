// TypeScript/JavaScript language service: completions, hovers, diagnostics, go to definition.
import 'monaco-editor/esm/vs/language/typescript/ts.worker.js';
