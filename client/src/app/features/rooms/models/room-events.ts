/**
 * What a room event (`roomEvents`, contracts/rooms.ts RoomEventType) means for the room page. The data is
 * JSON the server wrote, so every field is checked; an event whose data is not understood asks for a
 * re-read instead of guessing.
 */
import { RoomEventType } from '@contracts/rooms';
import type { RoomEventsSubscription } from '../../../generated/rooms';
import type { ChatMessage } from './chat-text';

export type RoomEvent = RoomEventsSubscription['roomEvents'];

export type RoomEffect =
  /** A message to add or replace (created, edited, deleted, an agent's finished answer). */
  | { readonly kind: 'message'; readonly message: ChatMessage }
  /** A message went away by id only (deleted): show it deleted. */
  | { readonly kind: 'message-deleted'; readonly messageId: string }
  /** More of an agent's answer: the whole text so far. */
  | { readonly kind: 'stream'; readonly messageId: string; readonly text: string }
  /** The chat changed in a way the data does not say: re-read its newest page. */
  | { readonly kind: 'chat-stale' }
  /** Members or the room itself changed: re-read the room. */
  | { readonly kind: 'room-stale' }
  | { readonly kind: 'kicked'; readonly userId: string | null }
  | { readonly kind: 'theme'; readonly themeId: string | null }
  | { readonly kind: 'run'; readonly by: string | null; readonly command: string | null }
  | { readonly kind: 'archived' }
  | { readonly kind: 'reopened' }
  | { readonly kind: 'none' };

type Data = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : null);

export function effectOf(event: Pick<RoomEvent, 'type' | 'data'>): RoomEffect {
  const data: Data = typeof event.data === 'object' && event.data !== null ? (event.data as Data) : {};
  switch (event.type) {
    case RoomEventType.MESSAGE_CREATED:
    case RoomEventType.MESSAGE_UPDATED:
    case RoomEventType.MESSAGE_DELETED: {
      const message = asChatMessage(data['message'] ?? data);
      if (message) return { kind: 'message', message };
      const id = str(data['messageId']) ?? str(data['id']);
      if (event.type === RoomEventType.MESSAGE_DELETED && id) return { kind: 'message-deleted', messageId: id };
      return { kind: 'chat-stale' };
    }
    case RoomEventType.MESSAGE_STREAM: {
      const messageId = str(data['messageId']);
      const text = str(data['text']);
      return messageId && text !== null ? { kind: 'stream', messageId, text } : { kind: 'none' };
    }
    case RoomEventType.MEMBER_KICKED: {
      const member = (typeof data['member'] === 'object' && data['member']) as Data | false;
      return { kind: 'kicked', userId: str(data['userId']) ?? (member ? str(member['userId']) : null) };
    }
    case RoomEventType.MEMBER_JOINED:
    case RoomEventType.MEMBER_LEFT:
    case RoomEventType.MEMBER_UPDATED:
    case RoomEventType.ROOM_UPDATED:
      return { kind: 'room-stale' };
    case RoomEventType.THEME_CHANGED:
      return { kind: 'theme', themeId: str(data['themeId']) };
    case RoomEventType.RUN_STARTED: {
      const by = data['by'];
      const name = typeof by === 'object' && by !== null ? str((by as Data)['name']) : str(by);
      return { kind: 'run', by: name ?? str(data['byName']), command: str(data['command']) ?? str(data['script']) };
    }
    case RoomEventType.ROOM_ARCHIVED:
      return { kind: 'archived' };
    case RoomEventType.ROOM_REOPENED:
      return { kind: 'reopened' };
    default:
      return { kind: 'none' };
  }
}

/** A RoomMessage as the server serialised it, or null when it is not one. */
export function asChatMessage(value: unknown): ChatMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Data;
  const id = str(m['id']);
  const body = str(m['body']);
  const authorKind = str(m['authorKind']);
  const createdAt = str(m['createdAt']);
  if (!id || body === null || !authorKind || !createdAt) return null;
  const snippet = m['snippet'] as Data | null | undefined;
  const refs = Array.isArray(m['refs']) ? (m['refs'] as Data[]) : [];
  return {
    id,
    roomId: str(m['roomId']) ?? '',
    authorKind,
    authorId: str(m['authorId']),
    authorName: str(m['authorName']) ?? (authorKind === 'agent' ? 'An agent' : 'Someone'),
    agentRole: str(m['agentRole']),
    body,
    snippet:
      snippet && str(snippet['code']) !== null
        ? { language: str(snippet['language']) ?? 'plaintext', code: str(snippet['code'])! }
        : null,
    refs: refs
      .filter((r) => typeof r?.['path'] === 'string')
      .map((r) => ({ path: r['path'] as string, line: typeof r['line'] === 'number' ? r['line'] : null })),
    mentions: Array.isArray(m['mentions']) ? m['mentions'].filter((x): x is string => typeof x === 'string') : [],
    replyTo: str(m['replyTo']),
    status: str(m['status']) ?? 'complete',
    editedAt: str(m['editedAt']),
    deleted: m['deleted'] === true || str(m['deletedAt']) !== null,
    createdAt,
  };
}
