/** Who may do what in a room's chat, and the lookups chat needs about the room's people. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode } from '../../contracts/errors';
import { AGENT_ROLES } from '../../contracts/roles';
import { can } from '../access/policy';
import { NotFoundError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import type { MentionCandidate } from './chat-parse';
import { loadStanding, requireRoom, type RoomStanding } from './room-standing';
import { RoomMember, RoomMessage } from './room.entities';
import { RoomError, roomForbidden, roomNotFound } from './room.errors';

/**
 * The viewer's standing for reading (`room:read`) or writing (`room:chat`) the chat. Writing also needs a live room
 * (ROOM_ARCHIVED) and no mute in force (ROOM_MUTED, saying until when). An id that cannot be a room's is not found.
 */
export async function chatStanding(
  em: EntityManager,
  viewerId: string,
  roomId: string,
  action: 'room:chat' | 'room:read',
): Promise<RoomStanding> {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  const standing = await requireRoom(em, viewerId, roomId, action);
  if (action === 'room:chat') {
    if (standing.room.status === 'archived')
      throw new RoomError(ErrorCode.ROOM_ARCHIVED, 'This room is archived; reopen it to chat.', roomId);
    const until = standing.member?.mutedUntil;
    if (until && until > new Date())
      throw new RoomError(ErrorCode.ROOM_MUTED, `You are muted in this room until ${until.toISOString()}.`, roomId);
  }
  return standing;
}

/**
 * Someone deleting another's message: `room:moderate` over the author's role. Agents' answers, the room's notes and
 * the messages of deleted accounts count as a participant's.
 */
export async function requireModeration(em: EntityManager, viewerId: string, message: RoomMessage): Promise<void> {
  const roomId = message.room.id;
  const author = message.author ? await em.findOne(RoomMember, { room: roomId, user: message.author.id }) : null;
  if (author) {
    await requireRoom(em, viewerId, roomId, 'room:moderate', author);
    return;
  }
  const standing = await loadStanding(em, viewerId, roomId);
  const target = { ...standing.resource, targetRole: 'participant' as const, targetUserId: `${message.authorKind}:${message.id}` };
  if (can(standing.actor, 'room:moderate', target)) return;
  // The same answers as everywhere else for someone who may not even read the room.
  await requireRoom(em, viewerId, roomId, 'room:read');
  throw roomForbidden(roomId, 'Only its author, a moderator or the host can delete a message.');
}

/** The message by id; NOT_FOUND for anything else (a malformed id included). */
export async function findMessage(em: EntityManager, id: string): Promise<RoomMessage> {
  const message = isUuid(id) ? await em.findOne(RoomMessage, { id }) : null;
  if (!message) throw new NotFoundError('Message', id);
  return message;
}

/** Whom a message may mention: present and past members (not the kicked) by display name, and the agents by role. */
export async function mentionCandidates(em: EntityManager, roomId: string): Promise<MentionCandidate[]> {
  const members = await em.find(RoomMember, { room: roomId, kickedAt: null }, { populate: ['user'] });
  const people = members.map((m): MentionCandidate => ({ id: m.user.id, name: m.user.getEntity().displayName, kind: 'user' }));
  return [...people, ...AGENT_ROLES.map((role): MentionCandidate => ({ id: role, name: role, kind: 'agent' }))];
}

/** A member's display name (kept after they leave); undefined when the account is gone. */
export async function memberName(em: EntityManager, roomId: string, userId: string): Promise<string | undefined> {
  const member = await em.findOne(RoomMember, { room: roomId, user: userId }, { populate: ['user'] });
  return member?.user.getEntity().displayName;
}
