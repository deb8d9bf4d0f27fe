/**
 * The shape of a project's tree, read from its rows: files, explicit folders, and the folders implied by the
 * files' paths. Callers hold the project's tree lock ({@link changeTree}) so checks and changes do not interleave.
 */
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../shared/domain.errors';
import { ancestorsOf, likeUnder } from './file-path';
import { PathTakenError } from './file.errors';

export type Occupant = 'file' | 'folder' | null;

/**
 * Runs `change` in a transaction holding the project's tree lock, so checks and changes of one project's tree
 * do not interleave; a unique violation (a racing writer without the lock, an agent) is the path taken.
 */
export async function changeTree<T>(
  em: EntityManager,
  projectId: string,
  path: string,
  change: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`project-tree:${projectId}`]);
      return change(tx);
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw new PathTakenError(path, `"${path}" already exists`);
    throw error;
  }
}

const OCCUPANT = `select
  exists(select 1 from project_files where project_id = ? and path = ?) as file,
  exists(select 1 from project_files where project_id = ? and path like ?)
    or exists(select 1 from project_folders where project_id = ? and (path = ? or path like ?)) as folder`;

/** What has `path`: a file, a folder (an explicit one, or one that holds files), or nothing. */
export async function occupantOf(em: EntityManager, projectId: string, path: string): Promise<Occupant> {
  const under = likeUnder(path);
  const [row] = await em.execute<{ file: boolean; folder: boolean }[]>(OCCUPANT, [
    projectId,
    path,
    projectId,
    under,
    projectId,
    path,
    under,
  ]);
  return row?.file ? 'file' : row?.folder ? 'folder' : null;
}

/** What has `path`, or NotFoundError. */
export async function existingOccupant(em: EntityManager, projectId: string, path: string): Promise<'file' | 'folder'> {
  const occupant = await occupantOf(em, projectId, path);
  if (!occupant) throw new NotFoundError('Path', path);
  return occupant;
}

/** PathTakenError unless `path` is free and no folder on the way to it is a file. */
export async function assertFree(em: EntityManager, projectId: string, path: string): Promise<void> {
  const occupant = await occupantOf(em, projectId, path);
  if (occupant) throw new PathTakenError(path, `A ${occupant} named "${path}" already exists`);
  const ancestors = ancestorsOf(path);
  if (!ancestors.length) return;
  const [file] = await em.execute<{ path: string }[]>('select path from project_files where project_id = ? and path in (?) limit 1', [
    projectId,
    ancestors,
  ]);
  if (file) throw new PathTakenError(path, `"${file.path}" is a file, so it cannot hold "${path}"`);
}

/**
 * Keeps the folder that held a moved or deleted path in the tree, as an explicit (empty) folder, when nothing
 * else is left in it: a person who empties a folder has not deleted it.
 */
export async function keepParentFolder(em: EntityManager, projectId: string, path: string): Promise<void> {
  const parent = ancestorsOf(path).pop();
  if (!parent || (await occupantOf(em, projectId, parent))) return;
  await em.execute(
    'insert into project_folders (id, project_id, path, created_at) values (gen_random_uuid(), ?, ?, now()) on conflict do nothing',
    [projectId, parent],
  );
}
