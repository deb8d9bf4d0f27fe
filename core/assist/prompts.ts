/**
 * The prompts of the editor actions. Short on purpose: small local models have 8k windows, and every action but
 * `explain` asks for ONE fenced code block (the parser, model-edit.ts, also takes diffs and SEARCH/REPLACE blocks).
 */
import type { AssistAction } from '../../contracts/assist';
import type { ChatMessage } from '../models/model-types';
import { languageOf } from '../files/language';

export { languageOf };

export interface ActionPromptInput {
  action: AssistAction;
  path: string;
  /** From the file extension ({@link languageOf}). */
  language: string;
  /** The file the action is asked on ('' for new_file). */
  fileContent: string;
  /** 1-based inclusive lines of `fileContent` and their text; null: the whole file. */
  selection?: { startLine: number; endLine: number; text: string } | null;
  instruction?: string | null;
  errorOutput?: string | null;
  /** The file the proposal replaces: `path`, or the test file for `tests`. */
  targetPath: string;
  /** tests: the test file's current content, or ''. */
  targetContent: string;
}

export interface ActionRequest {
  messages: ChatMessage[];
  maxOutputTokens: number;
  temperature: number;
}

/** Lines of context shown above and below a selection (not to be repeated in the answer). */
const CONTEXT_LINES = 20;
/** The tail of an error output that goes into a fix prompt. */
const ERROR_TAIL_CHARS = 6_000;
const SYSTEM = 'You are a coding assistant inside a code editor. Be precise and brief. Never invent files or APIs that the code does not show.';

/** Tokens of a text, estimated (≈ 3.5 characters a token for code and English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

/** Estimated tokens of a whole request: its messages, a few per message for the chat template, and the answer. */
export function requestTokens(request: ActionRequest): number {
  return request.messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0) + request.maxOutputTokens;
}

/** Where generated tests go by default: `src/a.ts` → `src/a.test.ts`, `app.py` → `test_app.py`, `x.go` → `x_test.go`. */
export function defaultTestPath(path: string): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  if (/(\.|_)(test|spec)$/.test(stem) || (ext === '.py' && stem.startsWith('test_'))) return path;
  if (ext === '.py') return `${dir}test_${base}`;
  if (ext === '.go') return `${dir}${stem}_test.go`;
  return `${dir}${stem}.test${ext}`;
}

/** The request for one editor action: messages, an answer budget sized to what must be written, a temperature. */
export function actionRequest(input: ActionPromptInput): ActionRequest {
  const user = input.action === 'explain' ? explainPrompt(input) : changePrompt(input);
  return {
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: user },
    ],
    maxOutputTokens: answerBudget(input),
    temperature: input.action === 'explain' ? 0.3 : 0.2,
  };
}

function explainPrompt(input: ActionPromptInput): string {
  const where = input.selection ? `lines ${input.selection.startLine}-${input.selection.endLine} of \`${input.path}\`` : `\`${input.path}\``;
  const question = input.instruction?.trim() ? `\nThe question: ${input.instruction.trim()}` : '';
  return [
    `Explain what this ${input.language} code (${where}) does: its purpose, inputs and outputs, and anything surprising.`,
    `Answer in a few short paragraphs of plain prose; refer to code as \`${input.path}:line\`.${question}`,
    '',
    codeOf(input),
  ].join('\n');
}

function changePrompt(input: ActionPromptInput): string {
  const { action, language, path } = input;
  if (action === 'new_file') {
    return [
      `Write the file \`${path}\` (${language}). What it must do:`,
      (input.instruction ?? '').trim(),
      '',
      'Reply with ONE fenced code block holding the whole file, complete and runnable (imports included, nothing left out), then at most one sentence.',
    ].join('\n');
  }
  if (action === 'tests') return testsPrompt(input);
  const part = input.selection ? `the selected lines (${input.selection.startLine}-${input.selection.endLine})` : 'the file';
  const task: Record<Exclude<AssistAction, 'explain' | 'new_file' | 'tests'>, string> = {
    refactor: `Refactor ${part} of \`${path}\` (${language}): ${input.instruction?.trim() || 'make it clearer without changing what it does'}.`,
    fix: `Fix the bug in ${part} of \`${path}\` (${language}) that causes this error:\n${fence(tail(input.errorOutput ?? ''), '')}${note(input)}`,
    docs: `Add documentation comments (${docStyle(language)}) to ${part} of \`${path}\`. Do not change the code itself.${note(input)}`,
  };
  return [
    task[action as keyof typeof task],
    '',
    codeOf(input),
    '',
    `Reply with ONE fenced code block holding the complete new version of ${part} (every line, no "..."), then one or two sentences on what you changed.`,
  ].join('\n');
}

