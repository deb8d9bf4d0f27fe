// JSON language service: validation, formatting, folding.
import 'monaco-editor/esm/vs/language/json/json.worker.js';
