import { ApplicationFailure } from '@temporalio/activity';
import { ErrorCode } from '../../contracts/errors';
import { RoomEventType, ROOM_LIMITS } from '../../contracts/rooms';
import { messageEventData, messageView, questionText } from '../../core/rooms/chat-view';
import type { RoomEventStream } from '../../core/rooms/room-event-stream';
import { Room, RoomMessage } from '../../core/rooms/room.entities';
import type { ActivityDeps } from '../deps';
import { replyContext } from './agent-reply-context';

/** The agent's message exists and is streaming: here is what to answer. Or there is nothing to do. */
export type AgentReplyStart =
  | { kind: 'answer'; replyId: string; question: string; context: string }
  /** The question was deleted (replyId null), or this answer already ended (a replayed start). */
  | { kind: 'skip'; replyId: string | null };

/** The one event that ends an answer, written once however often the activity runs. */
const finalKey = (replyId: string) => `message:${replyId}:final`;

/** An agent's answer in a room's chat: its message, then its end (complete or failed), each published to the room. */
export function createRoomChatActivities({ orm, roomEvents }: ActivityDeps) {
  const events = (): RoomEventStream => {
    if (!roomEvents) throw ApplicationFailure.nonRetryable('This worker has no room event stream', ErrorCode.SERVICE_UNAVAILABLE);
    return roomEvents;
  };

  async function finish(replyId: string, status: 'complete' | 'failed', body: string): Promise<void> {
    const em = orm.em.fork();
    const reply = await em.findOne(RoomMessage, { id: replyId });
    // Deleted by a moderator while it was being written: it stays deleted.
    if (!reply || reply.deletedAt) return;
    if (reply.status === 'streaming') {
      Object.assign(reply, { status, body: body.length > ROOM_LIMITS.snippetMax ? `${body.slice(0, ROOM_LIMITS.snippetMax - 1)}…` : body });
      await em.flush();
    }
    await events().publish(reply.room.id, RoomEventType.MESSAGE_UPDATED, messageEventData(messageView(reply)), finalKey(replyId));
  }

  return {
    /**
     * The agent's message for a question, status streaming, published to the room; idempotent by (question, role),
     * so a retry finds the message it made and publishes it once.
     */
    async createAgentReply(input: { roomId: string; questionId: string; role: string }): Promise<AgentReplyStart> {
      const em = orm.em.fork();
      const question = await em.findOne(RoomMessage, { id: input.questionId, room: input.roomId }, { populate: ['room'] });
      if (!question || question.deletedAt) return { kind: 'skip', replyId: null };
      let reply = await em.findOne(RoomMessage, { replyTo: question.id, agentRole: input.role, authorKind: 'agent' });
      if (reply && reply.status !== 'streaming') return { kind: 'skip', replyId: reply.id };
      if (!reply) {
        reply = em.create(RoomMessage, {
          room: em.getReference(Room, input.roomId),
          authorKind: 'agent',
          agentRole: input.role,
          body: '',
          replyTo: question.id,
          status: 'streaming',
        });
        await em.flush();
      }
      await events().publish(
        input.roomId,
        RoomEventType.MESSAGE_CREATED,
        messageEventData(messageView(reply)),
        `message:${reply.id}:created`,
      );
      const context = await replyContext(em, question.room.getEntity().project.id, question.refs ?? []);
      return { kind: 'answer', replyId: reply.id, question: questionText(question), context };
    },

    /** The whole answer: status complete, MESSAGE_UPDATED. */
    async completeAgentReply(input: { replyId: string; text: string }): Promise<void> {
      await finish(input.replyId, 'complete', input.text);
    },

    /** No answer: status failed, the reason as the text, MESSAGE_UPDATED. */
    async failAgentReply(input: { replyId: string; reason: string }): Promise<void> {
      await finish(input.replyId, 'failed', input.reason);
    },
  };
}
