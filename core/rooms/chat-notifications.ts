import type { EntityManager } from '@mikro-orm/postgresql';
import type { FanoutSubscription } from '../events/fanout-subscription';
import type { ProjectEvent } from '../events/project-event-stream';
import { ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { User } from '../user/user.entity';
import { notificationView, type NotificationView } from './chat-view';
import type { NotificationFeed } from './notification-feed';
import { UserNotification, type Room, type RoomMessage } from './room.entities';

/** A notification's text is a column of this many characters. */
const TEXT_MAX = 300;

/** Options of {@link ChatNotifications.list}. */
export interface NotificationListOptions {
  unreadOnly?: boolean | null;
  /** 1 to 100; 50 when not given. */
  limit?: number | null;
}

/**
 * People's notifications of chat mentions: a row each in PostgreSQL (what the bell lists) and a live ring on the
 * person's feed (what makes the bell light up without a reload).
 */
export class ChatNotifications {
  constructor(
    private readonly em: EntityManager,
    private readonly feed: NotificationFeed | null,
  ) {}

  /** Tells each of `userIds` that `authorName` mentioned them in `message`; returns the notifications written. */
  async mentioned(room: Room, message: RoomMessage, authorName: string, userIds: readonly string[]): Promise<NotificationView[]> {
    if (!userIds.length) return [];
    const text = `${authorName} mentioned you in ${room.name}`.slice(0, TEXT_MAX);
    const rows = userIds.map((userId) =>
      this.em.create(UserNotification, { user: this.em.getReference(User, userId), kind: 'mention', room, messageId: message.id, text }),
    );
    await this.em.flush();
    const views = rows.map(notificationView);
    if (this.feed) await Promise.all(views.map((view, i) => this.feed!.publish(userIds[i]!, view)));
    return views;
  }

  /** The caller's notifications, newest first. */
  async list(userId: string, options: NotificationListOptions = {}): Promise<NotificationView[]> {
    const limit = options.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new ValidationError([{ field: 'limit', message: 'limit must be between 1 and 100' }]);
    const rows = await this.em.find(
      UserNotification,
      { user: userId, ...(options.unreadOnly ? { readAt: null } : {}) },
      { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit },
    );
    return rows.map(notificationView);
  }

  /** Marks the caller's notifications read: those of `ids`, or every unread one; answers how many changed. */
  async markRead(userId: string, ids?: readonly string[] | null): Promise<number> {
    if (ids && ids.length > 500) throw new ValidationError([{ field: 'ids', message: 'Mark at most 500 notifications at once' }]);
    if (ids?.some((id) => !isUuid(id))) throw new ValidationError([{ field: 'ids', message: 'ids must be notification ids' }]);
    if (ids && !ids.length) return 0;
    return this.em.nativeUpdate(
      UserNotification,
      { user: userId, readAt: null, ...(ids ? { id: { $in: [...ids] } } : {}) },
      { readAt: new Date() },
    );
  }

  /** The caller's notifications from now on; null when this process has no feed (nothing live to offer). */
  follow(userId: string): Promise<FanoutSubscription<ProjectEvent>> | null {
    return this.feed ? this.feed.follow(userId) : null;
  }
}
