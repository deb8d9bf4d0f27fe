import type { EntityManager } from '@mikro-orm/postgresql';
import { TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { actorOf, type Actor, type TeamRole } from './policy';
import { roomProjectsOf } from './room-projects';

/** The policy's view of a viewer: their platform role, their role in each team, and the rooms they are inside. */
export async function loadActor(em: EntityManager, viewerId: string | null): Promise<Actor> {
  if (!viewerId) return actorOf(null);
  const [user, memberships, rooms] = await Promise.all([
    em.findOne(User, { id: viewerId }),
    em.find(TeamMember, { user: viewerId }),
    roomProjectsOf(em, [viewerId]),
  ]);
  const teams: Record<string, TeamRole> = Object.fromEntries(memberships.map((m) => [m.team.id, m.role]));
  return actorOf(viewerId, teams, user?.platformRole === 'admin', rooms.get(viewerId));
}
