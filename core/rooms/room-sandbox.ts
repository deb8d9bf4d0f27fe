import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { SandboxPreviewError } from '../../sandbox/sandbox.errors';
import type { Sandbox } from '../../sandbox/types';
import type { LiveDocs } from '../files/live-docs';
import { Project, ProjectFile } from '../project/project.entity';
import type { SandboxManager } from '../sandbox/sandbox-manager';
import { SandboxRecord } from '../sandbox/sandbox.entity';
import { NotFoundError } from '../shared/domain.errors';

/** A room as its sandbox needs it: whose project, and whose tier the sandbox counts against. */
export interface RoomRef {
  readonly roomId: string;
  readonly projectId: string;
  readonly ownerId: string;
}

/** Where a sync's progress (a dependency install) is shown: the room's shared terminal. */
export type PrintFn = (text: string) => void;

export interface RoomSandboxesOptions {
  readonly orm: MikroORM;
  readonly manager: SandboxManager;
  /** Edits in the files' live documents not flushed yet; without it the stored files are copied. */
  readonly live?: LiveDocs | null;
  /** Limit of one dependency install. Default 10 minutes. */
  readonly installTimeoutMs?: number;
  readonly logger: Logger;
}

const LIVE = ['CREATING', 'RUNNING'] as const;
/** A change to one of these means the dependencies are installed again. */
const MANIFESTS = ['package.json', 'package-lock.json', 'requirements.txt'];
const runtimeOf = (framework: string): 'node' | 'python' => (['fastapi', 'django'].includes(framework) ? 'python' : 'node');
const digest = (content: string | Buffer): string => createHash('sha256').update(content).digest('base64');

/**
 * One sandbox per room (its row's `room_id`): created on first need with the project's current files and
 * dependencies, kept in step with the files on `sync` (only what changed is written), destroyed with the
 * room. Two requests for a room's sandbox at once get the same one: creation holds a PostgreSQL advisory
 * lock per room, and a partial unique index allows one live row per room.
 */
export class RoomSandboxes {
  /** Per sandbox row: path → digest of what this process last wrote there. */
  private readonly synced = new Map<string, Map<string, string>>();
  /** Per room: the tail of its ensure/sync queue in this process. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: RoomSandboxesOptions) {}

  /** The room's running sandbox, created (with its files and dependencies) if it has none. */
  ensure(room: RoomRef, print?: PrintFn): Promise<{ record: SandboxRecord; sandbox: Sandbox; created: boolean }> {
    return this.serial(room.roomId, () => this.ensureNow(room, print));
  }

  /**
   * Ensures the sandbox, then writes the files changed since the last sync and reinstalls if a manifest changed.
   * Returns the files' texts (path → text, '' for a binary file) and the project's framework.
   */
  sync(
    room: RoomRef,
    print?: PrintFn,
  ): Promise<{ record: SandboxRecord; sandbox: Sandbox; files: Map<string, string>; framework: string }> {
    return this.serial(room.roomId, async () => {
      const { record, sandbox } = await this.ensureNow(room, print);
      const files = await this.writeFiles(record.id, sandbox, room.projectId, print);
      const project = await this.em().findOne(Project, { id: room.projectId });
      if (!project) throw new NotFoundError('Project', room.projectId);
      return { record, sandbox, files, framework: project.framework };
    });
  }

  /**
   * Starts `command` as the room's preview (served on the preview origin to everyone who may see the project).
   * A running preview is replaced: the port alternates between 3000 and 3001, which makes the backend stop the old one.
   * `port` is null when nothing answered HTTP in time (a command that serves nothing; it still ran).
   */
  async startPreview(room: RoomRef, command: string): Promise<{ record: SandboxRecord; port: number | null }> {
    const { record, sandbox } = await this.ensure(room);
    const port = (await sandbox.status()).preview?.port === 3000 ? 3001 : 3000;
    try {
      await sandbox.startPreview({ command, port });
    } catch (error) {
      if (error instanceof SandboxPreviewError) return { record, port: null };
      throw error;
    }
    return { record: await this.options.manager.recordPreview(record.id, port), port };
  }

  /** The room's live sandbox row, or null. */
  find(roomId: string): Promise<SandboxRecord | null> {
    return this.em().findOne(SandboxRecord, { roomId, status: { $in: [...LIVE] } });
  }

  /** Records activity (terminal input, a run), so the idle reaper keeps the sandbox. */
  async touch(roomId: string): Promise<void> {
    await this.em().nativeUpdate(SandboxRecord, { roomId, status: 'RUNNING' }, { lastActivityAt: new Date() });
  }

