import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { projectBuildWorkflow } from '../../workflows';
import { workflowIds } from '../../contracts/workflow-ids';
import { ConflictError, ForbiddenError, NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { loadActor } from '../access/actor';
import { can, type Visibility } from '../access/policy';
import { Team } from '../team/team.entity';
import type { ProjectEventStream } from '../events/project-event-stream';
import { User } from '../user/user.entity';
import { DEFAULT_LIMITS, type LimitsConfig } from '../limits/tiers';
import { Project, ProjectRun } from './project.entity';
import { assertProjectQuota, lockProjectOwner } from './project-quota';
import { parseCreateProjectInput, type CreateProjectRawInput } from './project-input';
import { ProjectArchivedError, assertNotArchived } from './project.errors';
import { EventType } from '../../contracts/events';

/** Creating projects and starting their durable builds. */
export class ProjectService {
  constructor(
    private readonly em: EntityManager,
    private readonly temporal: Client,
    private readonly events: ProjectEventStream,
    private readonly taskQueue: string,
    private readonly limits: LimitsConfig = DEFAULT_LIMITS,
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
    let created: { project: Project; run: ProjectRun } | null;
    try {
      created = await this.em.transactional(async (em) => {
        const owner = { userId: viewerId, teamId: teamId ?? null };
        await lockProjectOwner(em, owner);
        // A retry that waited on the lock behind its own first attempt finds it and is not counted twice.
        if (idempotencyKey && (await em.count(Project, { owner: viewerId, idempotencyKey }))) return null;
        await assertProjectQuota(em, this.limits, owner);
        const project = em.create(Project, {
          ...fields,
          idempotencyKey: idempotencyKey ?? null,
          owner: em.getReference(User, viewerId),
          ownerTeam: teamId ? em.getReference(Team, teamId) : null,
        });
        return { project, run: em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id), startedBy: em.getReference(User, viewerId) }) };
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      created = null;
      if (!idempotencyKey) throw new ValidationError([{ field: 'name', message: `You already have a project named "${fields.name}"` }]);
    }
    if (!created) {
      this.em.clear();
      const raced = idempotencyKey ? await this.findByKey(viewerId, idempotencyKey) : null;
      if (raced) return raced;
      throw new ValidationError([{ field: 'name', message: `You already have a project named "${fields.name}"` }]);
    }
    const { project, run } = created;
    await this.startRun(project, run);
    return project;
  }

  /**
   * Starts another agent-team build of an existing project (after its last one ended): the team plans from the
   * description (replaced when given) and works on the project's current files. One build at a time per
   * project, under a lock: a build in progress answers CONFLICT, except a queued one whose start failed
   * (Temporal was down), which this starts instead.
   */
  async startTeamRun(viewerId: string, projectId: string, input: { description?: string | null; autoApprovePlan?: boolean | null }): Promise<ProjectRun> {
    const project = await this.get(viewerId, projectId);
    if (!can(await loadActor(this.em, viewerId), 'project:run', asResource(project))) throw new ForbiddenError('Only the project’s editors start its builds');
    assertNotArchived(project);
    const description = input.description?.trim();
    if (input.description != null && (!description || description.length > 500))
      throw new ValidationError([{ field: 'description', message: 'Describe the app in 1 to 500 characters' }]);
    const { run, fresh } = await this.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`project-run:${project.id}`]);
      // Archived (or being deleted) since it was read: deleteProject takes this lock too.
      if (await em.count(Project, { id: project.id, archivedAt: { $ne: null } })) throw new ProjectArchivedError(project.id);
      const active = await em.findOne(ProjectRun, { project: project.id, status: { $in: ['QUEUED', 'RUNNING'] } }, { orderBy: { createdAt: 'desc' } });
      if (active) return { run: active, fresh: false };
      const locked = await em.findOneOrFail(Project, { id: project.id });
      Object.assign(locked, {
        buildMode: 'team',
        status: 'QUEUED',
        ...(description ? { description } : {}),
        ...(input.autoApprovePlan != null ? { autoApprovePlan: input.autoApprovePlan } : {}),
      });
      const created = em.create(ProjectRun, { project: locked, workflowId: '', startedBy: em.getReference(User, viewerId) });
      created.workflowId = workflowIds.projectRebuild(project.id, created.id);
      return { run: created, fresh: true };
    });
    if (!fresh && (run.status === 'RUNNING' || (await this.workflowExists(run.workflowId))))
      throw new ConflictError('A build of this project is in progress; cancel it or wait for it to end');
    await this.em.refresh(project);
    await this.startRun(project, run);
    return run;
  }

  private async workflowExists(workflowId: string): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(workflowId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw new ServiceUnavailableError('The build service', { cause: error });
    }
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
        type: EventType.RUN_QUEUED,
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
    id: project.id,
  };
}
