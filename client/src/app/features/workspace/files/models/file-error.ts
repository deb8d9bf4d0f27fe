import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@contracts/errors';
import {
  type UserFacingErrorCode,
  toUserFacingError,
} from '../../../../core/user-facing-error';

/** Failures of file operations the tree tells apart beyond the app-wide ones. */
export type FileErrorCode =
  | UserFacingErrorCode
  | typeof ErrorCode.PATH_INVALID
  | typeof ErrorCode.PATH_TAKEN
  | typeof ErrorCode.FILE_TOO_LARGE
  | typeof ErrorCode.FILE_BINARY
  | typeof ErrorCode.PROJECT_ARCHIVED;

/** A failed file operation as the user reads it. */
export interface FileError {
  readonly code: FileErrorCode;
  readonly message: string;
}

export type FileResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: FileError };

// The server writes these messages for users ("A file or folder named src/a.ts already exists").
const FILE_CODES: ReadonlySet<string> = new Set([
  ErrorCode.PATH_INVALID,
  ErrorCode.PATH_TAKEN,
  ErrorCode.FILE_TOO_LARGE,
  ErrorCode.FILE_BINARY,
  ErrorCode.PROJECT_ARCHIVED,
]);

const FALLBACK: Readonly<Record<string, string>> = {
  PATH_INVALID: 'That path is not valid.',
  PATH_TAKEN: 'Something already has that name.',
  FILE_TOO_LARGE: 'The file is too large.',
  FILE_BINARY: 'This is a binary file: download it instead.',
  PROJECT_ARCHIVED: 'The project is archived: restore it before changing files.',
};

/** Maps what Apollo reported to a `FileError`, keeping the server's words for the file codes. */
export function toFileError(error: unknown): FileError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (typeof code === 'string' && FILE_CODES.has(code))
      return { code: code as FileErrorCode, message: first?.message || (FALLBACK[code] ?? '') };
  }
  const { code, message } = toUserFacingError(error);
  return { code, message };
}
