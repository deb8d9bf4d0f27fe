import { RoomEventType } from '../../contracts/rooms';
import type { RoomEventStream } from '../../core/rooms/room-event-stream';
import { WholeTextStreamWriter } from './whole-text-stream';

/** Where a streamed reply is shown: an agent's message in a room's chat. */
export interface RoomStreamTarget {
  roomId: string;
  messageId: string;
}

/** A call's text as `MESSAGE_STREAM` events `{ messageId, text }` (the whole answer so far) on the room's stream. */
export class RoomStreamWriter extends WholeTextStreamWriter {
  constructor(
    events: RoomEventStream,
    ref: RoomStreamTarget & { callKey: string; attempt: number },
    onFlush: (chars: number) => void,
    flushMs = 100,
    flushChars = 400,
  ) {
    super(
      ({ text, key }) => events.publish(ref.roomId, RoomEventType.MESSAGE_STREAM, { messageId: ref.messageId, text }, key),
      ref,
      onFlush,
      flushMs,
      flushChars,
    );
  }
}
