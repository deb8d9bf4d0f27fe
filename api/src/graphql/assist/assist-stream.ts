/**
 * `assistStream(id, after)`: the events of the viewer's own assist request or chat reply, replayed from `after`
 * then live, ending after assist.ready or assist.failed. Streams expire an hour after they end; a finished one
 * whose stream is gone answers with one synthetic terminal event read from its row. LiveAccess re-checks the
 * session and the project while it runs.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { AssistEventType } from '../../../../contracts/assist';
import { AssistChatMessage, AssistRequest } from '../../../../core/assist/assist.entities';
import { toAssistEvent, type AssistEventStream } from '../../../../core/assist/assist-stream';
import { endsStream, streamEventView, type AssistStreamEventView } from '../../../../core/assist/assist-views';
import { readableProject } from '../../../../core/files/file-access';
import { NotFoundError, UnauthenticatedError } from '../../../../core/shared/domain.errors';
import { isUuid } from '../../../../core/shared/validation';
import type { FanoutSubscription } from '../../../../core/events/fanout-subscription';
import type { ProjectEvent } from '../../../../core/events/project-event-stream';

/** Whose stream it is, and its terminal event when its request or reply has already ended. */
export interface StreamOwner {
  projectId: string;
  ended: { type: AssistEventType; data: Record<string, unknown> } | null;
}

/** The viewer's own request or assistant reply by id, on a project they can still read; NOT_FOUND otherwise. */
export async function streamOwner(em: EntityManager, viewerId: string | null, id: string): Promise<StreamOwner> {
  if (!viewerId) throw new UnauthenticatedError();
  const notFound = new NotFoundError('AssistStream', id);
  if (!isUuid(id)) throw notFound;
  const request = await em.findOne(AssistRequest, { id, user: viewerId });
  const reply = request ? null : await em.findOne(AssistChatMessage, { id, user: viewerId, role: 'assistant' });
  const projectId = request?.project.id ?? reply?.project.id;
  if (!projectId) throw notFound;
  await readableProject(em, viewerId, projectId).catch(() => {
    throw notFound;
  });
  if (request) {
    if (request.status === 'running') return { projectId, ended: null };
    const ended =
      request.status === 'failed'
        ? { type: AssistEventType.FAILED, data: { code: request.errorCode, message: request.errorMessage } }
        : { type: AssistEventType.READY, data: { status: request.status } };
    return { projectId, ended };
  }
  if (reply!.status === 'streaming') return { projectId, ended: null };
  const ended =
    reply!.status === 'failed'
      ? { type: AssistEventType.FAILED, data: { code: reply!.errorCode, message: reply!.content } }
      : { type: AssistEventType.READY, data: { status: reply!.status } };
  return { projectId, ended };
}

/** One synthetic terminal event, for a stream that ended and expired. */
export function endedStream(id: string, after: string | null, ended: NonNullable<StreamOwner['ended']>): AsyncIterableIterator<AssistStreamEventView> {
  const events = [streamEventView({ id: after ?? '0-0', streamId: id, type: ended.type, data: ended.data, at: new Date() })];
  return (async function* () {
    yield* events;
  })();
}

/** The subscription's events, ending after the terminal one; ending it early ends the subscription. */
export function untilEnd(source: FanoutSubscription<ProjectEvent>): AsyncIterableIterator<AssistStreamEventView> {
  let done = false;
  return {
    async next() {
      if (done) return { done: true, value: undefined };
      const result = await source.next();
      if (result.done) return { done: true, value: undefined };
      const view = streamEventView(toAssistEvent(result.value));
      if (endsStream(view.type)) {
        done = true;
        source.end();
      }
      return { done: false, value: view };
    },
    async return() {
      done = true;
      source.end();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      source.end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Whether the stream still holds events (an ended one expires an hour after its end). */
export async function streamExists(events: AssistEventStream, id: string): Promise<boolean> {
  return (await events.read(id, null, 1)).length > 0;
}
