import type { EntityManager } from '@mikro-orm/postgresql';
import { ROOM_ROLE_RANK, type RoomRole } from '../../contracts/rooms';

/**
 * The projects of the live coding rooms each of `userIds` is inside now (present, not kicked, the room not
 * archived): `edit` for participants and above, `read` for viewers. One query for any number of users, reading
 * three columns: every policy decision loads it, so no entity is hydrated (a person in many rooms stays cheap).
 */
export async function roomProjectsOf(em: EntityManager, userIds: readonly string[]): Promise<Map<string, Record<string, 'read' | 'edit'>>> {
  const byUser = new Map<string, Record<string, 'read' | 'edit'>>();
  if (userIds.length === 0) return byUser;
  const rows = await em.getConnection().execute<Array<{ user_id: string; role: RoomRole; project_id: string }>>(
    `select m.user_id, m.role, r.project_id from room_members m join rooms r on r.id = m.room_id
      where m.user_id in (${userIds.map(() => '?').join(', ')}) and m.left_at is null and m.kicked_at is null and r.status <> 'archived'`,
    [...userIds],
  );
  for (const row of rows) {
    const projects = byUser.get(row.user_id) ?? {};
    const access = ROOM_ROLE_RANK[row.role] >= ROOM_ROLE_RANK.participant ? 'edit' : 'read';
    if (projects[row.project_id] !== 'edit') projects[row.project_id] = access;
    byUser.set(row.user_id, projects);
  }
  return byUser;
}
