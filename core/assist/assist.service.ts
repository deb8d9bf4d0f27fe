/**
 * Editor actions (issue 17): `start` checks everything a person can get wrong before any workflow runs (input,
 * policy, the file, a model, the model's window), stores the request with the file as it is now, and starts its
 * `assistWorkflow`; `decide` records accept or reject of a ready proposal (the editor applies it); `cancel` stops
 * one. Only the asker sees, follows, decides or cancels a request.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { AssistEventType, type AssistPurpose, type AssistStatus } from '../../contracts/assist';
import { ErrorCode } from '../../contracts/errors';
import { workflowIds } from '../../contracts/workflow-ids';
import type { assistWorkflow } from '../../workflows/assist.workflow';
import { loadActor } from '../access/actor';
import { can, canAssist } from '../access/policy';
import type { LiveDocs } from '../files/live-docs';
import type { ModelGateway } from '../models/model-gateway';
import { Project } from '../project/project.entity';
import { assertNotArchived } from '../project/project.errors';
import { asResource } from '../project/project.service';
import { ForbiddenError, NotFoundError, ServiceUnavailableError, UnauthenticatedError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import type { AssistEventStream } from './assist-stream';
import { assistEndKey } from './assist-keys';
import { AssistRequest } from './assist.entities';
import { AssistDecidedError } from './assist.errors';
import { parseStart, promptInputOf, type StartAssistInput } from './assist-input';
import { assistTarget } from './assist-target';
import { checkModelFits, type AssistAvailabilityView } from './assist-window';
import { actionRequest } from './prompts';

export type { StartAssistInput } from './assist-input';

export interface AssistDeps {
  temporal: Client;
  /** Where the worker that runs `assistWorkflow` listens. */
  taskQueue: string;
  gateway: Pick<ModelGateway, 'availability'>;
  events: AssistEventStream;
  live: LiveDocs | null;
}

