// CSS, SCSS and Less language service: completions, colour decorators, validation.
import 'monaco-editor/esm/vs/language/css/css.worker.js';
