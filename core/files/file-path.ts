/**
 * The one rule for a path inside a project, used by people's file operations (GraphQL, uploads, downloads)
 * and by the agents' file tools: project-relative, `/`-separated, no way out of the project.
 */
import { PathInvalidError } from './file.errors';

/** Longest path, in characters (the `path` columns are varchar(512)). */
export const MAX_PATH_LENGTH = 512;
/** Longest name of one file or folder, as most file systems allow. */
export const MAX_SEGMENT_LENGTH = 255;

// C0 controls, DEL and C1 controls: invisible in the tree, and unsafe in zip entries and shells.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `path` is not a usable project path, or null when it is. */
export function pathProblem(path: string): string | null {
  if (!path) return 'A path is required';
  if (path.length > MAX_PATH_LENGTH) return `Paths are limited to ${MAX_PATH_LENGTH} characters`;
  if (path.includes('\0')) return 'A path cannot contain a NUL character';
  if (path.includes('\\')) return 'Use "/" between folders, not "\\"';
  if (CONTROL.test(path)) return 'A path cannot contain control characters';
  if (path.startsWith('/')) return 'Paths are relative to the project: remove the leading "/"';
  for (const segment of path.split('/')) {
    if (segment === '') return 'A path cannot have an empty folder name ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return `A path cannot contain "${segment}" as a folder or file name`;
    if (segment.length > MAX_SEGMENT_LENGTH) return `Each file or folder name is limited to ${MAX_SEGMENT_LENGTH} characters`;
  }
  return null;
}

/** `raw` as a project path, or PathInvalidError saying what is wrong with it. */
export function parseProjectPath(raw: string): string {
  const problem = pathProblem(raw);
  if (problem) throw new PathInvalidError(raw, problem);
  return raw;
}

/**
 * For the agents' tools: a path as a model writes it (surrounding spaces, a leading `./`) made project-relative,
 * or null when it is absolute, climbs out with `..`, or is otherwise unusable.
 */
export function safeProjectPath(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const path = raw.trim().replace(/^\.\/+/, '');
  return pathProblem(path) === null ? path : null;
}

/** Whether `path` is `folder` itself or lies under it. */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** The folders that hold `path`, outermost first: `a/b/c.ts` → `a`, `a/b`. */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/** The last segment: a file's or folder's name. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A SQL LIKE pattern matching everything under `folder`. */
export function likeUnder(folder: string): string {
  return `${folder.replace(/[\\%_]/g, '\\$&')}/%`;
}
