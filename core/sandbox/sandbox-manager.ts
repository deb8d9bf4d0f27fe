import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { SandboxNotFoundError } from '../../sandbox/sandbox.errors';
import type { Sandbox, SandboxBackend, SandboxLimits, SandboxRuntime } from '../../sandbox/types';
import { workflowIds } from '../../contracts/workflow-ids';
import { NotFoundError } from '../shared/domain.errors';
import { asTier, type LimitsConfig } from '../limits/tiers';
import { Project } from '../project/project.entity';
import { teamTier } from '../project/run-payer';
import { User } from '../user/user.entity';
import { SandboxRecord, type SandboxPurpose } from './sandbox.entity';
import { AppLimitExceededError, SandboxLimitExceededError } from './sandbox.errors';

export interface SandboxManagerOptions {
  readonly orm: MikroORM;
  readonly backend: SandboxBackend;
  readonly limits: LimitsConfig;
  /** A sandbox with no activity for this long is destroyed by the reaper. */
  readonly idleMs: number;
  readonly logger: Logger;
}

/** What create needs; `idempotencyKey` makes a retried create return the first sandbox. */
export interface CreateSandboxRequest {
  readonly projectId: string;
  readonly ownerId: string;
  readonly runtime: SandboxRuntime;
  readonly idempotencyKey?: string;
  /** The room whose shared sandbox this is (core/rooms/room-sandbox.ts). */
  readonly roomId?: string;
  /**
   * `work` by default. An `app` sandbox (a deployed app on the local target) counts against the tier's `apps`, over
   * the owner's other projects (a redeploy replaces the project's own app), never against `sandboxes`, and is never
   * idle-reaped: its supervisor keeps it alive.
   */
  readonly purpose?: SandboxPurpose;
  /** Limits of this sandbox over the backend's defaults (an app's come from the tier). */
  readonly limits?: Partial<Pick<SandboxLimits, 'memoryMb' | 'cpus' | 'maxProcesses'>>;
}

const LIVE = ['CREATING', 'RUNNING'] as const;

/**
 * The platform's view of sandboxes: rows in `sandboxes` kept in step with the backend. Enforces the
 * tier's maximum per user, records activity, reaps idle sandboxes and sweeps orphans at start-up.
 */
export class SandboxManager {
  constructor(private readonly options: SandboxManagerOptions) {}

  get backend(): SandboxBackend {
    return this.options.backend;
  }

  private em(): EntityManager {
    return this.options.orm.em.fork() as EntityManager;
  }

  async create(request: CreateSandboxRequest): Promise<{ record: SandboxRecord; sandbox: Sandbox }> {
    const em = this.em();
    if (request.idempotencyKey) {
      const existing = await em.findOne(SandboxRecord, { idempotencyKey: request.idempotencyKey });
      if (existing?.status === 'RUNNING') return { record: existing, sandbox: await this.connect(existing) };
      if (existing?.status === 'CREATING') return this.materialise(em, existing, request.limits);
      if (existing) throw new NotFoundError('Sandbox', existing.id);
    }
    const purpose = request.purpose ?? 'work';
    const record = await em.transactional(async (tx) => {
      // One creator per user at a time, so two concurrent creates cannot both pass the count.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`sandboxes:${request.ownerId}`]);
      const owner = await tx.findOneOrFail(User, { id: request.ownerId });
      // A team project's sandboxes count against its payer but at the higher of the team's and its owner's tier.
      const project = await tx.findOne(Project, { id: request.projectId });
      const tier = this.options.limits.tiers[project?.ownerTeam ? await teamTier(tx, project.ownerTeam.id) : asTier(owner.tier)];
      if (purpose === 'app') {
        const limit = tier?.apps ?? null;
        // Apps of the owner's other projects: this project's previous app is replaced once the new one serves.
        const apps = await tx.getConnection().execute<{ n: string }[]>(
          `select count(distinct project_id) as n from sandboxes where owner_id = ? and purpose = 'app' and status in ('CREATING', 'RUNNING') and project_id <> ?`,
          [request.ownerId, request.projectId],
        );
        if (limit !== null && Number(apps[0]?.n ?? 0) >= limit) throw new AppLimitExceededError(limit);
      } else {
        const limit = tier?.sandboxes ?? null;
        const live = await tx.count(SandboxRecord, { owner: request.ownerId, status: { $in: [...LIVE] }, purpose: { $ne: 'app' } });
        if (limit !== null && live >= limit) throw new SandboxLimitExceededError(limit);
      }
      const row = tx.create(SandboxRecord, {
        project: request.projectId,
        owner: request.ownerId,
        backend: this.backend.name,
        runtime: request.runtime,
        idempotencyKey: request.idempotencyKey ?? null,
        roomId: request.roomId ?? null,
        purpose,
      });
      tx.persist(row);
      return row;
    });
    return this.materialise(em, record, request.limits);
  }

