import { ErrorCode } from '../../contracts/errors';

/** Which budget a call would cross. */
export type BudgetScope = 'run' | 'project' | 'user' | 'team';

/** Thrown before a model call when a run, project, user or team budget (tokens or money) is used up. */
export class BudgetExceededError extends Error {
  override readonly name = 'BudgetExceededError';
  readonly code = ErrorCode.BUDGET_EXCEEDED;
  constructor(
    readonly scope: BudgetScope,
    readonly measure: 'tokens' | 'costUsd',
    readonly used: number,
    readonly limit: number,
  ) {
    super(
      `The ${scope} budget is used up (${measure === 'tokens' ? `${used} of ${limit} tokens` : `$${used.toFixed(4)} of $${limit.toFixed(4)}`}); raise it or stop`,
    );
  }
}

/** Thrown when no model for the role can be used: none configured with a key, or the vendor refused our key or model name. */
export class ModelNotAvailableError extends Error {
  override readonly name: string = 'ModelNotAvailableError';
  readonly code = ErrorCode.MODEL_NOT_AVAILABLE;
  constructor(
    readonly role: string,
    readonly models: readonly string[],
    readonly reason: string,
  ) {
    super(`No model is available for the ${role} role (${reason})`);
  }
}

/** Thrown when a vendor rejects the request itself (invalid request, content filter): retrying cannot help. */
export class ProviderRequestError extends Error {
  override readonly name = 'ProviderRequestError';
  readonly code = ErrorCode.PROVIDER_ERROR;
  constructor(
    readonly model: string,
    readonly kind: string,
  ) {
    super(`The model ${model} rejected the request (${kind.replace('_', ' ')})`);
  }
}

/** Thrown when a stored key's base URL names or resolves to a non-public address at connect time. */
export class BaseUrlNotAllowedError extends ModelNotAvailableError {
  override readonly name = 'BaseUrlNotAllowedError';
}

/** One model tried and how it failed, in chain order. */
export interface FallbackAttempt {
  model: string;
  outcome: 'circuit_open' | string;
  retryAfterMs?: number;
}

/** Thrown when every model in the chain failed with a transient error or had its breaker open. */
export class ModelFallbackFailedError extends Error {
  override readonly name = 'ModelFallbackFailedError';
  readonly code = ErrorCode.MODEL_FALLBACK_FAILED;
  constructor(readonly attempts: readonly FallbackAttempt[]) {
    super(`Every model in the chain failed: ${attempts.map((a) => `${a.model} (${a.outcome})`).join(', ')}`);
  }

  /** The shortest wait any vendor asked for, so the next attempt does not come back too soon. */
  get retryAfterMs(): number | undefined {
    const waits = this.attempts.map((a) => a.retryAfterMs).filter((ms): ms is number => ms !== undefined);
    return waits.length ? Math.min(...waits) : undefined;
  }
}
