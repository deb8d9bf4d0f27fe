import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@contracts/errors';
import { ROOM_LIMITS } from '@contracts/rooms';
import {
  type UserFacingError,
  type UserFacingErrorCode,
  toUserFacingError,
} from '../../../core/user-facing-error';

/** The room rules' refusals the pages tell apart, beyond the app-wide failures. */
export const ROOM_CODES = [
  ErrorCode.ROOM_NOT_FOUND,
  ErrorCode.ROOM_FULL,
  ErrorCode.ROOM_LOCKED,
  ErrorCode.ROOM_PASSWORD_REQUIRED,
  ErrorCode.ROOM_PASSWORD_INVALID,
  ErrorCode.ROOM_PASSWORD_ATTEMPTS,
  ErrorCode.ROOM_FORBIDDEN,
  ErrorCode.ROOM_KICKED,
  ErrorCode.ROOM_MUTED,
  ErrorCode.ROOM_ARCHIVED,
  ErrorCode.ROOM_INVITE_INVALID,
  ErrorCode.MESSAGE_TOO_LONG,
] as const;
export type RoomRuleCode = (typeof ROOM_CODES)[number];
export type RoomErrorCode = RoomRuleCode | UserFacingErrorCode;

/** A failed room operation as the user reads it. */
export interface RoomProblem {
  readonly code: RoomErrorCode;
  readonly message: string;
  /** Field name → message, for BAD_USER_INPUT (`name`, `capacity` …). */
  readonly fieldErrors?: Readonly<Record<string, string>>;
}

export type RoomResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: RoomProblem };

const minutes = Math.round(ROOM_LIMITS.passwordWindowSeconds / 60);

/** Our own words for each rule, so every refusal reads the same whatever the server's wording. */
const WORDS: Readonly<Record<RoomRuleCode, string>> = {
  ROOM_NOT_FOUND: 'This room does not exist, or you cannot see it.',
  ROOM_FULL: 'This room is full.',
  ROOM_LOCKED: 'This room is locked: nobody new may join until the host unlocks it.',
  ROOM_PASSWORD_REQUIRED: 'This room needs a password.',
  ROOM_PASSWORD_INVALID: 'That password is not right.',
  ROOM_PASSWORD_ATTEMPTS: `Too many wrong passwords. Wait a while (up to ${minutes} minutes) and try again.`,
  ROOM_FORBIDDEN: 'Your role in this room does not allow that.',
  ROOM_KICKED:
    'You were removed from this room by its host or a moderator. Only a new invite link lets you back in.',
  ROOM_MUTED: 'You are muted in this chat for now.',
  ROOM_ARCHIVED: 'This room is archived.',
  ROOM_INVITE_INVALID: 'This invite link is not valid: it expired, was used up or was revoked.',
  MESSAGE_TOO_LONG: 'That message is too long.',
};
/** Where the server's message says more than ours (which role is needed, the limit). */
const SERVER_WORDS: ReadonlySet<string> = new Set([ErrorCode.ROOM_FORBIDDEN, ErrorCode.MESSAGE_TOO_LONG]);

/** Maps what Apollo reported to a `RoomProblem`: room rules by code, the rest as the app maps them. */
export function toRoomError(error: unknown): RoomProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (typeof code === 'string' && (ROOM_CODES as readonly string[]).includes(code)) {
      const rule = code as RoomRuleCode;
      const message = SERVER_WORDS.has(rule) && first?.message ? first.message : WORDS[rule];
      return { code: rule, message };
    }
  }
  return toUserFacingError(error);
}

/** For `FormState.end`: field errors on their fields, a room rule above the form. */
export function asFormError(problem: RoomProblem): UserFacingError {
  const code = (ROOM_CODES as readonly string[]).includes(problem.code) ? 'CONFLICT' : (problem.code as UserFacingErrorCode);
  return { code, message: problem.message, fieldErrors: problem.fieldErrors ?? {} };
}

/** The join screen's reading of a refusal: what to say, and whether to ask for the password. */
export interface JoinProblem {
  readonly code: RoomErrorCode;
  readonly message: string;
  /** Show (and focus) the password box. */
  readonly askPassword: boolean;
  /** Show the host's and moderators' Reopen button. */
  readonly reopen: boolean;
}

/**
 * A join refusal in words: a full room says how full ("This room is full (10 of 10)."), a password problem
 * asks for the password, an archived room offers Reopen to its host and moderators.
 */
export function joinProblem(
  error: RoomProblem,
  room: { readonly presentCount: number; readonly capacity: number } | null,
  staff = false,
): JoinProblem {
  const message =
    error.code === ErrorCode.ROOM_FULL && room
      ? `This room is full (${room.presentCount} of ${room.capacity}).`
      : error.code === ErrorCode.ROOM_ARCHIVED && !staff
        ? `${WORDS.ROOM_ARCHIVED} Its host or a moderator can reopen it.`
        : error.message;
  const askPassword =
    error.code === ErrorCode.ROOM_PASSWORD_REQUIRED || error.code === ErrorCode.ROOM_PASSWORD_INVALID;
  return { code: error.code, message, askPassword, reopen: error.code === ErrorCode.ROOM_ARCHIVED && staff };
}
