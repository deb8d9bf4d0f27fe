import type { EntityManager } from '@mikro-orm/postgresql';
import type { BuildWait } from '../../contracts/build-wait';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { Project } from '../project/project.entity';
import { asResource } from '../project/project.service';

/** What a waiting build waits for, as one viewer may see it. */
export interface BuildWaitView {
  kind: BuildWait['kind'];
  limit: number;
  used: number;
  /** The holders whose project the viewer may read. */
  holders: { projectId: string; projectName: string; runId: string | null }[];
  /** Holders in projects the viewer may not read: counted, never named. */
  hiddenHolders: number;
}

/**
 * Names the builds holding the owner's slots, but only those in projects the viewer may read: the owner's other
 * projects may be private, and a team member reading this build must not learn their names or ids.
 */
export async function viewBuildWait(em: EntityManager, viewerId: string | null, wait: BuildWait): Promise<BuildWaitView> {
  const actor = await loadActor(em, viewerId);
  const ids = [...new Set(wait.holders.map((h) => h.projectId))];
  const projects = ids.length ? await em.find(Project, { id: { $in: ids } }) : [];
  const readable = new Map(projects.filter((p) => can(actor, 'project:read', asResource(p))).map((p) => [p.id, p.name]));
  const holders = wait.holders.flatMap((h) => {
    const projectName = readable.get(h.projectId);
    return projectName === undefined ? [] : [{ projectId: h.projectId, projectName, runId: h.runId }];
  });
  return {
    kind: wait.kind,
    limit: wait.limit,
    used: wait.used,
    holders,
    hiddenHolders: Math.max(wait.used, wait.holders.length) - holders.length,
  };
}
