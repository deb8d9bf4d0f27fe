import type { FilterQuery } from '@mikro-orm/postgresql';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import type { RoomScope } from './room-deps';
import { roomResource } from './room-standing';
import { Room, RoomMember } from './room.entities';

/** Which rooms a listing shows: the viewer's own memberships, their teams' team rooms, or public rooms. */
export type RoomListScope = 'MINE' | 'TEAM' | 'PUBLIC';

export interface RoomListQuery {
  scope: RoomListScope;
  projectId?: string | null;
  /** Archived rooms too (default: live ones only). */
  includeArchived?: boolean | null;
  /** 1 to 100; default 50. */
  limit?: number | null;
}

/**
 * Rooms the viewer may see (room:view), newest activity first. MINE: rooms they are a member of (left ones too,
 * kicked ones never); TEAM: team-visible rooms of their teams' projects; PUBLIC: public rooms.
 */
export async function listRooms(scope: RoomScope, viewerId: string, query: RoomListQuery): Promise<Room[]> {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new ValidationError([{ field: 'limit', message: 'List 1 to 100 rooms at a time' }]);
  if (query.projectId && !isUuid(query.projectId)) return [];
  const { em } = scope;
  const [actor, memberships] = await Promise.all([loadActor(em, viewerId), em.find(RoomMember, { user: viewerId })]);
  const kicked = memberships.filter((m) => m.kickedAt).map((m) => m.room.id);
  const where: FilterQuery<Room>[] = [];
  if (!query.includeArchived) where.push({ status: { $ne: 'archived' } });
  if (query.projectId) where.push({ project: query.projectId });
  if (kicked.length) where.push({ id: { $nin: kicked } });
  if (query.scope === 'MINE') where.push({ id: { $in: memberships.filter((m) => !m.kickedAt).map((m) => m.room.id) } });
  if (query.scope === 'TEAM') where.push({ visibility: 'team', project: { ownerTeam: { $in: [...actor.teams.keys()] } } });
  if (query.scope === 'PUBLIC') where.push({ visibility: 'public' });
  const rooms = await em.find(
    Room,
    { $and: where },
    { populate: ['project'], orderBy: { lastActivityAt: 'desc', createdAt: 'desc' }, limit },
  );
  const mine = new Map(memberships.map((m) => [m.room.id, m]));
  // The query already keeps to visible rooms; the policy has the last word.
  return rooms.filter((room) =>
    can(actor, 'room:view', roomResource(room, room.project.getEntity().ownerTeam?.id ?? null, mine.get(room.id) ?? null)),
  );
}
