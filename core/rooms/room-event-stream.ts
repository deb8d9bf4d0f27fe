import type { Redis } from 'ioredis';
import type { RoomEventType } from '../../contracts/rooms';
import type { FanoutSubscription } from '../events/fanout-subscription';
import { ProjectEventStream, type ProjectEvent, type ProjectEventStreamOptions } from '../events/project-event-stream';

/** An event on a room's live stream; `id` is the Redis stream id a reconnecting client resumes after. */
export interface RoomEvent {
  id: string;
  roomId: string;
  type: RoomEventType;
  data: Record<string, unknown> | null;
  at: Date;
}

/** A stored event as a room event (subscriptions yield stored events; resolvers map them). */
export const toRoomEvent = (event: ProjectEvent): RoomEvent => ({
  id: event.id,
  roomId: event.projectId,
  type: event.type as RoomEventType,
  data: event.data,
  at: event.at,
});

/**
 * A coding room's live events (chat, members, theme, runs) in a Redis Stream per room, with the project event
 * stream's guarantees: idempotent appends by dedupe key, resumable reads, one blocking reader per process.
 * Durable state lives in PostgreSQL; the stream only carries changes to the people watching.
 */
export class RoomEventStream {
  private readonly stream: ProjectEventStream;

  constructor(
    private readonly redis: Redis,
    options: Omit<ProjectEventStreamOptions, 'scope'> = {},
  ) {
    this.stream = new ProjectEventStream(redis, { maxLen: 2_000, ...options, scope: 'room' });
  }

  /** Appends an event; with `dedupeKey`, a repeated append (an activity's retry) is written once. */
  publish(roomId: string, type: RoomEventType, data: Record<string, unknown> | null, dedupeKey?: string): Promise<string> {
    return this.stream.append({ projectId: roomId, type, message: type, data, dedupeKey });
  }

  async read(roomId: string, after?: string | null, count = 500): Promise<RoomEvent[]> {
    return (await this.stream.read(roomId, after, count)).map(toRoomEvent);
  }

  /**
   * Events after `after`, then live ones (map each with {@link toRoomEvent}). A client loads the room's state with
   * {@link cursor} first and follows from there, so it misses nothing and sees nothing twice.
   */
  subscribe(roomId: string, after: string): FanoutSubscription<ProjectEvent> {
    return this.stream.subscribe(roomId, after);
  }

  /** The newest event's id, or `0-0` for a room with none yet: where a client that just loaded the room follows from. */
  async cursor(roomId: string): Promise<string> {
    const [last] = await this.redis.xrevrange(ProjectEventStream.streamKey(roomId, 'room'), '+', '-', 'COUNT', 1);
    return last?.[0] ?? '0-0';
  }

  /** Lets a deleted room's stream expire. */
  expire(roomId: string, seconds: number): Promise<void> {
    return this.stream.expire(roomId, seconds);
  }

  stats(): { streams: number; subscribers: number; readers: number } {
    return this.stream.stats();
  }

  close(): void {
    this.stream.close();
  }
}
