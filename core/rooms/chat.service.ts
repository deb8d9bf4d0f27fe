import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AgentRole } from '../../contracts/roles';
import { RoomEventType, type RoomActivityKind } from '../../contracts/rooms';
import { ConflictError } from '../shared/domain.errors';
import { AgentMentions, type AgentMentionDeps } from './agent-mentions';
import { checkBody, checkClientKey, checkPageLimit, checkSnippet } from './chat-input';
import { ChatNotifications } from './chat-notifications';
import { chatPage, type ChatPage } from './chat-history';
import { parseMentions, parseRefs } from './chat-parse';
import { chatStanding, findMessage, memberName, mentionCandidates, requireModeration } from './chat-standing';
import { agentName, messageEventData, messageView, type ChatMessageView } from './chat-view';
import type { NotificationFeed } from './notification-feed';
import type { RoomEventStream } from './room-event-stream';
import { RoomMessage, type Room } from './room.entities';
import { roomForbidden } from './room.errors';

/** Resets a room's idle timer (rooms-core's `RoomActivityNotifier`; the lead wires it). */
export interface RoomActivityToucher {
  touch(roomId: string, kind: RoomActivityKind, userId: string | null): Promise<void>;
}

/** What chat needs beyond the request's entity manager; built once per process. */
export interface ChatDeps extends AgentMentionDeps {
  roomEvents: RoomEventStream;
  /** Live notifications; null: rows only (the bell updates on reload). */
  notifications: NotificationFeed | null;
  /** Chat counts as activity; absent: the room's lifecycle is not told. */
  activity?: RoomActivityToucher | null;
  logger?: Logger;
}

export interface SendMessageInput {
  roomId: string;
  body: string;
  snippet?: { language: string; code: string } | null;
  clientKey?: string | null;
}

/**
 * A room's chat: send (with file references, @person mentions and @agent questions), edit and delete (the author,
 * or a moderator over the author's role), and history pages. Every change is stored, then published on the room's
 * stream as the message itself, so a client applies an event without asking again.
 */
