import { ErrorCode } from '../../contracts/errors';

/** One invalid field of an input, in the shape the client maps onto its form. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Thrown when a caller's input breaks a rule; every broken field is listed. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(readonly fieldErrors: readonly FieldError[]) {
    super(fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/** Thrown when an id names nothing the caller can see. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly code = ErrorCode.NOT_FOUND;
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} was not found`);
  }
}

/** Thrown when a dependency (Temporal, PostgreSQL, Redis) cannot take the request right now. */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;
  constructor(
    readonly service: string,
    options?: { cause?: unknown },
  ) {
    super(`${service} is unavailable, try again shortly`, options);
  }
}

/** Thrown when an operation needs a signed-in user and there is none, or sign-in failed. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}

/** Thrown when the caller is signed in but their role does not allow the action. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  readonly code = ErrorCode.FORBIDDEN;
}

/** Thrown when the request is valid but the resource's state does not allow it now (no plan awaiting approval …). */
export class ConflictError extends Error {
  override readonly name: string = 'ConflictError';
  /** CONFLICT, or a more precise code of a subclass (PROJECT_ARCHIVED …) that clients branch on. */
  readonly code: ErrorCode = ErrorCode.CONFLICT;
}
