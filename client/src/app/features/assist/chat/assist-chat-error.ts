import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@contracts/errors';
import { type UserFacingError, toUserFacingError } from '../../../core/user-facing-error';

/** A failed chat call as the user reads it; `code` keeps the assist refusals the app-wide mapping folds away. */
export interface AssistChatProblem {
  readonly code: string;
  readonly message: string;
}

export type AssistChatResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AssistChatProblem };

/** Our words for the model refusals; the server's message (which names the model, the budget, the hint) follows. */
const WORDS: Readonly<Record<string, string>> = {
  [ErrorCode.MODEL_NOT_AVAILABLE]: 'No model can answer here.',
  [ErrorCode.BUDGET_EXCEEDED]: 'A model budget is used up.',
  [ErrorCode.PROVIDER_ERROR]: 'The model refused the request.',
  [ErrorCode.MODEL_FALLBACK_FAILED]: 'Every model that could answer failed. Try again shortly.',
};

/** Codes whose server message is written for users. */
const SERVER_WORDS: ReadonlySet<string> = new Set([
  ErrorCode.MODEL_NOT_AVAILABLE,
  ErrorCode.BUDGET_EXCEEDED,
  ErrorCode.PROVIDER_ERROR,
]);

/** Maps whatever Apollo or the transport reported; unknown codes go through the app-wide mapping. */
export function toAssistChatProblem(error: unknown): AssistChatProblem {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const code = first?.extensions?.['code'];
  if (typeof code === 'string' && code in WORDS) {
    const server = SERVER_WORDS.has(code) && first?.message ? first.message : '';
    return { code, message: server ? `${WORDS[code]} ${sentence(server)}` : WORDS[code]! };
  }
  if (code === ErrorCode.BAD_USER_INPUT && first?.message) return { code, message: sentence(first.message) };
  const mapped: UserFacingError = toUserFacingError(error);
  return { code: mapped.code, message: mapped.message };
}

/** A failed answer (its `errorCode`, and the text the server stored or streamed) in words. */
export function failedAnswerText(code: string | null, message: string | null): string {
  const said = message?.trim();
  if (said) return sentence(said);
  return (code && WORDS[code]) || 'The answer stopped before it was complete.';
}

const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};
