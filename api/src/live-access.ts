import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../core/shared/domain.errors';
import { actorOf, can, canEditFiles, type Actor, type TeamRole } from '../../core/access/policy';
import { Project } from '../../core/project/project.entity';
import { asResource } from '../../core/project/project.service';
import { TeamMember } from '../../core/team/team.entity';
import { roomProjectsOf } from '../../core/access/room-projects';
import { User } from '../../core/user/user.entity';
import { liveSessions } from './live-access-sessions';
import { codingRoomVerdicts } from './live-access-rooms';

interface StreamBase {
  readonly viewerId: string | null;
  /** Null in single-user mode and for anonymous readers of a public project. */
  readonly sessionId: string | null;
  /** `edit`: the stream writes (a Liveblocks writer's socket), so it needs the right to edit, not only to read. */
  readonly needs?: 'read' | 'edit';
  readonly subscription: { readonly ended: boolean; fail(error: Error): void };
}

/** A stream held through access to a project (`projectEvents`, a workspace's Liveblocks socket). */
export interface ProjectStream extends StreamBase {
  readonly projectId: string;
  readonly codingRoomId?: undefined;
}

/**
 * A stream held through a coding room's membership (`roomEvents`, a Liveblocks socket minted for a room member):
 * it lasts while its holder is a present, not kicked member; `needs: 'edit'` also needs room:edit on a project
 * that is not archived (a demoted participant's writer socket ends).
 */
export interface CodingRoomStream extends StreamBase {
  readonly viewerId: string;
  readonly codingRoomId: string;
  readonly projectId?: undefined;
}

/** A live stream to re-authorise: whose it is, what it shows, and how to end it. */
export type WatchedStream = ProjectStream | CodingRoomStream;

export interface LiveAccessOptions {
  /** How often every live stream is re-authorised, in ms. */
  intervalMs?: number;
}

/**
 * Re-checks, on one timer for the whole process, that every live stream (`projectEvents` and `roomEvents`
 * subscriptions, Liveblocks room sockets) may still run: its session is neither revoked nor expired, and its
 * viewer may still read the project (a removed team member, a project made private) or is still inside the
 * coding room (kicked, left, demoted). A fixed number of queries per tick, however many streams: sessions,
 * users, team memberships, projects, rooms and room memberships, each batched (`id IN (…)`,
 * `(room_id, user_id) IN (…)`); the policy (`can`) then runs in memory. A stream that fails ends with the
 * answer it would get when subscribing anew (UNAUTHENTICATED, NOT_FOUND, ROOM_KICKED, ROOM_FORBIDDEN …).
 */
export class LiveAccess {
  private readonly watched = new Set<WatchedStream>();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private again = false;
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
    this.timer ??= setInterval(() => void (this.current ?? this.tick()), this.intervalMs).unref();
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

  /**
   * One pass over every live stream, now (a kick, a role change, tests). A pass already running may have read
   * the database before the change that asked for this one, so another pass follows it.
   */
  tick(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    const passes = async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    };
    this.current = passes().finally(() => (this.current = null));
    return this.current;
  }

  private async pass(): Promise<void> {
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
    }
  }

  private async recheck(streams: WatchedStream[]): Promise<void> {
    const em = this.orm.em.fork();
    const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
    const viewerIds = distinct(streams.map((s) => s.viewerId));
    const projectStreams = streams.filter((s): s is ProjectStream => s.codingRoomId === undefined);
    const roomStreams = streams.filter((s): s is CodingRoomStream => s.codingRoomId !== undefined);
    const [live, users, memberships, projects, roomVerdicts, rooms] = await Promise.all([
      liveSessions(this.orm.em.fork(), distinct(streams.map((s) => s.sessionId))),
      viewerIds.length ? em.find(User, { id: { $in: viewerIds } }, { fields: ['id', 'platformRole'] }) : [],
      viewerIds.length ? em.find(TeamMember, { user: { $in: viewerIds } }) : [],
      projectStreams.length ? em.find(Project, { id: { $in: distinct(projectStreams.map((s) => s.projectId)) } }) : [],
      codingRoomVerdicts(this.orm.em.fork(), roomStreams),
      roomProjectsOf(this.orm.em.fork(), viewerIds),
    ]);
    const admins = new Set(users.filter((u) => u.platformRole === 'admin').map((u) => u.id));
    const teams = new Map<string, Record<string, TeamRole>>();
    for (const m of memberships) teams.set(m.user.id, { ...teams.get(m.user.id), [m.team.id]: m.role as TeamRole });
    const actor = (viewerId: string | null): Actor =>
      actorOf(viewerId, viewerId ? teams.get(viewerId) : {}, viewerId ? admins.has(viewerId) : false, viewerId ? rooms.get(viewerId) : {});
    const byId = new Map(projects.map((p) => [p.id, p]));
    for (const stream of streams) {
      if (stream.subscription.ended) continue;
      if (stream.sessionId && !live.has(stream.sessionId)) {
        stream.subscription.fail(new UnauthenticatedError('Your session has ended; sign in again'));
        continue;
      }
      const failure =
        stream.codingRoomId !== undefined
          ? roomVerdicts(stream, actor(stream.viewerId))
          : this.projectVerdict(stream, byId.get(stream.projectId), actor(stream.viewerId));
      if (failure) stream.subscription.fail(failure);
    }
  }

  /** Why a project stream must end, or null while it may run. */
  private projectVerdict(stream: ProjectStream, project: Project | undefined, actor: Actor): Error | null {
    if (!project || !can(actor, 'project:read', asResource(project))) return new NotFoundError('Project', stream.projectId);
    if (stream.needs === 'edit' && (project.archivedAt || !canEditFiles(actor, asResource(project))))
      return new ForbiddenError('You may no longer edit this project');
    return null;
  }
}
