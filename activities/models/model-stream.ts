import type { ProjectEventStream } from '../../core/events/project-event-stream';
import { EventType } from '../../contracts/events';

/**
 * Batches a call's text deltas into `model.delta` events on the project's stream. Each segment (an attempt
 * of the activity × a model of the fallback chain) opens with `model.started`; a client shows only the
 * latest segment's text of a call, so a retry or a fallback never shows text twice. Dedupe keys carry the
 * segment and sequence, so a repeated flush is written once.
 */
export class ModelStreamWriter {
  private buffer = '';
  private seq = 0;
  private segment = -1;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly events: ProjectEventStream,
    private readonly ref: { projectId: string; runId: string | null; callKey: string; attempt: number; role: string },
    private readonly onFlush: (chars: number) => void,
    private readonly flushMs = 50,
    private readonly flushChars = 400,
  ) {}

  delta(text: string, segment: number): void {
    if (segment !== this.segment) {
      this.flush();
      this.segment = segment;
      this.seq = 0;
      this.append(EventType.MODEL_STARTED, `The ${this.ref.role} is writing`, `started`, {});
    }
    this.buffer += text;
    // The first text of a segment goes out at once (time to first token); the rest is batched.
    if (this.seq === 0 || this.buffer.length >= this.flushChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs);
  }

  /** Writes what is buffered and waits for every append so far. */
  async close(): Promise<void> {
    this.flush();
    await this.pending;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    this.append(EventType.MODEL_DELTA, text, `d${this.seq++}`, { text });
    this.onFlush(text.length);
  }

  private append(type: EventType, message: string, suffix: string, data: Record<string, unknown>): void {
    const { projectId, runId, callKey, attempt, role } = this.ref;
    const segment = `${attempt}.${this.segment}`;
    const event = {
      projectId,
      runId,
      type,
      message,
      data: { ...data, callKey, segment, role },
      dedupeKey: `model:${callKey}:${segment}:${suffix}`,
    };
    // Appends stay in order; a failed one surfaces at close() rather than as an unhandled rejection.
    this.pending = this.pending.then(() => this.events.append(event));
  }
}
