import { ConflictError } from '../shared/domain.errors';

/** What the fan-out reader hands live entries to. */
export interface Follower {
  offer(id: string, value: unknown): void;
  end(): void;
}

/** How a subscription reaches its stream; given by StreamFanout. */
export interface FanoutLink<T> {
  replay(after: string): Promise<[string, string[]][]>;
  parse(id: string, fields: string[]): T;
  pageSize: number;
  /** The reader's position in the stream, or null while nobody has started following it. */
  position(): string | null;
  startFollowing(from: string): void;
  leave(follower: Follower): void;
}

/** Orders Redis stream ids (`ms-seq`). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number) as [number, number];
  const [bm, bs] = b.split('-').map(Number) as [number, number];
  return am - bm || as - bs;
}

/** Thrown to a subscriber whose queue passed its bound: it reads slower than events arrive. */
export class SubscriberTooSlowError extends ConflictError {
  override readonly name = 'SubscriberTooSlowError';
  constructor(readonly lastId: string) {
    super(`This subscription fell too far behind and was closed; subscribe again with after: "${lastId}" to continue`);
  }
}

/**
 * One subscriber: replays its backlog page by page, then follows. While replaying it also keeps what the
 * reader hands it (`pending`), so the switch to live loses nothing: it goes live only after a short page
 * read while the stream was already followed, and then takes the pending entries newer than its cursor.
 * Every value is queued at most once, in id order, because `cursor` only moves forward.
 */
export class FanoutSubscription<T> implements AsyncIterableIterator<T>, Follower {
  private live = false;
  private done = false;
  private failure: Error | null = null;
  private readonly queue: T[] = [];
  private pending: [string, T][] = [];
  private pendingOverflowed = false;
  private waiter: (() => void) | null = null;

  constructor(
    private cursor: string,
    private readonly maxQueue: number,
    private readonly link: FanoutLink<T>,
  ) {}

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.failure) {
        const failure = this.failure;
        this.failure = null;
        throw failure;
      }
      const value = this.queue.shift();
      if (value !== undefined) return { value, done: false };
      if (this.done) return { value: undefined, done: true };
      if (!this.live) await this.replayPage();
      else await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  async return(): Promise<IteratorResult<T>> {
    this.end();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    this.end();
    throw error;
  }

  /** True once the subscription ended, for whatever reason. */
  get ended(): boolean {
    return this.done;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Ends the subscription; a waiting `next()` then rejects with `error`, or resolves done without one. */
  fail(error: Error): void {
    if (this.done) return;
    this.failure = error;
    this.queue.length = 0;
    this.end();
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    this.pending = [];
    this.link.leave(this);
    this.wake();
  }

  offer(id: string, value: unknown): void {
    if (this.done) return;
    if (!this.live) {
      // Past the bound, drop them: the next replay page reads them from the stream again.
      if (this.pending.length < this.maxQueue) this.pending.push([id, value as T]);
      else {
        this.pending = [];
        this.pendingOverflowed = true;
      }
      return;
    }
    if (compareStreamIds(id, this.cursor) <= 0) return;
    if (this.queue.length >= this.maxQueue) return this.fail(new SubscriberTooSlowError(this.cursor));
    this.queue.push(value as T);
    this.cursor = id;
    this.wake();
  }

  private async replayPage(): Promise<void> {
    const followedBefore = this.link.position() !== null;
    this.pending = [];
    this.pendingOverflowed = false;
    const entries = await this.link.replay(this.cursor);
    if (this.done) return;
    for (const [id, fields] of entries) {
      this.queue.push(this.link.parse(id, fields));
      this.cursor = id;
    }
    if (entries.length >= this.link.pageSize) return;
    if (this.link.position() === null) {
      // First to reach the end: the reader starts from here, so nothing after this page is missed.
      this.link.startFollowing(this.cursor);
      this.live = true;
    } else if (followedBefore && !this.pendingOverflowed) {
      this.live = true;
      for (const [id, value] of this.pending) {
        if (compareStreamIds(id, this.cursor) <= 0) continue;
        this.queue.push(value);
        this.cursor = id;
      }
    }
    this.pending = [];
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
