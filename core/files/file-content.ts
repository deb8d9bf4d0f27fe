/**
 * A file's content as stored: UTF-8 text in `content`, or the bytes of anything else in `data` (a binary file,
 * never opened as text). Server-side writes of a whole file (restore, upload over an existing file) go through
 * the file's live document first, when collaboration is on, and then PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProjectFile } from '../project/project.entity';
import { ServiceUnavailableError } from '../shared/domain.errors';
import type { VersionReason } from './file.entities';
import { recordFileVersion } from './file-versions';
import type { LiveActor, LiveDocs } from './live-docs';

/** What a file holds. */
export interface FileBody {
  /** The text; '' for a binary file. */
  content: string;
  binary: boolean;
  data: Buffer | null;
  /** Bytes. */
  size: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Text when the bytes are valid UTF-8 without NUL, else binary. */
export function bodyOf(bytes: Buffer): FileBody {
  if (!bytes.includes(0)) {
    try {
      return { content: utf8.decode(bytes), binary: false, data: null, size: bytes.length };
    } catch {
      // Not UTF-8: stored as bytes.
    }
  }
  return { content: '', binary: true, data: bytes, size: bytes.length };
}

export function textBody(content: string): FileBody {
  return { content, binary: false, data: null, size: Buffer.byteLength(content) };
}

/** The file's bytes: the text as UTF-8, or the stored bytes (load the lazy `data` first). */
export function bytesOf(file: Pick<ProjectFile, 'binary' | 'content' | 'data'>): Buffer {
  return file.binary ? (file.data ?? Buffer.alloc(0)) : Buffer.from(file.content, 'utf8');
}

/** Runs a call to Liveblocks; its failure is SERVICE_UNAVAILABLE (retry later), and nothing reached PostgreSQL. */
export async function throughLive<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new ServiceUnavailableError('Live collaboration', { cause: error });
  }
}

/**
 * Makes `next` the file's content and records a version. Text over text goes through the live document
 * (open editors see the change as an edit). Binary over a text file that has a live document takes that
 * document out of the room (editors stop editing it) and gives the file a new id, with its history, since a
 * removed document cannot be registered again. Returns the file as written (its id may be new).
 */
export async function writeFileBody(
  em: EntityManager,
  live: LiveDocs | null,
  file: ProjectFile,
  next: FileBody,
  author: LiveActor,
  reason: VersionReason,
): Promise<ProjectFile> {
  const projectId = file.project.id;
  let id = file.id;
  if (live && !file.binary && !next.binary)
    await throughLive(() => live.replace(projectId, file.id, file.content, next.content, { ...author, path: file.path }));
  if (live && !file.binary && next.binary && (await throughLive(() => live.isRegistered(projectId, file.id)))) {
    await throughLive(() => live.remove(projectId, file.id));
    id = randomUUID();
  }
  return em.transactional(async (tx) => {
    if (id !== file.id) {
      await tx.execute('update project_files set id = ? where id = ?', [id, file.id], 'run');
      await tx.execute('update project_file_versions set file_id = ? where file_id = ?', [id, file.id], 'run');
    }
    await tx.nativeUpdate(
      ProjectFile,
      { id },
      { content: next.content, binary: next.binary, data: next.data, size: next.size, updatedAt: new Date() },
    );
    await recordFileVersion(tx, { fileId: id, projectId, path: file.path, ...next }, author, reason);
    return tx.findOneOrFail(ProjectFile, { id }, { refresh: true });
  });
}
