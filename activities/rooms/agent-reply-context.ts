import type { EntityManager } from '@mikro-orm/postgresql';
import { ProjectFile } from '../../core/project/project.entity';
import type { ChatFileRef } from '../../core/rooms/room.entities';

/** How much of the project an answer may read: files referenced, characters per file and in all, paths listed. */
export const CONTEXT_LIMITS = { files: 5, charsPerFile: 8_000, chars: 24_000, listedPaths: 200, windowLines: 80 } as const;

/** Numbered lines, so the agent can cite path:line; around `line` when the file is long. */
function excerpt(content: string, line: number | null): string {
  const lines = content.split('\n');
  const around = Math.min(line ?? 1, lines.length);
  const from = lines.length > CONTEXT_LIMITS.windowLines * 2 ? Math.max(1, around - CONTEXT_LIMITS.windowLines) : 1;
  const to = Math.min(lines.length, from + CONTEXT_LIMITS.windowLines * 2);
  const text = lines
    .slice(from - 1, to)
    .map((l, i) => `${from + i}| ${l}`)
    .join('\n');
  return text.length > CONTEXT_LIMITS.charsPerFile ? `${text.slice(0, CONTEXT_LIMITS.charsPerFile)}\n…` : text;
}

/**
 * What the agent sees of the project: the files the question references (numbered, around the line), or when it
 * references none, the project's file list. Read from PostgreSQL, where live edits are flushed within seconds.
 */
export async function replyContext(em: EntityManager, projectId: string, refs: readonly ChatFileRef[]): Promise<string> {
  const wanted = [...new Map(refs.map((r) => [r.path, r])).values()].slice(0, CONTEXT_LIMITS.files);
  if (wanted.length) {
    const files = await em.find(
      ProjectFile,
      { project: projectId, path: { $in: wanted.map((r) => r.path) }, binary: false },
      { fields: ['path', 'content'] },
    );
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    const parts: string[] = [];
    let used = 0;
    for (const ref of wanted) {
      const content = byPath.get(ref.path);
      const part =
        content === undefined ? `--- ${ref.path}: no such file in the project ---` : `--- ${ref.path} ---\n${excerpt(content, ref.line)}`;
      if (used + part.length > CONTEXT_LIMITS.chars) break;
      parts.push(part);
      used += part.length;
    }
    return `Files referenced:\n${parts.join('\n\n')}`;
  }
  const files = await em.find(
    ProjectFile,
    { project: projectId },
    { fields: ['path'], orderBy: { path: 'asc' }, limit: CONTEXT_LIMITS.listedPaths + 1 },
  );
  if (!files.length) return 'The project has no files yet.';
  const listed = files.slice(0, CONTEXT_LIMITS.listedPaths).map((f) => f.path);
  const more = files.length > CONTEXT_LIMITS.listedPaths ? '\n…and more' : '';
  return `Project files:\n${listed.join('\n')}${more}`;
}
