import type { EntityManager } from '@mikro-orm/postgresql';
import { TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { actorOf, type Actor, type TeamRole } from './policy';

/** The policy's view of a viewer: their platform role and their role in each team. */
export async function loadActor(em: EntityManager, viewerId: string | null): Promise<Actor> {
  if (!viewerId) return actorOf(null);
  const [user, memberships] = await Promise.all([em.findOne(User, { id: viewerId }), em.find(TeamMember, { user: viewerId })]);
  const teams: Record<string, TeamRole> = Object.fromEntries(memberships.map((m) => [m.team.id, m.role]));
  return actorOf(viewerId, teams, user?.platformRole === 'admin');
}
