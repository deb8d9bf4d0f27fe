import { computed, signal } from '@angular/core';

/** What the file name's status line says. */
export type SaveState = 'saved' | 'saving' | 'offline';

/** Timing of {@link SaveTracker}; tests shorten it. */
export interface SaveTiming {
  /** Quiet time after the last edit before the server is told (the design's ~300 ms). */
  readonly debounceMs: number;
  /** Longest wait after the first untold edit, so someone typing without pause is saved too. */
  readonly maxWaitMs: number;
  /** Wait before the n-th retry of a refused or failed note (n from 1). */
  readonly retryDelayMs: (attempt: number) => number;
}

export const DEFAULT_SAVE_TIMING: SaveTiming = {
  debounceMs: 300,
  maxWaitMs: 1500,
  retryDelayMs: (attempt) => Math.min(10_000, 500 * 2 ** (attempt - 1)),
};

/**
 * Tells the server which live documents this person edited (`filesEdited`), so the room flushes them to
 * PostgreSQL. Edits are collected for `debounceMs` of quiet; the note waits until the edits themselves
 * reached Liveblocks (`ready()`: else a flush could read the text without them), and is retried until the
 * server accepts it. The file's text is safe in the room before that; the note only makes it durable.
 */
export class SaveTracker {
  private readonly dirty = signal<ReadonlySet<string>>(new Set());
  private readonly sending = signal<ReadonlySet<string>>(new Set());
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private firstUntoldAt: number | null = null;
  private disposed = false;

  /** Notes not yet accepted by the server. */
  readonly unsaved = computed(() => this.dirty().size + this.sending().size > 0);

  constructor(
    private readonly send: (fileIds: string[]) => Promise<boolean>,
    private readonly ready: () => boolean,
    private readonly timing: SaveTiming = DEFAULT_SAVE_TIMING,
  ) {}

  /** This person changed the file's document. */
  edited(fileId: string): void {
    if (this.disposed) return;
    if (!this.dirty().has(fileId)) this.dirty.update((ids) => new Set([...ids, fileId]));
    this.attempt = 0;
    const now = Date.now();
    this.firstUntoldAt ??= now;
    const deadline = this.firstUntoldAt + this.timing.maxWaitMs - now;
    this.schedule(Math.max(0, Math.min(this.timing.debounceMs, deadline)));
  }

  /** The room's sync state changed: a note waiting for the edits to arrive may go now. */
  syncChanged(): void {
    if (this.timer === undefined && this.dirty().size && !this.sending().size) this.schedule(0);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
  }

  private async flush(): Promise<void> {
    if (this.disposed || this.sending().size || !this.dirty().size) return;
    // syncChanged() calls back once the edits reached the server.
    if (!this.ready()) return;
    const ids = [...this.dirty()];
    this.dirty.set(new Set());
    this.firstUntoldAt = null;
    this.sending.set(new Set(ids));
    const accepted = await this.send(ids).catch(() => false);
    this.sending.set(new Set());
    if (this.disposed) return;
    if (accepted) {
      this.attempt = 0;
      if (this.dirty().size) this.schedule(this.timing.debounceMs);
      return;
    }
    this.dirty.update((current) => new Set([...ids, ...current]));
    this.schedule(this.timing.retryDelayMs(++this.attempt));
  }
}

/** The status line: offline wins while anything is unsaved, then saving, else saved. */
export function saveState(unsaved: boolean, pendingInRoom: boolean, connected: boolean): SaveState {
  if (!connected && (unsaved || pendingInRoom)) return 'offline';
  return unsaved || pendingInRoom ? 'saving' : 'saved';
}
