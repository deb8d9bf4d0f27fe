import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../../core/shared/domain.errors';
import { actorOf, can, type TeamRole } from '../../../../core/access/policy';
import { Session } from '../../../../core/auth/auth.entity';
import { Project } from '../../../../core/project/project.entity';
import { asResource } from '../../../../core/project/project.service';
import { TeamMember } from '../../../../core/team/team.entity';
import { User } from '../../../../core/user/user.entity';

/** A live stream to re-authorise: whose it is, what it shows, and how to end it. */
export interface WatchedStream {
  readonly viewerId: string | null;
  /** Null in single-user mode and for anonymous readers of a public project. */
  readonly sessionId: string | null;
  readonly projectId: string;
  /** `edit`: the stream writes (a Liveblocks writer's socket): it also needs project:update on a project that is not archived. */
  readonly needs?: 'read' | 'edit';
  readonly subscription: { readonly ended: boolean; fail(error: Error): void };
}

export interface LiveAccessOptions {
  /** How often every live stream is re-authorised, in ms. */
  intervalMs?: number;
}

/**
 * Re-checks, on one timer for the whole process, that every live stream (`projectEvents` subscriptions, Liveblocks
 * room sockets) may still run:
 * its session is neither revoked nor expired, and its viewer may still read the project (a removed team
 * member, a project made private). Four queries per tick, however many streams: sessions, users, team
 * memberships and projects, each by `id IN (…)` (a fifth when a rotated session needs its successor); the
 * policy (`can`) then runs in memory. A stream that
 * fails ends with UNAUTHENTICATED or NOT_FOUND, the same answers it would get when subscribing anew.
 */
export class LiveAccess {
  private readonly watched = new Set<WatchedStream>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly intervalMs: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Pick<Logger, 'warn'>,
    options: LiveAccessOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
  }

  watch(stream: WatchedStream): void {
    this.watched.add(stream);
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs).unref();
  }

  /** Live streams being re-checked, for the bench. */
  get size(): number {
    return this.watched.size;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.watched.clear();
  }

  /** One pass over every live stream; exposed for tests. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const stream of this.watched) if (stream.subscription.ended) this.watched.delete(stream);
      if (this.watched.size === 0) {
        if (this.timer) clearInterval(this.timer);
        this.timer = null;
        return;
      }
      await this.recheck([...this.watched]);
    } catch (error) {
      // A database outage keeps streams open (fail open for this tick); the next tick tries again.
      this.logger.warn({ err: error }, 'could not re-authorise live subscriptions');
    } finally {
      this.running = false;
    }
  }

  private async recheck(streams: WatchedStream[]): Promise<void> {
    const em = this.orm.em.fork();
    const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
    const sessionIds = distinct(streams.map((s) => s.sessionId));
    const viewerIds = distinct(streams.map((s) => s.viewerId));
    const [liveSessions, users, memberships, projects] = await Promise.all([
      this.liveSessions(sessionIds),
      viewerIds.length ? em.find(User, { id: { $in: viewerIds } }, { fields: ['id', 'platformRole'] }) : [],
      viewerIds.length ? em.find(TeamMember, { user: { $in: viewerIds } }) : [],
      em.find(Project, { id: { $in: distinct(streams.map((s) => s.projectId)) } }),
    ]);
    const admins = new Set(users.filter((u) => u.platformRole === 'admin').map((u) => u.id));
    const teams = new Map<string, Record<string, TeamRole>>();
    for (const m of memberships) teams.set(m.user.id, { ...teams.get(m.user.id), [m.team.id]: m.role as TeamRole });
    const byId = new Map(projects.map((p) => [p.id, p]));
    for (const stream of streams) {
      if (stream.subscription.ended) continue;
      if (stream.sessionId && !liveSessions.has(stream.sessionId)) {
        stream.subscription.fail(new UnauthenticatedError('Your session has ended; sign in again'));
        continue;
      }
      const project = byId.get(stream.projectId);
      const actor = actorOf(
        stream.viewerId,
        stream.viewerId ? teams.get(stream.viewerId) : {},
        stream.viewerId ? admins.has(stream.viewerId) : false,
      );
      if (!project || !can(actor, 'project:read', asResource(project)))
        stream.subscription.fail(new NotFoundError('Project', stream.projectId));
      else if (stream.needs === 'edit' && (project.archivedAt || !can(actor, 'project:update', asResource(project))))
        stream.subscription.fail(new ForbiddenError('You may no longer edit this project'));
    }
  }

  /**
   * The ids among `ids` whose session still holds. A socket keeps the token it connected with, so a session
   * replaced by a daily rotation (expired, not revoked) holds while its successor does: same user, same
   * sign-in time, neither revoked nor expired. Revocation (log-out, "log out everywhere") never carries over.
   */
  private async liveSessions(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const em = this.orm.em.fork();
    const now = new Date();
    const rows = await em.find(Session, { id: { $in: ids } }, { fields: ['id', 'revokedAt', 'expiresAt', 'createdAt', 'user'] });
    const live = new Set(rows.filter((r) => !r.revokedAt && r.expiresAt > now).map((r) => r.id));
    const rotated = rows.filter((r) => !r.revokedAt && r.expiresAt <= now);
    if (rotated.length === 0) return live;
    const successors = await em.find(
      Session,
      {
        user: { $in: rotated.map((r) => r.user.id) },
        createdAt: { $in: rotated.map((r) => r.createdAt) },
        revokedAt: null,
        expiresAt: { $gt: now },
      },
      { fields: ['createdAt', 'user'] },
    );
    const held = new Set(successors.map((s) => `${s.user.id}|${s.createdAt.getTime()}`));
    for (const r of rotated) if (held.has(`${r.user.id}|${r.createdAt.getTime()}`)) live.add(r.id);
    return live;
  }
}
