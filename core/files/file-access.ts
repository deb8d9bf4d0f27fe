/**
 * Who may read or change a project's files, through the one policy: reading needs `project:read`, every change
 * `project:update` on a project that is not archived. A project the caller may not read is "not found", so its
 * existence is not revealed; one they may read but not edit is "forbidden".
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadActor } from '../access/actor';
import { can, canEditFiles, type Actor } from '../access/policy';
import { Project } from '../project/project.entity';
import { asResource } from '../project/project.service';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { User } from '../user/user.entity';
import { assertNotArchived } from '../project/project.errors';

async function projectFor(em: EntityManager, actor: Actor, projectId: string): Promise<Project> {
  const project = isUuid(projectId) ? await em.findOne(Project, { id: projectId }) : null;
  if (!project || !can(actor, 'project:read', asResource(project))) throw new NotFoundError('Project', projectId);
  return project;
}

/** The project, when `viewerId` (null: an anonymous visitor) may read it; else NotFoundError. */
export async function readableProject(em: EntityManager, viewerId: string | null, projectId: string): Promise<Project> {
  return projectFor(em, await loadActor(em, viewerId), projectId);
}

/** A signed-in editor of a project that is not archived, with the project; else why not. */
export async function editableProject(
  em: EntityManager,
  viewerId: string | null,
  projectId: string,
): Promise<{ project: Project; user: User }> {
  if (!viewerId) throw new UnauthenticatedError();
  const actor = await loadActor(em, viewerId);
  const project = await projectFor(em, actor, projectId);
  if (!canEditFiles(actor, asResource(project))) throw new ForbiddenError('Only the project’s editors change its files');
  assertNotArchived(project);
  return { project, user: await em.findOneOrFail(User, { id: viewerId }) };
}
