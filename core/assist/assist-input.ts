/**
 * What `startAssist` accepts, checked before anything is read or started: ids, the action, paths, lengths
 * (ASSIST_LIMITS), the fix's source and command, and the selection's line range.
 */
import { z } from 'zod';
import { ASSIST_ACTIONS, ASSIST_LIMITS, FIX_SOURCES, type AssistAction, type FixSource } from '../../contracts/assist';
import { ErrorCode } from '../../contracts/errors';
import type { AssistRequest } from './assist.entities';
import { AssistRefusedError } from './assist.errors';
import { languageOf, type ActionPromptInput } from './prompts';
import { pathProblem } from '../files/file-path';
import { ValidationError } from '../shared/domain.errors';
import { parseInput } from '../shared/validation';

export interface StartAssistInput {
  projectId: string;
  action: string;
  path: string;
  selection?: { startLine: number; endLine: number } | null;
  instruction?: string | null;
  fixSource?: string | null;
  errorOutput?: string | null;
  testCommand?: string | null;
  targetPath?: string | null;
}

export interface ParsedStart {
  action: AssistAction;
  path: string;
  selection: { startLine: number; endLine: number } | null;
  instruction: string | null;
  fixSource: FixSource | null;
  errorOutput: string | null;
  testCommand: string | null;
  targetPath: string | null;
}

const path = z
  .string()
  .transform((p) => p.trim().replace(/^\.\/+/, ''))
  .superRefine((p, ctx) => {
    const problem = pathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const text = (max: number, what: string) => z.string().max(max, `${what} is limited to ${max.toLocaleString('en')} characters`);

const schema = z.object({
  action: z.enum(ASSIST_ACTIONS, { message: `action must be one of ${ASSIST_ACTIONS.join(', ')}` }),
  path,
  instruction: text(ASSIST_LIMITS.instructionMax, 'The instruction').optional(),
  fixSource: z.enum(FIX_SOURCES, { message: `fixSource must be one of ${FIX_SOURCES.join(', ')}` }).optional(),
  errorOutput: text(ASSIST_LIMITS.errorOutputMax, 'The error output').optional(),
  testCommand: text(1000, 'The test command').optional(),
  targetPath: path.optional(),
});

/** The input as the service uses it; BAD_USER_INPUT per broken field, ASSIST_EMPTY_SELECTION for a bad range. */
export function parseStart(input: StartAssistInput): ParsedStart {
  const { projectId: _projectId, selection, ...rest } = input;
  const parsed = parseInput(schema, rest);
  const blank = (s?: string) => (s?.trim() ? s : null);
  if (parsed.action === 'new_file' && !blank(parsed.instruction))
    throw new ValidationError([{ field: 'instruction', message: 'Describe what the new file should do' }]);
  if (parsed.action === 'fix' && !blank(parsed.errorOutput))
    throw new ValidationError([{ field: 'errorOutput', message: 'Paste the error the fix should make go away' }]);
  if (selection && (selection.startLine < 1 || selection.startLine > selection.endLine)) {
    throw new AssistRefusedError(ErrorCode.ASSIST_EMPTY_SELECTION, `Lines ${selection.startLine}-${selection.endLine} are not a range of the file: select some code`);
  }
  const fix = parsed.action === 'fix';
  return {
    action: parsed.action,
    path: parsed.path,
    // A new file has nothing to select.
    selection: selection && parsed.action !== 'new_file' ? { startLine: selection.startLine, endLine: selection.endLine } : null,
    instruction: blank(parsed.instruction),
    fixSource: fix ? (parsed.fixSource ?? null) : null,
    errorOutput: fix ? blank(parsed.errorOutput) : null,
    testCommand: fix ? (blank(parsed.testCommand)?.trim() ?? null) : null,
    targetPath: parsed.action === 'tests' ? (parsed.targetPath ?? null) : null,
  };
}

/** The selected lines' text (1-based, inclusive); ASSIST_EMPTY_SELECTION when they hold nothing but blanks. */
export function selectedText(content: string, selection: { startLine: number; endLine: number }): string {
  const text = content.split('\n').slice(selection.startLine - 1, selection.endLine).join('\n');
  if (!text.trim()) {
    throw new AssistRefusedError(
      ErrorCode.ASSIST_EMPTY_SELECTION,
      `Lines ${selection.startLine}-${selection.endLine} hold no code: select the code the action should work on`,
    );
  }
  return text;
}

/**
 * The prompt's input for a stored request: `fileContent` is the file the action is asked on (the request's
 * `baseContent`, except for `tests`, whose base is the test file).
 */
export function promptInputOf(
  request: Pick<AssistRequest, 'action' | 'path' | 'targetPath' | 'selectionStartLine' | 'selectionEndLine' | 'instruction' | 'errorOutput' | 'baseContent'>,
  fileContent: string,
): ActionPromptInput {
  const { selectionStartLine: startLine, selectionEndLine: endLine } = request;
  const selection = startLine && endLine ? { startLine, endLine, text: selectedText(fileContent, { startLine, endLine }) } : null;
  return {
    action: request.action,
    path: request.path,
    language: languageOf(request.path),
    fileContent,
    selection,
    instruction: request.instruction ?? null,
    errorOutput: request.errorOutput ?? null,
    targetPath: request.targetPath,
    targetContent: request.baseContent ?? '',
  };
}
