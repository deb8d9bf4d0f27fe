import { Context } from '@temporalio/activity';
import { PatchConflictError, applyUnifiedPatch } from '../../core/agents/unified-patch';
import { replaceUnique } from '../../core/agents/text-replace';
import type { ToolCall } from '../../core/models/model-types';
import type { ActivityDeps } from '../deps';
import { ProjectFileStore } from './project-file-store';
import { safeProjectPath } from '../../core/files/file-path';
import { EventType } from '../../contracts/events';

/** Which agent, task and run a tool call belongs to; its events and writes are keyed by them. */
export interface AgentToolRef {
  projectId: string;
  runId: string;
  taskId: string;
  role: string;
}

/** A tool's answer to the model. `isError` results are still answers: the model reads them and adapts. */
export interface AgentToolResult {
  content: string;
  isError: boolean;
  /** Paths written, for the coordinator's conflict tracking and the task record. */
  wrote?: string[];
  /** A write that collided with a newer edit on the same lines: nothing was written. */
  conflict?: { path: string };
}

const MAX_FILE_BYTES = 1_000_000;
const MAX_LISTED = 500;
const MAX_MATCHES = 50;

const error = (content: string): AgentToolResult => ({ content, isError: true });
const likePrefix = (prefix: string) => `${prefix.replace(/[%_]/g, '\\$&')}%`;

function tryPatch(path: string, content: string, patch: string): string | null {
  try {
    return applyUnifiedPatch(path, content, patch);
  } catch {
    return null;
  }
}

/**
 * File tools as one (local) activity. Writes are upserts on (project, path), merged three-way with newer
 * edits (through the file's live document when collaboration is on), and their events carry a dedupe key
 * from the tool call, so a retried attempt neither duplicates a file nor shows its event twice.
 */
