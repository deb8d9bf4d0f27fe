import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { DeployLogLine, DeployLogStream } from '../../contracts/deploy';
import { EventType } from '../../contracts/events';
import type { ProjectEventStream } from '../events/project-event-stream';

/** Longest line kept, in characters; the rest is cut (a minified bundle printed by a build is not a log). */
export const MAX_LOG_LINE = 4096;
/** Secrets shorter than this are not masked (masking `1` or `yes` would shred every line). */
export const MIN_MASKED_SECRET = 4;
const MASK = '••••';

export interface DeployLogWriterOptions {
  readonly orm: MikroORM;
  readonly events: ProjectEventStream;
  readonly deploymentId: string;
  readonly projectId: string;
  /** Values never to show: env values, secrets and provider tokens. */
  readonly secrets: Iterable<string>;
  readonly logger?: Logger;
  /** A batch is written this long after its first line… */
  readonly flushMs?: number;
  /** …or once it holds this many lines. */
  readonly maxBatch?: number;
}

/**
 * A deployment's log: each line masked (every secret value replaced by bullets) and cut to {@link MAX_LOG_LINE},
 * batched, written to `deployment_logs` and appended to the project's event stream as one `deploy.log` event per
 * batch. Seqs are taken from `deployments.log_lines` in the same transaction as the insert, so an activity attempt
 * that runs again after a killed worker (or beside a stale one) continues after the lines already kept, never over
 * them; the event's dedupe key is the batch's first seq.
 */
export class DeployLogWriter {
  private pending: Array<{ at: Date; stream: DeployLogStream; text: string }> = [];
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly secrets: string[];

  constructor(private readonly options: DeployLogWriterOptions) {
    // Longest first, so a secret containing another is masked whole.
    this.secrets = [...new Set([...options.secrets].filter((s) => s.length >= MIN_MASKED_SECRET))].sort((a, b) => b.length - a.length);
  }

  /** `text` with every secret value replaced by bullets. */
  mask(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(MASK);
    return out;
  }

  /** Adds one or more lines (split on newlines); written within `flushMs`. */
  line(text: string, stream: DeployLogStream = 'system'): void {
    const at = new Date();
    for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
      // A progress bar redraws with \r: keep what it last showed.
      const shown = raw.slice(raw.lastIndexOf('\r') + 1);
      const masked = this.mask(shown);
      this.pending.push({ at, stream, text: masked.length > MAX_LOG_LINE ? `${masked.slice(0, MAX_LOG_LINE)}…` : masked });
    }
    if (this.pending.length >= (this.options.maxBatch ?? 50)) this.schedule(0);
    else this.schedule(this.options.flushMs ?? 100);
  }

  /**
   * A sink for streamed output (a step's stdout): whole lines go to the log as they complete; `end()` writes a
   * last unterminated one. A secret split across two chunks is still masked: lines are masked whole.
   */
  stream(stream: DeployLogStream): { write(chunk: string): void; end(): void } {
    let partial = '';
    return {
      write: (chunk) => {
        partial += chunk;
        const cut = partial.lastIndexOf('\n');
        if (cut < 0) {
          // Never hold an endless line: past the cap it is written as it is.
          if (partial.length > MAX_LOG_LINE * 2) {
            this.line(partial, stream);
            partial = '';
          }
          return;
        }
        this.line(partial.slice(0, cut), stream);
        partial = partial.slice(cut + 1);
      },
      end: () => {
        if (partial) this.line(partial, stream);
        partial = '';
      },
    };
  }

  /** Writes every pending line; rejects if any earlier batch could not be written (the activity then retries). */
  async flush(): Promise<void> {
    this.schedule(null);
    await this.enqueue();
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
  }

  private schedule(delayMs: number | null): void {
    if (delayMs === null || delayMs === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (delayMs === 0) void this.enqueue();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.enqueue();
    }, delayMs);
  }

  private enqueue(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length) {
      this.chain = this.chain.then(() =>
        this.write(batch).catch((error: unknown) => {
          this.failure ??= error;
          this.options.logger?.warn({ err: error, deploymentId: this.options.deploymentId }, 'deployment log batch not written');
        }),
      );
    }
    return this.chain;
  }

  private async write(batch: Array<{ at: Date; stream: DeployLogStream; text: string }>): Promise<void> {
    const { orm, events, deploymentId, projectId } = this.options;
    const first = await orm.em.fork().transactional(async (em) => {
      const [row] = await em.execute<{ last: number }[]>(
        'update deployments set log_lines = log_lines + ? where id = ? returning log_lines as last',
        [batch.length, deploymentId],
      );
      if (!row) return null;
      const start = row.last - batch.length + 1;
      const values = batch.map(() => '(?, ?, ?, ?, ?)').join(', ');
      const params = batch.flatMap((l, i) => [deploymentId, start + i, l.at, l.stream, l.text]);
      await em.execute(`insert into deployment_logs (deployment_id, seq, at, stream, text) values ${values} on conflict do nothing`, params);
      return start;
    });
    // The deployment is gone (its project was deleted): nothing to keep.
    if (first === null) return;
    const lines: DeployLogLine[] = batch.map((l, i) => ({ seq: first + i, at: l.at.toISOString(), stream: l.stream, text: l.text }));
    await events.append({
      projectId,
      type: EventType.DEPLOY_LOG,
      message: lines.length === 1 ? lines[0]!.text.slice(0, 200) : `${lines.length} log lines`,
      data: { deploymentId, lines },
      dedupeKey: `deploy-log:${deploymentId}:${first}`,
    });
  }
}
