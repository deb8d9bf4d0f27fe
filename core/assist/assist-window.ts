import { ASSIST_LIMITS } from '../../contracts/assist';
import { ErrorCode } from '../../contracts/errors';
import type { ModelAvailability } from '../models/model-gateway';
import type { ModelInfo } from '../models/model-info';
import { AssistRefusedError } from './assist.errors';
import { requestTokens, type ActionRequest } from './prompts';

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
 * Refuses an action no model can take: none configured (MODEL_NOT_AVAILABLE with the hint), or the prompt and
 * answer larger than the first model's window (ASSIST_CONTEXT_TOO_LARGE with tokens, limit, model, hasSelection).
 */
export function checkModelFits(availability: ModelAvailability, request: ActionRequest, hasSelection: boolean): void {
  const model = availability.models[0];
  if (!model) {
    throw new AssistRefusedError(ErrorCode.MODEL_NOT_AVAILABLE, `Editor actions are off: ${availability.reason ?? 'no model can serve them'}`);
  }
  const tokens = requestTokens(fitOutput(request, availability.models));
  const chars = request.messages.reduce((sum, m) => sum + m.content.length, 0);
  if (tokens <= model.contextWindow && chars <= ASSIST_LIMITS.maxInputChars) return;
  const what = hasSelection ? 'The selection' : 'The whole file';
  throw new AssistRefusedError(
    ErrorCode.ASSIST_CONTEXT_TOO_LARGE,
    `${what} is too large for ${model.id}: about ${tokens.toLocaleString('en')} tokens with the prompt and the answer, and it takes ${model.contextWindow.toLocaleString('en')}. Select a ${hasSelection ? 'smaller ' : ''}part of the file and run the action on it.`,
    { tokens, limit: model.contextWindow, model: model.id, hasSelection },
  );
}