  /** Creates the backend sandbox for a CREATING row; a failure marks the row destroyed. */
  private async materialise(em: EntityManager, record: SandboxRecord, limits?: CreateSandboxRequest['limits']): Promise<{ record: SandboxRecord; sandbox: Sandbox }> {
    try {
      const sandbox = await this.backend.create({ runtime: record.runtime as SandboxRuntime, limits, metadata: { sandboxRecordId: record.id } });
      Object.assign(record, { backendId: sandbox.id, status: 'RUNNING', lastActivityAt: new Date() });
      await em.flush();
      return { record, sandbox };
    } catch (error) {
      Object.assign(record, { status: 'DESTROYED', destroyedAt: new Date(), destroyReason: 'failed' });
      await em.flush();
      throw error;
    }
  }

  /** A running sandbox by row id, reconnected; marks it active. */
  async open(id: string): Promise<{ record: SandboxRecord; sandbox: Sandbox }> {
    const em = this.em();
    const record = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(SandboxRecord, { id, status: 'RUNNING' }) : null;
    if (!record) throw new NotFoundError('Sandbox', id);
    const sandbox = await this.connect(record).catch(async (error: unknown) => {
      if (!(error instanceof SandboxNotFoundError)) throw error;
      Object.assign(record, { status: 'DESTROYED', destroyedAt: new Date(), destroyReason: 'orphan' });
      await em.flush();
      throw new NotFoundError('Sandbox', id);
    });
    // Activity is recorded at most every 30 s: a preview page loading fifty assets is one write, not fifty.
    if (Date.now() - record.lastActivityAt.getTime() > 30_000) {
      record.lastActivityAt = new Date();
      await em.flush();
    }
    return { record, sandbox };
  }

  /** The row of a sandbox (any status), or null. */
  async find(id: string): Promise<SandboxRecord | null> {
    return /^[0-9a-f-]{36}$/i.test(id) ? this.em().findOne(SandboxRecord, { id }) : null;
  }

  /** Records activity now (terminal input, preview traffic, a step heartbeat). */
  async touch(id: string): Promise<void> {
    await this.em().nativeUpdate(SandboxRecord, { id, status: 'RUNNING' }, { lastActivityAt: new Date() });
  }

  /** Records where the preview listens and how people reach it. */
  async recordPreview(id: string, port: number): Promise<SandboxRecord> {
    const em = this.em();
    const record = await em.findOneOrFail(SandboxRecord, { id });
    record.ports = [...new Set([...record.ports, port])];
    record.previewUrl = `/preview/${id}/`;
    await em.flush();
    return record;
  }

