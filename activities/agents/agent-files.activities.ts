import { Context } from '@temporalio/activity';
import { PatchConflictError, applyUnifiedPatch } from '../../api/src/modules/agents/unified-patch';
import type { ToolCall } from '../../api/src/modules/models/model-types';
import type { ActivityDeps } from '../deps';
import { languageOf } from '../scaffold/templates';

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
}

/** The file tools: list, read, write, patch and search the project's stored files. */
export const FILE_TOOLS = ['list_files', 'read_file', 'write_file', 'apply_patch', 'search'] as const;

const MAX_FILE_BYTES = 1_000_000;
const MAX_LISTED = 500;
const MAX_MATCHES = 50;

const UPSERT = `
insert into project_files (id, project_id, path, content, language, size)
values (gen_random_uuid(), ?, ?, ?, ?, ?)
on conflict (project_id, path) do update
  set content = excluded.content, language = excluded.language, size = excluded.size, updated_at = now()`;

/** A project-relative path, or null when it is absolute, climbs out with `..`, or is otherwise unusable. */
export function safeProjectPath(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const path = raw.trim().replace(/^\.\/+/, '');
  if (!path || path.length > 512 || path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((part) => part === '..' || part === '' || part === '.')) return null;
  return path;
}

const error = (content: string): AgentToolResult => ({ content, isError: true });

/**
 * File tools as one activity. Writes are upserts on (project, path) and their events carry a dedupe key
 * from the tool call, so a retried attempt neither duplicates a file nor shows its event twice.
 */
export function createAgentFileActivities({ orm, events }: ActivityDeps) {
  return {
    async runAgentFileTool(input: { ref: AgentToolRef; call: ToolCall }): Promise<AgentToolResult> {
      const { ref, call } = input;
      const args = call.arguments;
      const connection = orm.em.fork().getConnection();
      const read = async (path: string) =>
        (
          await connection.execute<{ content: string }[]>('select content from project_files where project_id = ? and path = ?', [
            ref.projectId,
            path,
          ])
        )[0]?.content;
      const write = async (path: string, content: string, verb: string): Promise<AgentToolResult> => {
        const size = Buffer.byteLength(content, 'utf8');
        if (size > MAX_FILE_BYTES) return error(`${path} would be ${size} bytes; files are limited to ${MAX_FILE_BYTES}`);
        await connection.execute(UPSERT, [ref.projectId, path, content, languageOf(path), size]);
        const { workflowId } = Context.current().info.workflowExecution ?? { workflowId: ref.runId };
        await events.append({
          projectId: ref.projectId,
          runId: ref.runId,
          type: 'file.written',
          message: `The ${ref.role} ${verb} ${path}`,
          data: { path, size, role: ref.role, taskId: ref.taskId },
          dedupeKey: `tool:${workflowId}:${call.id}`,
        });
        return { content: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${path} (${size} bytes)`, isError: false, wrote: [path] };
      };

      switch (call.name) {
        case 'list_files': {
          const prefix = args.path === undefined || args.path === '' || args.path === '.' ? '' : safeProjectPath(args.path);
          if (prefix === null) return error('path must be a folder inside the project');
          const rows = await connection.execute<{ path: string; size: number }[]>(
            `select path, size from project_files where project_id = ? and path like ? order by path limit ${MAX_LISTED + 1}`,
            [ref.projectId, prefix ? `${prefix.replace(/[%_]/g, '\\$&')}/%` : '%'],
          );
          if (!rows.length) return { content: prefix ? `No files under ${prefix}/` : 'The project has no files yet', isError: false };
          const listed = rows.slice(0, MAX_LISTED).map((r) => `${r.path} (${r.size} bytes)`);
          return { content: listed.join('\n') + (rows.length > MAX_LISTED ? `\n… more than ${MAX_LISTED} files` : ''), isError: false };
        }
        case 'read_file': {
          const path = safeProjectPath(args.path);
          if (!path) return error('path must be a file inside the project');
          const content = await read(path);
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
          try {
            return await write(path, applyUnifiedPatch(path, (await read(path)) ?? '', args.patch), 'patched');
          } catch (failure) {
            if (failure instanceof PatchConflictError)
              return error(`${failure.message}. Read the file again and send a patch against its current content.`);
            throw failure;
          }
        }
        case 'search': {
          if (typeof args.query !== 'string' || !args.query) return error('query must be a non-empty string');
          const prefix = args.path ? safeProjectPath(args.path) : '';
          if (prefix === null) return error('path must be inside the project');
          const rows = await connection.execute<{ path: string; content: string }[]>(
            `select path, content from project_files where project_id = ? and path like ? and strpos(content, ?) > 0 order by path`,
            [ref.projectId, prefix ? `${prefix.replace(/[%_]/g, '\\$&')}%` : '%', args.query],
          );
          const matches = rows.flatMap((r) =>
            r.content.split('\n').flatMap((line, i) => (line.includes(args.query as string) ? [`${r.path}:${i + 1}: ${line.trim()}`] : [])),
          );
          if (!matches.length) return { content: `No matches for ${JSON.stringify(args.query)}`, isError: false };
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
