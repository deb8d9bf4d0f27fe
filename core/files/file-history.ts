/**
 * A file's history: its versions, newest first, and restoring one (itself a new version, reason `restore`).
 * Versions outlive their file, so a deleted file's history is still readable by whoever may read the project.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventType } from '../../contracts/events';
import { ProjectFile } from '../project/project.entity';
import { NotFoundError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { nullIfNotFound } from '../shared/not-found';
import { editableProject, readableProject } from './file-access';
import { writeFileBody } from './file-content';
import { MAX_VERSIONS_PER_FILE } from './file-versions';
import { authorOf, type FileDeps } from './file-deps';
import type { VersionAuthorKind, VersionReason } from './file.entities';

/** A version as the API shows it; `content` is present when it was loaded, null for a binary file. */
export interface FileVersionRecord {
  id: string;
  fileId: string;
  path: string;
  size: number;
  binary: boolean;
  authorKind: VersionAuthorKind;
  authorName: string;
  reason: VersionReason;
  createdAt: Date;
  content?: string | null;
}

// Raw rows: the driver leaves timestamps as strings, so createdAt is made a Date on the way out.
const COLUMNS = `id, file_id as "fileId", path, size, "binary", author_kind as "authorKind", author_name as "authorName",
  reason, created_at as "createdAt"`;

export class FileHistory {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: Pick<FileDeps, 'events' | 'live'>,
  ) {}

  /** The file's versions, newest first (`limit` 1 to 200, default 50), without their content. */
  async list(viewerId: string | null, fileId: string, limit?: number | null): Promise<FileVersionRecord[]> {
    const count = limit ?? 50;
    if (!Number.isInteger(count) || count < 1 || count > MAX_VERSIONS_PER_FILE)
      throw new ValidationError([{ field: 'limit', message: `Ask for 1 to ${MAX_VERSIONS_PER_FILE} versions` }]);
    const [owner] = isUuid(fileId)
      ? await this.em.execute<{ projectId: string }[]>(
          `select project_id as "projectId" from project_files where id = ?
           union all select project_id from project_file_versions where file_id = ? limit 1`,
          [fileId, fileId],
        )
      : [];
    if (!owner) throw new NotFoundError('File', fileId);
    await readableProject(this.em, viewerId, owner.projectId);
    const rows = await this.em.execute<FileVersionRecord[]>(
      `select ${COLUMNS} from project_file_versions where file_id = ? order by created_at desc, id desc limit ?`,
      [fileId, count],
    );
    return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
  }

  /** One version with its content (null for a binary file), or null when there is none the viewer may read. */
  async get(viewerId: string | null, versionId: string): Promise<FileVersionRecord | null> {
    const version = await this.find(versionId);
    if (!version) return null;
    const readable = await readableProject(this.em, viewerId, version.projectId).catch(nullIfNotFound);
    return readable ? version : null;
  }

  /** The text of a version listed without it (null for a binary one). */
  async contentOf(version: Pick<FileVersionRecord, 'id' | 'binary'>): Promise<string | null> {
    if (version.binary) return null;
    const [row] = await this.em.execute<{ content: string }[]>('select content from project_file_versions where id = ?', [version.id]);
    return row?.content ?? null;
  }

  /** Makes the version the file's current content, through its live document when it has one; a new version itself. */
  async restore(viewerId: string | null, versionId: string): Promise<ProjectFile> {
    const version = await this.find(versionId, true);
    if (!version) throw new NotFoundError('Version', versionId);
    const { project, user } = await editableProject(this.em, viewerId, version.projectId);
    const file = await this.em.findOne(ProjectFile, { id: version.fileId, project: project.id });
    if (!file) throw new NotFoundError('File', version.fileId);
    const body = { content: version.content ?? '', binary: version.binary, data: version.data, size: version.size };
    const restored = await writeFileBody(this.em, this.deps.live, file, body, authorOf(user), 'restore');
    const when = version.createdAt.toISOString().slice(0, 16).replace('T', ' ');
    await this.deps.events.append({
      projectId: project.id,
      type: EventType.FILE_RESTORED,
      message: `${user.displayName} restored ${restored.path} to its version of ${when} UTC`,
      data: {
        fileId: restored.id,
        path: restored.path,
        versionId,
        ...(restored.id !== file.id ? { replacedFileId: file.id } : {}),
        by: user.id,
      },
    });
    return restored;
  }

  private async find(
    versionId: string,
    withData = false,
  ): Promise<(FileVersionRecord & { projectId: string; data: Buffer | null }) | null> {
    if (!isUuid(versionId)) return null;
    const [row] = await this.em.execute<(FileVersionRecord & { projectId: string; content: string; data: Buffer | null })[]>(
      `select ${COLUMNS}, project_id as "projectId", content${withData ? ', data' : ''} from project_file_versions where id = ?`,
      [versionId],
    );
    if (!row) return null;
    return { ...row, createdAt: new Date(row.createdAt), content: row.binary ? null : row.content, data: row.data ?? null };
  }
}
