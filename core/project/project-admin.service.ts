import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { EventType } from '../../contracts/events';
import { loadActor } from '../access/actor';
import { can, canEditFiles, type Actor, type ProjectAction } from '../access/policy';
import { AgentFileBase } from '../agents/agent-file-base.entity';
import { AgentHandoff } from '../agents/agent-handoff.entity';
import { AgentInstance } from '../agents/agent-instance.entity';
import { AgentTask } from '../agents/agent-task.entity';
import { recordAudit } from '../audit/audit-log';
import type { ProjectEventStream } from '../events/project-event-stream';
import { ModelSettings } from '../models/model-settings.entity';
import { UsageTotal } from '../models/usage-total.entity';
import { ConflictError, ForbiddenError } from '../shared/domain.errors';
import { Project, ProjectRun } from './project.entity';
import { ConfirmationMismatchError, ProjectNameTakenError, assertNotArchived } from './project.errors';
import { parseProjectName } from './project-input';
import { tearDownProject, type ProjectTeardownDeps } from './project-teardown';
import { asResource, type ProjectService } from './project.service';

/** How long a deleted project's event stream stays readable. */
const DELETED_STREAM_TTL_SECONDS = 24 * 3600;

/** What the viewer may do with a project; the server checks again on every action. */
export interface ProjectAccess {
  /** Change its files and run it: project:update, and not archived. */
  canEdit: boolean;
  /** Open its settings and rename it (project:update; renaming also needs it not archived). */
  canManage: boolean;
  /** Archive, restore and delete it (project:delete). */
  canDelete: boolean;
}

/** The viewer's access to a project, from the one policy. */
export function projectAccess(actor: Actor, project: Project): ProjectAccess {
  const resource = asResource(project);
  const update = can(actor, 'project:update', resource);
  return { canEdit: canEditFiles(actor, resource) && !project.archivedAt, canManage: update, canDelete: can(actor, 'project:delete', resource) };
}

export type ProjectAdminDeps = Omit<ProjectTeardownDeps, 'em'> & {
  readonly projects: ProjectService;
  readonly events: ProjectEventStream;
};

/** Managing a project as a whole: renaming, archiving (read-only), restoring and deleting it with everything it runs. */
export class ProjectAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ProjectAdminDeps,
  ) {}

  /** Renames the project: the createProject name rules, unique among its creator's projects. */
  async rename(viewerId: string, id: string, rawName: string): Promise<Project> {
    const name = parseProjectName(rawName);
    const project = await this.authorized(viewerId, id, 'project:update', 'Only the project’s editors rename it');
    assertNotArchived(project);
    if (project.name === name) return project;
    const from = project.name;
    const owner = project.owner.id;
    const taken = () => new ProjectNameTakenError(name, owner === viewerId);
    if (await this.em.count(Project, { owner, name, id: { $ne: project.id } })) throw taken();
    project.name = name;
    recordAudit(this.em, { actorId: viewerId, action: 'project.renamed', target: `project:${id}`, data: { from, to: name } });
    try {
      await this.em.flush();
    } catch (error) {
      // Another rename or create took the name between the check and the write.
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
    await this.announce(project, EventType.PROJECT_RENAMED, `Renamed the project from ${from} to ${name}`, viewerId, { from, to: name });
    return project;
  }

  /** Makes the project read-only and hides it from the default list. Refused while a build is in progress. */
  async archive(viewerId: string, id: string): Promise<Project> {
    const project = await this.authorized(viewerId, id, 'project:delete', 'Only the project’s owner or its team’s admins archive it');
    if (project.archivedAt) return project;
    if (await this.em.count(ProjectRun, { project: project.id, status: { $in: ['QUEUED', 'RUNNING'] } }))
      throw new ConflictError('A build of this project is in progress: cancel it or wait for it to end, then archive');
    project.archivedAt = new Date();
    recordAudit(this.em, { actorId: viewerId, action: 'project.archived', target: `project:${id}` });
    await this.em.flush();
    await this.announce(project, EventType.PROJECT_ARCHIVED, `Archived ${project.name}: it is read-only`, viewerId);
    return project;
  }

  /** Makes an archived project editable again. */
  async restore(viewerId: string, id: string): Promise<Project> {
    const project = await this.authorized(viewerId, id, 'project:delete', 'Only the project’s owner or its team’s admins restore it');
    if (!project.archivedAt) return project;
    project.archivedAt = null;
    recordAudit(this.em, { actorId: viewerId, action: 'project.restored', target: `project:${id}` });
    await this.em.flush();
    await this.announce(project, EventType.PROJECT_RESTORED, `Restored ${project.name}`, viewerId);
    return project;
  }

  /**
   * Deletes the project once `confirmName` equals its name: archives it first (so no build or sandbox starts
   * meanwhile), stops its runs, sandboxes and room, then deletes its rows. A retry after a failure part-way
   * finds it archived and finishes the job.
   */
  async delete(viewerId: string, id: string, confirmName: string): Promise<boolean> {
    const project = await this.authorized(viewerId, id, 'project:delete', 'Only the project’s owner or its team’s admins delete it');
    if (confirmName.normalize('NFC') !== project.name) throw new ConfirmationMismatchError(project.name);
    await this.em.transactional(async (tx) => {
      // The lock startTeamRun holds while it adds a run: a run is either seen below or refused as archived.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`project-run:${project.id}`]);
      await tx.nativeUpdate(Project, { id: project.id, archivedAt: null }, { archivedAt: new Date() });
    });
    const stopped = await tearDownProject({ ...this.deps, em: this.em }, project.id);
    const { name } = project;
    await this.deps.events.append({
      projectId: project.id,
      type: EventType.PROJECT_DELETED,
      message: `Deleted ${name}`,
      data: { by: viewerId, name },
      dedupeKey: `project:${project.id}:deleted`,
    });
    await this.em.transactional(async (tx) => {
      const runIds = (await tx.find(ProjectRun, { project: project.id }, { fields: ['id'] })).map((r) => r.id);
      await tx.nativeDelete(AgentFileBase, { runId: { $in: runIds } });
      for (const entity of [AgentTask, AgentHandoff, AgentInstance] as const) await tx.nativeDelete(entity, { projectId: project.id });
      await tx.nativeDelete(ModelSettings, { scope: 'project', scopeId: project.id });
      await tx.nativeDelete(UsageTotal, { scope: { $in: ['run', 'project'] }, scopeId: { $in: [...runIds, project.id] } });
      // Runs, files, versions, folders and sandbox rows go with it (on delete cascade).
      await tx.nativeDelete(Project, { id: project.id });
      recordAudit(tx, { actorId: viewerId, action: 'project.deleted', target: `project:${id}`, data: { name, stopped: { ...stopped } } });
    });
    // Open subscriptions still get the deletion event; then the stream goes.
    await this.deps.events.expire(project.id, DELETED_STREAM_TTL_SECONDS);
    this.em.clear();
    return true;
  }

  private async authorized(viewerId: string, id: string, action: ProjectAction, refusal: string): Promise<Project> {
    const project = await this.deps.projects.get(viewerId, id);
    if (!can(await loadActor(this.em, viewerId), action, asResource(project))) throw new ForbiddenError(refusal);
    return project;
  }

  private async announce(project: Project, type: string, message: string, by: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.deps.events.append({ projectId: project.id, type, message, data: { ...data, by } });
  }
}
