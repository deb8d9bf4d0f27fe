import type { EntityManager } from '@mikro-orm/postgresql';
import { QuotaExceededError } from '../limits/limits.errors';
import { asTier, type LimitsConfig } from '../limits/tiers';
import { LOCAL_USER_ID, User } from '../user/user.entity';
import { Project } from './project.entity';
import { teamTier } from './run-payer';

/** Who a new project belongs to: a team project has both the creator and the team. */
export interface ProjectOwner {
  readonly userId: string;
  readonly teamId: string | null;
}

/**
 * Serialises project creates of one owner (a user's personal projects, or one team's) until the surrounding
 * transaction ends, so two creates at cap - 1 cannot both see room. Take it before any check-then-insert.
 * `em.execute` runs in the transaction; `em.getConnection().execute` would take a pooled connection of its
 * own, whose implicit transaction releases the lock at once.
 */
export async function lockProjectOwner(em: EntityManager, owner: ProjectOwner): Promise<void> {
  const key = owner.teamId ? `project-cap:team:${owner.teamId}` : `project-cap:user:${owner.userId}`;
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
}

/**
 * Refuses one more project beyond the tier's cap, under `lockProjectOwner`. A personal project counts against
 * its creator's tier; a team project against the higher of the team's and its owner's tier, over the team's own projects (a member's
 * personal projects do not fill the team, nor the team theirs). The built-in local user of single-user mode has
 * no cap: that mode exists only for one person on a loopback bind.
 */
export async function assertProjectQuota(em: EntityManager, limits: LimitsConfig, owner: ProjectOwner): Promise<void> {
  if (!owner.teamId && owner.userId === LOCAL_USER_ID) return;
  const tier = owner.teamId ? await teamTier(em, owner.teamId) : asTier((await em.findOneOrFail(User, { id: owner.userId })).tier);
  const cap = limits.tiers[tier].projects;
  if (cap === null) return;
  const used = await em.count(Project, owner.teamId ? { ownerTeam: owner.teamId } : { owner: owner.userId, ownerTeam: null });
  if (used >= cap) throw new QuotaExceededError('projects', cap, used, owner.teamId ? 'team' : 'user');
}
