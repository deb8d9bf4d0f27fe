import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { authorNames, messageView, type ChatMessageView } from './chat-view';
import { RoomMessage } from './room.entities';

/** One page of a room's chat. */
export interface ChatPage {
  /** Oldest first. */
  messages: ChatMessageView[];
  /** The id to pass as `before` for the page before this one; null at the start of the room. */
  before: string | null;
}

/**
 * The `limit` messages before the message `before` (or the newest), oldest first. Messages are ordered by
 * (createdAt, id), so two sent in the same millisecond still page without a gap or a repeat.
 */
export async function chatPage(em: EntityManager, roomId: string, before: string | null | undefined, limit: number): Promise<ChatPage> {
  let where: FilterQuery<RoomMessage> = { room: roomId };
  if (before) {
    const anchor = isUuid(before) ? await em.findOne(RoomMessage, { id: before, room: roomId }, { fields: ['id', 'createdAt'] }) : null;
    if (!anchor) throw new ValidationError([{ field: 'before', message: 'before must be the id of a message in this room' }]);
    where = { room: roomId, $or: [{ createdAt: { $lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { $lt: anchor.id } }] };
  }
  const rows = await em.find(RoomMessage, where, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: limit + 1 });
  const page = rows.slice(0, limit).reverse();
  const names = await authorNames(em, page);
  return {
    messages: page.map((m) => messageView(m, m.author ? names.get(m.author.id) : undefined)),
    before: rows.length > limit ? page[0]!.id : null,
  };
}
