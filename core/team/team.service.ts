import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/domain.errors';
import { isUuid, parseInput } from '../shared/validation';
import { loadActor } from '../access/actor';
import { can, type TeamAction, type TeamRole } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { newToken, tokenId } from '../auth/secrets';
import type { RateLimiter } from '../limits/rate-limiter';
import { asTier } from '../limits/tiers';
import { User } from '../user/user.entity';
import { Team, TeamInvitation, TeamMember } from './team.entity';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
const teamName = z.string().trim().min(2, 'Team name must be at least 2 characters').max(64, 'Team name must be at most 64 characters');
const invitedRole = z.enum(['admin', 'member'], { error: 'Role must be admin or member' });
const changedRole = z.enum(['admin', 'member'], { error: 'Role must be admin or member; transfer ownership to make an owner' });

/** Teams, memberships and invitations; every change is checked by the access policy and audited. */
export class TeamService {
  constructor(
    private readonly em: EntityManager,
    private readonly publicUrl: () => string,
    private readonly rateLimiter: RateLimiter | null = null,
  ) {}

  /** Counts one `action` of the viewer in its window (tiers.ts); RATE_LIMIT_EXCEEDED once it is used up. */
  private async count(viewerId: string, action: 'create-team' | 'invite'): Promise<void> {
    if (!this.rateLimiter) return;
    const user = await this.em.findOneOrFail(User, { id: viewerId });
    await this.rateLimiter.check({ id: user.id, tier: asTier(user.tier) }, action);
  }

  /** The team if the viewer may do `action` on it; NOT_FOUND for outsiders, FORBIDDEN for a weaker role. */
  private async authorise(viewerId: string, teamId: string, action: TeamAction, target?: { userId: string }): Promise<Team> {
    const team = isUuid(teamId) ? await this.em.findOne(Team, { id: teamId }) : null;
    const actor = await loadActor(this.em, viewerId);
    if (!team || !actor.teams.has(team.id)) throw new NotFoundError('Team', teamId);
    const targetRole = target ? (await this.em.findOne(TeamMember, { team, user: target.userId }))?.role : undefined;
    if (target && !targetRole) throw new NotFoundError('Team member', target.userId);
    if (!can(actor, action, { kind: 'team', teamId: team.id, targetUserId: target?.userId, targetRole })) {
      throw new ForbiddenError(`Your role in ${team.name} does not allow that`);
    }
    return team;
  }

  async list(viewerId: string): Promise<Team[]> {
    const memberships = await this.em.find(TeamMember, { user: viewerId }, { populate: ['team'], orderBy: { joinedAt: 'asc' } });
    return memberships.map((m) => m.team.getEntity());
  }

  async get(viewerId: string, teamId: string): Promise<Team> {
    return this.authorise(viewerId, teamId, 'team:read');
  }

  async roleOf(teamId: string, userId: string): Promise<TeamRole | null> {
    return (await this.em.findOne(TeamMember, { team: teamId, user: userId }))?.role ?? null;
  }

  async create(viewerId: string, rawName: string): Promise<Team> {
    const { name } = parseInput(z.object({ name: teamName }), { name: rawName });
    await this.count(viewerId, 'create-team');
    const team = this.em.create(Team, { name });
    this.em.create(TeamMember, { team, user: this.em.getReference(User, viewerId), role: 'owner' });
    recordAudit(this.em, { actorId: viewerId, action: 'team.created', target: `team:${team.id}` });
    await this.em.flush();
    return team;
  }

