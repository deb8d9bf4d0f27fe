import { Context } from '@temporalio/activity';
import { EventType } from '../../contracts/events';
import type { ActivityDeps } from '../deps';

/** One edited document to flush, and who edited it (the version is credited to them). */
export interface RoomFile {
  fileId: string;
  userId: string | null;
}

export interface FlushRoomFilesInput {
  projectId: string;
  files: RoomFile[];
}

/**
 * Stores the live text and records a version, only when it differs from the stored text (one statement: a
 * retry, or a second flush of the same text, finds the row equal and writes nothing). A deleted file, or a
 * binary one, matches no row. The row lock taken by the update orders it with an agent's write of the file.
 */
const STORE_FLUSH = `
with changed as (
  update project_files set content = ?, size = ?, updated_at = now()
  where id = ? and project_id = ? and not "binary" and content is distinct from ?
  returning id, project_id, path, content, size
)
insert into project_file_versions (id, project_id, file_id, path, content, "binary", size, author_kind, author_id, author_name, reason)
select gen_random_uuid(), project_id, id, path, content, false, size, 'user', ?,
       coalesce((select display_name from users where id = ?), 'Someone'), 'flush'
from changed
returning path`;

/**
 * The project room's activities (workflows/project-room.workflow.ts): flushing edited live documents to
 * PostgreSQL, and asking Liveblocks whether anyone is still in the room. Without live documents (collaboration
 * off) there is nothing to flush and nobody connected.
 */
export function createRoomActivities({ orm, events, live }: ActivityDeps) {
  return {
    /** Writes each document whose live text differs from the stored one; answers how many changed. */
    async flushRoomFiles({ projectId, files }: FlushRoomFilesInput): Promise<{ flushed: number; paths: string[] }> {
      if (!live) return { flushed: 0, paths: [] };
      const connection = orm.em.fork().getConnection();
      // Only documents of text files that still exist: a deleted file or project costs no Liveblocks call
      // (and a deleted project's room is not created again by reading it).
      const wanted = unique(files).filter((f) => UUID.test(f.fileId));
      const existing = wanted.length
        ? await connection.execute<{ id: string }[]>('select id from project_files where project_id = ? and id in (?) and not "binary"', [
            projectId,
            wanted.map((f) => f.fileId),
          ])
        : [];
      const ids = new Set(existing.map((r) => r.id));
      const paths: string[] = [];
      for (const { fileId, userId } of wanted.filter((f) => ids.has(f.fileId))) {
        const text = await live.read(projectId, fileId);
        if (text === undefined) continue;
        const size = Buffer.byteLength(text, 'utf8');
        const rows = await connection.execute<{ path: string }[]>(STORE_FLUSH, [
          text,
          size,
          fileId,
          projectId,
          text,
          userId,
          UUID.test(userId ?? '') ? userId : null,
        ]);
        paths.push(...rows.map((r) => r.path));
        Context.current().heartbeat(fileId);
      }
      if (paths.length) {
        const { workflowExecution, activityId } = Context.current().info;
        const run = workflowExecution ? `${workflowExecution.workflowId}:${workflowExecution.runId}` : projectId;
        await events.append({
          projectId,
          type: EventType.FILES_FLUSHED,
          message: paths.length === 1 ? `Saved ${paths[0]}` : `Saved ${paths.length} files`,
          data: { paths, versions: paths.length },
          dedupeKey: `flush:${run}:${activityId}`,
        });
      }
      return { flushed: paths.length, paths };
    },

    /** How many connections the project's room has (0 without live documents, or when the room is gone). */
    async roomConnections({ projectId }: { projectId: string }): Promise<number> {
      if (!live) return 0;
      try {
        return await live.activeConnections(projectId);
      } catch (err) {
        if ((err as { status?: number }).status === 404) return 0;
        throw err;
      }
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The files once each, the latest editor winning. */
function unique(files: RoomFile[]): RoomFile[] {
  return [...new Map(files.map((f) => [f.fileId, f])).values()];
}
