/**
 * Deployments' events (`deploy.*`: logs, statuses, URLs) are the project's collaborators' alone (deploy:read): a
 * public project's readers and people inside a coding room over it read the project's stream without them.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadActor } from '../../../../core/access/actor';
import { can } from '../../../../core/access/policy';
import type { ProjectEvent } from '../../../../core/events/project-event-stream';
import { Project } from '../../../../core/project/project.entity';
import { asResource } from '../../../../core/project/project.service';

export const isDeployEvent = (event: Pick<ProjectEvent, 'type'>): boolean => event.type.startsWith('deploy.');

/** Whether the viewer may read the project's deployments now. */
export async function mayReadDeploys(orm: MikroORM, viewerId: string | null, projectId: string): Promise<boolean> {
  const em = orm.em.fork();
  const [project, actor] = await Promise.all([em.findOne(Project, { id: projectId }), loadActor(em, viewerId)]);
  return project !== null && can(actor, 'deploy:read', asResource(project));
}

/**
 * The verdict of `mayReadDeploys`, judged again at most every `ttlMs` and only when a deploy event arrives: a
 * collaborator who leaves the team of a public project stops getting deploy events, without a query per event.
 */
export function deployGate(orm: MikroORM, viewerId: string | null, projectId: string, first: boolean, ttlMs = 2000): () => Promise<boolean> {
  let verdict = Promise.resolve(first);
  let judgedAt = Date.now();
  return () => {
    if (Date.now() - judgedAt > ttlMs) {
      judgedAt = Date.now();
      verdict = mayReadDeploys(orm, viewerId, projectId).catch(() => false);
    }
    return verdict;
  };
}

/** The stream's events without the deploy events the viewer may not read; ending it ends the source. */
export function withoutHiddenDeployEvents(source: AsyncIterator<ProjectEvent>, mayRead: () => Promise<boolean>): AsyncIterableIterator<ProjectEvent> {
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || !isDeployEvent(result.value) || (await mayRead())) return result;
      }
    },
    return: (value?: unknown) => source.return?.(value) ?? Promise.resolve({ done: true, value: undefined }),
    throw: (error?: unknown) => source.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