function testsPrompt(input: ActionPromptInput): string {
  const existing = input.targetContent.trim()
    ? `The test file \`${input.targetPath}\` exists; keep its tests and add new ones:\n${fence(input.targetContent, input.language)}\n`
    : '';
  return [
    `Write unit tests with ${frameworkOf(input.language)} for \`${input.path}\` (${input.language}) in \`${input.targetPath}\`.`,
    `Import the code under test as ${importOf(input.targetPath, input.path, input.language)}. Cover normal cases, edge cases and errors.${note(input)}`,
    '',
    codeOf(input),
    '',
    existing + 'Reply with ONE fenced code block holding the whole test file, then at most one sentence.',
  ].join('\n');
}

/** The code the action works on: the selection with a little context around it, or the whole file. */
function codeOf(input: ActionPromptInput): string {
  const { selection, language, fileContent, path } = input;
  if (!selection) return `\`${path}\`:\n${fence(fileContent, language)}`;
  const lines = fileContent.split('\n');
  const before = lines.slice(Math.max(0, selection.startLine - 1 - CONTEXT_LINES), selection.startLine - 1).join('\n');
  const after = lines.slice(selection.endLine, selection.endLine + CONTEXT_LINES).join('\n');
  const context = [
    before.trim() ? `Context above (do not repeat it):\n${fence(before, language)}` : '',
    after.trim() ? `Context below (do not repeat it):\n${fence(after, language)}` : '',
  ].filter(Boolean);
  return [`Selected lines ${selection.startLine}-${selection.endLine} of \`${path}\`:`, fence(selection.text, language), ...context].join('\n');
}

/** A fence longer than any run of backticks inside, so code holding ``` cannot end it early. */
function fence(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language === 'plaintext' ? '' : language}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

function tail(text: string): string {
  return text.length > ERROR_TAIL_CHARS ? `…${text.slice(-ERROR_TAIL_CHARS)}` : text;
}

function note(input: ActionPromptInput): string {
  return input.instruction?.trim() && input.action !== 'refactor' ? `\nNote: ${input.instruction.trim()}` : '';
}

function docStyle(language: string): string {
  if (language === 'python') return 'docstrings';
  if (language === 'typescript' || language === 'javascript') return 'JSDoc';
  return 'comments in the language\u2019s usual style';
}

function frameworkOf(language: string): string {
  if (language === 'python') return 'pytest (plain `assert`s)';
  if (language === 'typescript' || language === 'javascript') return 'the project\u2019s test runner (`describe`/`it`/`expect`, as in Jest or Vitest)';
  return 'the language\u2019s usual test framework';
}

/** How the test file imports the code: a relative module path for JS/TS, a module name for Python. */
function importOf(testPath: string, path: string, language: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  if (language === 'python') return `\`from ${base} import …\``;
  const from = testPath.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rel = [...(up ? Array<string>(up).fill('..') : ['.']), ...to.slice(common, -1), base].join('/');
  return `\`${rel}\``;
}

/** Room for the answer: the text it must rewrite plus some prose; explanations are short; new files get 2k. */
function answerBudget(input: ActionPromptInput): number {
  if (input.action === 'explain') return 800;
  if (input.action === 'new_file') return 2048;
  if (input.action === 'tests') return Math.min(4096, 2048 + estimateTokens(input.targetContent));
  const rewritten = input.selection ? input.selection.text : input.fileContent;
  return Math.min(8192, Math.max(512, Math.ceil(estimateTokens(rewritten) * 1.2) + 300));
}
