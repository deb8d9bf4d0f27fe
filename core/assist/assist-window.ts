import { ASSIST_LIMITS } from '../../contracts/assist';
import { ErrorCode } from '../../contracts/errors';
import { NO_ASSIST_MODEL_HINT, type ModelAvailability } from '../models/model-gateway';
import { ModelNotAvailableError } from '../models/models.errors';
import type { ModelInfo } from '../models/model-info';
import { AssistRefusedError } from './assist.errors';
import { requestTokens, type ActionRequest } from './prompts';

/** ASSIST_LIMITS.maxInputChars in tokens, as estimateTokens counts them. */
const MAX_INPUT_TOKENS = Math.ceil(ASSIST_LIMITS.maxInputChars / 3.5);

/** One kind of assist as the client shows it (`AssistAvailability`). */
export interface AssistAvailabilityView {
  available: boolean;
  model: string | null;
  local: boolean;
  reason: string | null;
}

/** The answer's budget within what every model of the chain may write (a fallback must not be asked for more). */
export function fitOutput(request: ActionRequest, models: readonly Pick<ModelInfo, 'maxOutputTokens'>[]): ActionRequest {
  const most = Math.min(request.maxOutputTokens, ...models.map((m) => m.maxOutputTokens));
  return { ...request, maxOutputTokens: most };
}

/**
 * Refuses an action no model can take: none configured (ModelNotAvailableError: MODEL_NOT_AVAILABLE with the hint), or the prompt and
 * answer larger than the first model's window (ASSIST_CONTEXT_TOO_LARGE with tokens, limit, model, hasSelection).
 */
export function checkModelFits(availability: ModelAvailability, request: ActionRequest, hasSelection: boolean): void {
  const model = availability.models[0];
  if (!model) throw new ModelNotAvailableError('assist', [], availability.reason ?? NO_ASSIST_MODEL_HINT);
  const tokens = requestTokens(fitOutput(request, availability.models));
  // Past ASSIST_LIMITS.maxInputChars even a model with a larger window is not sent it.
  const limit = Math.min(model.contextWindow, MAX_INPUT_TOKENS);
  if (tokens <= limit) return;
  const what = hasSelection ? 'The selection' : 'The whole file';
  throw new AssistRefusedError(
    ErrorCode.ASSIST_CONTEXT_TOO_LARGE,
    `${what} is too large for ${model.id}: about ${tokens.toLocaleString('en')} tokens with the prompt and the answer, and it takes ${limit.toLocaleString('en')}. Select a ${hasSelection ? 'smaller ' : ''}part of the file and run the action on it.`,
    { tokens, limit, model: model.id, hasSelection },
  );
}
