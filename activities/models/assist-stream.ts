import { AssistEventType } from '../../contracts/assist';
import type { AssistEventStream } from '../../core/assist/assist-stream';

/** Where a streamed answer is shown: an assist request's or chat reply's own stream. */
export interface AssistStreamTarget {
  streamId: string;
}

/**
 * Batches a call's text deltas into `assist.delta` events `{ text }` on the answer's stream, where `text` is the
 * whole answer so far (a client replaces, so a retry or a fallback's new segment never shows text twice). The
 * first words go out at once (time to first token); dedupe keys carry the attempt, segment and sequence.
 */
export class AssistStreamWriter {
  private text = '';
  private flushed = 0;
  private seq = 0;
  private segment = -1;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly events: AssistEventStream,
    private readonly ref: AssistStreamTarget & { callKey: string; attempt: number },
    private readonly onFlush: (chars: number) => void,
    private readonly flushMs = 50,
    private readonly flushChars = 200,
  ) {}

  delta(text: string, segment: number): void {
    if (segment !== this.segment) {
      this.flush();
      this.segment = segment;
      this.text = '';
      this.flushed = 0;
      this.seq = 0;
    }
    this.text += text;
    if (this.seq === 0 || this.text.length - this.flushed >= this.flushChars) this.flush();
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
    if (this.text.length === this.flushed) return;
    const { streamId, callKey, attempt } = this.ref;
    const data = { text: this.text, segment: this.segment };
    const key = `stream:${callKey}:${attempt}.${this.segment}:${this.seq++}`;
    this.onFlush(this.text.length - this.flushed);
    this.flushed = this.text.length;
    this.pending = this.pending.then(() => this.events.publish(streamId, AssistEventType.DELTA, data, key));
  }
}