  /** Destroys the room's sandbox (the room was archived); true if there was one. Destroying twice is not an error. */
  async destroy(roomId: string): Promise<boolean> {
    return this.em().transactional(async (tx) => {
      await this.lock(tx, roomId);
      const rows = await tx.find(SandboxRecord, { roomId, status: { $in: [...LIVE] } });
      for (const row of rows) {
        await this.options.manager.destroy(row.id, 'room-closed');
        this.synced.delete(row.id);
      }
      return rows.length > 0;
    });
  }

  private async ensureNow(room: RoomRef, print?: PrintFn): Promise<{ record: SandboxRecord; sandbox: Sandbox; created: boolean }> {
    const running = await this.em().findOne(SandboxRecord, { roomId: room.roomId, status: 'RUNNING' });
    // A row whose sandbox vanished (a host restart) is closed by open(); a new one is made below.
    const opened = running
      ? await this.options.manager
          .open(running.id)
          .catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)))
      : null;
    if (opened) return { ...opened, created: false };
    const made = await this.em().transactional(async (tx) => {
      await this.lock(tx, room.roomId);
      const live = await tx.findOne(SandboxRecord, { roomId: room.roomId, status: { $in: [...LIVE] } });
      if (live?.status === 'RUNNING') return { id: live.id, created: false };
      // Creation happens only under this lock, so a CREATING row here was left by a process that died creating it.
      if (live) await this.options.manager.destroy(live.id, 'failed');
      const project = await tx.findOne(Project, { id: room.projectId });
      if (!project) throw new NotFoundError('Project', room.projectId);
      const { record } = await this.options.manager.create({
        projectId: project.id,
        ownerId: room.ownerId,
        runtime: runtimeOf(project.framework),
        roomId: room.roomId,
      });
      return { id: record.id, created: true };
    });
    const { record, sandbox } = await this.options.manager.open(made.id);
    if (made.created) await this.writeFiles(record.id, sandbox, room.projectId, print);
    return { record, sandbox, created: made.created };
  }

  /** Writes files whose content changed since this process last wrote them, removes deleted ones, installs on a manifest change. */
  private async writeFiles(recordId: string, sandbox: Sandbox, projectId: string, print?: PrintFn): Promise<Map<string, string>> {
    const rows = await this.em().find(ProjectFile, { project: projectId }, { orderBy: { path: 'asc' }, populate: ['data'] });
    const live = this.options.live
      ? await this.options.live.liveTexts(projectId).catch((error: unknown) => {
          this.options.logger.warn({ err: error, projectId }, 'room sandbox: live documents unavailable, copying the stored files');
          return new Map<string, string>();
        })
      : new Map<string, string>();
    const before = this.synced.get(recordId) ?? new Map<string, string>();
    const after = new Map<string, string>();
    const texts = new Map<string, string>();
    for (const file of rows) {
      const content = file.binary ? (file.data ?? Buffer.alloc(0)) : (live.get(file.id) ?? file.content);
      after.set(file.path, digest(content));
      texts.set(file.path, typeof content === 'string' ? content : '');
      if (before.get(file.path) !== after.get(file.path)) await sandbox.writeFile(file.path, content);
    }
    for (const path of before.keys()) if (!after.has(path)) await sandbox.deleteFile(path);
    this.synced.set(recordId, after);
    const changed = MANIFESTS.filter((p) => before.get(p) !== after.get(p) && after.has(p));
    if (changed.length && !(await this.install(sandbox, changed, print))) for (const p of changed) after.delete(p);
    return texts;
  }

  /** Installs dependencies with the output shown through `print`; false when the install failed (the next sync tries again). */
  private async install(sandbox: Sandbox, changed: string[], print: PrintFn = () => undefined): Promise<boolean> {
    print(`\n[Installing dependencies: ${changed.join(', ')} changed]\n`);
    const result = await sandbox.installDependencies({
      timeoutMs: this.options.installTimeoutMs ?? 600_000,
      onStdout: print,
      onStderr: print,
    });
    print(
      result.exitCode === 0
        ? '[Dependencies installed]\n'
        : `[The install failed with exit code ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}]\n`,
    );
    return result.exitCode === 0;
  }

  private serial<T>(roomId: string, work: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(roomId) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    this.queues.set(roomId, tail);
    void tail.then(() => this.queues.get(roomId) === tail && this.queues.delete(roomId));
    return next;
  }

  private lock(tx: EntityManager, roomId: string): Promise<unknown> {
    return tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`room-sandbox:${roomId}`]);
  }

  private em(): EntityManager {
    return this.options.orm.em.fork() as EntityManager;
  }
}
