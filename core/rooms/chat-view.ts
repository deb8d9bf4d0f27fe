/**
 * Chat messages and notifications as clients see them: the GraphQL `RoomMessage` and `Notification` shapes, and
 * the same shapes as JSON for the room's live events (`MESSAGE_CREATED` / `MESSAGE_UPDATED` carry a message).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../user/user.entity';
import type { ChatFileRef, ChatSnippet, RoomMessage, UserNotification } from './room.entities';

/** The GraphQL `RoomMessage`. */
export interface ChatMessageView {
  id: string;
  roomId: string;
  authorKind: RoomMessage['authorKind'];
  authorId: string | null;
  authorName: string;
  agentRole: string | null;
  body: string;
  snippet: ChatSnippet | null;
  refs: ChatFileRef[];
  mentions: string[];
  replyTo: string | null;
  status: RoomMessage['status'];
  editedAt: Date | null;
  deleted: boolean;
  createdAt: Date;
}

/** The GraphQL `Notification`. */
export interface NotificationView {
  id: string;
  kind: string;
  text: string;
  roomId: string | null;
  messageId: string | null;
  read: boolean;
  createdAt: Date;
}

/** How an agent signs its answers: "The reviewer". */
export const agentName = (role: string): string => `The ${role}`;
/** How the room signs its own notes. */
export const SYSTEM_NAME = 'Room';
/** A user message whose author's account is gone. */
export const FORMER_MEMBER = 'Former member';

/** The message as clients see it; `authorName` is the person's display name (see {@link authorNames}). */
export function messageView(message: RoomMessage, authorName?: string): ChatMessageView {
  const name =
    message.authorKind === 'agent'
      ? agentName(message.agentRole ?? 'agent')
      : message.authorKind === 'system'
        ? SYSTEM_NAME
        : (authorName ?? FORMER_MEMBER);
  return {
    id: message.id,
    roomId: message.room.id,
    authorKind: message.authorKind,
    authorId: message.author?.id ?? null,
    authorName: name,
    agentRole: message.agentRole ?? null,
    body: message.body,
    snippet: message.snippet ?? null,
    refs: message.refs ?? [],
    mentions: message.mentions ?? [],
    replyTo: message.replyTo ?? null,
    status: message.status,
    editedAt: message.editedAt ?? null,
    deleted: !!message.deletedAt,
    createdAt: message.createdAt,
  };
}

/** The display names of the people who wrote `messages`, by user id, in one query. */
export async function authorNames(em: EntityManager, messages: readonly RoomMessage[]): Promise<Map<string, string>> {
  const ids = [...new Set(messages.flatMap((m) => (m.author ? [m.author.id] : [])))];
  if (!ids.length) return new Map();
  const users = await em.find(User, { id: { $in: ids } }, { fields: ['id', 'displayName'] });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** A question to an agent as the agent reads it: the text, and its snippet fenced. */
export function questionText(message: Pick<RoomMessage, 'body' | 'snippet'>): string {
  const snippet = message.snippet ? `\n\n\`\`\`${message.snippet.language}\n${message.snippet.code}\n\`\`\`` : '';
  return `${message.body}${snippet}`;
}

/** A message view as event data: JSON, with ISO timestamps (what the GraphQL type serialises to). */
export function messageEventData(view: ChatMessageView): Record<string, unknown> {
  return { ...view, editedAt: view.editedAt?.toISOString() ?? null, createdAt: view.createdAt.toISOString() };
}

export function notificationView(notification: UserNotification): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    text: notification.text,
    roomId: notification.room?.id ?? null,
    messageId: notification.messageId ?? null,
    read: !!notification.readAt,
    createdAt: notification.createdAt,
  };
}
