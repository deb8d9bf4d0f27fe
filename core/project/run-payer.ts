import type { EntityManager } from '@mikro-orm/postgresql';
import { higherTier } from '../../contracts/billing';
import { asTier, type Tier } from '../limits/tiers';
import { Team, TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
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

/**
 * The tier a project's limits use: a personal project's owner's tier; for a team project the higher of the team's
 * tier (what a team subscription or comp pays for, core/billing/tier-grants.ts) and its owner's own tier.
 */
export async function payerTier(em: EntityManager, project: Pick<Project, 'owner' | 'ownerTeam'>): Promise<Tier> {
  if (project.ownerTeam) return teamTier(em, project.ownerTeam.id);
  const owner = await em.findOne(User, { id: project.owner.id });
  return asTier(owner?.tier ?? 'free');
}

/** The tier of a team's projects: the higher of `teams.tier` and its owner's `users.tier`. */
export async function teamTier(em: EntityManager, teamId: string): Promise<Tier> {
  const [team, owner] = await Promise.all([
    em.findOne(Team, { id: teamId }),
    em.findOne(TeamMember, { team: teamId, role: 'owner' }, { populate: ['user'] }),
  ]);
  return higherTier(team?.tier ?? 'free', owner?.user.getEntity().tier ?? 'free');
}
