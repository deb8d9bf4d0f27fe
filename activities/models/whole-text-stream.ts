/** One flush of a whole-text stream: the answer so far, its segment, and the dedupe key of its event. */
export interface WholeTextFlush {
  text: string;
  segment: number;
  key: string;
}

/**
 * Batches a call's text deltas into events that carry the whole answer so far: a client replaces the text with
 * each event, so a retry or a fallback to another model (a new segment, which starts the text again) never shows
 * text twice. The first words go out at once (time to first token), the rest every `flushMs` or `flushChars`.
 * Dedupe keys carry the call, attempt, segment and sequence, so a repeated flush is written once. Appends stay in
 * order; a failed one surfaces at close() rather than as an unhandled rejection.
 */
export class WholeTextStreamWriter {
  private text = '';
  private flushed = 0;
  private seq = 0;
  private segment = -1;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly publish: (flush: WholeTextFlush) => Promise<unknown>,
    private readonly ref: { callKey: string; attempt: number },
    private readonly onFlush: (chars: number) => void,
    private readonly flushMs: number,
    private readonly flushChars: number,
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
    const flush = { text: this.text, segment: this.segment, key: `stream:${this.ref.callKey}:${this.ref.attempt}.${this.segment}:${this.seq++}` };
    this.onFlush(this.text.length - this.flushed);
    this.flushed = this.text.length;
    this.pending = this.pending.then(() => this.publish(flush));
  }
}
