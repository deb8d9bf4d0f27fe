import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import { roomActivitySignal } from '../../contracts/messages';
import type { RoomActivityKind } from '../../contracts/rooms';
import { workflowIds } from '../../contracts/workflow-ids';
import { Room } from './room.entities';

export interface RoomActivityNotifierDeps {
  redis: Redis;
  temporal: Client;
  /** A fresh entity manager per touch (the notifier outlives requests), to move the room's lastActivityAt. */
  em: () => EntityManager;
  /** At most one signal per room session in this window; 30 s unless given. */
  debounceMs?: number;
  logger?: { warn(obj: object, msg: string): void };
}

/**
 * Tells a room's lifecycle that something happened (a join, a message, an edit, terminal input, a run, a change
 * of settings), which resets its idle timer. Debounced per room across API processes with a Redis key (SET NX PX),
 * so a burst of chat costs Temporal one signal per window; the room's `lastActivityAt` (the listing order) moves at
 * the same pace. It is chat's `RoomActivityToucher` too (called with the room's id).
 */
export class RoomActivityNotifier {
  constructor(private readonly deps: RoomActivityNotifierDeps) {}

  static debounceKey(roomId: string): string {
    return `room-activity:{${roomId}}`;
  }

  /**
   * Records activity of `userId` (null: an agent or the platform) in `room` (the room, or its id: then its live
   * session is read once the debounce lets the signal through). Never throws: activity is a hint, and a request
   * that did its work must not fail for it. A failed signal clears the debounce so the next activity tries again.
   */
  async touch(room: string | Pick<Room, 'id' | 'session'>, kind: RoomActivityKind, userId: string | null): Promise<void> {
    const roomId = typeof room === 'string' ? room : room.id;
    const key = RoomActivityNotifier.debounceKey(roomId);
    try {
      const first = await this.deps.redis.set(key, kind, 'PX', this.deps.debounceMs ?? 30_000, 'NX');
      if (first !== 'OK') return;
      const em = this.deps.em();
      const session = typeof room === 'string' ? (await em.findOne(Room, { id: roomId }, { fields: ['session'] }))?.session : room.session;
      if (session === undefined) return;
      await em.nativeUpdate(Room, { id: roomId }, { lastActivityAt: new Date() });
      await this.deps.temporal.workflow.getHandle(workflowIds.room(roomId, session)).signal(roomActivitySignal, { kind, userId });
    } catch (error) {
      // No workflow: the session archived meanwhile, and activity in an archived room resets nothing.
      if (error instanceof WorkflowNotFoundError) return;
      this.deps.logger?.warn({ err: error, roomId, kind }, 'could not record room activity');
      await this.deps.redis.del(key).catch(() => undefined);
    }
  }
}
