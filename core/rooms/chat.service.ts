import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ErrorCode } from '../../contracts/errors';
import { AGENT_ROLES, type AgentRole } from '../../contracts/roles';
import { RoomEventType, type RoomActivityKind } from '../../contracts/rooms';
import { can } from '../access/policy';
import { ConflictError, NotFoundError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { AgentMentions, type AgentMentionDeps } from './agent-mentions';
import { checkBody, checkClientKey, checkPageLimit, checkSnippet } from './chat-input';
import { ChatNotifications } from './chat-notifications';
import { chatPage, type ChatPage } from './chat-history';
import { parseMentions, parseRefs, type MentionCandidate } from './chat-parse';
import { agentName, messageEventData, messageView, type ChatMessageView } from './chat-view';
import type { NotificationFeed } from './notification-feed';
import type { RoomEventStream } from './room-event-stream';
import { loadStanding, requireRoom, type RoomStanding } from './room-standing';
import { RoomMember, RoomMessage, type Room } from './room.entities';
import { RoomError, roomForbidden, roomNotFound } from './room.errors';

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
    const { room, member } = await this.standing(viewerId, input.roomId, 'room:chat');
    const body = checkBody(input.body, room.id);
    const snippet = checkSnippet(input.snippet, room.id);
    const clientKey = checkClientKey(input.clientKey);
    if (clientKey) {
      const first = await this.em.findOne(RoomMessage, { room: room.id, author: viewerId, clientKey });
      if (first) return this.view(first);
    }
    const candidates = await this.mentionCandidates(room.id);
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
    await this.notifications.mentioned(room, message, authorName, mentions.userIds.filter((id) => id !== viewerId));
    await this.touch(room.id, viewerId);
    const role = mentions.agentRoles[0] as AgentRole | undefined;
    if (role) await this.ask(room, message, role, viewerId, authorName);
    return view;
  }

  /** The author only, while they may chat; file references and mentions follow the new text. */
  async edit(viewerId: string, messageId: string, body: string): Promise<ChatMessageView> {
    const message = await this.message(messageId);
    const { room } = await this.standing(viewerId, message.room.id, 'room:chat');
    if (message.authorKind !== 'user' || message.author?.id !== viewerId) throw roomForbidden(room.id, 'Only its author can edit a message.');
    if (message.deletedAt) throw new ConflictError('This message was deleted.');
    const text = checkBody(body, room.id);
    const candidates = await this.mentionCandidates(room.id);
    const mentions = parseMentions(text, candidates);
    const before = new Set(message.mentions ?? []);
    Object.assign(message, { body: text, refs: parseRefs(text), mentions: mentions.userIds, editedAt: new Date() });
    await this.em.flush();
    const authorName = candidates.find((c) => c.id === viewerId)?.name ?? 'Someone';
    const view = messageView(message, authorName);
    await this.publish(RoomEventType.MESSAGE_UPDATED, view);
    // Only people the edit newly mentions are told; nobody is told twice about one message.
    await this.notifications.mentioned(room, message, authorName, mentions.userIds.filter((id) => id !== viewerId && !before.has(id)));
    await this.touch(room.id, viewerId);
    return view;
  }

  /** The author, or a host or moderator over the author's role: the row stays, its text is blanked. */
  async delete(viewerId: string, messageId: string): Promise<ChatMessageView> {
    const message = await this.message(messageId);
    const roomId = message.room.id;
    const own = message.authorKind === 'user' && message.author?.id === viewerId;
    if (own) await this.standing(viewerId, roomId, 'room:read');
    else await this.moderating(viewerId, message);
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
    await this.standing(viewerId, roomId, 'room:read');
    return chatPage(this.em, roomId, options.before, limit);
  }

  private async standing(viewerId: string, roomId: string, action: 'room:chat' | 'room:read'): Promise<RoomStanding> {
    if (!isUuid(roomId)) throw roomNotFound(roomId);
    const standing = await requireRoom(this.em, viewerId, roomId, action);
    if (action === 'room:chat') {
      if (standing.room.status === 'archived') throw new RoomError(ErrorCode.ROOM_ARCHIVED, 'This room is archived; reopen it to chat.', roomId);
      const until = standing.member?.mutedUntil;
      if (until && until > new Date()) throw new RoomError(ErrorCode.ROOM_MUTED, `You are muted in this room until ${until.toISOString()}.`, roomId);
    }
    return standing;
  }

  /** Someone deleting another's message: room:moderate over the author's role (agents and notes count as participants). */
  private async moderating(viewerId: string, message: RoomMessage): Promise<void> {
    const roomId = message.room.id;
    const author = message.author ? await this.em.findOne(RoomMember, { room: roomId, user: message.author.id }) : null;
    if (author) {
      await requireRoom(this.em, viewerId, roomId, 'room:moderate', author);
      return;
    }
    const standing = await loadStanding(this.em, viewerId, roomId);
    if (can(standing.actor, 'room:moderate', { ...standing.resource, targetRole: 'participant', targetUserId: `${message.authorKind}:${message.id}` })) return;
    await requireRoom(this.em, viewerId, roomId, 'room:read');
    throw roomForbidden(roomId, 'Only its author, a moderator or the host can delete a message.');
  }

  private async message(id: string): Promise<RoomMessage> {
    const message = isUuid(id) ? await this.em.findOne(RoomMessage, { id }) : null;
    if (!message) throw new NotFoundError('Message', id);
    return message;
  }

  /** Present and past members (not the kicked) by display name, and the agents by role. */
  private async mentionCandidates(roomId: string): Promise<MentionCandidate[]> {
    const members = await this.em.find(RoomMember, { room: roomId, kickedAt: null }, { populate: ['user'] });
    const people = members.map((m): MentionCandidate => ({ id: m.user.id, name: m.user.getEntity().displayName, kind: 'user' }));
    return [...people, ...AGENT_ROLES.map((role): MentionCandidate => ({ id: role, name: role, kind: 'agent' }))];
  }

  private async view(message: RoomMessage): Promise<ChatMessageView> {
    if (message.authorKind !== 'user' || !message.author) return messageView(message);
    const member = await this.em.findOne(RoomMember, { room: message.room.id, user: message.author.id }, { populate: ['user'] });
    return messageView(message, member?.user.getEntity().displayName);
  }

  private async publish(type: RoomEventType, view: ChatMessageView, dedupeKey?: string): Promise<void> {
    await this.deps.roomEvents.publish(view.roomId, type, messageEventData(view), dedupeKey);
  }

  private async touch(roomId: string, userId: string): Promise<void> {
    // The message is stored and delivered; a missed idle-timer reset only makes the room look idle sooner.
    await this.deps.activity?.touch(roomId, 'chat', userId).catch((err: unknown) => this.deps.logger?.warn({ err, roomId }, 'room activity not recorded'));
  }

  /** Hands an @agent question on; when that fails the room says so rather than leaving the asker waiting. */
  private async ask(room: Room, message: RoomMessage, role: AgentRole, askerId: string, askerName: string): Promise<void> {
    try {
      const delivery = await this.agents.deliver({ room, message, role, askerId, askerName });
      if (delivery.kind === 'task') await this.publish(RoomEventType.MESSAGE_CREATED, messageView(delivery.note), `message:${delivery.note.id}:created`);
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
