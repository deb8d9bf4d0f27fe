import type { Redis } from 'ioredis';
import type { FanoutSubscription } from '../events/fanout-subscription';
import { ProjectEventStream, type ProjectEvent, type ProjectEventStreamOptions } from '../events/project-event-stream';
import type { NotificationView } from './chat-view';

/** The event type of a notification on a person's feed. */
export const NOTIFICATION_ADDED = 'notification.added';

/** A person's feed keeps this many recent notifications (PostgreSQL keeps them all; the feed only carries news). */
const FEED_LENGTH = 200;
/** A feed nobody wrote to for a week expires (it is rebuilt by the next notification). */
const FEED_TTL_SECONDS = 7 * 24 * 3600;

/** A stored feed event as the notification it carries. */
export function notificationFromEvent(event: ProjectEvent): NotificationView {
  const data = event.data as unknown as Omit<NotificationView, 'createdAt'> & { createdAt: string };
  return { ...data, createdAt: new Date(data.createdAt) };
}

/**
 * Each person's new notifications, live: a Redis Stream per user with the project event stream's guarantees
 * (idempotent appends, one blocking reader per process fanning out to every subscriber), so every API process
 * delivers a notification written by any other. The rows in PostgreSQL stay the record; this is the doorbell.
 */
export class NotificationFeed {
  private readonly stream: ProjectEventStream;

  constructor(
    private readonly redis: Redis,
    options: Omit<ProjectEventStreamOptions, 'scope'> = {},
  ) {
    this.stream = new ProjectEventStream(redis, { maxLen: FEED_LENGTH, ...options, scope: 'user' });
  }

  /** Rings `userId`'s doorbell; a repeated publish of the same notification is written once. */
  async publish(userId: string, notification: NotificationView): Promise<void> {
    const data = { ...notification, createdAt: notification.createdAt.toISOString() };
    await this.stream.append({
      projectId: userId,
      type: NOTIFICATION_ADDED,
      message: notification.text,
      data,
      dedupeKey: `notification:${notification.id}`,
    });
    await this.stream.expire(userId, FEED_TTL_SECONDS);
  }

  /** Notifications from now on (map each with {@link notificationFromEvent}); the list query covers the past. */
  async follow(userId: string): Promise<FanoutSubscription<ProjectEvent>> {
    const [last] = await this.redis.xrevrange(ProjectEventStream.streamKey(userId, 'user'), '+', '-', 'COUNT', 1);
    return this.stream.subscribe(userId, last?.[0] ?? '0-0');
  }

  close(): void {
    this.stream.close();
  }
}