  /** Destroys the backend sandbox and closes the row; destroying twice is not an error. */
  async destroy(id: string, reason = 'destroyed'): Promise<void> {
    const em = this.em();
    const record = await em.findOne(SandboxRecord, { id });
    if (!record || record.status === 'DESTROYED') return;
    if (record.backendId) {
      await this.backend
        .connect(record.backendId)
        .then((s) => s.destroy())
        .catch((error: unknown) => {
          if (!(error instanceof SandboxNotFoundError)) throw error;
        });
    }
    Object.assign(record, { status: 'DESTROYED', destroyedAt: new Date(), destroyReason: reason });
    await em.flush();
  }

  /**
   * Destroys running sandboxes idle for longer than `idleMs`; returns their ids. A build's own sandbox (made by
   * the project-build workflow) is kept while that build is in progress: a team paused overnight, or an agent
   * waiting for an answer, comes back to its sandbox (the build destroys it when it ends). App sandboxes are never
   * reaped.
   */
  async reapIdle(now = new Date()): Promise<string[]> {
    const cutoff = new Date(now.getTime() - this.options.idleMs);
    const held = await this.em()
      .getConnection()
      .execute<{ id: string }[]>(
        `select s.id from sandboxes s where s.status = 'RUNNING' and s.idempotency_key like ?
           and exists (select 1 from project_runs r where r.project_id = s.project_id and r.status in ('QUEUED', 'RUNNING'))`,
        // createSandbox keys a sandbox by its workflow's id; every build's id starts like this.
        [`${workflowIds.projectBuild('')}%`],
      );
    const idle = await this.em().find(SandboxRecord, {
      status: 'RUNNING',
      backend: this.backend.name,
      lastActivityAt: { $lt: cutoff },
      id: { $nin: held.map((r) => r.id) },
      // A deployed app is idle whenever nobody visits it; its supervisor (localAppWorkflow) owns its lifetime.
      purpose: { $ne: 'app' },
    });
    for (const record of idle) await this.destroy(record.id, 'idle');
    if (idle.length) this.options.logger.info({ sandboxes: idle.map((r) => r.id) }, 'reaped idle sandboxes');
    return idle.map((r) => r.id);
  }

  /** Runs `reapIdle` every `intervalMs`; returns the stop function. */
  startReaper(intervalMs: number): () => void {
    const timer = setInterval(() => {
      this.reapIdle().catch((error: unknown) => this.options.logger.warn({ err: error }, 'sandbox reaper failed'));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * After a crash: destroys backend sandboxes no live row knows, and closes live rows whose sandbox is
   * gone. Skipped for backend sandboxes while a create is in flight (a recent CREATING row), since its
   * sandbox may exist before its row names it.
   */
  async sweepOrphans(): Promise<{ destroyed: string[]; closed: string[] }> {
    const em = this.em();
    const rows = await em.find(SandboxRecord, { status: { $in: [...LIVE] }, backend: this.backend.name });
    const present = new Set(await this.backend.list());
    const known = new Set(rows.map((r) => r.backendId).filter((id): id is string => !!id));
    const creating = rows.some((r) => r.status === 'CREATING' && Date.now() - r.createdAt.getTime() < 10 * 60_000);
    const destroyed: string[] = [];
    if (!creating) {
      for (const id of present) {
        if (known.has(id)) continue;
        await this.backend.connect(id).then((s) => s.destroy(), () => undefined);
        destroyed.push(id);
      }
    }
    const closed = rows.filter((r) => (r.backendId ? !present.has(r.backendId) : Date.now() - r.createdAt.getTime() >= 10 * 60_000));
    for (const r of closed) Object.assign(r, { status: 'DESTROYED', destroyedAt: new Date(), destroyReason: 'orphan' });
    await em.flush();
    if (destroyed.length || closed.length) this.options.logger.info({ destroyed, closed: closed.map((r) => r.id) }, 'swept orphan sandboxes');
    return { destroyed, closed: closed.map((r) => r.id) };
  }

  private connect(record: SandboxRecord): Promise<Sandbox> {
    if (!record.backendId) throw new SandboxNotFoundError(record.id);
    return this.backend.connect(record.backendId);
  }
}
