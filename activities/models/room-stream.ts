import { RoomEventType } from '../../contracts/rooms';
import type { RoomEventStream } from '../../core/rooms/room-event-stream';

/** Where a streamed reply is shown: an agent's message in a room's chat. */
export interface RoomStreamTarget {
  roomId: string;
  messageId: string;
}

/**
 * Batches a call's text deltas into `MESSAGE_STREAM` events `{ messageId, text }` on the room's stream, where
 * `text` is the whole answer so far: a client replaces the message's text with each event, so a retry or a
 * fallback to another model (a new segment, which starts the text again) never shows text twice. Dedupe keys
 * carry the attempt, segment and sequence, so a repeated flush is written once.
 */
export class RoomStreamWriter {
  private text = '';
  private flushed = 0;
  private seq = 0;
  private segment = -1;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly events: RoomEventStream,
    private readonly ref: RoomStreamTarget & { callKey: string; attempt: number },
    private readonly onFlush: (chars: number) => void,
    private readonly flushMs = 100,
    private readonly flushChars = 400,
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
    // The first words go out at once (time to first token); the rest is batched.
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
    const { roomId, messageId, callKey, attempt } = this.ref;
    const data = { messageId, text: this.text };
    const key = `stream:${callKey}:${attempt}.${this.segment}:${this.seq++}`;
    this.onFlush(this.text.length - this.flushed);
    this.flushed = this.text.length;
    // Appends stay in order; a failed one surfaces at close() rather than as an unhandled rejection.
    this.pending = this.pending.then(() => this.events.publish(roomId, RoomEventType.MESSAGE_STREAM, data, key));
  }
}
