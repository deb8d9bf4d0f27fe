/**
 * The tool contract between agents and the platform: what a model may call, as JSON Schemas sent to the
 * vendor, and the argument types the tool implementations receive. Paths are relative to the project root
 * (the sandbox workspace); tool results go back to the model as strings.
 */
import { AGENT_ROLES, type AgentRole, type ToolSpec } from '../models/model-types';

/** Outcomes an agent can report with `finish`; reviewers use approved / changes_requested. */
export const FINISH_OUTCOMES = ['done', 'approved', 'changes_requested', 'failed'] as const;
export type FinishOutcome = (typeof FINISH_OUTCOMES)[number];

export interface ListFilesArgs {
  /** Folder to list; the project root when absent. */
  path?: string;
}
export interface ReadFileArgs {
  path: string;
}
export interface WriteFileArgs {
  path: string;
  /** The whole new content; parent folders are created. */
  content: string;
}
export interface ApplyPatchArgs {
  path: string;
  /** A unified diff (`@@ -a,b +c,d @@` hunks) against the file's current content. */
  patch: string;
}
/** Replaces one passage of a file; `old_text` must occur exactly once (whitespace drift is tolerated). */
export interface ReplaceInFileArgs {
  path: string;
  old_text: string;
  new_text: string;
}
export interface SearchArgs {
  /** Plain text, matched case-sensitively line by line. */
  query: string;
  path?: string;
}
export interface RunCommandArgs {
  command: string;
  timeoutSeconds?: number;
}
/** The project's own test command runs; the blueprint or manifest decides which. */
export type RunTestsArgs = Record<string, never>;
export interface AskHumanArgs {
  question: string;
}
export interface HandoffArgs {
  toRole: AgentRole;
  reason: string;
  /** What the next agent needs to know (failing test names, files touched). */
  context: string;
}
/** Deploys the project (devops, in an approved plan's deploy task, where the project allows agent deploys). */
export interface DeployArgs {
  /** A deploy target (contracts/deploy.ts); `local` when absent. */
  target?: string;
}
export interface FinishArgs {
  summary: string;
  outcome?: FinishOutcome;
}

/** Argument type of each tool, by name. */
export interface AgentToolArgs {
  list_files: ListFilesArgs;
  read_file: ReadFileArgs;
  write_file: WriteFileArgs;
  apply_patch: ApplyPatchArgs;
  replace_in_file: ReplaceInFileArgs;
  search: SearchArgs;
  run_command: RunCommandArgs;
  run_tests: RunTestsArgs;
  ask_human: AskHumanArgs;
  handoff: HandoffArgs;
  deploy: DeployArgs;
  finish: FinishArgs;
}
export type AgentToolName = keyof AgentToolArgs;

/**
 * What `run_tests` returns, JSON-encoded as the tool result. `run_command` returns the same shape without
 * `passed`. Output is trimmed to its tail by the implementation so it fits a model's context.
 */
export interface RunTestsResult {
  passed: boolean;
  exitCode: number;
  output: string;
}

const str = (description: string) => ({ type: 'string', description });
const object = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** Every agent tool's spec, by name; each role is offered a subset (see {@link agentToolSpecs}). */
export const AGENT_TOOLS: { readonly [K in AgentToolName]: ToolSpec } = {
  list_files: {
    name: 'list_files',
    description: 'List files under a folder of the project, recursively, one path a line.',
    parameters: object({ path: str('Folder relative to the project root; the root when absent.') }, []),
  },
  read_file: {
    name: 'read_file',
    description: 'Read a text file of the project.',
    parameters: object({ path: str('File path relative to the project root.') }, ['path']),
  },
  write_file: {
    name: 'write_file',
    description: 'Create or replace a file with the given content; parent folders are created.',
    parameters: object({ path: str('File path relative to the project root.'), content: str('The whole file content.') }, [
      'path',
      'content',
    ]),
  },
  apply_patch: {
    name: 'apply_patch',
    description: 'Apply a unified diff to one file; fails without change when a hunk does not match.',
    parameters: object({ path: str('File path relative to the project root.'), patch: str('Unified diff against the current content.') }, [
      'path',
      'patch',
    ]),
  },
  replace_in_file: {
    name: 'replace_in_file',
    description:
      'Replace one passage of a file: old_text must occur exactly once (quote enough lines to make it unique); fails without change otherwise.',
    parameters: object(
      {
        path: str('File path relative to the project root.'),
        old_text: str('The exact current text to replace, a few whole lines.'),
        new_text: str('The text to put in its place.'),
      },
      ['path', 'old_text', 'new_text'],
    ),
  },
  search: {
    name: 'search',
    description: 'Find lines containing the text in project files; answers path:line: text.',
    parameters: object({ query: str('Text to find.'), path: str('Folder or file to search; the root when absent.') }, ['query']),
  },
  run_command: {
    name: 'run_command',
    description: 'Run a shell command in the project sandbox; answers JSON {exitCode, output}.',
    parameters: object(
      {
        command: str('Shell command.'),
        timeoutSeconds: { type: 'integer', minimum: 1, maximum: 600, description: 'Kill after this long (default 120).' },
      },
      ['command'],
    ),
  },
  run_tests: {
    name: 'run_tests',
    description: "Run the project's tests in the sandbox; answers JSON {passed, exitCode, output}.",
    parameters: object({}, []),
  },
  ask_human: {
    name: 'ask_human',
    description: 'Ask the project owner a question and wait for the answer.',
    parameters: object({ question: str('One clear question.') }, ['question']),
  },
  handoff: {
    name: 'handoff',
    description: 'Hand the task to another agent role and stop.',
    parameters: object(
      {
        toRole: { type: 'string', enum: [...AGENT_ROLES], description: 'The role to take over.' },
        reason: str('Why.'),
        context: str('What the next agent needs to know.'),
      },
      ['toRole', 'reason', 'context'],
    ),
  },
  deploy: {
    name: 'deploy',
    description:
      "Deploy the project's current files to a target and wait until it is live or failed; answers JSON {status, url, error, errorCode}. Only in a deploy task, where the project allows agent deploys.",
    parameters: object({ target: str('local (default), vercel, netlify, github, render or railway.') }, []),
  },
  finish: {
    name: 'finish',
    description: 'End the task with a summary of what was done.',
    parameters: object(
      { summary: str('What was done, for the team and the owner.'), outcome: { type: 'string', enum: [...FINISH_OUTCOMES] } },
      ['summary'],
    ),
  },
};

/** The specs of the named tools, in the given order (all tools when no names are given). */
export function agentToolSpecs(names: readonly AgentToolName[] = Object.keys(AGENT_TOOLS) as AgentToolName[]): ToolSpec[] {
  return names.map((name) => AGENT_TOOLS[name]);
}
