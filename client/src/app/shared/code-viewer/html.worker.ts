// HTML language service: tag and attribute completions, formatting.
import 'monaco-editor/esm/vs/language/html/html.worker.js';