  async invite(viewerId: string, teamId: string, rawRole: string): Promise<{ invitation: TeamInvitation; token: string; link: string }> {
    const team = await this.authorise(viewerId, teamId, 'team:invite');
    const { role } = parseInput(z.object({ role: invitedRole }), { role: rawRole });
    await this.count(viewerId, 'invite');
    const { token, id } = newToken();
    const invitation = this.em.create(TeamInvitation, {
      id,
      team,
      role,
      invitedBy: this.em.getReference(User, viewerId),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    recordAudit(this.em, { actorId: viewerId, action: 'team.invited', target: `team:${team.id}`, data: { role } });
    await this.em.flush();
    return { invitation, token, link: `${this.publicUrl()}/invitations/${token}` };
  }

  /** The open invitation a token names, or BAD_USER_INPUT (field token). */
  async openInvitation(token: string): Promise<TeamInvitation> {
    const invitation = await this.em.findOne(TeamInvitation, { id: tokenId(token) }, { populate: ['team', 'invitedBy'] });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw new ValidationError([{ field: 'token', message: 'This invitation is invalid, expired or already used; ask for a new one' }]);
    }
    return invitation;
  }

  async accept(viewerId: string, token: string): Promise<Team> {
    const invitation = await this.openInvitation(token);
    const team = invitation.team.getEntity();
    // Claim the invitation atomically: two people racing for one link cannot both get in.
    const claimed = await this.em.nativeUpdate(TeamInvitation, { id: invitation.id, acceptedAt: null }, { acceptedAt: new Date(), acceptedBy: viewerId });
    if (claimed !== 1) throw new ValidationError([{ field: 'token', message: 'This invitation was already used' }]);
    if (!(await this.roleOf(team.id, viewerId))) {
      this.em.create(TeamMember, { team, user: this.em.getReference(User, viewerId), role: invitation.role });
    }
    recordAudit(this.em, { actorId: viewerId, action: 'team.joined', target: `team:${team.id}`, data: { role: invitation.role } });
    await this.em.flush();
    return team;
  }

  async pendingInvitations(viewerId: string, team: Team): Promise<TeamInvitation[]> {
    const actor = await loadActor(this.em, viewerId);
    if (!can(actor, 'team:invite', { kind: 'team', teamId: team.id })) return [];
    return this.em.find(TeamInvitation, { team, acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc' } });
  }

  async revokeInvitation(viewerId: string, invitationId: string): Promise<boolean> {
    const invitation = await this.em.findOne(TeamInvitation, { id: invitationId });
    if (!invitation) throw new NotFoundError('Invitation', invitationId);
    await this.authorise(viewerId, invitation.team.id, 'team:invite');
    invitation.revokedAt ??= new Date();
    await this.em.flush();
    return true;
  }

  async removeMember(viewerId: string, teamId: string, userId: string): Promise<boolean> {
    const team = await this.authorise(viewerId, teamId, 'team:remove-member', { userId });
    await this.em.nativeDelete(TeamMember, { team, user: userId });
    recordAudit(this.em, { actorId: viewerId, action: 'team.member_removed', target: `team:${team.id}`, data: { userId } });
    await this.em.flush();
    return true;
  }

  async changeRole(viewerId: string, teamId: string, userId: string, rawRole: string): Promise<TeamMember> {
    const team = await this.authorise(viewerId, teamId, 'team:change-role', { userId });
    const { role } = parseInput(z.object({ role: changedRole }), { role: rawRole });
    const member = await this.em.findOneOrFail(TeamMember, { team, user: userId });
    member.role = role;
    recordAudit(this.em, { actorId: viewerId, action: 'team.role_changed', target: `team:${team.id}`, data: { userId, role } });
    await this.em.flush();
    return member;
  }

  async transfer(viewerId: string, teamId: string, userId: string): Promise<Team> {
    const team = await this.authorise(viewerId, teamId, 'team:transfer');
    const next = await this.em.findOne(TeamMember, { team, user: userId });
    if (!next || userId === viewerId) throw new ValidationError([{ field: 'userId', message: 'Choose another member of the team' }]);
    const current = await this.em.findOneOrFail(TeamMember, { team, user: viewerId });
    next.role = 'owner';
    current.role = 'admin';
    recordAudit(this.em, { actorId: viewerId, action: 'team.ownership_transferred', target: `team:${team.id}`, data: { to: userId } });
    await this.em.flush();
    return team;
  }

  async leave(viewerId: string, teamId: string): Promise<boolean> {
    const team = await this.authorise(viewerId, teamId, 'team:leave');
    await this.em.nativeDelete(TeamMember, { team, user: viewerId });
    recordAudit(this.em, { actorId: viewerId, action: 'team.left', target: `team:${team.id}` });
    await this.em.flush();
    return true;
  }

  async delete(viewerId: string, teamId: string): Promise<boolean> {
    const team = await this.authorise(viewerId, teamId, 'team:delete');
    recordAudit(this.em, { actorId: viewerId, action: 'team.deleted', target: `team:${team.id}`, data: { name: team.name } });
    await this.em.flush();
    await this.em.nativeDelete(Team, { id: team.id });
    return true;
  }
}
