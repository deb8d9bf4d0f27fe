import type { Redis } from 'ioredis';
import { FanoutSubscription, compareStreamIds, type Follower } from './fanout-subscription';

export interface StreamFanoutOptions {
  /** Longest single XREAD BLOCK, in ms; a change in the followed streams interrupts it sooner. */
  blockMs: number;
  /** Entries per XRANGE page (replay) and per stream per XREAD. */
  pageSize: number;
  /** Live events queued for one subscriber before it is ended as too slow. */
  maxQueue: number;
}

/** One followed stream: the newest id the reader has handed out (null until a replay found the end) and its followers. */
interface FollowedStream {
  position: string | null;
  readonly followers: Set<Follower>;
}

/**
 * Fans Redis Stream entries out to any number of subscribers over one blocking connection per process.
 * Each subscriber replays its backlog with XRANGE on the shared command connection, then follows through
 * the one reader, which XREADs every followed stream from the last id it handed out. When the set of
 * streams changes, the blocked read is interrupted (CLIENT UNBLOCK) and re-issued with the new set.
 * The reader connection exists only while something is followed.
 */
export class StreamFanout<T> {
  private readonly streams = new Map<string, FollowedStream>();
  private reader: Redis | null = null;
  private readerId: number | null = null;
  private inFlight = false;
  private generation = 0;
  private issuedGeneration = 0;
  private unblocking = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly parse: (id: string, fields: string[]) => T,
    private readonly options: StreamFanoutOptions,
  ) {}

  /** Every entry of `key` after `after`, then live ones, until `return()` (or a failure). */
  subscribe(key: string, after: string): FanoutSubscription<T> {
    let stream = this.streams.get(key);
    if (!stream) this.streams.set(key, (stream = { position: null, followers: new Set() }));
    const followed = stream;
    const subscription = new FanoutSubscription<T>(after, this.options.maxQueue, {
      replay: (from) => this.redis.xrange(key, `(${from}`, '+', 'COUNT', this.options.pageSize),
      parse: this.parse,
      pageSize: this.options.pageSize,
      position: () => followed.position,
      startFollowing: (from) => {
        followed.position = from;
        this.changed();
      },
      leave: (follower) => this.leave(key, follower),
    });
    followed.followers.add(subscription);
    this.ensureReader();
    return subscription;
  }

  /** Streams followed and subscribers, for the bench and tests. */
  stats(): { streams: number; subscribers: number; readers: number } {
    let subscribers = 0;
    for (const s of this.streams.values()) subscribers += s.followers.size;
    return { streams: this.streams.size, subscribers, readers: this.reader ? 1 : 0 };
  }

  /** Ends every subscription and closes the reader connection. */
  close(): void {
    for (const stream of [...this.streams.values()]) for (const follower of [...stream.followers]) follower.end();
    this.stopReader();
  }

  private leave(key: string, follower: Follower): void {
    const stream = this.streams.get(key);
    if (!stream?.followers.delete(follower) || stream.followers.size > 0) return;
    this.streams.delete(key);
    if (this.streams.size === 0) this.stopReader();
  }

  private ensureReader(): void {
    if (this.reader) return;
    const connection = this.redis.duplicate();
    this.reader = connection;
    void this.read(connection);
  }

  private stopReader(): void {
    const connection = this.reader;
    this.reader = null;
    this.readerId = null;
    this.wakeReader();
    connection?.disconnect();
  }

  /** The followed set changed: re-issue the blocking read with it. */
  private changed(): void {
    this.generation++;
    if (!this.wakeReader()) void this.unblock();
  }

  /** Resumes a reader idling with nothing to follow; false when none was idle. */
  private wakeReader(): boolean {
    const wake = this.wake;
    this.wake = null;
    wake?.();
    return wake !== null;
  }

  private async unblock(): Promise<void> {
    if (this.unblocking) return;
    this.unblocking = true;
    try {
      // UNBLOCK can arrive before the XREAD it targets: retry until the reader re-issued with the new set.
      while (this.reader && this.issuedGeneration < this.generation) {
        if (this.inFlight && this.readerId !== null) await this.redis.client('UNBLOCK', this.readerId);
        await new Promise((r) => setTimeout(r, 2));
      }
    } catch {
      // The command connection is down; the read's own timeout picks the new set up.
    } finally {
      this.unblocking = false;
    }
  }

  private async read(connection: Redis): Promise<void> {
    while (this.reader === connection) {
      const followed = [...this.streams].filter(([, s]) => s.position !== null);
      this.issuedGeneration = this.generation;
      if (followed.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      let reply: [string, [string, string[]][]][] | null;
      try {
        this.readerId ??= Number(await connection.client('ID'));
        this.inFlight = true;
        const ids = followed.map(([, s]) => s.position!);
        reply = (await connection.xread('COUNT', this.options.pageSize, 'BLOCK', this.options.blockMs, 'STREAMS', ...followed.map(([k]) => k), ...ids)) as typeof reply;
      } catch {
        // Disconnected: ioredis reconnects (with a new client id); the positions are kept, so nothing is lost or repeated.
        if (this.reader !== connection) break;
        this.readerId = null;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      } finally {
        if (this.reader === connection) this.inFlight = false;
      }
      for (const [key, entries] of reply ?? []) this.dispatch(key, entries);
    }
  }

  private dispatch(key: string, entries: [string, string[]][]): void {
    const stream = this.streams.get(key);
    if (!stream || stream.position === null) return;
    for (const [id, fields] of entries) {
      if (compareStreamIds(id, stream.position) <= 0) continue;
      stream.position = id;
      const value = this.parse(id, fields);
      for (const follower of [...stream.followers]) follower.offer(id, value);
    }
  }
}
