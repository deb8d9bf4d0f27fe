import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { projectBuildWorkflow } from '../../../../workflows';
import { workflowIds } from '../../../../temporal.config';
import { NotFoundError, ServiceUnavailableError, ValidationError } from '../../shared/errors';
import { isUuid } from '../../shared/validation';
import { loadActor } from '../access/actor';
import { can, type Visibility } from '../access/policy';
import { Team } from '../team/team.entity';
import type { ProjectEventStream } from '../events/project-event-stream';
import { User } from '../user/user.entity';
import { Project, ProjectRun } from './project.entity';
import { parseCreateProjectInput, type CreateProjectRawInput } from './project-input';

/** Creating projects and starting their durable builds. */
export class ProjectService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: Client,
    private readonly events: ProjectEventStream,
    private readonly taskQueue: string,
  ) {}

  /** A project the viewer may read (anyone for a public one), or NotFoundError: existence is not revealed. */
  async get(viewerId: string | null, id: string): Promise<Project> {
    const project = isUuid(id) ? await this.em.findOne(Project, { id }) : null;
    if (!project || !can(await loadActor(this.em, viewerId), 'project:read', asResource(project))) throw new NotFoundError('Project', id);
    return project;
  }

  /** The viewer's personal projects and the team projects they may read, newest first. */
  async list(viewerId: string): Promise<Project[]> {
    const actor = await loadActor(this.em, viewerId);
    const teamIds = [...actor.teams.keys()];
    const projects = await this.em.find(
      Project,
      { $or: [{ owner: viewerId, ownerTeam: null }, { ownerTeam: { $in: teamIds } }] },
      { orderBy: { createdAt: 'desc' } },
    );
    return projects.filter((p) => can(actor, 'project:read', asResource(p)));
  }

  /** A team's projects that the viewer may read. */
  async listForTeam(viewerId: string | null, teamId: string): Promise<Project[]> {
    const actor = await loadActor(this.em, viewerId);
    const projects = await this.em.find(Project, { ownerTeam: teamId }, { orderBy: { createdAt: 'desc' } });
    return projects.filter((p) => can(actor, 'project:read', asResource(p)));
  }

  /**
   * Validates, persists the project and its first run, then starts the build workflow. A retry with
   * the same idempotency key returns the first project and never starts a second run; a crash
   * between the insert and the start is healed by that retry.
   */
  async create(viewerId: string, raw: CreateProjectRawInput): Promise<Project> {
    const values = parseCreateProjectInput(raw);
    const { idempotencyKey, teamId, ...fields } = values;
    if (teamId && !can(await loadActor(this.em, viewerId), 'team:create-project', { kind: 'team', teamId })) {
      throw new ValidationError([{ field: 'teamId', message: 'Choose one of your teams' }]);
    }
    if (idempotencyKey) {
      const existing = await this.findByKey(viewerId, idempotencyKey);
      if (existing) return existing;
    }
    const project = this.em.create(Project, {
      ...fields,
      idempotencyKey: idempotencyKey ?? null,
      owner: this.em.getReference(User, viewerId),
      ownerTeam: teamId ? this.em.getReference(Team, teamId) : null,
    });
    const run = this.em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id) });
    try {
      await this.em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      const raced = idempotencyKey ? await this.findByKey(viewerId, idempotencyKey) : null;
      if (raced) return raced;
      throw new ValidationError([{ field: 'name', message: `You already have a project named "${fields.name}"` }]);
    }
    await this.startRun(project, run);
    return project;
  }

  private async findByKey(viewerId: string, key: string): Promise<Project | null> {
    const project = await this.em.findOne(Project, { owner: viewerId, idempotencyKey: key });
    if (!project) return null;
    const run = await this.em.findOne(ProjectRun, { project }, { orderBy: { createdAt: 'asc' } });
    if (run && run.status === 'QUEUED') await this.startRun(project, run);
    return project;
  }

  private async startRun(project: Project, run: ProjectRun): Promise<void> {
    try {
      await this.events.append({
        projectId: project.id,
        runId: run.id,
        type: 'run.queued',
        message: `Queued a build of ${project.name}`,
        dedupeKey: `run:${run.id}:queued`,
      });
      await this.temporal.workflow.start<typeof projectBuildWorkflow>('projectBuildWorkflow', {
        taskQueue: this.taskQueue,
        workflowId: run.workflowId,
        args: [
          {
            projectId: project.id,
            runId: run.id,
            ...(project.buildMode === 'team' ? { team: { autoApprove: project.autoApprovePlan } } : {}),
          },
        ],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      // The project is saved and stays QUEUED; retrying with the same idempotency key starts it.
      throw new ServiceUnavailableError('The build service', { cause: error });
    }
  }
}

/** The policy's view of a project. */
export function asResource(project: Project) {
  return {
    kind: 'project' as const,
    ownerUserId: project.owner.id,
    ownerTeamId: project.ownerTeam?.id ?? null,
    visibility: project.visibility as Visibility,
  };
}
