import type { Redis } from 'ioredis';
import type { FanoutSubscription } from './fanout-subscription';
import { StreamFanout } from './stream-fanout';

/** A progress event as stored in a project's Redis Stream; `id` is the stream id. */
export interface ProjectEvent {
  id: string;
  projectId: string;
  runId: string | null;
  type: string;
  message: string;
  data: Record<string, unknown> | null;
  at: Date;
}

export interface ProjectEventInput {
  projectId: string;
  runId?: string | null;
  type: string;
  message: string;
  data?: Record<string, unknown> | null;
  /**
   * Makes the append idempotent: a second append with the same key returns the first event's id and
   * writes nothing. Activities derive it from the run id and the step, so a retried attempt never shows
   * an event twice.
   */
  dedupeKey?: string;
}

export interface ProjectEventStreamOptions {
  /** Approximate number of events kept per project (XADD MAXLEN ~). */
  maxLen?: number;
  /** How long a dedupe key is remembered, in seconds; longer than any run's retries. */
  dedupeTtlSeconds?: number;
  /** How long one blocking read waits before it loops, in ms. */
  blockMs?: number;
  /** Live events queued for one subscriber before it is closed as too slow (it may resume with `after`). */
  maxQueue?: number;
  /** What the ids name, in the Redis keys: `project` (default), `room` (a coding room's stream) or `user` (a person's notifications). */
  scope?: 'project' | 'room' | 'user' | 'assist';
}

const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/** Whether a string is a Redis stream id that `after` may carry. */
export function isStreamId(value: string): boolean {
  return STREAM_ID.test(value);
}

// One round trip, atomic: the dedupe check and the append cannot interleave with a concurrent retry.
const APPEND_SCRIPT = `
if KEYS[2] then
  local existing = redis.call('GET', KEYS[2])
  if existing then return existing end
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2])
if KEYS[2] then redis.call('SET', KEYS[2], id, 'EX', ARGV[3]) end
return id
`;

/**
 * Progress events of each project, kept in a Redis Stream per project. Readers resume from the last
 * id they saw, so a reconnecting client gets every event it missed and none twice.
 */
export class ProjectEventStream {
  private readonly maxLen: number;
  private readonly dedupeTtlSeconds: number;
  private readonly fanout: StreamFanout<ProjectEvent>;
  private readonly scope: string;

  constructor(
    private readonly redis: Redis,
    options: ProjectEventStreamOptions = {},
  ) {
    this.maxLen = options.maxLen ?? 10_000;
    this.dedupeTtlSeconds = options.dedupeTtlSeconds ?? 7 * 24 * 3600;
    this.scope = options.scope ?? 'project';
    this.fanout = new StreamFanout(redis, parseEntry, { blockMs: options.blockMs ?? 10_000, pageSize: 100, maxQueue: options.maxQueue ?? 1_000 });
  }

  /** The stream key; the hash tag keeps a project's keys in one Redis Cluster slot. */
  static streamKey(projectId: string, scope = 'project'): string {
    return `atelier:{${scope}:${projectId}}:events`;
  }

  private keyOf(id: string): string {
    return ProjectEventStream.streamKey(id, this.scope);
  }

  private dedupeKey(id: string, key: string): string {
    return `atelier:{${this.scope}:${id}}:event-dedupe:${key}`;
  }

  /** Appends an event and returns its stream id (the first one's id for a repeated dedupe key). */
  async append(input: ProjectEventInput): Promise<string> {
    const body = JSON.stringify({
      projectId: input.projectId,
      runId: input.runId ?? null,
      type: input.type,
      message: input.message,
      data: input.data ?? null,
    });
    const keys = [this.keyOf(input.projectId)];
    if (input.dedupeKey) keys.push(this.dedupeKey(input.projectId, input.dedupeKey));
    const id = await this.redis.eval(APPEND_SCRIPT, keys.length, ...keys, this.maxLen, body, this.dedupeTtlSeconds);
    return String(id);
  }

  /** Lets a project's stream expire after `seconds` (a deleted project's last events stay readable that long). */
  async expire(projectId: string, seconds: number): Promise<void> {
    await this.redis.expire(this.keyOf(projectId), seconds);
  }

  /** Events strictly after `after` (or from the start), oldest first. */
  async read(projectId: string, after?: string | null, count = 1000): Promise<ProjectEvent[]> {
    const start = after ? `(${after}` : '-';
    const entries = await this.redis.xrange(this.keyOf(projectId), start, '+', 'COUNT', count);
    return entries.map(([id, fields]) => parseEntry(id, fields));
  }

  /**
   * Every event after `after`, then live ones, until `return()` is called. All subscriptions of this
   * instance share one blocking Redis connection (see StreamFanout), open only while any is live.
   */
  subscribe(projectId: string, after?: string | null): FanoutSubscription<ProjectEvent> {
    return this.fanout.subscribe(this.keyOf(projectId), after ?? '0-0');
  }

  /** Live subscriptions and Redis readers, for the bench and tests. */
  stats(): { streams: number; subscribers: number; readers: number } {
    return this.fanout.stats();
  }

  /** Ends every subscription and closes the reader connection. */
  close(): void {
    this.fanout.close();
  }
}

function parseEntry(id: string, fields: string[]): ProjectEvent {
  const raw = fields[fields.indexOf('e') + 1] ?? '{}';
  const body = JSON.parse(raw) as Omit<ProjectEvent, 'id' | 'at'>;
  return { ...body, id, at: new Date(Number(id.split('-')[0])) };
}
