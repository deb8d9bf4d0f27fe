import type { EntityManager } from '@mikro-orm/postgresql';
import { threeWayMerge } from '../../core/agents/three-way-merge';
import type { LiveActor, LiveDocs } from '../../core/files/live-docs';
import { languageOf } from '../scaffold/templates';
import { PathTakenError } from '../../core/files/file.errors';
import { assertFree } from '../../core/files/file-tree';

/**
 * The task's base and a version (only when the text changed, so a retry records none) beside the file write,
 * in one statement (one commit): file, base and history never disagree after a crash. `stored` is the write.
 */
const withBaseAndVersion = (prev: string, stored: string) => `
with prev as (${prev}),
stored as (${stored} returning id, project_id, path, content, size),
base as (
  insert into agent_file_bases (run_id, task_key, path, content) select ?, ?, ?, content from stored
  on conflict (run_id, task_key, path) do update set content = excluded.content
),
version as (
  insert into project_file_versions (id, project_id, file_id, path, content, size, author_kind, author_id, author_name, reason)
  select gen_random_uuid(), project_id, id, path, content, size, 'agent', ?, ?, 'agent' from stored
  where content is distinct from (select content from prev)
)
select id from stored`;

/** Creates or replaces the file by path (collaboration off, or a file the agent creates). */
const UPSERT = withBaseAndVersion(
  'select content from project_files where project_id = ? and path = ?',
  `insert into project_files (id, project_id, path, content, language, size) values (gen_random_uuid(), ?, ?, ?, ?, ?)
   on conflict (project_id, path) do update
     set content = excluded.content, language = excluded.language, size = excluded.size, "binary" = false, data = null, updated_at = now()`,
);

/** Stores the text of a file that has a live document, by id (a rename meanwhile keeps the row). */
const UPDATE_BY_ID = withBaseAndVersion(
  'select content from project_files where id = ?',
  'update project_files set content = ?, language = ?, size = ?, "binary" = false, data = null, updated_at = now() where id = ?',
);

const REMEMBER = `
insert into agent_file_bases (run_id, task_key, path, content) values (?, ?, ?, ?)
on conflict (run_id, task_key, path) do update set content = excluded.content`;

/** The stored file and what the task last saw of it, in one round trip. */
const CURRENT_AND_BASE = `
select f.id, f.content as current, f."binary",
       (select content from agent_file_bases where run_id = ? and task_key = ? and path = ?) as base
from (select 1) one left join project_files f on f.project_id = ? and f.path = ?`;

/** What a write did: stored (maybe merged with a newer edit), or refused as a conflict. */
export type WriteOutcome =
  | { kind: 'written'; content: string; size: number; merged: boolean }
  | { kind: 'conflict' }
  | { kind: 'too_large'; size: number }
  /** A new file whose path a folder holds, or under a path that is a file: nothing written. */
  | { kind: 'path_taken'; message: string };

/** The task a store serves: its writes are credited to the agent's role. */
export interface FileStoreRef {
  projectId: string;
  runId: string;
  taskId: string;
  role: string;
}

/**
 * A project's files as one agent task sees them. Every read and write is remembered per task, so when the
 * task writes a file someone else changed since, the change is merged three-way against what the task last
 * saw, and refused (nothing written) only when both changed the same lines.
 *
 * With live documents (`live`), a file that has one is read from it (people's unflushed edits are what the
 * agent sees) and written through it: the merge runs against the live text and lands as a minimal diff, so a
 * person typing elsewhere in the file keeps their edit and sees the agent's arrive with its cursor. A retry
 * finds its change already in the live text and sends nothing.
 */
export class ProjectFileStore {
  private readonly actor: LiveActor;

  constructor(
    private readonly em: EntityManager,
    private readonly ref: FileStoreRef,
    private readonly maxBytes: number,
    private readonly live: LiveDocs | null = null,
  ) {
    this.actor = { kind: 'agent', id: ref.role, name: `The ${ref.role}` };
  }

  /** The file's current text: the live document's when it has one, else the stored content. */
  async read(path: string): Promise<string | undefined> {
    const [row] = await this.em
      .getConnection()
      .execute<
        { id: string; content: string; binary: boolean }[]
      >('select id, content, "binary" from project_files where project_id = ? and path = ?', [this.ref.projectId, path]);
    if (!row) return undefined;
    const text = this.live && !row.binary ? await this.live.read(this.ref.projectId, row.id) : undefined;
    return text ?? row.content;
  }

  /** The size of a binary file at `path` (it has no text to read or patch), or null. */
  async binarySize(path: string): Promise<number | null> {
    const [row] = await this.em
      .getConnection()
      .execute<{ size: number }[]>('select size from project_files where project_id = ? and path = ? and "binary"', [this.ref.projectId, path]);
    return row ? row.size : null;
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
    const { runId, taskId, projectId } = this.ref;
    const [row] = await this.em
      .getConnection()
      .execute<
        { id: string | null; current: string | null; binary: boolean | null; base: string | null }[]
      >(CURRENT_AND_BASE, [runId, taskId, path, projectId, path]);
    const base = row?.base ?? undefined;
    if (this.live && row?.id && !row.binary) return this.writeLive(path, row.id, row.current ?? '', base, wanted);
    if (!row?.id) {
      try {
        await assertFree(this.em, projectId, path);
      } catch (err) {
        if (err instanceof PathTakenError) return { kind: 'path_taken', message: err.message };
        throw err;
      }
    }
    const outcome = this.resolve(wanted, base, row?.current ?? undefined);
    if (outcome.kind !== 'written') return outcome;
    const [stored] = await this.em
      .getConnection()
      .execute<
        { id: string }[]
      >(UPSERT, [projectId, path, projectId, path, outcome.content, languageOf(path), outcome.size, runId, taskId, path, this.actor.id, this.actor.name]);
    // A new file: its row first (its id is the document's guid), then the document, seeded with what was stored.
    if (this.live && stored && !row?.id) await this.live.ensure(projectId, stored.id, outcome.content);
    return outcome;
  }

  /** Merges into the live text (a minimal diff on the document), then stores what the document now says. */
  private async writeLive(path: string, fileId: string, stored: string, base: string | undefined, wanted: string): Promise<WriteOutcome> {
    const { runId, taskId, projectId } = this.ref;
    let refused: WriteOutcome | undefined;
    const { result } = await this.live!.update(
      projectId,
      fileId,
      stored,
      (current) => {
        const outcome = this.resolve(wanted, base, current);
        if (outcome.kind === 'written') return { text: outcome.content, outcome };
        refused = outcome;
        return null;
      },
      { ...this.actor, path },
    );
    if (!result) return refused ?? { kind: 'conflict' };
    const { content, size } = result.outcome;
    await this.em
      .getConnection()
      .execute(UPDATE_BY_ID, [fileId, content, languageOf(path), size, fileId, runId, taskId, path, this.actor.id, this.actor.name]);
    return result.outcome;
  }

  /** The text to store: `wanted`, merged three-way with a newer `current` when the task's `base` is older. */
  private resolve(wanted: string, base: string | undefined, current: string | undefined): WriteOutcome {
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
    return { kind: 'written', content, size, merged };
  }

  private async remember(path: string, content: string): Promise<void> {
    await this.em.getConnection().execute(REMEMBER, [this.ref.runId, this.ref.taskId, path, content]);
  }
}
