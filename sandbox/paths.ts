import { posix } from 'node:path';
import { SandboxPathError } from './sandbox.errors';

/**
 * Normalises a caller's path to one relative to the workspace root, refusing anything that leaves
 * it lexically. Symlinks are not resolved here: the local backend performs file operations inside
 * the sandbox's own mount namespace, where a link to `/etc/shadow` points at nothing.
 */
export function workspacePath(path: string): string {
  if (path.includes('\0')) throw new SandboxPathError(path);
  const trimmed = path.replace(/^\/workspace(?=\/|$)/, '');
  const normal = posix.normalize(`/${trimmed}`);
  if (normal.split('/').includes('..')) throw new SandboxPathError(path);
  // `posix.normalize('/../x')` is '/x'; compare segment counts to catch climbing above the root.
  let depth = 0;
  for (const segment of trimmed.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) throw new SandboxPathError(path);
  }
  return normal === '/' ? '.' : normal.slice(1);
}
