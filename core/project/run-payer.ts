import type { EntityManager } from '@mikro-orm/postgresql';
import { TeamMember } from '../team/team.entity';
import type { Project } from './project.entity';

/**
 * Whose allowances a project's runs draw on (sandbox slots; the user a run's model calls are attributed to):
 * a personal project's owner, or the owner of a team project's team. Never a team project's creator as
 * such: they may have left the team. Keys, budgets and message windows are the team's own (models/README).
 */
export async function runPayerId(em: EntityManager, project: Project): Promise<string> {
  if (!project.ownerTeam) return project.owner.id;
  const owner = await em.findOne(TeamMember, { team: project.ownerTeam.id, role: 'owner' });
  return owner?.user.id ?? project.owner.id;
}
