import type { EntityManager } from '@mikro-orm/postgresql';
import { threeWayMerge } from '../../core/agents/three-way-merge';
import { languageOf } from '../scaffold/templates';

/** The file and the task's base for it, in one statement (one commit): they never disagree after a crash. */
const WRITE = `
with stored as (
  insert into project_files (id, project_id, path, content, language, size)
  values (gen_random_uuid(), ?, ?, ?, ?, ?)
  on conflict (project_id, path) do update
    set content = excluded.content, language = excluded.language, size = excluded.size, updated_at = now()
  returning path, content
)
insert into agent_file_bases (run_id, task_key, path, content)
select ?, ?, path, content from stored
on conflict (run_id, task_key, path) do update set content = excluded.content`;

const REMEMBER = `
insert into agent_file_bases (run_id, task_key, path, content) values (?, ?, ?, ?)
on conflict (run_id, task_key, path) do update set content = excluded.content`;

/** The stored file and what the task last saw of it, in one round trip. */
const CURRENT_AND_BASE = `
select (select content from project_files where project_id = ? and path = ?) as current,
       (select content from agent_file_bases where run_id = ? and task_key = ? and path = ?) as base`;

/** What a write did: stored (maybe merged with a newer edit), or refused as a conflict. */
export type WriteOutcome =
  | { kind: 'written'; content: string; size: number; merged: boolean }
  | { kind: 'conflict' }
  | { kind: 'too_large'; size: number };

/**
 * A project's stored files as one agent task sees them. Every read and write is remembered per task, so
 * when the task writes a file someone else changed since, the change is merged three-way against what the
 * task last saw, and refused (nothing written) only when both changed the same lines.
 */
export class ProjectFileStore {
  constructor(
    private readonly em: EntityManager,
    private readonly ref: { projectId: string; runId: string; taskId: string },
    private readonly maxBytes: number,
  ) {}

  async read(path: string): Promise<string | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<{ content: string }[]>('select content from project_files where project_id = ? and path = ?', [this.ref.projectId, path]);
    return rows[0]?.content;
  }

  /** Reads for the agent: the content becomes the task's base for that file. */
  async readForAgent(path: string): Promise<string | undefined> {
    const content = await this.read(path);
    if (content !== undefined) await this.remember(path, content);
    return content;
  }

  /** What the task last read or wrote of the file. */
  async base(path: string): Promise<string | undefined> {
    const rows = await this.em
      .getConnection()
      .execute<
        { content: string }[]
      >('select content from agent_file_bases where run_id = ? and task_key = ? and path = ?', [this.ref.runId, this.ref.taskId, path]);
    return rows[0]?.content;
  }

  async write(path: string, wanted: string): Promise<WriteOutcome> {
    const [row] = await this.em
      .getConnection()
      .execute<
        { current: string | null; base: string | null }[]
      >(CURRENT_AND_BASE, [this.ref.projectId, path, this.ref.runId, this.ref.taskId, path]);
    const current = row?.current ?? undefined;
    const base = row?.base ?? undefined;
    let content = wanted;
    let merged = false;
    if (current !== undefined && base !== undefined && current !== base) {
      const result = threeWayMerge(wanted, base, current);
      if (!result.clean) return { kind: 'conflict' };
      content = result.text;
      merged = content !== wanted;
    }
    const size = Buffer.byteLength(content, 'utf8');
    if (size > this.maxBytes) return { kind: 'too_large', size };
    await this.em.getConnection().execute(WRITE, [this.ref.projectId, path, content, languageOf(path), size, this.ref.runId, this.ref.taskId]);
    return { kind: 'written', content, size, merged };
  }

  private async remember(path: string, content: string): Promise<void> {
    await this.em.getConnection().execute(REMEMBER, [this.ref.runId, this.ref.taskId, path, content]);
  }
}
