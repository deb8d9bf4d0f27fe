/**
 * Assist (issue 17): help in the editor without a team run. Project chat, editor actions (explain, refactor, fix,
 * tests, docs, new file) that run as short `assistWorkflow`s and propose a diff the user accepts or rejects, and
 * inline completions. Names and shapes that cross layers (core, api, activities, workflows, client).
 */

/** What an editor action does. Every action but `explain` proposes a change to one file (a diff). */
export const ASSIST_ACTIONS = ['explain', 'refactor', 'fix', 'tests', 'docs', 'new_file'] as const;
export type AssistAction = (typeof ASSIST_ACTIONS)[number];

/** Actions whose answer is a proposed file content, reviewed as a diff; `explain` answers in prose only. */
export const CHANGING_ACTIONS: readonly AssistAction[] = ['refactor', 'fix', 'tests', 'docs', 'new_file'];

/** Where a fix's error came from. `test` and `terminal` carry a command the fix is verified with. */
export const FIX_SOURCES = ['test', 'terminal', 'diagnostic'] as const;
export type FixSource = (typeof FIX_SOURCES)[number];

/**
 * running → ready (answer and any proposal stored; for a fix, verified) → accepted | rejected; or failed / cancelled.
 * Nothing is written to the project's files by the workflow: accepting applies the proposal in the editor.
 */
export const ASSIST_STATUSES = ['running', 'ready', 'accepted', 'rejected', 'failed', 'cancelled'] as const;
export type AssistStatus = (typeof ASSIST_STATUSES)[number];

/**
 * Model chains beside the ten agent roles: `chat` (project chat), `assist` (editor actions), `completion`
 * (inline ghost text, a fast model). With no vendor key these use the local model when one is configured,
 * never the offline blueprints.
 */
export const ASSIST_PURPOSES = ['chat', 'assist', 'completion'] as const;
export type AssistPurpose = (typeof ASSIST_PURPOSES)[number];

/** Events on an assist request's or chat reply's own stream (`assistStream` subscription). */
export const AssistEventType = {
  /** `{ text }`: the whole answer so far (replace, never append: a retry starts the text again). */
  DELTA: 'assist.delta',
  /** `{ tool, args }`: the chat agent is reading the project (list, read, search). */
  TOOL: 'assist.tool',
  /** `{ command }`: a fix is being checked by running the failing command in a sandbox. */
  VERIFYING: 'assist.verifying',
  /** `{ status }`: ready (or accepted …); the client re-reads the request. */
  READY: 'assist.ready',
  /** `{ code, message }`. */
  FAILED: 'assist.failed',
} as const;
export type AssistEventType = (typeof AssistEventType)[keyof typeof AssistEventType];

/** A fix's check: the failing command run again in a sandbox with the proposal written. */
export interface AssistVerification {
  command: string;
  passed: boolean;
  exitCode: number;
  /** The output's tail (at most ~4,000 characters). */
  output: string;
  durationMs: number;
  timedOut: boolean;
}

/** A `path:line` the chat answer cites; it opens that spot in the editor. */
export interface AssistCitation {
  path: string;
  line: number;
  /** Optional end line of a range (`src/a.ts:10-14`). */
  endLine?: number;
}

/** How the model's reply became a proposal (the edit-apply rate is reported per tool). */
export const EDIT_TOOLS = ['whole_file', 'fenced_block', 'search_replace', 'unified_diff'] as const;
export type EditTool = (typeof EDIT_TOOLS)[number];

export const ASSIST_LIMITS = {
  /** A selection or file sent to the model, in characters (a file past the model's window is refused anyway). */
  maxInputChars: 200_000,
  /** An instruction, a description or an error output, in characters. */
  instructionMax: 4_000,
  errorOutputMax: 20_000,
  /** A chat message, in characters. */
  chatMessageMax: 8_000,
  /** Tool rounds a chat answer may take before it must answer. */
  chatToolRounds: 6,
  /** Earlier messages of the thread sent with a new question. */
  chatHistoryMessages: 12,
  /** Prefix and suffix sent for a completion, in characters. */
  completionPrefixMax: 6_000,
  completionSuffixMax: 2_000,
  /** Tokens a completion may write. */
  completionMaxTokens: 64,
  /** The client waits this long after the last keystroke before asking. */
  completionDebounceMs: 250,
} as const;
