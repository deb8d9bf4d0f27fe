import { Context, ApplicationFailure } from '@temporalio/activity';
import { LockMode } from '@mikro-orm/core';
import { projectRoomId } from '../../contracts/collab';
import { ErrorCode } from '../../contracts/errors';
import { RoomEventType } from '../../contracts/rooms';
import { flushProjectRoom } from '../../core/files/room-flush';
import { Room, RoomMember } from '../../core/rooms/room.entities';
import { isUuid } from '../../core/shared/validation';
import type { ActivityDeps } from '../deps';
import { createRoomActivities } from '../files/room.activities';

const HEARTBEAT_MS = 2_000;

/**
 * The steps of archiving a coding room (workflows/room-archive.ts), each idempotent: a retry, or a worker
 * that died mid-step and a new one that runs it again, finds its work done and does nothing twice.
 * A room that no longer exists (deleted) makes every step a no-op.
 */
export function createRoomArchiveActivities(deps: ActivityDeps) {
  const { orm, live, leases, roomEvents, roomSandboxes, temporal, logger } = deps;
  const { flushRoomFiles } = createRoomActivities(deps);

  const findRoom = async (roomId: string): Promise<Room | null> => {
    if (!isUuid(roomId)) throw ApplicationFailure.nonRetryable(`Not a room id: ${roomId}`, ErrorCode.BAD_USER_INPUT);
    return orm.em.fork().findOne(Room, { id: roomId });
  };
  /** Whether `session` is still the room's (a step after the marking must not touch a reopened room). */
  const ownSession = async (roomId: string, session: number) => {
    const room = await findRoom(roomId);
    return room && room.session === session ? room : null;
  };

  return {
    /**
     * Stores the live text of every document in the project's Liveblocks room that differs from PostgreSQL.
     * The project room workflow flushes first when it runs (its versions name their editors); whatever it
     * did not know of (an edit whose signal never came) is stored after, credited to nobody by name.
     */
    async flushRoomProjectFiles({ roomId }: { roomId: string }): Promise<{ flushed: number }> {
      const room = await findRoom(roomId);
      if (!room || !live) return { flushed: 0 };
      const projectId = room.project.id;
      return heartbeating(async () => {
        let flushed = 0;
        if (temporal) {
          const outcome = await flushProjectRoom(temporal, projectId, 10_000);
          if (outcome.status === 'flushed') flushed += outcome.flushed;
        }
        // Reading a deleted Liveblocks room would create it again, empty: a room archived before has nothing live.
        if (!(await liveRoomExists(live.client, projectRoomId(projectId)))) return { flushed };
        const texts = await live.liveTexts(projectId);
        const files = [...texts.keys()].map((fileId) => ({ fileId, userId: null }));
        return { flushed: flushed + (await flushRoomFiles({ projectId, files })).flushed };
      });
    },

    /**
     * Deletes the project's Liveblocks room when nobody is connected to it (its files are in PostgreSQL now;
     * the next person to open the project seeds it again). Someone still in it, in the workspace or another
     * room, keeps it: `deleted` false.
     */
    async closeRoomLiveDocs({ roomId }: { roomId: string }): Promise<{ deleted: boolean; connections: number }> {
      const room = await findRoom(roomId);
      if (!room || !live) return { deleted: false, connections: 0 };
      const projectId = room.project.id;
      const connections = await live.activeConnections(projectId).catch((err: { status?: number }) => {
        if (err.status === 404) return 0;
        throw err;
      });
      if (connections > 0) return { deleted: false, connections };
      await live.deleteRoom(projectId);
      return { deleted: true, connections: 0 };
    },

    /** Destroys the room's own sandbox (and its shared terminal); false when the worker has no sandbox service. */
    async destroyRoomSandbox({ roomId }: { roomId: string }): Promise<{ destroyed: boolean }> {
      if (!roomSandboxes || !(await findRoom(roomId))) return { destroyed: false };
      await heartbeating(() => roomSandboxes.destroy(roomId));
      return { destroyed: true };
    },

    /**
     * Marks every member left and the session archived, in one transaction under the room's row lock (a join
     * racing it either lands before, and is marked left, or after, and finds the room archived). Answers the
     * stored time (the first attempt's, on a retry); null when `session` is not the room's any more.
     */
    async markRoomArchived({ roomId, session }: { roomId: string; session: number }): Promise<{ archivedAt: string | null }> {
      if (!isUuid(roomId)) throw ApplicationFailure.nonRetryable(`Not a room id: ${roomId}`, ErrorCode.BAD_USER_INPUT);
      const archivedAt = await orm.em.fork().transactional(async (em) => {
        const room = await em.findOne(Room, { id: roomId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!room || room.session !== session) return null;
        if (room.status === 'archived') return room.archivedAt ?? room.updatedAt;
        const now = new Date();
        await em.nativeUpdate(RoomMember, { room: roomId, leftAt: null }, { leftAt: now });
        Object.assign(room, { status: 'archived', archivedAt: now });
        return now;
      });
      return { archivedAt: archivedAt?.toISOString() ?? null };
    },

    /** Frees the creator's concurrent-rooms slot; false when it was not held (already released, or expired). */
    async releaseRoomLease({ roomId, session }: { roomId: string; session: number }): Promise<boolean> {
      const room = await ownSession(roomId, session);
      if (!room || room.status !== 'archived' || !leases) return false;
      return leases.release(room.createdBy.id, 'rooms', room.id);
    },

    /** Tells the room's watchers (the API closes the shared terminal and live sockets); once per session. */
    async publishRoomArchived(input: {
      roomId: string;
      session: number;
      archivedAt: string;
      byUserId: string | null;
      reason: 'idle' | 'ended';
      liveRoomDeleted: boolean;
    }): Promise<void> {
      const room = await ownSession(input.roomId, input.session);
      if (!room) return;
      if (!roomEvents) {
        logger.warn({ roomId: input.roomId }, 'no room event stream: ROOM_ARCHIVED not published');
        return;
      }
      const { roomId, session, archivedAt, byUserId, reason, liveRoomDeleted } = input;
      const data = { roomId, session, status: 'archived', archivedAt, byUserId, reason, liveRoomDeleted };
      await roomEvents.publish(roomId, RoomEventType.ROOM_ARCHIVED, data, `room-archived:${roomId}:${session}`);
    },
  };
}

/** Whether the Liveblocks room exists (without creating it, as reading it would). */
async function liveRoomExists(client: { getRoom(id: string): Promise<unknown> }, liveRoomId: string): Promise<boolean> {
  try {
    await client.getRoom(liveRoomId);
    return true;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}

/** Runs `work`, heartbeating until it settles (the step's heartbeat timeout bounds a dead worker's hold). */
async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  const ctx = Context.current();
  ctx.heartbeat();
  const timer = setInterval(() => ctx.heartbeat(), HEARTBEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
