import { ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';

export type RoomErrorCode =
  | typeof ErrorCode.ROOM_NOT_FOUND
  | typeof ErrorCode.ROOM_FULL
  | typeof ErrorCode.ROOM_LOCKED
  | typeof ErrorCode.ROOM_PASSWORD_REQUIRED
  | typeof ErrorCode.ROOM_PASSWORD_INVALID
  | typeof ErrorCode.ROOM_PASSWORD_ATTEMPTS
  | typeof ErrorCode.ROOM_FORBIDDEN
  | typeof ErrorCode.ROOM_KICKED
  | typeof ErrorCode.ROOM_MUTED
  | typeof ErrorCode.ROOM_ARCHIVED
  | typeof ErrorCode.ROOM_INVITE_INVALID
  | typeof ErrorCode.MESSAGE_TOO_LONG;

/**
 * Thrown when a room's rules refuse a request: the code says which rule (ROOM_FULL, ROOM_LOCKED …) and the message
 * says it in words a person can act on. The API maps it to `extensions.code` (a ConflictError subclass).
 */
export class RoomError extends ConflictError {
  override readonly name = 'RoomError';
  constructor(
    override readonly code: RoomErrorCode,
    message: string,
    readonly roomId: string | null = null,
  ) {
    super(message);
  }
}

/** The same answer for a room that does not exist and one the caller may not see. */
export const roomNotFound = (roomId: string) => new RoomError(ErrorCode.ROOM_NOT_FOUND, 'This room does not exist or you cannot see it.', roomId);
export const roomForbidden = (roomId: string, message: string) => new RoomError(ErrorCode.ROOM_FORBIDDEN, message, roomId);