export function createAgentFileActivities({ orm, events, live }: ActivityDeps) {
  return {
    async runAgentFileTool(input: { ref: AgentToolRef; call: ToolCall }): Promise<AgentToolResult> {
      const { ref, call } = input;
      const args = call.arguments;
      const em = orm.em.fork();
      const store = new ProjectFileStore(em, ref, MAX_FILE_BYTES, live ?? null);

      const write = async (path: string, wanted: string, verb: string): Promise<AgentToolResult> => {
        const outcome = await store.write(path, wanted);
        if (outcome.kind === 'path_taken') return error(`${outcome.message}; choose another path`);
        if (outcome.kind === 'too_large') return error(`${path} would be ${outcome.size} bytes; files are limited to ${MAX_FILE_BYTES}`);
        if (outcome.kind === 'conflict') {
          return {
            content: `CONFLICT: ${path} was changed by someone else since you read it, on the lines you changed. Nothing was written; read it again and redo your change.`,
            isError: true,
            conflict: { path },
          };
        }
        const done = outcome.merged ? `${verb} (merged with a newer edit)` : verb;
        const { workflowId } = Context.current().info.workflowExecution ?? { workflowId: ref.runId };
        await events.append({
          projectId: ref.projectId,
          runId: ref.runId,
          type: EventType.FILE_WRITTEN,
          message: `The ${ref.role} ${done} ${path}`,
          data: { path, size: outcome.size, role: ref.role, taskId: ref.taskId, merged: outcome.merged },
          dedupeKey: `tool:${workflowId}:${call.id}`,
        });
        return { content: `${done[0]!.toUpperCase()}${done.slice(1)} ${path} (${outcome.size} bytes)`, isError: false, wrote: [path] };
      };

      switch (call.name) {
        case 'list_files': {
          const prefix = args.path === undefined || args.path === '' || args.path === '.' ? '' : safeProjectPath(args.path);
          if (prefix === null) return error('path must be a folder inside the project');
          const rows = await em
            .getConnection()
            .execute<
              { path: string; size: number }[]
            >(`select path, size from project_files where project_id = ? and path like ? order by path limit ${MAX_LISTED + 1}`, [ref.projectId, prefix ? likePrefix(`${prefix}/`) : '%']);
          if (!rows.length) return { content: prefix ? `No files under ${prefix}/` : 'The project has no files yet', isError: false };
          const listed = rows.slice(0, MAX_LISTED).map((r) => `${r.path} (${r.size} bytes)`);
          return { content: listed.join('\n') + (rows.length > MAX_LISTED ? `\n… more than ${MAX_LISTED} files` : ''), isError: false };
        }
        case 'read_file': {
          const path = safeProjectPath(args.path);
          if (!path) return error('path must be a file inside the project');
          const binary = await store.binarySize(path);
          if (binary !== null) return error(`${path} is a binary file (${binary} bytes); it cannot be read as text`);
          const content = await store.readForAgent(path);
          return content === undefined ? error(`${path} does not exist`) : { content, isError: false };
        }
        case 'write_file': {
          const path = safeProjectPath(args.path);
          if (!path) return error('path must be a file inside the project');
          if (typeof args.content !== 'string') return error('content must be a string');
          return write(path, args.content, 'wrote');
        }
        case 'apply_patch': {
          const path = safeProjectPath(args.path);
          if (!path || typeof args.patch !== 'string') return error('apply_patch needs a project path and a unified diff');
          if ((await store.binarySize(path)) !== null) return error(`${path} is a binary file; it cannot be patched`);
          const current = (await store.read(path)) ?? '';
          const patched = tryPatch(path, current, args.patch);
          if (patched !== null) return write(path, patched, 'patched');
          // Made against what the agent read: applied there, it is merged with the newer edit by write().
          const base = await store.base(path);
          const onBase = base === undefined ? null : tryPatch(path, base, args.patch);
          if (onBase !== null) return write(path, onBase, 'patched');
          try {
            applyUnifiedPatch(path, current, args.patch);
          } catch (failure) {
            if (failure instanceof PatchConflictError)
              return error(`${failure.message}. Read the file again and send a patch against its current content.`);
            throw failure;
          }
          return error(`The patch for ${path} does not apply`);
        }
        case 'replace_in_file': {
          const path = safeProjectPath(args.path);
          if (!path || typeof args.old_text !== 'string' || typeof args.new_text !== 'string')
            return error('replace_in_file needs a project path, old_text and new_text');
          if ((await store.binarySize(path)) !== null) return error(`${path} is a binary file; it cannot be edited`);
          const current = await store.read(path);
          if (current === undefined) return error(`${path} does not exist; create it with write_file`);
          const outcome = replaceUnique(current, args.old_text, args.new_text);
          if (outcome.ok) return write(path, outcome.content, 'edited');
          // Quoted from what the agent read: replaced there, it is merged with the newer edit by write().
          const base = await store.base(path);
          const onBase = base === undefined || base === current ? null : replaceUnique(base, args.old_text, args.new_text);
          if (onBase?.ok) return write(path, onBase.content, 'edited');
          return error(`In ${path}, ${outcome.message}. Nothing was changed.`);
        }
        case 'search': {
          if (typeof args.query !== 'string' || !args.query) return error('query must be a non-empty string');
          const prefix = args.path ? safeProjectPath(args.path) : '';
          if (prefix === null) return error('path must be inside the project');
          const rows = await em
            .getConnection()
            .execute<
              { path: string; content: string }[]
            >(`select path, content from project_files where project_id = ? and path like ? and strpos(content, ?) > 0 order by path`, [ref.projectId, prefix ? likePrefix(prefix) : '%', args.query]);
          const query = args.query;
          const matches = rows.flatMap((r) =>
            r.content.split('\n').flatMap((line, i) => (line.includes(query) ? [`${r.path}:${i + 1}: ${line.trim()}`] : [])),
          );
          if (!matches.length) return { content: `No matches for ${JSON.stringify(query)}`, isError: false };
          return {
            content:
              matches.slice(0, MAX_MATCHES).join('\n') + (matches.length > MAX_MATCHES ? `\n… ${matches.length - MAX_MATCHES} more` : ''),
            isError: false,
          };
        }
        default:
          return error(`${call.name} is not a file tool`);
      }
    },
  };
}
