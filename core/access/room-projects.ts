import type { EntityManager } from '@mikro-orm/postgresql';
import { ROOM_ROLE_RANK } from '../../contracts/rooms';
import { RoomMember } from '../rooms/room.entities';

/**
 * The projects of the live coding rooms each of `userIds` is inside now (present, not kicked, the room not
 * archived): `edit` for participants and above, `read` for viewers. One query for any number of users.
 */
export async function roomProjectsOf(em: EntityManager, userIds: readonly string[]): Promise<Map<string, Record<string, 'read' | 'edit'>>> {
  const byUser = new Map<string, Record<string, 'read' | 'edit'>>();
  if (userIds.length === 0) return byUser;
  const rows = await em.find(
    RoomMember,
    { user: { $in: [...userIds] }, leftAt: null, kickedAt: null, room: { status: { $ne: 'archived' } } },
    { populate: ['room'], fields: ['user', 'role', 'room.project', 'room.status'] },
  );
  for (const row of rows) {
    const projects = byUser.get(row.user.id) ?? {};
    const access = ROOM_ROLE_RANK[row.role] >= ROOM_ROLE_RANK.participant ? 'edit' : 'read';
    const projectId = row.room.getEntity().project.id;
    if (projects[projectId] !== 'edit') projects[projectId] = access;
    byUser.set(row.user.id, projects);
  }
  return byUser;
}
