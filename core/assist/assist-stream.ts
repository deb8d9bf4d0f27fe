import type { Redis } from 'ioredis';
import type { AssistEventType } from '../../contracts/assist';
import type { FanoutSubscription } from '../events/fanout-subscription';
import { ProjectEventStream, type ProjectEvent, type ProjectEventStreamOptions } from '../events/project-event-stream';

/** An event on one assist request's or chat reply's stream; `id` is where a reconnecting client resumes. */
export interface AssistEvent {
  id: string;
  /** The assist request's or the assistant chat message's id. */
  streamId: string;
  type: AssistEventType;
  data: Record<string, unknown> | null;
  at: Date;
}

export const toAssistEvent = (event: ProjectEvent): AssistEvent => ({
  id: event.id,
  streamId: event.projectId,
  type: event.type as AssistEventType,
  data: event.data,
  at: event.at,
});

/**
 * The live events of one assist request or chat reply, each in its own short Redis Stream (`scope` assist), with
 * the project event stream's guarantees: idempotent appends by dedupe key, resumable reads, one blocking reader per
 * process. Only the person who asked may follow it (their chat is theirs); the answer itself is kept in PostgreSQL,
 * the stream only carries it while it is written, and expires an hour after it ends.
 */
export class AssistEventStream {
  static readonly expireSeconds = 3600;
  private readonly stream: ProjectEventStream;

  constructor(redis: Redis, options: Omit<ProjectEventStreamOptions, 'scope'> = {}) {
    this.stream = new ProjectEventStream(redis, { maxLen: 2_000, ...options, scope: 'assist' });
  }

  /** Appends an event; with `dedupeKey`, a repeated append (an activity's retry) is written once. */
  publish(streamId: string, type: AssistEventType, data: Record<string, unknown> | null, dedupeKey?: string): Promise<string> {
    return this.stream.append({ projectId: streamId, type, message: type, data, dedupeKey });
  }

  async read(streamId: string, after?: string | null, count = 500): Promise<AssistEvent[]> {
    return (await this.stream.read(streamId, after, count)).map(toAssistEvent);
  }

  /** Events after `after` (`0-0`: all), then live ones; map each with {@link toAssistEvent}. */
  subscribe(streamId: string, after: string): FanoutSubscription<ProjectEvent> {
    return this.stream.subscribe(streamId, after);
  }

  /** Lets a finished stream expire. */
  expire(streamId: string, seconds = AssistEventStream.expireSeconds): Promise<void> {
    return this.stream.expire(streamId, seconds);
  }

  close(): void {
    this.stream.close();
  }
}
