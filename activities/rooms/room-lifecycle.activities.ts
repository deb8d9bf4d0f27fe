import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode } from '../../contracts/errors';
import type { RoomStatus } from '../../contracts/rooms';
import { ConcurrentLimitExceededError } from '../../core/limits/limits.errors';
import type { Tier } from '../../core/limits/tiers';
import { Room } from '../../core/rooms/room.entities';
import { isUuid } from '../../core/shared/validation';
import { User } from '../../core/user/user.entity';
import type { ActivityDeps } from '../deps';
import { createRoomArchiveActivities } from './room-archive.activities';

/** One live session of a room: the room and its `session` counter (workflowIds.room). */
export interface RoomSessionRef {
  roomId: string;
  session: number;
}

/** How a lease renewal went: `stale` (the room is gone, archived or reopened) ends the workflow. */
export type RoomLeaseRenewal = 'renewed' | 'taken' | 'refused' | 'unlimited' | 'stale';

/**
 * roomWorkflow's activities: whether its session is the room's live one, status writes, and the creator's
 * concurrent-rooms lease (ConcurrencyLimiter kind `rooms`, lease id = the room id); with the archive steps
 * (room-archive.activities.ts). Every write is conditional on the session, so a workflow of a session the
 * room has moved on from (reopened, deleted) changes nothing.
 */
export function createRoomLifecycleActivities(deps: ActivityDeps) {
  const { orm, leases, logger } = deps;

  /** The room if `session` is its live (not archived) session. */
  const liveRoom = async ({ roomId, session }: RoomSessionRef): Promise<Room | null> => {
    if (!isUuid(roomId)) throw ApplicationFailure.nonRetryable(`Not a room id: ${roomId}`, ErrorCode.BAD_USER_INPUT);
    const room = await orm.em.fork().findOne(Room, { id: roomId });
    return room && room.session === session && room.status !== 'archived' ? room : null;
  };

  return {
    ...createRoomArchiveActivities(deps),

    /** At a session's start: whether it is the room's live session, and the status to go on from. */
    async openRoomSession(
      ref: RoomSessionRef,
    ): Promise<{ live: true; status: Exclude<RoomStatus, 'archived'> } | { live: false; archivedAt: string | null }> {
      const room = await liveRoom(ref);
      if (room) return { live: true, status: room.status as Exclude<RoomStatus, 'archived'> };
      const gone = await orm.em.fork().findOne(Room, { id: ref.roomId });
      return { live: false, archivedAt: gone?.session === ref.session ? (gone.archivedAt?.toISOString() ?? null) : null };
    },

    /**
     * Writes the status (and when the room was last busy) of the room's live session; false when `session` is
     * not that (nothing written). Writing the same status again changes nothing, so a retry is harmless.
     */
    async setRoomStatus(input: RoomSessionRef & { status: 'created' | 'active' | 'idle'; lastActivityAt: string }): Promise<boolean> {
      const { roomId, session, status } = input;
      if (!isUuid(roomId)) throw ApplicationFailure.nonRetryable(`Not a room id: ${roomId}`, ErrorCode.BAD_USER_INPUT);
      const changed = await orm.em
        .fork()
        .nativeUpdate(
          Room,
          { id: roomId, session, status: { $ne: 'archived' } },
          { status, lastActivityAt: new Date(input.lastActivityAt), updatedAt: new Date() },
        );
      return changed > 0;
    },

    /**
     * Extends the creator's lease by `ttlMs`. A lease that expired meanwhile (a long outage) is taken again
     * when a slot is free; when none is (`refused`), the room goes on regardless: it was admitted once.
     */
    async renewRoomLease(input: RoomSessionRef & { ttlMs: number }): Promise<RoomLeaseRenewal> {
      const room = await liveRoom(input);
      if (!room) return 'stale';
      if (!leases) return 'unlimited';
      const creatorId = room.createdBy.id;
      if (await leases.renew(creatorId, 'rooms', room.id, input.ttlMs)) return 'renewed';
      const creator = await orm.em.fork().findOneOrFail(User, { id: creatorId });
      try {
        await leases.acquire({ id: creator.id, tier: creator.tier as Tier }, 'rooms', room.id, input.ttlMs);
        return 'taken';
      } catch (error) {
        if (!(error instanceof ConcurrentLimitExceededError)) throw error;
        logger.warn({ roomId: room.id, creatorId }, 'room lease expired and the creator has no free slot; the room goes on');
        return 'refused';
      }
    },
  };
}
