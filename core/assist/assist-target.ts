import type { EntityManager } from '@mikro-orm/postgresql';
import type { LiveDocs } from '../files/live-docs';
import { assertFree } from '../files/file-tree';
import { NotFoundError } from '../shared/domain.errors';
import { currentText } from './assist-files';
import type { ParsedStart } from './assist-input';
import { defaultTestPath } from './prompts';

/** What an action reads and what its proposal replaces. */
export interface AssistTarget {
  /** The file the action is asked on, as people see it now ('' for a new file). */
  fileContent: string;
  /** The file the proposal replaces: the path itself, or the test file for `tests`. */
  targetPath: string;
  /** The target's content now ('' when it does not exist yet): the proposal's base. */
  baseContent: string;
}

/**
 * Reads the action's file and its target. A new file's path must be free (PATH_TAKEN); tests go to `targetPath` or
 * beside the file (`defaultTestPath`), into the test file when one exists; every other action changes its own file.
 */
export async function assistTarget(em: EntityManager, live: LiveDocs | null, projectId: string, input: ParsedStart): Promise<AssistTarget> {
  if (input.action === 'new_file') {
    await assertFree(em, projectId, input.path);
    return { fileContent: '', targetPath: input.path, baseContent: '' };
  }
  const fileContent = await currentText(em, live, projectId, input.path);
  if (fileContent === null) throw new NotFoundError('File', input.path);
  if (input.action !== 'tests') return { fileContent, targetPath: input.path, baseContent: fileContent };
  const targetPath = input.targetPath ?? defaultTestPath(input.path);
  if (targetPath === input.path) return { fileContent, targetPath, baseContent: fileContent };
  const existing = await currentText(em, live, projectId, targetPath);
  if (existing === null) await assertFree(em, projectId, targetPath);
  return { fileContent, targetPath, baseContent: existing ?? '' };
}
