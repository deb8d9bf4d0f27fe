import type { Project } from './project.entity';

/** What the architect plans from (and the offline provider picks its blueprint by): the description, or a stand-in. */
export function briefDescription(project: Pick<Project, 'description' | 'framework' | 'name'>): string {
  return project.description?.trim() || `A ${project.framework} project named ${project.name}`;
}
