import { allHandlersFinished, condition, continueAsNew, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { endRoomUpdate, roomActivitySignal, roomLifecycleQuery } from '../contracts/messages';
import { ROOM_LIMITS, type RoomStatus } from '../contracts/rooms';
import { activityPresets, roomLease } from '../temporal.config';
import { archiveRoom, type RoomArchive } from './room-archive';

/** When a room turns idle, archives and renews its lease, in ms. */
export interface RoomLifecycleTiming {
  /** Quiet this long after activity: the room shows as idle. */
  idleAfterMs: number;
  /** Quiet this long: the room archives. */
  archiveAfterMs: number;
  /** Renew the creator's concurrent-rooms lease this often… */
  leaseRenewMs: number;
  /** …for this long each time (well over `leaseRenewMs`, so a late renewal still finds it). */
  leaseTtlMs: number;
  /** Continue as new after this many signals, status writes and renewals (long-lived rooms keep a short history). */
  maxEvents: number;
}

export const DEFAULT_ROOM_LIFECYCLE_TIMING: RoomLifecycleTiming = {
  idleAfterMs: ROOM_LIMITS.idleAfterMs,
  archiveAfterMs: ROOM_LIMITS.idleArchiveMs,
  leaseRenewMs: roomLease.renewEveryMs,
  leaseTtlMs: roomLease.ttlMs,
  maxEvents: 500,
};

/** What a run hands the next one (continue-as-new): the timers go on from where they were. */
export interface RoomLifecycleCarry {
  status: Exclude<RoomStatus, 'archived'>;
  /** Workflow time, ms. */
  lastActivityAt: number;
  renewedAt: number;
}

export interface RoomWorkflowInput {
  roomId: string;
  /** Room.session: each reopening is a new workflow, `workflowIds.room(roomId, session)`. */
  session: number;
  /** Overrides of {@link DEFAULT_ROOM_LIFECYCLE_TIMING} (tests). */
  timing?: Partial<RoomLifecycleTiming>;
  carry?: RoomLifecycleCarry;
}

/** How the session ended. */
export interface RoomLifecycleResult extends Partial<RoomArchive> {
  status: RoomStatus;
  /** idle: quiet for `archiveAfterMs`; ended: endRoomUpdate; stale: the room was gone, archived or reopened already. */
  reason: 'idle' | 'ended' | 'stale';
}

const acts = proxyActivities<Activities>(activityPresets.roomStep);

/**
 * One live session of a coding room (started by createRoom / reopenRoom, signal-with-start of
 * {@link roomActivitySignal}): created → active (on the first activity) → idle (quiet for `idleAfterMs`) →
 * archived (quiet for `archiveAfterMs`, or {@link endRoomUpdate}). Renews the creator's concurrent-rooms lease
 * while it lives; archiving flushes the files, closes the live documents if nobody is in them, destroys the
 * sandbox, marks everyone left and releases the lease (workflows/room-archive.ts). Signals after that are
 * ignored: a reopened room is the next session's workflow. Status changes go to PostgreSQL through
 * `setRoomStatus`, which ignores a session that is no longer the room's.
 */
export async function roomWorkflow(input: RoomWorkflowInput): Promise<RoomLifecycleResult> {
  const { roomId, session } = input;
  const timing = { ...DEFAULT_ROOM_LIFECYCLE_TIMING, ...input.timing };
  let status: RoomStatus = input.carry?.status ?? 'created';
  let lastActivityAt = input.carry?.lastActivityAt ?? Date.now();
  // A fresh session renews at once: the lease then lasts leaseTtlMs whatever ttl the API took it with.
  let renewedAt = input.carry?.renewedAt ?? 0;
  let signals = 0;
  let events = 0;
  let archiving = false;
  let ending: { byUserId: string } | null = null;
  let archivedAt: string | null = null;

  setHandler(roomActivitySignal, () => {
    if (archiving) return;
    lastActivityAt = Date.now();
    signals += 1;
    events += 1;
  });
  setHandler(endRoomUpdate, async ({ byUserId }) => {
    ending ??= { byUserId };
    await condition(() => archivedAt !== null);
    return { archivedAt: archivedAt! };
  });
  setHandler(roomLifecycleQuery, () => ({
    status,
    lastActivityAt: new Date(lastActivityAt).toISOString(),
    archivesAt: archiving || status === 'archived' ? null : new Date(lastActivityAt + timing.archiveAfterMs).toISOString(),
  }));

  /** This session is not the room's live one any more (gone, archived, reopened): end, answering a pending endRoom. */
  const stale = async (at: string | null): Promise<RoomLifecycleResult> => {
    archiving = true;
    archivedAt ??= at ?? new Date().toISOString();
    log.info('Room session is no longer live; ending', { roomId, session });
    await condition(allHandlersFinished);
    return { status, reason: 'stale' };
  };

  if (!input.carry) {
    const opened = await acts.openRoomSession({ roomId, session });
    if (!opened.live) return stale(opened.archivedAt);
    status = opened.status;
  }

  for (;;) {
    if (ending) break;
    const now = Date.now();
    if (now - lastActivityAt >= timing.archiveAfterMs) break;
    if (events >= timing.maxEvents || workflowInfo().continueAsNewSuggested) {
      await condition(() => allHandlersFinished() || ending !== null);
      if (ending) break;
      const carry: RoomLifecycleCarry = { status, lastActivityAt, renewedAt };
      await continueAsNew<typeof roomWorkflow>({ ...input, carry });
    }
    // created stays created until someone does something; then active while busy, idle while quiet.
    const wanted: RoomStatus =
      status === 'created' && !signals ? 'created' : now - lastActivityAt >= timing.idleAfterMs ? 'idle' : 'active';
    if (wanted !== status) {
      events += 1;
      const at = new Date(lastActivityAt).toISOString();
      if (!(await acts.setRoomStatus({ roomId, session, status: wanted as 'active' | 'idle', lastActivityAt: at }))) return stale(null);
      status = wanted;
      continue;
    }
    if (now >= renewedAt + timing.leaseRenewMs) {
      events += 1;
      const renewal = await acts.renewRoomLease({ roomId, session, ttlMs: timing.leaseTtlMs });
      if (renewal === 'stale') return stale(null);
      if (renewal === 'refused') log.warn('The room lease had expired and its slot is taken; the room goes on', { roomId });
      renewedAt = Date.now();
      continue;
    }
    const due = Math.min(
      lastActivityAt + timing.archiveAfterMs,
      renewedAt + timing.leaseRenewMs,
      status === 'active' ? lastActivityAt + timing.idleAfterMs : Infinity,
    );
    const seen = signals;
    await condition(() => signals !== seen || ending !== null, Math.max(1, due - now));
  }

  archiving = true;
  const byUserId = (ending as { byUserId: string } | null)?.byUserId ?? null;
  const archive = await archiveRoom({ roomId, session, byUserId, reason: byUserId ? 'ended' : 'idle' }, (at) => (archivedAt = at));
  if (!archive) return stale(null);
  status = 'archived';
  await condition(allHandlersFinished);
  return { status, reason: byUserId ? 'ended' : 'idle', ...archive };
}
