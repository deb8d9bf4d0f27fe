import { AssistEventType } from '../../contracts/assist';
import type { AssistEventStream } from '../../core/assist/assist-stream';
import { WholeTextStreamWriter } from './whole-text-stream';

/** Where a streamed answer is shown: an assist request's or chat reply's own stream. */
export interface AssistStreamTarget {
  streamId: string;
}

/** A call's text as `assist.delta` events `{ text, segment }` (the whole answer so far) on the answer's stream. */
export class AssistStreamWriter extends WholeTextStreamWriter {
  constructor(
    events: AssistEventStream,
    ref: AssistStreamTarget & { callKey: string; attempt: number },
    onFlush: (chars: number) => void,
    flushMs = 50,
    flushChars = 200,
  ) {
    super(({ text, segment, key }) => events.publish(ref.streamId, AssistEventType.DELTA, { text, segment }, key), ref, onFlush, flushMs, flushChars);
  }
}
