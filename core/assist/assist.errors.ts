import { ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';
import { FileOperationError } from '../files/file.errors';

/**
 * Thrown when an editor action is refused before it starts (ASSIST_EMPTY_SELECTION, ASSIST_CONTEXT_TOO_LARGE);
 * `details` go to the GraphQL error's extensions (tokens, limit, model …).
 */
export class AssistRefusedError extends Error {
  override readonly name = 'AssistRefusedError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** Thrown when a request is decided or cancelled after it was already accepted, rejected, failed or cancelled. */
export class AssistDecidedError extends ConflictError {
  override readonly name = 'AssistDecidedError';
  override readonly code = ErrorCode.ASSIST_DECIDED;
  constructor(
    readonly requestId: string,
    readonly status: string,
  ) {
    super(status === 'running' ? 'This request is still running: wait for its answer' : `This request is already ${status}`);
  }
}

/** Thrown when an action is asked on a binary file (it has no text to read or change). */
export class FileBinaryError extends FileOperationError {
  override readonly name = 'FileBinaryError';
  readonly code = ErrorCode.FILE_BINARY;
  constructor(readonly path: string) {
    super(`${path} is a binary file: assist works on text files only`);
  }
}
