/**
 * Recording a file's versions: every path that changes a file's content (people's flushed edits, agents,
 * uploads, restores, creation) adds one here, and the oldest beyond {@link MAX_VERSIONS_PER_FILE} go.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { VersionReason } from './file.entities';
import type { LiveActor } from './live-docs';

/** Versions kept per file; the oldest are pruned as new ones arrive. */
export const MAX_VERSIONS_PER_FILE = 200;

/** A file's state as a version records it. */
export interface VersionedContent {
  fileId: string;
  projectId: string;
  path: string;
  /** '' for a binary file. */
  content: string;
  binary: boolean;
  /** The bytes of a binary file. */
  data: Buffer | null;
  size: number;
}

// clock_timestamp(), not now(): two versions made in one transaction, or one millisecond, still sort.
const INSERT = `insert into project_file_versions
  (id, project_id, file_id, path, content, "binary", data, size, author_kind, author_id, author_name, reason, created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())`;
const PRUNE = `delete from project_file_versions where id in (
  select id from project_file_versions where file_id = ? order by created_at desc, id desc offset ?)`;

/** Adds a version of the file (in `em`'s transaction, when it has one) and prunes the oldest; returns its id. */
export async function recordFileVersion(
  em: EntityManager,
  file: VersionedContent,
  author: LiveActor,
  reason: VersionReason,
): Promise<string> {
  const id = randomUUID();
  const { fileId, projectId, path, content, binary, data, size } = file;
  await em.execute(
    INSERT,
    [id, projectId, fileId, path, content, binary, data, size, author.kind, author.id, author.name.slice(0, 128), reason],
    'run',
  );
  await em.execute(PRUNE, [fileId, MAX_VERSIONS_PER_FILE], 'run');
  return id;
}
