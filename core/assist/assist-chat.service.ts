/**
 * A person's chat about a project's code (issue 17): ask, read the thread, forget it. Each question gets an assistant
 * message at once (`streaming`); `assistChatWorkflow` writes its answer, streamed on that message's own stream. The
 * thread is the asker's alone: nobody else, however much they may do on the project, reads or follows it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { ASSIST_LIMITS } from '../../contracts/assist';
import { workflowIds } from '../../contracts/workflow-ids';
import type { assistChatWorkflow } from '../../workflows/assist-chat.workflow';
import { readableProject } from '../files/file-access';
import type { ModelGateway } from '../models/model-gateway';
import { NO_ASSIST_MODEL_HINT } from '../models/model-gateway';
import { ModelNotAvailableError } from '../models/models.errors';
import { requireRoom } from '../rooms/room-standing';
import { roomNotFound } from '../rooms/room.errors';
import { NotFoundError, ServiceUnavailableError, UnauthenticatedError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { AssistChatMessage } from './assist.entities';

export interface AssistChatDeps {
  temporal: Client;
  /** Where the worker that runs `assistChatWorkflow` listens. */
  taskQueue: string;
  /** Which models chat would use for the asker (no vendor call). */
  gateway: Pick<ModelGateway, 'availability'>;
}

/** A question and the answer that streams into `reply`. */
export interface AssistChatTurn {
  question: AssistChatMessage;
  reply: AssistChatMessage;
}

const PAGE_DEFAULT = 50;
const PAGE_MAX = 100;

export class AssistChatService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AssistChatDeps,
  ) {}

  /**
   * Stores the question and a streaming reply and starts the answer. Needs `project:read`; from a room, the viewer
   * must be inside that room and it must be over this project. Refused at once when no model can answer.
   */
  async ask(viewerId: string | null, input: { projectId: string; message: string; roomId?: string | null }): Promise<AssistChatTurn> {
    const userId = requireSignedIn(viewerId);
    const project = await readableProject(this.em, userId, input.projectId);
    const roomId = input.roomId ?? null;
    if (roomId !== null) {
      if (!isUuid(roomId)) throw roomNotFound(roomId);
      const { room } = await requireRoom(this.em, userId, roomId, 'room:read');
      if (room.project.id !== project.id) throw roomNotFound(roomId);
    }
    const message = input.message.trim();
    if (!message) throw new ValidationError([{ field: 'message', message: 'Write a question' }]);
    if (message.length > ASSIST_LIMITS.chatMessageMax)
      throw new ValidationError([{ field: 'message', message: `A question is at most ${ASSIST_LIMITS.chatMessageMax} characters` }]);
    const availability = await this.deps.gateway.availability({ userId, projectId: project.id }, 'chat');
    if (!availability.models.length) throw new ModelNotAvailableError('chat', [], availability.reason ?? NO_ASSIST_MODEL_HINT);

    const at = Date.now();
    const question = this.em.create(AssistChatMessage, { project, user: userId, roomId, role: 'user', content: message, createdAt: new Date(at) });
    // A millisecond later, so the thread's order never depends on ids.
    const reply = this.em.create(AssistChatMessage, {
      project,
      user: userId,
      roomId,
      role: 'assistant',
      content: '',
      status: 'streaming',
      createdAt: new Date(at + 1),
    });
    await this.em.flush();
    try {
      await this.deps.temporal.workflow.start<typeof assistChatWorkflow>('assistChatWorkflow', {
        taskQueue: this.deps.taskQueue,
        workflowId: workflowIds.assistChat(reply.id),
        args: [{ replyId: reply.id }],
      });
    } catch (error) {
      Object.assign(reply, { status: 'failed', errorCode: 'SERVICE_UNAVAILABLE', content: 'The answer could not be started; ask again.' });
      await this.em.flush();
      throw new ServiceUnavailableError('Temporal', { cause: error });
    }
    return { question, reply };
  }

  /** The viewer's thread about the project, oldest first; `before` (a message id of it) pages back. */
  async thread(viewerId: string | null, projectId: string, page: { before?: string | null; limit?: number | null } = {}): Promise<AssistChatMessage[]> {
    const userId = requireSignedIn(viewerId);
    const project = await readableProject(this.em, userId, projectId);
    const limit = Math.min(Math.max(page.limit ?? PAGE_DEFAULT, 1), PAGE_MAX);
    let before: Date | undefined;
    if (page.before) {
      const anchor = isUuid(page.before) ? await this.em.findOne(AssistChatMessage, { id: page.before, project, user: userId }) : null;
      if (!anchor) throw new NotFoundError('AssistChatMessage', page.before);
      before = anchor.createdAt;
    }
    const rows = await this.em.find(
      AssistChatMessage,
      { project, user: userId, ...(before ? { createdAt: { $lt: before } } : {}) },
      { orderBy: { createdAt: 'desc' }, limit },
    );
    return rows.reverse();
  }

  /** Forgets the viewer's thread about the project; answers still being written stop. */
  async clear(viewerId: string | null, projectId: string): Promise<boolean> {
    const userId = requireSignedIn(viewerId);
    const project = await readableProject(this.em, userId, projectId);
    const streaming = await this.em.find(AssistChatMessage, { project, user: userId, role: 'assistant', status: 'streaming' }, { fields: ['id'] });
    await this.em.nativeDelete(AssistChatMessage, { project, user: userId });
    // Best effort: a reply whose row is gone is dropped by the workflow's last step anyway.
    await Promise.all(
      streaming.map((m) =>
        this.deps.temporal.workflow
          .getHandle(workflowIds.assistChat(m.id))
          .cancel()
          .catch(() => undefined),
      ),
    );
    return true;
  }
}

function requireSignedIn(viewerId: string | null): string {
  if (!viewerId) throw new UnauthenticatedError('Sign in to use the project chat');
  return viewerId;
}
