import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { workflowIds } from '../../contracts/workflow-ids';
import type { sandboxVerifyWorkflow } from '../../workflows';
import { ForbiddenError, NotFoundError } from '../shared/domain.errors';
import { nullIfNotFound } from '../shared/not-found';
import { loadActor } from '../access/actor';
import { can, type Visibility } from '../access/policy';
import type { Project } from '../project/project.entity';
import type { ProjectService } from '../project/project.service';
import { assertNotArchived } from '../project/project.errors';
import type { PreviewLinks } from './preview-links';
import type { SandboxManager } from './sandbox-manager';
import { SandboxRecord } from './sandbox.entity';
import { requireRoom } from '../rooms/room-standing';

/** Runtimes of the frameworks a project can have. */
const runtimeOf = (framework: string): 'node' | 'python' => (['fastapi', 'django'].includes(framework) ? 'python' : 'node');

/** Sandboxes as the GraphQL API offers them: listed per project, started through a workflow, destroyed. */
export class SandboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectService,
    private readonly manager: SandboxManager,
    private readonly temporal: Client,
    private readonly taskQueue: string,
    private readonly previews: PreviewLinks | null = null,
  ) {}

  /** Where a running preview lives (its own origin), or null while none runs. */
  previewUrlOf(record: SandboxRecord): string | null {
    return record.previewUrl && this.previews ? this.previews.origin().urlFor(record.id) : null;
  }

  /** A link that opens the preview as the viewer: a short-lived signed token the preview host trades for its own cookie. */
  async openPreview(viewerId: string | null, sessionId: string | null, sandboxId: string): Promise<{ url: string; expiresAt: Date | null }> {
    const record = await this.manager.find(sandboxId);
    const running = record?.status === 'RUNNING' && !!record.previewUrl;
    // A room's sandbox is shared with the room's members (who may not be the project's); a project's with its readers.
    const allowed =
      running && record.roomId
        ? await requireRoom(this.em, viewerId, record.roomId, 'room:read').then(() => true, () => false)
        : running && !!(await this.projects.get(viewerId, record!.project.id).catch(nullIfNotFound));
    if (!record || !allowed || !this.previews) throw new NotFoundError('Sandbox', sandboxId);
    return this.previews.link(record.id, viewerId, sessionId);
  }

  /** Live sandboxes of a project the viewer may read, newest first. */
  async listForProject(viewerId: string | null, projectId: string): Promise<SandboxRecord[]> {
    const project = await this.projects.get(viewerId, projectId).catch(nullIfNotFound);
    if (!project) return [];
    // Deployed apps' sandboxes are the local deploy target's, shown with the deployment, not here.
    return this.em.find(SandboxRecord, { project: project.id, roomId: null, status: { $in: ['CREATING', 'RUNNING'] }, purpose: { $ne: 'app' } }, { orderBy: { createdAt: 'desc' } });
  }

  /** Starts sandboxVerifyWorkflow for the project; the viewer must be allowed to run it. */
  async start(viewerId: string, projectId: string): Promise<string> {
    const project = await this.projects.get(viewerId, projectId);
    await this.requireRun(viewerId, project);
    assertNotArchived(project);
    const workflowId = workflowIds.sandboxVerify(project.id, randomUUID());
    await this.temporal.workflow.start<typeof sandboxVerifyWorkflow>('sandboxVerifyWorkflow', {
      taskQueue: this.taskQueue,
      workflowId,
      args: [{ projectId: project.id, ownerId: viewerId, runtime: runtimeOf(project.framework), preview: true }],
    });
    return workflowId;
  }

  async destroy(viewerId: string, id: string): Promise<boolean> {
    const record = await this.manager.find(id);
    if (!record || record.status === 'DESTROYED') return false;
    const project = await this.projects.get(viewerId, record.project.id).catch(nullIfNotFound);
    if (!project) throw new NotFoundError('Sandbox', id);
    await this.requireRun(viewerId, project);
    await this.manager.destroy(id);
    return true;
  }

  private async requireRun(viewerId: string, project: Project): Promise<void> {
    const resource = { kind: 'project' as const, ownerUserId: project.owner.id, ownerTeamId: project.ownerTeam?.id ?? null, visibility: project.visibility as Visibility, id: project.id };
    if (!can(await loadActor(this.em, viewerId), 'project:run', resource)) throw new ForbiddenError('You may not run code in this project');
  }
}