export class ChatService {
  readonly notifications: ChatNotifications;
  private readonly agents: AgentMentions;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: ChatDeps,
  ) {
    this.notifications = new ChatNotifications(em, deps.notifications);
    this.agents = new AgentMentions(em, deps);
  }

  /** Participants and above, unless muted (ROOM_MUTED); the same `clientKey` returns the first message. */
  async send(viewerId: string, input: SendMessageInput): Promise<ChatMessageView> {
    const { room, member } = await chatStanding(this.em, viewerId, input.roomId, 'room:chat');
    const body = checkBody(input.body, room.id);
    const snippet = checkSnippet(input.snippet, room.id);
    const clientKey = checkClientKey(input.clientKey);
    if (clientKey) {
      const first = await this.em.findOne(RoomMessage, { room: room.id, author: viewerId, clientKey });
      if (first) return this.view(first);
    }
    const candidates = await mentionCandidates(this.em, room.id);
    const mentions = parseMentions(body, candidates);
    const message = this.em.create(RoomMessage, {
      room,
      author: member!.user,
      authorKind: 'user',
      body,
      snippet,
      refs: parseRefs(body),
      mentions: mentions.userIds,
      clientKey,
    });
    try {
      await this.em.flush();
    } catch (error) {
      // The same key sent twice at once: the other request stored it first.
      if (!(clientKey && error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      return this.view(await this.em.findOneOrFail(RoomMessage, { room: room.id, author: viewerId, clientKey }));
    }
    const authorName = candidates.find((c) => c.id === viewerId)?.name ?? 'Someone';
    const view = messageView(message, authorName);
    await this.publish(RoomEventType.MESSAGE_CREATED, view, `message:${message.id}:created`);
    await this.notifications.mentioned(
      room,
      message,
      authorName,
      mentions.userIds.filter((id) => id !== viewerId),
    );
    await this.touch(room.id, viewerId);
    const role = mentions.agentRoles[0] as AgentRole | undefined;
    if (role) await this.ask(room, message, role, viewerId, authorName);
    return view;
  }

  /** The author only, while they may chat; file references and mentions follow the new text. */
  async edit(viewerId: string, messageId: string, body: string): Promise<ChatMessageView> {
    const message = await findMessage(this.em, messageId);
    const { room } = await chatStanding(this.em, viewerId, message.room.id, 'room:chat');
    if (message.authorKind !== 'user' || message.author?.id !== viewerId)
      throw roomForbidden(room.id, 'Only its author can edit a message.');
    if (message.deletedAt) throw new ConflictError('This message was deleted.');
    const text = checkBody(body, room.id);
    const candidates = await mentionCandidates(this.em, room.id);
    const mentions = parseMentions(text, candidates);
    const before = new Set(message.mentions ?? []);
    Object.assign(message, { body: text, refs: parseRefs(text), mentions: mentions.userIds, editedAt: new Date() });
    await this.em.flush();
    const authorName = candidates.find((c) => c.id === viewerId)?.name ?? 'Someone';
    const view = messageView(message, authorName);
    await this.publish(RoomEventType.MESSAGE_UPDATED, view);
    // Only people the edit newly mentions are told; nobody is told twice about one message.
    await this.notifications.mentioned(
      room,
      message,
      authorName,
      mentions.userIds.filter((id) => id !== viewerId && !before.has(id)),
    );
    await this.touch(room.id, viewerId);
    return view;
  }

  /** The author, or a host or moderator over the author's role: the row stays, its text is blanked. */
  async delete(viewerId: string, messageId: string): Promise<ChatMessageView> {
    const message = await findMessage(this.em, messageId);
    const roomId = message.room.id;
    const own = message.authorKind === 'user' && message.author?.id === viewerId;
    if (own) await chatStanding(this.em, viewerId, roomId, 'room:read');
    else await requireModeration(this.em, viewerId, message);
    if (message.deletedAt) return this.view(message);
    Object.assign(message, { body: '', snippet: null, refs: [], mentions: [], deletedAt: new Date(), deletedBy: viewerId });
    await this.em.flush();
    const view = await this.view(message);
    await this.publish(RoomEventType.MESSAGE_DELETED, view, `message:${message.id}:deleted`);
    return view;
  }

  /** A page of history for someone in the room (see {@link chatPage}). */
  async page(viewerId: string, roomId: string, options: { before?: string | null; limit?: number | null } = {}): Promise<ChatPage> {
    const limit = checkPageLimit(options.limit);
    await chatStanding(this.em, viewerId, roomId, 'room:read');
    return chatPage(this.em, roomId, options.before, limit);
  }

  private async view(message: RoomMessage): Promise<ChatMessageView> {
    return messageView(message, message.author ? await memberName(this.em, message.room.id, message.author.id) : undefined);
  }

  private async publish(type: RoomEventType, view: ChatMessageView, dedupeKey?: string): Promise<void> {
    await this.deps.roomEvents.publish(view.roomId, type, messageEventData(view), dedupeKey);
  }

  private async touch(roomId: string, userId: string): Promise<void> {
    // The message is stored and delivered; a missed idle-timer reset only makes the room look idle sooner.
    await this.deps.activity
      ?.touch(roomId, 'chat', userId)
      .catch((err: unknown) => this.deps.logger?.warn({ err, roomId }, 'room activity not recorded'));
  }

  /** Hands an @agent question on; when that fails the room says so rather than leaving the asker waiting. */
  private async ask(room: Room, message: RoomMessage, role: AgentRole, askerId: string, askerName: string): Promise<void> {
    try {
      const delivery = await this.agents.deliver({ room, message, role, askerId, askerName });
      if (delivery.kind === 'task')
        await this.publish(RoomEventType.MESSAGE_CREATED, messageView(delivery.note), `message:${delivery.note.id}:created`);
    } catch (err) {
      this.deps.logger?.warn({ err, roomId: room.id, role }, 'agent mention not delivered');
      const note = this.em.create(RoomMessage, {
        room,
        authorKind: 'system',
        agentRole: role,
        body: `${agentName(role)} could not be reached; ask again in a moment.`,
        replyTo: message.id,
      });
      await this.em.flush();
      await this.publish(RoomEventType.MESSAGE_CREATED, messageView(note), `message:${note.id}:created`);
    }
  }
}
