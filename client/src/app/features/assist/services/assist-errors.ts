import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@contracts/errors';
import { toUserFacingError } from '../../../core/user-facing-error';

/** A refused or failed editor action as the panel shows it. */
export interface AssistProblem {
  /** An assist code (ASSIST_CONTEXT_TOO_LARGE, MODEL_NOT_AVAILABLE …) or an app-wide one (NETWORK …). */
  readonly code: string;
  readonly message: string;
  /** ASSIST_CONTEXT_TOO_LARGE: `{ tokens, limit, model, hasSelection }`. */
  readonly extensions: Readonly<Record<string, unknown>>;
}

export type AssistResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AssistProblem };

/** Codes whose server message is written for the person (it names the model, the limit, the hint). */
const SERVER_WORDS: ReadonlySet<string> = new Set([
  ErrorCode.ASSIST_CONTEXT_TOO_LARGE,
  ErrorCode.MODEL_NOT_AVAILABLE,
  ErrorCode.BUDGET_EXCEEDED,
  ErrorCode.FILE_BINARY,
  ErrorCode.PATH_TAKEN,
  ErrorCode.PATH_INVALID,
]);

/** Our words for the rest; the server's for those above when it sent one. */
export const ASSIST_WORDS: Readonly<Record<string, string>> = {
  [ErrorCode.ASSIST_EMPTY_SELECTION]:
    'The selection is empty: select some lines, or none for the whole file.',
  [ErrorCode.ASSIST_CONTEXT_TOO_LARGE]:
    'This file is too large for the model: select a part of the file and ask again.',
  [ErrorCode.ASSIST_STALE]: 'The file changed under this proposal; run it again.',
  [ErrorCode.ASSIST_NO_EDIT]:
    'The model answered without a change that could be applied. Try again, or rephrase the instruction.',
  [ErrorCode.ASSIST_DECIDED]: 'This proposal was already accepted, rejected or stopped.',
  [ErrorCode.MODEL_NOT_AVAILABLE]: 'No model can serve editor actions here.',
  [ErrorCode.BUDGET_EXCEEDED]: 'Your model budget is used up for now.',
  [ErrorCode.PATH_TAKEN]: 'A file with that path exists already.',
  [ErrorCode.PATH_INVALID]: 'That path cannot be used.',
  [ErrorCode.FILE_BINARY]: 'This is a binary file: assist works on text files only.',
};

/** Keeps the assist codes the app-wide mapping would fold into INTERNAL. */
export function toAssistProblem(error: unknown): AssistProblem {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const code = first?.extensions?.['code'];
  if (typeof code === 'string' && code in ASSIST_WORDS) {
    const message = SERVER_WORDS.has(code) && first?.message ? first.message : ASSIST_WORDS[code]!;
    return { code, message, extensions: first?.extensions ?? {} };
  }
  const common = toUserFacingError(error);
  return { code: common.code, message: common.message, extensions: first?.extensions ?? {} };
}

/** The reason an action failed in the workflow (stored on the request), in words. */
export function failureText(code: string | null, message: string | null): string {
  if (message) return message;
  return (code && ASSIST_WORDS[code]) || 'The action failed. Try again.';
}
