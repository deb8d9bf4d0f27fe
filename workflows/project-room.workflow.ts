import { allHandlersFinished, condition, continueAsNew, log, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { filesEditedSignal, flushNowUpdate, projectRoomStateQuery, type ProjectRoomState } from '../contracts/messages';
import { activityPresets } from '../temporal.config';

/** When the room flushes and when it ends, in ms. */
export interface RoomTiming {
  /** Flush once edits have been quiet this long. */
  quietMs: number;
  /** …and no later than this after the first unflushed edit, however busy the typing. */
  maxDelayMs: number;
  /** With nothing to flush, ask this often whether anyone is still connected (nobody: the room ends). */
  idlePollMs: number;
  /** After a flush that failed (Liveblocks or PostgreSQL down past the retries), wait this long to try again. */
  retryMs: number;
  /** Continue as new after this many signals, flushes and polls (the history stays short on long sessions). */
  maxEvents: number;
}

export const DEFAULT_ROOM_TIMING: RoomTiming = { quietMs: 1_000, maxDelayMs: 2_000, idlePollMs: 10_000, retryMs: 5_000, maxEvents: 200 };

/** Edited documents as [fileId, the last editor's user id]. */
type Editors = [string, string | null][];

export interface ProjectRoomInput {
  projectId: string;
  /** Overrides of {@link DEFAULT_ROOM_TIMING} (tests). */
  timing?: Partial<RoomTiming>;
  /** What the previous run of this room left (continue-as-new). */
  carry?: { dirty: Editors; touched: Editors; flushes: number; lastFlushAt: string | null; firstEditAt: number; lastEditAt: number };
}

const { flushRoomFiles } = proxyActivities<Activities>(activityPresets.longStep);
const { roomConnections } = proxyActivities<Activities>(activityPresets.bookkeeping);

/**
 * A project's live room while people edit in it (one per project: `workflowIds.projectRoom`, started by the
 * API's signal-with-start of {@link filesEditedSignal}). It flushes the edited documents to PostgreSQL once
 * the typing pauses, at most `maxDelayMs` after the first unflushed edit, and ends when nobody is connected
 * (after a last flush of every document it saw edited). Unflushed edits live in Liveblocks and the signals in
 * this workflow's history, so a worker killed before a flush loses nothing: the timer fires on the next one.
 */
export async function projectRoomWorkflow(input: ProjectRoomInput): Promise<ProjectRoomState> {
  const { projectId } = input;
  const timing = { ...DEFAULT_ROOM_TIMING, ...input.timing };
  const dirty = new Map(input.carry?.dirty);
  // Every document edited in this room's life: flushed once more at the end and on flushNow, which also
  // catches an edit whose signal never came (a client that closed before its debounce fired).
  const touched = new Map(input.carry?.touched);
  const state = { flushes: input.carry?.flushes ?? 0, lastFlushAt: input.carry?.lastFlushAt ?? null };
  // Carried over, so a continue-as-new in the middle of typing does not push the flush back.
  let firstEditAt = input.carry?.firstEditAt ?? 0;
  let lastEditAt = input.carry?.lastEditAt ?? 0;
  let edits = 0;
  let events = 0;
  let flushing = false;

  async function flush(files: Map<string, string | null>): Promise<number> {
    await condition(() => !flushing);
    const batch: Editors = [...new Map([...files, ...dirty])];
    if (!batch.length) return 0;
    flushing = true;
    dirty.clear();
    try {
      const { flushed } = await flushRoomFiles({ projectId, files: batch.map(([fileId, userId]) => ({ fileId, userId })) });
      state.flushes += 1;
      state.lastFlushAt = new Date().toISOString();
      return flushed;
    } catch (err) {
      // Back into the next flush (edits signalled meanwhile keep their newer editor).
      for (const [fileId, userId] of batch) if (!dirty.has(fileId)) dirty.set(fileId, userId);
      firstEditAt = Date.now();
      throw err;
    } finally {
      flushing = false;
      events += 1;
    }
  }

  setHandler(filesEditedSignal, ({ fileIds, userId }) => {
    if (!dirty.size) firstEditAt = Date.now();
    lastEditAt = Date.now();
    for (const fileId of fileIds) {
      dirty.set(fileId, userId);
      touched.set(fileId, userId);
    }
    edits += 1;
    events += 1;
  });
  setHandler(flushNowUpdate, async () => ({ flushed: await flush(touched) }));
  setHandler(projectRoomStateQuery, () => ({ dirty: [...dirty.keys()], ...state }));

  /** Waits until the edits have been quiet for `quietMs`, or `maxDelayMs` passed since the first of them. */
  async function settle(): Promise<void> {
    while (dirty.size) {
      const wait = Math.min(lastEditAt + timing.quietMs, firstEditAt + timing.maxDelayMs) - Date.now();
      if (wait <= 0) return;
      const seen = edits;
      await condition(() => edits !== seen || !dirty.size || rollOverDue(), wait);
      if (rollOverDue()) return;
    }
  }

  const rollOverDue = () => events >= timing.maxEvents || workflowInfo().continueAsNewSuggested;

  for (;;) {
    if (rollOverDue()) {
      await condition(() => !flushing && allHandlersFinished());
      const carry = { dirty: [...dirty], touched: [...touched], ...state, firstEditAt, lastEditAt };
      await continueAsNew<typeof projectRoomWorkflow>({ ...input, carry });
    }
    if (dirty.size) {
      await settle();
      if (rollOverDue()) continue;
      await flush(new Map()).catch(async (err: unknown) => {
        log.warn('Flushing the project room failed; trying again', { projectId, error: String(err) });
        await sleep(timing.retryMs);
      });
      continue;
    }
    if (await condition(() => dirty.size > 0, timing.idlePollMs)) continue;
    events += 1;
    if ((await roomConnections({ projectId })) > 0 || dirty.size) continue;
    // Everyone left: a last flush, then the room ends (a later edit starts a new run).
    const ok = await flush(touched).then(
      () => true,
      () => false,
    );
    await condition(() => !flushing && allHandlersFinished());
    if (ok && !dirty.size) return { dirty: [], ...state };
  }
}
