/** The file routes' refusals as HTTP answers: a status, and `{ error: { code, message } }` as GraphQL would word it. */
import type { Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../../../../contracts/errors';
import { FileOperationError, FileTooLargeError } from '../../../../core/files/file.errors';
import { ProjectArchivedError } from '../../../../core/project/project.errors';
import { RateLimitExceededError } from '../../../../core/limits/limits.errors';
import {
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationError,
} from '../../../../core/shared/domain.errors';

const FILE_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.PATH_INVALID]: 400,
  [ErrorCode.PATH_TAKEN]: 409,
  [ErrorCode.PROJECT_ARCHIVED]: 409,
  [ErrorCode.FILE_TOO_LARGE]: 413,
};

function send(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ error: { code, message, ...extra } });
}

/** Answers `error`; anything unexpected is logged and answered 500 with a message that reveals nothing. */
export function sendFileError(res: Response, error: unknown, logger: Logger, uploadMaxBytes?: number): void {
  if (res.headersSent) {
    logger.error({ err: error }, 'file route failed after answering');
    res.destroy();
    return;
  }
  const parserError = error as { type?: string; status?: number; length?: number } | null;
  if (parserError?.type === 'entity.too.large' && uploadMaxBytes !== undefined)
    error = new FileTooLargeError(null, parserError.length ?? null, uploadMaxBytes);
  if (error instanceof FileOperationError)
    return send(res, FILE_STATUS[error.code] ?? 400, error.code, error.message, error.path !== null ? { path: error.path } : {});
  if (error instanceof ProjectArchivedError) return send(res, 409, error.code, error.message);
  if (error instanceof NotFoundError) return send(res, 404, error.code, error.message);
  if (error instanceof UnauthenticatedError) return send(res, 401, error.code, error.message);
  if (error instanceof ForbiddenError) return send(res, 403, error.code, error.message);
  if (error instanceof ValidationError) return send(res, 400, error.code, error.message);
  if (error instanceof RateLimitExceededError) {
    res.set('Retry-After', String(error.retryAfter));
    return send(res, 429, error.code, error.message, { retryAfter: error.retryAfter, limit: error.limit, kind: error.kind });
  }
  if (error instanceof ServiceUnavailableError) {
    res.set('Retry-After', '5');
    return send(res, 503, error.code, error.message);
  }
  // The body parser's own refusals (an aborted or malformed upload) carry a 4xx status and a safe meaning.
  if (parserError?.status && parserError.status >= 400 && parserError.status < 500)
    return send(res, parserError.status, ErrorCode.BAD_USER_INPUT, 'The upload could not be read');
  logger.error({ err: error }, 'unexpected error in a file route');
  send(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side. It has been logged; please try again.');
}