export class AssistService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AssistDeps,
  ) {}

  async start(viewerId: string | null, input: StartAssistInput): Promise<AssistRequest> {
    if (!viewerId) throw new UnauthenticatedError();
    const parsed = parseStart(input);
    const project = await this.projectFor(viewerId, input.projectId, parsed.action === 'explain' ? 'read' : 'change');
    const target = await assistTarget(this.em, this.deps.live, project.id, parsed);
    const row = this.em.create(AssistRequest, {
      project,
      user: viewerId,
      action: parsed.action,
      path: parsed.path,
      targetPath: target.targetPath,
      selectionStartLine: parsed.selection?.startLine ?? null,
      selectionEndLine: parsed.selection?.endLine ?? null,
      instruction: parsed.instruction,
      fixSource: parsed.fixSource,
      errorOutput: parsed.errorOutput,
      testCommand: parsed.testCommand,
      baseContent: target.baseContent,
    });
    // The same prompt the workflow will build (ASSIST_EMPTY_SELECTION for blank lines), sized against the model.
    const request = actionRequest(promptInputOf(row, target.fileContent));
    const availability = await this.deps.gateway.availability({ userId: viewerId, projectId: project.id }, 'assist');
    checkModelFits(availability, request, Boolean(parsed.selection));
    await this.em.persistAndFlush(row);
    try {
      await this.deps.temporal.workflow.start<typeof assistWorkflow>('assistWorkflow', {
        taskQueue: this.deps.taskQueue,
        workflowId: workflowIds.assist(row.id),
        args: [{ requestId: row.id }],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        Object.assign(row, { status: 'failed', errorCode: ErrorCode.SERVICE_UNAVAILABLE, errorMessage: 'Could not start', finishedAt: new Date() });
        await this.em.flush();
        throw new ServiceUnavailableError('Temporal', { cause: error });
      }
    }
    return row;
  }

  /** Accept (after the editor applied the proposal) or reject a ready request; anything else is ASSIST_DECIDED. */
  async decide(viewerId: string | null, id: string, accept: boolean): Promise<AssistRequest> {
    const row = await this.own(viewerId, id);
    if (row.status !== 'ready') throw new AssistDecidedError(id, row.status);
    if (accept && row.proposedContent == null) throw new ValidationError([{ field: 'accept', message: 'An explanation has no change to accept' }]);
    // Conditional, so two decisions racing (two tabs) record one.
    const changed = await this.em.nativeUpdate(AssistRequest, { id, status: 'ready' }, { status: accept ? 'accepted' : 'rejected', decidedAt: new Date() });
    await this.em.refresh(row);
    if (!changed) throw new AssistDecidedError(id, row.status);
    return row;
  }

  /** Stops a running request: the row is cancelled at once, its workflow cancelled, its stream ended. */
  async cancel(viewerId: string | null, id: string): Promise<AssistRequest> {
    const row = await this.own(viewerId, id);
    if (row.status === 'cancelled') return row;
    if (row.status !== 'running') throw new AssistDecidedError(id, row.status);
    const changed = await this.em.nativeUpdate(AssistRequest, { id, status: 'running' }, { status: 'cancelled', finishedAt: new Date() });
    await this.em.refresh(row);
    if (!changed) {
      if ((row.status as AssistStatus) === 'cancelled') return row;
      throw new AssistDecidedError(id, row.status);
    }
    // Temporal away or the run already gone: every step of the workflow checks the row and stops on its own.
    await this.deps.temporal.workflow
      .getHandle(workflowIds.assist(id))
      .cancel()
      .catch(() => undefined);
    await this.deps.events.publish(id, AssistEventType.READY, { status: 'cancelled' }, assistEndKey(id));
    await this.deps.events.expire(id);
    return row;
  }

  /** One of the viewer's own requests, or null. */
  async get(viewerId: string | null, id: string): Promise<AssistRequest | null> {
    return this.own(viewerId, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
  }

  /** The viewer's latest requests on a project, newest first. */
  async list(viewerId: string | null, projectId: string, limit = 20): Promise<AssistRequest[]> {
    if (!viewerId) throw new UnauthenticatedError();
    const project = await this.projectFor(viewerId, projectId, 'read');
    const take = Math.max(1, Math.min(50, Math.trunc(limit)));
    return this.em.find(AssistRequest, { project: project.id, user: viewerId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: take });
  }

  /** Whether chat, actions and completions can serve this viewer on the project now, and with which model. */
  async capabilities(viewerId: string | null, projectId: string): Promise<Record<'chat' | 'actions' | 'completions', AssistAvailabilityView>> {
    if (!viewerId) throw new UnauthenticatedError();
    const actor = await loadActor(this.em, viewerId);
    const project = await this.readable(actor, projectId);
    const editor = canAssist(actor, 'change', asResource(project)) && !project.archivedAt;
    const of = async (purpose: AssistPurpose): Promise<AssistAvailabilityView> => {
      const { models, reason } = await this.deps.gateway.availability({ userId: viewerId, projectId: project.id }, purpose);
      const first = models[0];
      return first
        ? { available: true, model: first.id, local: first.provider === 'local', reason: null }
        : { available: false, model: null, local: false, reason: `Off: ${reason ?? 'no model can serve it'}` };
    };
    const [chat, actions, completions] = await Promise.all([of('chat'), of('assist'), of('completion')]);
    if (!editor && completions.available) Object.assign(completions, { available: false, reason: 'Completions are for the project’s editors' });
    return { chat, actions, completions };
  }

  private async readable(actor: Awaited<ReturnType<typeof loadActor>>, projectId: string): Promise<Project> {
    const project = isUuid(projectId) ? await this.em.findOne(Project, { id: projectId }) : null;
    if (!project || !can(actor, 'project:read', asResource(project))) throw new NotFoundError('Project', projectId);
    return project;
  }

  private async projectFor(viewerId: string, projectId: string, use: 'read' | 'change'): Promise<Project> {
    const actor = await loadActor(this.em, viewerId);
    const project = await this.readable(actor, projectId);
    if (!canAssist(actor, use, asResource(project)))
      throw new ForbiddenError('Only the project’s editors can ask for changes; you may ask for an explanation');
    if (use === 'change') assertNotArchived(project);
    return project;
  }

  /** The viewer's own request on a project they can still read; anyone else's is not found. */
  private async own(viewerId: string | null, id: string): Promise<AssistRequest> {
    if (!viewerId) throw new UnauthenticatedError();
    const row = isUuid(id) ? await this.em.findOne(AssistRequest, { id, user: viewerId }) : null;
    if (!row) throw new NotFoundError('AssistRequest', id);
    await this.readable(await loadActor(this.em, viewerId), row.project.id).catch(() => {
      throw new NotFoundError('AssistRequest', id);
    });
    return row;
  }
}
