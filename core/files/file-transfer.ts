/**
 * Files in and out as bytes: uploads (text or binary, under the size cap and the user's `upload` window), one
 * file's raw bytes, and the whole project for a zip (after the room flushed people's latest edits).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventType } from '../../contracts/events';
import { asTier } from '../limits/tiers';
import { Project, ProjectFile } from '../project/project.entity';
import { NotFoundError } from '../shared/domain.errors';
import type { User } from '../user/user.entity';
import { editableProject, readableProject } from './file-access';
import { bodyOf, bytesOf, writeFileBody } from './file-content';
import { authorOf, type FileDeps } from './file-deps';
import { parseProjectPath } from './file-path';
import { assertFree, changeTree } from './file-tree';
import { recordFileVersion } from './file-versions';
import { FileTooLargeError } from './file.errors';
import { languageOf } from './language';
import { flushProjectRoom, type RoomFlush } from './room-flush';

/** A project's contents as a zip lists them; each file's bytes are read when the zip reaches it. */
export interface ProjectArchive {
  project: Project;
  files: { id: string; path: string; updatedAt: Date }[];
  /** Explicit folders (empty ones included). */
  folders: string[];
  flush: RoomFlush;
}

export class FileTransfer {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: FileDeps,
  ) {}

  /** The largest file accepted, in bytes. */
  get maxBytes(): number {
    return this.deps.uploadMaxBytes;
  }

  /**
   * The checks before an upload's body is read: an editor, a usable path, a declared size under the cap, and
   * one unit of the user's `upload` window (RateLimitExceededError when it is used up).
   */
  async admitUpload(viewerId: string | null, projectId: string, rawPath: string, declaredSize: number | null): Promise<void> {
    const { user } = await editableProject(this.em, viewerId, projectId);
    const path = parseProjectPath(rawPath);
    if (declaredSize !== null && declaredSize > this.maxBytes) throw new FileTooLargeError(path, declaredSize, this.maxBytes);
    await this.deps.rateLimiter.check({ id: user.id, tier: asTier(user.tier) }, 'upload');
  }

  /** Creates the file, or replaces the content of the file at that path (a version, reason `upload`, either way). */
  async upload(
    viewerId: string | null,
    projectId: string,
    rawPath: string,
    bytes: Buffer,
  ): Promise<{ file: ProjectFile; created: boolean }> {
    const { project, user } = await editableProject(this.em, viewerId, projectId);
    const path = parseProjectPath(rawPath);
    if (bytes.length > this.maxBytes) throw new FileTooLargeError(path, bytes.length, this.maxBytes);
    const body = bodyOf(bytes);
    const existing = await this.em.findOne(ProjectFile, { project: project.id, path });
    const file = existing
      ? await writeFileBody(this.em, this.deps.live, existing, body, authorOf(user), 'upload')
      : await changeTree(this.em, project.id, path, async (tx) => {
          await assertFree(tx, project.id, path);
          const created = tx.create(ProjectFile, {
            project: tx.getReference(Project, project.id),
            path,
            language: languageOf(path),
            ...body,
          });
          await tx.flush();
          await recordFileVersion(tx, { fileId: created.id, projectId: project.id, path, ...body }, authorOf(user), 'upload');
          return created;
        });
    await this.announceUpload(project, user, file, existing?.id ?? null);
    return { file, created: !existing };
  }

  /** One file's bytes (text as UTF-8), for a download. */
  async raw(viewerId: string | null, projectId: string, rawPath: string): Promise<{ path: string; bytes: Buffer }> {
    const project = await readableProject(this.em, viewerId, projectId);
    const path = parseProjectPath(rawPath);
    const [file] = await this.em.execute<Pick<ProjectFile, 'binary' | 'content' | 'data'>[]>(
      'select content, "binary", data from project_files where project_id = ? and path = ?',
      [project.id, path],
    );
    if (!file) throw new NotFoundError('File', path);
    return { path, bytes: bytesOf(file) };
  }

  /** The project's files and folders for a zip, after asking the room to flush people's latest edits. */
  async archive(viewerId: string | null, projectId: string): Promise<ProjectArchive> {
    const project = await readableProject(this.em, viewerId, projectId);
    const flush = await flushProjectRoom(this.deps.temporal, project.id);
    const files = await this.em.execute<ProjectArchive['files']>(
      'select id, path, updated_at as "updatedAt" from project_files where project_id = ? order by path',
      [project.id],
    );
    const folders = await this.em.execute<{ path: string }[]>('select path from project_folders where project_id = ? order by path', [
      project.id,
    ]);
    // Raw rows: the driver leaves timestamps as strings.
    return { project, files: files.map((f) => ({ ...f, updatedAt: new Date(f.updatedAt) })), folders: folders.map((f) => f.path), flush };
  }

  /** A file's current bytes by id (empty when it was deleted meanwhile). */
  async bytesById(fileId: string): Promise<Buffer> {
    const [file] = await this.em.execute<Pick<ProjectFile, 'binary' | 'content' | 'data'>[]>(
      'select content, "binary", data from project_files where id = ?',
      [fileId],
    );
    return file ? bytesOf(file) : Buffer.alloc(0);
  }

  /** `replaced`: the id of the file that was there (a text file turned binary gets a new id). */
  private async announceUpload(project: Project, user: User, file: ProjectFile, replaced: string | null): Promise<void> {
    const created = replaced === null;
    await this.deps.events.append({
      projectId: project.id,
      type: EventType.FILE_UPLOADED,
      message: `${user.displayName} uploaded ${file.path}${file.binary ? ' (binary)' : ''}${created ? '' : ', replacing it'}`,
      data: {
        fileId: file.id,
        path: file.path,
        size: file.size,
        binary: file.binary,
        created,
        ...(replaced && replaced !== file.id ? { replacedFileId: replaced } : {}),
        by: user.id,
      },
    });
  }
}
