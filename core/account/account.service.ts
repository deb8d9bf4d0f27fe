import type { EntityManager } from '@mikro-orm/postgresql';
import { UnauthenticatedError, ValidationError } from '../shared/domain.errors';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { AuditEvent } from '../audit/audit.entity';
import { recordAudit } from '../audit/audit-log';
import { Session } from '../auth/auth.entity';
import { verifyPassword } from '../auth/secrets';
import { UsageLog } from '../models/usage-log.entity';
import { Project, ProjectFile, ProjectRun } from '../project/project.entity';
import { asResource } from '../project/project.service';
import { Team, TeamMember } from '../team/team.entity';
import { User } from '../user/user.entity';
import { eraseUsage } from './usage-erasure';

/** GDPR: a user's data export and account deletion. */
export class AccountService {
  constructor(private readonly em: EntityManager) {}

  async export(userId: string): Promise<Record<string, unknown>> {
    const user = await this.em.findOneOrFail(User, { id: userId });
    // Created by the caller is not enough: a team project stays the team's once the caller has left it.
    const actor = await loadActor(this.em, userId);
    const readable = (p: Project) => can(actor, 'project:read', asResource(p));
    const projects = (await this.em.find(Project, { owner: userId }, { orderBy: { createdAt: 'asc' } })).filter(readable);
    const ids = projects.map((p) => p.id);
    const [files, runs, sessions, memberships, audit, usage] = await Promise.all([
      this.em.find(ProjectFile, { project: { $in: ids } }, { orderBy: { path: 'asc' } }),
      this.em.find(ProjectRun, { project: { $in: ids } }),
      this.em.find(Session, { user: userId }),
      this.em.find(TeamMember, { user: userId }, { populate: ['team'] }),
      this.em.find(AuditEvent, { actorId: userId }, { orderBy: { at: 'asc' } }),
      this.em.find(UsageLog, { userId }, { orderBy: { createdAt: 'asc' } }),
    ]);
    const usageProjects = await this.em.find(Project, { id: { $in: [...new Set(usage.flatMap((u) => (u.projectId ? [u.projectId] : [])))] } });
    const readableIds = new Set(usageProjects.filter(readable).map((p) => p.id));
    const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    return {
      exportedAt: new Date().toISOString(),
      user: pick(user, ['id', 'email', 'displayName', 'platformRole', 'tier', 'emailVerifiedAt', 'themeId', 'createdAt']),
      projects: projects.map((p) => ({
        ...pick(p, ['id', 'name', 'description', 'framework', 'features', 'database', 'styling', 'visibility', 'status', 'createdAt']),
        teamId: p.ownerTeam?.id ?? null,
        runs: runs.filter((r) => r.project.id === p.id).map((r) => pick(r, ['id', 'workflowId', 'status', 'startedAt', 'finishedAt', 'error'])),
        files: files.filter((f) => f.project.id === p.id).map((f) => pick(f, ['path', 'language', 'size', 'content'])),
      })),
      teams: memberships.map((m) => ({ id: m.team.id, name: m.team.getEntity().name, role: m.role, joinedAt: m.joinedAt })),
      sessions: sessions.map((s) => pick(s, ['createdAt', 'lastSeenAt', 'expiresAt', 'revokedAt', 'userAgent', 'ip'])),
      auditEvents: audit.map((a) => pick(a, ['at', 'action', 'target', 'ip', 'data'])),
      // Metering is the caller's data; a reply is the project's content, so only while the caller may read it.
      usageLogs: usage.map((u) => ({
        ...pick(u, ['createdAt', 'projectId', 'teamId', 'runId', 'agentRole', 'model', 'provider', 'fallbackFrom']),
        ...pick(u, ['promptTokens', 'completionTokens', 'totalTokens', 'latencyMs']),
        costUsdNanos: String(u.costUsdNanos),
        costInrNanos: String(u.costInrNanos),
        ...(!u.projectId || readableIds.has(u.projectId) ? { response: u.response } : {}),
      })),
    };
  }

  /** Deletes the account; see account.graphql for what goes and what stays. */
  async delete(userId: string, password: string): Promise<void> {
    const user = await this.em.findOneOrFail(User, { id: userId });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) throw new UnauthenticatedError('The password is incorrect');
    const owned = await this.em.find(TeamMember, { user: userId, role: 'owner' }, { populate: ['team'] });
    const blocking: string[] = [];
    for (const membership of owned) {
      const others = await this.em.count(TeamMember, { team: membership.team, user: { $ne: userId } });
      if (others > 0) blocking.push(membership.team.getEntity().name);
    }
    if (blocking.length) {
      throw new ValidationError([{ field: 'teams', message: `Transfer ownership of ${blocking.join(', ')} first, or remove its other members` }]);
    }
    await this.em.transactional(async (em) => {
      // Teams the user owns alone go with the account; team projects elsewhere pass to the team's owner.
      await em.nativeDelete(Team, { id: { $in: owned.map((m) => m.team.id) } });
      for (const project of await em.find(Project, { owner: userId, ownerTeam: { $ne: null } })) {
        const owner = await em.findOne(TeamMember, { team: project.ownerTeam!.id, role: 'owner' });
        if (owner) project.owner = owner.user;
      }
      await em.flush();
      await em.nativeUpdate(AuditEvent, { actorId: userId }, { actorId: null, ip: null });
      await eraseUsage(em, userId);
      await em.nativeDelete(User, { id: userId });
      recordAudit(em, { actorId: null, action: 'account.deleted', data: { teamsDeleted: owned.length }, ip: null });
    });
  }
}
