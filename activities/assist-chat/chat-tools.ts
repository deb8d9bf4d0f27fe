/**
 * The project chat's tools: list, read and search the project's files, nothing else. They write nothing, remember
 * nothing (no agent file bases) and announce nothing on the project's stream; a file is read from its live document
 * when it has one, so the chat sees what people see. Results are cut to fit a small model's window.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LiveDocs } from '../../core/files/live-docs';
import { safeProjectPath } from '../../core/files/file-path';
import type { ToolCall } from '../../core/models/model-types';
import type { AgentToolName } from '../../core/agents/agent-tools';

/** The only tools chat offers and runs. */
export const CHAT_TOOLS = ['list_files', 'read_file', 'search'] as const satisfies readonly AgentToolName[];

/** A tool result as the model reads it. */
export interface ChatToolResult {
  content: string;
  isError: boolean;
}

export const CHAT_TOOL_LIMITS = { listed: 300, readChars: 12_000, matches: 40 } as const;

const error = (content: string): ChatToolResult => ({ content, isError: true });
const likePrefix = (prefix: string) => `${prefix.replace(/[%_\\]/g, '\\$&')}%`;

/** Numbered lines (`12| text`), so the answer can cite `path:line`; cut at a line end past the limit. */
export function numbered(content: string, limit: number = CHAT_TOOL_LIMITS.readChars): string {
  const lines = content.split('\n');
  if (content.endsWith('\n')) lines.pop();
  let out = '';
  for (const [i, line] of lines.entries()) {
    const next = `${i + 1}| ${line}\n`;
    if (out.length + next.length > limit) return `${out}… (${lines.length - i} more lines; the file has ${lines.length})`;
    out += next;
  }
  return out || '(empty file)';
}

/** Runs one chat tool call for the project; a call to any other tool is refused as an error the model reads. */
export async function runChatTool(em: EntityManager, live: LiveDocs | null, projectId: string, call: ToolCall): Promise<ChatToolResult> {
  const args = call.arguments;
  const db = em.getConnection();
  switch (call.name) {
    case 'list_files': {
      const prefix = args.path === undefined || args.path === '' || args.path === '.' ? '' : safeProjectPath(args.path);
      if (prefix === null) return error('path must be a folder inside the project');
      const rows = await db.execute<{ path: string; size: number }[]>(
        `select path, size from project_files where project_id = ? and path like ? order by path limit ${CHAT_TOOL_LIMITS.listed + 1}`,
        [projectId, prefix ? likePrefix(`${prefix}/`) : '%'],
      );
      if (!rows.length) return { content: prefix ? `No files under ${prefix}/` : 'The project has no files yet', isError: false };
      const listed = rows.slice(0, CHAT_TOOL_LIMITS.listed).map((r) => `${r.path} (${r.size} bytes)`);
      return { content: listed.join('\n') + (rows.length > CHAT_TOOL_LIMITS.listed ? '\n… more files' : ''), isError: false };
    }
    case 'read_file': {
      const path = safeProjectPath(args.path);
      if (!path) return error('path must be a file inside the project');
      const [row] = await db.execute<{ id: string; content: string; binary: boolean; size: number }[]>(
        'select id, content, "binary", size from project_files where project_id = ? and path = ?',
        [projectId, path],
      );
      if (!row) return error(`${path} does not exist`);
      if (row.binary) return error(`${path} is a binary file (${row.size} bytes); it cannot be read as text`);
      const text = (live ? await live.read(projectId, row.id) : undefined) ?? row.content;
      return { content: numbered(text), isError: false };
    }
    case 'search': {
      if (typeof args.query !== 'string' || !args.query) return error('query must be a non-empty string');
      const prefix = args.path ? safeProjectPath(args.path) : '';
      if (prefix === null) return error('path must be inside the project');
      const query = args.query;
      const rows = await db.execute<{ path: string; content: string }[]>(
        'select path, content from project_files where project_id = ? and path like ? and not "binary" and strpos(content, ?) > 0 order by path',
        [projectId, prefix ? likePrefix(prefix) : '%', query],
      );
      const matches = rows.flatMap((r) =>
        r.content.split('\n').flatMap((line, i) => (line.includes(query) ? [`${r.path}:${i + 1}: ${line.trim().slice(0, 200)}`] : [])),
      );
      if (!matches.length) return { content: `No matches for ${JSON.stringify(query)}`, isError: false };
      const more = matches.length > CHAT_TOOL_LIMITS.matches ? `\n… ${matches.length - CHAT_TOOL_LIMITS.matches} more` : '';
      return { content: matches.slice(0, CHAT_TOOL_LIMITS.matches).join('\n') + more, isError: false };
    }
    default:
      return error(`${call.name} is not available here: the chat can only list_files, read_file and search`);
  }
}
