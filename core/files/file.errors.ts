import { ErrorCode } from '../../contracts/errors';

/** Base of the file operations' refusals: the message is written for the user, the code says which rule. */
export abstract class FileOperationError extends Error {
  abstract readonly code: ErrorCode;
  /** The path the refusal is about, when there is one. */
  abstract readonly path: string | null;
}

/** Thrown when a path is absolute, climbs out with `..`, holds NUL or control characters, or is too long. */
export class PathInvalidError extends FileOperationError {
  override readonly name = 'PathInvalidError';
  readonly code = ErrorCode.PATH_INVALID;
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(problem);
  }
}

/** Thrown when a file or folder already has the path (a file `a` and a folder `a/` clash too). */
export class PathTakenError extends FileOperationError {
  override readonly name = 'PathTakenError';
  readonly code = ErrorCode.PATH_TAKEN;
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when content is larger than the upload cap (ATELIER_UPLOAD_MAX_BYTES). */
export class FileTooLargeError extends FileOperationError {
  override readonly name = 'FileTooLargeError';
  readonly code = ErrorCode.FILE_TOO_LARGE;
  constructor(
    readonly path: string | null,
    readonly size: number | null,
    readonly limit: number,
  ) {
    super(`Files are limited to ${formatBytes(limit)}${size !== null ? `; this one is ${formatBytes(size)}` : ''}`);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}
