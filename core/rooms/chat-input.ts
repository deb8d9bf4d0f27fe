/** What a person may send to a room's chat: checked before anything is stored. */
import { ErrorCode } from '../../contracts/errors';
import { ROOM_LIMITS } from '../../contracts/rooms';
import { ValidationError } from '../shared/domain.errors';
import { RoomError } from './room.errors';
import type { ChatSnippet } from './room.entities';

/** A snippet's language: lower-case letters, digits and `+ # -` (`typescript`, `c++`, `c#`, `objective-c`). */
const LANGUAGE = /^[a-z0-9+#-]{1,32}$/;
/** A client's idempotency key: a UUID or any short token of safe characters. */
const CLIENT_KEY = /^[\w.:-]{1,64}$/;

/** The text of a message, trimmed: 1 to 4,000 characters (MESSAGE_TOO_LONG beyond, BAD_USER_INPUT when empty). */
export function checkBody(body: string, roomId: string): string {
  const text = body.trim();
  if (!text) throw new ValidationError([{ field: 'body', message: 'Write something first' }]);
  if (text.length > ROOM_LIMITS.messageMax)
    throw new RoomError(
      ErrorCode.MESSAGE_TOO_LONG,
      `A message holds at most ${ROOM_LIMITS.messageMax.toLocaleString('en')} characters (this one has ${text.length.toLocaleString('en')}).`,
      roomId,
    );
  return text;
}

/** A snippet: code of 1 to 20,000 characters (MESSAGE_TOO_LONG beyond) and a language name. */
export function checkSnippet(snippet: { language: string; code: string } | null | undefined, roomId: string): ChatSnippet | null {
  if (!snippet) return null;
  const language = snippet.language.trim().toLowerCase();
  if (!LANGUAGE.test(language))
    throw new ValidationError([{ field: 'snippet.language', message: 'A language is 1 to 32 of a-z, 0-9, +, # and -' }]);
  if (!snippet.code.trim()) throw new ValidationError([{ field: 'snippet.code', message: 'The snippet is empty' }]);
  if (snippet.code.length > ROOM_LIMITS.snippetMax)
    throw new RoomError(
      ErrorCode.MESSAGE_TOO_LONG,
      `A snippet holds at most ${ROOM_LIMITS.snippetMax.toLocaleString('en')} characters.`,
      roomId,
    );
  return { language, code: snippet.code };
}

export function checkClientKey(key: string | null | undefined): string | null {
  if (key == null || key === '') return null;
  if (!CLIENT_KEY.test(key))
    throw new ValidationError([{ field: 'clientKey', message: 'clientKey is 1 to 64 letters, digits, _ . : or -' }]);
  return key;
}

/** `limit` of a history page: 1 to 100, 50 when not given. */
export function checkPageLimit(limit: number | null | undefined): number {
  const value = limit ?? 50;
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw new ValidationError([{ field: 'limit', message: 'limit must be between 1 and 100' }]);
  return value;
}
