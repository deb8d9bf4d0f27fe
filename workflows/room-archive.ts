/** Archiving a coding room session: the steps of roomWorkflow's end. */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { activityPresets } from '../temporal.config';

/** What archiving did. */
export interface RoomArchive {
  archivedAt: string;
  /** Who ended it (endRoomUpdate); null when it archived after going quiet. */
  byUserId: string | null;
  /** Files whose live text differed from PostgreSQL and was stored. */
  filesFlushed: number;
  /** Whether the project's Liveblocks room was deleted; false while anyone was connected to it (the workspace). */
  liveRoomDeleted: boolean;
  /** Whether a sandbox service was there to destroy the room's sandbox. */
  sandboxDestroyed: boolean;
  /** Whether the creator's concurrent-rooms lease was still held and is now free. */
  leaseReleased: boolean;
}

const acts = proxyActivities<Activities>(activityPresets.roomStep);

/**
 * Archives the session, one activity per step, so a worker that dies mid-archive resumes at the step it was in;
 * each step is idempotent (a retry finds its work done). The destructive steps come before the room is marked
 * archived: once it is, it may be reopened, and a late step must not touch the new session. Steps after the
 * marking check the session themselves. `onArchived` learns the time as soon as it is stored (endRoomUpdate
 * answers with it). Null when the session was no longer the room's at the marking.
 */
export async function archiveRoom(
  ref: { roomId: string; session: number; byUserId: string | null; reason: 'idle' | 'ended' },
  onArchived: (archivedAt: string) => void,
): Promise<RoomArchive | null> {
  const { roomId, session, byUserId, reason } = ref;
  const { flushed } = await acts.flushRoomProjectFiles({ roomId });
  const { deleted } = await acts.closeRoomLiveDocs({ roomId });
  const { destroyed } = await acts.destroyRoomSandbox({ roomId });
  const { archivedAt } = await acts.markRoomArchived({ roomId, session });
  if (!archivedAt) return null;
  onArchived(archivedAt);
  const released = await acts.releaseRoomLease({ roomId, session });
  await acts.publishRoomArchived({ roomId, session, archivedAt, byUserId, reason, liveRoomDeleted: deleted });
  return { archivedAt, byUserId, filesFlushed: flushed, liveRoomDeleted: deleted, sandboxDestroyed: destroyed, leaseReleased: released };
}
