import type { MikroORM } from '@mikro-orm/postgresql';
import type { DeployTargetName } from '../../contracts/deploy';
import type { ArtifactStore } from './artifact';
import { Deployment, DeployTarget } from './deploy.entities';

/** Packages kept per project and target besides the live one's (the ones people can roll back to). */
export const KEPT_PACKAGES = 10;

/**
 * Removes old packages of a project's target: the newest {@link KEPT_PACKAGES} with a package are kept, and so are
 * the live deployment's (the local target restarts its app from it) and any deployment still in flight. A
 * deployment whose package was pruned can no longer be rolled back to (DEPLOY_ROLLBACK_INVALID says so).
 */
export async function prunePackages(orm: MikroORM, store: ArtifactStore, projectId: string, target: DeployTargetName): Promise<string[]> {
  const em = orm.em.fork();
  const rows = await em.find(
    Deployment,
    { project: projectId, target, artifactSha: { $ne: null } },
    { orderBy: { createdAt: 'desc' }, fields: ['id', 'status', 'createdAt'] },
  );
  const live = (await em.findOne(DeployTarget, { project: projectId, target }))?.liveDeployment?.id;
  const keep = new Set(rows.slice(0, KEPT_PACKAGES).map((r) => r.id));
  const pruned: string[] = [];
  for (const row of rows.slice(KEPT_PACKAGES)) {
    if (keep.has(row.id) || row.id === live || row.status === 'LIVE' || !['SUPERSEDED', 'FAILED', 'CANCELLED'].includes(row.status)) continue;
    await store.remove(row.id);
    pruned.push(row.id);
  }
  return pruned;
}
