/**
 * People's file and folder operations on a project: create, move or rename, delete. Every change checks
 * `can(project:update)` on a project that is not archived, takes the project's tree lock, and appends a project
 * event so everyone's file tree follows live. Versions, restores and transfers are in `file-history.ts` and
 * `file-transfer.ts`; both are reached from here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventType } from '../../contracts/events';
import { Project, ProjectFile } from '../project/project.entity';
import { editableProject } from './file-access';
import { authorOf, type FileDeps } from './file-deps';
import { textBody, throughLive } from './file-content';
import { FileHistory } from './file-history';
import { isWithin, likeUnder, MAX_PATH_LENGTH, parseProjectPath } from './file-path';
import { FileTransfer } from './file-transfer';
import { assertFree, changeTree, existingOccupant, keepParentFolder } from './file-tree';
import { recordFileVersion } from './file-versions';
import { ProjectFolder } from './file.entities';
import { FileTooLargeError, PathInvalidError } from './file.errors';
import { languageOf } from './language';

const LIVE_REMOVALS_AT_ONCE = 8;

export class FileService {
  readonly history: FileHistory;
  readonly transfer: FileTransfer;

  constructor(
    private readonly em: EntityManager,
    private readonly deps: FileDeps,
  ) {
    this.history = new FileHistory(em, deps);
    this.transfer = new FileTransfer(em, deps);
  }

  /** The project's explicit folders, sorted (folders that hold files follow from the files' paths). */
  async folders(projectId: string): Promise<string[]> {
    const rows = await this.em.find(ProjectFolder, { project: projectId }, { orderBy: { path: 'asc' }, fields: ['path'] });
    return rows.map((f) => f.path);
  }

  /** A new file, empty or with `content` (then its first version, reason `create`). */
  async createFile(viewerId: string, projectId: string, rawPath: string, content?: string | null): Promise<ProjectFile> {
    const { project, user } = await editableProject(this.em, viewerId, projectId);
    const path = parseProjectPath(rawPath);
    const body = textBody(content ?? '');
    if (body.size > this.deps.uploadMaxBytes) throw new FileTooLargeError(path, body.size, this.deps.uploadMaxBytes);
    const file = await changeTree(this.em, project.id, path, async (em) => {
      await assertFree(em, project.id, path);
      const created = em.create(ProjectFile, {
        project: em.getReference(Project, project.id),
        path,
        content: body.content,
        language: languageOf(path),
        size: body.size,
      });
      await em.flush();
      if (content != null)
        await recordFileVersion(em, { fileId: created.id, projectId: project.id, path, ...body }, authorOf(user), 'create');
      return created;
    });
    await this.announce(project, EventType.FILE_CREATED, `${user.displayName} created ${path}`, { fileId: file.id, path, by: user.id });
    return file;
  }

  /** A new, empty folder; returns its path. */
  async createFolder(viewerId: string, projectId: string, rawPath: string): Promise<string> {
    const { project, user } = await editableProject(this.em, viewerId, projectId);
    const path = parseProjectPath(rawPath);
    await changeTree(this.em, project.id, path, async (em) => {
      await assertFree(em, project.id, path);
      em.create(ProjectFolder, { project: em.getReference(Project, project.id), path });
      await em.flush();
    });
    await this.announce(project, EventType.FOLDER_CREATED, `${user.displayName} created the folder ${path}`, { path, by: user.id });
    return path;
  }

  /** Renames or moves a file, or a folder with everything under it (its explicit subfolders too); returns the new path. */
  async movePath(viewerId: string, projectId: string, rawFrom: string, rawTo: string): Promise<string> {
    const { project, user } = await editableProject(this.em, viewerId, projectId);
    const from = parseProjectPath(rawFrom);
    const to = parseProjectPath(rawTo);
    if (isWithin(to, from)) throw new PathInvalidError(to, to === from ? `"${from}" is already there` : `A folder cannot move into itself`);
    const moved = await changeTree(this.em, project.id, to, async (em) => {
      const kind = await existingOccupant(em, project.id, from);
      await assertFree(em, project.id, to);
      if (kind === 'file') {
        const [row] = await em.execute<{ id: string }[]>(
          'update project_files set path = ?, language = ?, updated_at = now() where project_id = ? and path = ? returning id',
          [to, languageOf(to), project.id, from],
        );
        await keepParentFolder(em, project.id, from);
        return { folder: false, fileId: row!.id };
      }
      await this.assertMovedPathsFit(em, project.id, from, to);
      const cut = from.length + 1;
      await em.execute('update project_files set path = ? || substr(path, ?), updated_at = now() where project_id = ? and path like ?', [
        to,
        cut,
        project.id,
        likeUnder(from),
      ]);
      await em.execute('update project_folders set path = ? || substr(path, ?) where project_id = ? and (path = ? or path like ?)', [
        to,
        cut,
        project.id,
        from,
        likeUnder(from),
      ]);
      await keepParentFolder(em, project.id, from);
      return { folder: true, fileId: null };
    });
    const what = moved.folder ? 'the folder ' : '';
    await this.announce(project, EventType.FILE_RENAMED, `${user.displayName} moved ${what}${from} to ${to}`, {
      ...(moved.fileId ? { fileId: moved.fileId } : {}),
      from,
      path: to,
      folder: moved.folder,
      by: user.id,
    });
    return to;
  }

  /**
   * Deletes a file, or a folder with everything under it; returns how many files went. Each deleted file's
   * live document leaves the room first (a retry after a failure finds it gone and goes on).
   */
  async deletePath(viewerId: string, projectId: string, rawPath: string): Promise<number> {
    const { project, user } = await editableProject(this.em, viewerId, projectId);
    const path = parseProjectPath(rawPath);
    const { fileIds, folder } = await changeTree(this.em, project.id, path, async (em) => {
      const kind = await existingOccupant(em, project.id, path);
      const files = await em.execute<{ id: string; binary: boolean }[]>(
        'select id, "binary" from project_files where project_id = ? and (path = ? or path like ?)',
        [project.id, path, likeUnder(path)],
      );
      await this.removeLiveDocs(
        project.id,
        files.filter((f) => !f.binary).map((f) => f.id),
      );
      await em.execute('delete from project_files where project_id = ? and (path = ? or path like ?)', [project.id, path, likeUnder(path)]);
      await em.execute('delete from project_folders where project_id = ? and (path = ? or path like ?)', [
        project.id,
        path,
        likeUnder(path),
      ]);
      await keepParentFolder(em, project.id, path);
      return { fileIds: files.map((f) => f.id), folder: kind === 'folder' };
    });
    const what = folder ? `the folder ${path} (${fileIds.length} files)` : path;
    await this.announce(project, EventType.FILE_DELETED, `${user.displayName} deleted ${what}`, { fileIds, path, folder, by: user.id });
    return fileIds.length;
  }

  private async assertMovedPathsFit(em: EntityManager, projectId: string, from: string, to: string): Promise<void> {
    const [row] = await em.execute<{ longest: number | null }[]>(
      'select max(length(path)) as longest from (select path from project_files where project_id = ? and path like ? union all select path from project_folders where project_id = ? and path like ?) p',
      [projectId, likeUnder(from), projectId, likeUnder(from)],
    );
    if (row?.longest && row.longest - from.length + to.length > MAX_PATH_LENGTH)
      throw new PathInvalidError(to, `Moving "${from}" there would make a path longer than ${MAX_PATH_LENGTH} characters`);
  }

  /** Takes deleted files' documents out of the room, a few at a time (each removal is its own small delta). */
  private async removeLiveDocs(projectId: string, fileIds: string[]): Promise<void> {
    const { live } = this.deps;
    if (!live) return;
    for (let i = 0; i < fileIds.length; i += LIVE_REMOVALS_AT_ONCE) {
      await throughLive(() => Promise.all(fileIds.slice(i, i + LIVE_REMOVALS_AT_ONCE).map((id) => live.remove(projectId, id))));
    }
  }

  private async announce(project: Project, type: string, message: string, data: Record<string, unknown>): Promise<void> {
    await this.deps.events.append({ projectId: project.id, type, message, data });
  }
}
