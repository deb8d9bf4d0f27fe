import type { EntityManager } from '@mikro-orm/postgresql';
import type { LiveDocs } from '../files/live-docs';
import { ProjectFile } from '../project/project.entity';
import { FileBinaryError } from './assist.errors';

/**
 * A text file as people see it now: its live document's text when the room has one (edits not flushed yet), else
 * PostgreSQL's. Null when there is no such file; FILE_BINARY for a binary one. Liveblocks unreachable: the stored
 * text, which lags the editors by the room's flush (about 2 s).
 */
export async function currentText(em: EntityManager, live: LiveDocs | null | undefined, projectId: string, path: string): Promise<string | null> {
  const file = await em.findOne(ProjectFile, { project: projectId, path }, { fields: ['id', 'content', 'binary'] });
  if (!file) return null;
  if (file.binary) throw new FileBinaryError(path);
  if (!live) return file.content;
  const text = await live.read(projectId, file.id).catch(() => undefined);
  return text ?? file.content;
}
