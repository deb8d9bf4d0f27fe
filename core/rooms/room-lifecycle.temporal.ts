import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { endRoomUpdate, roomActivitySignal } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';
import { ServiceUnavailableError } from '../shared/domain.errors';
import type { RoomLifecycleStarter } from './room-lifecycle.port';
import type { Room } from './room.entities';

export interface TemporalRoomLifecycleOptions {
  /** The worker task queue roomWorkflow runs on. */
  taskQueue: string;
  /** Longest endRoom waits for the workflow to archive before answering SERVICE_UNAVAILABLE (the end still happens). */
  endTimeoutMs?: number;
}

/**
 * The room lifecycle on Temporal: a session starts as signal-with-start of the creator's join (so a retried
 * start, or one racing the first activity, finds the running workflow), and ends through `endRoomUpdate`.
 */
export class TemporalRoomLifecycle implements RoomLifecycleStarter {
  constructor(
    private readonly temporal: Client,
    private readonly options: TemporalRoomLifecycleOptions,
  ) {}

  async start(room: Room): Promise<void> {
    try {
      await this.temporal.workflow.signalWithStart('roomWorkflow', {
        workflowId: workflowIds.room(room.id, room.session),
        taskQueue: this.options.taskQueue,
        args: [{ roomId: room.id, session: room.session }],
        signal: roomActivitySignal,
        signalArgs: [{ kind: 'join', userId: room.createdBy.id }],
      });
    } catch (error) {
      throw new ServiceUnavailableError('The room service', { cause: error });
    }
  }

  async end(roomId: string, session: number, byUserId: string): Promise<void> {
    const handle = this.temporal.workflow.getHandle(workflowIds.room(roomId, session));
    const signal = AbortSignal.timeout(this.options.endTimeoutMs ?? 60_000);
    try {
      await this.temporal.withAbortSignal(signal, () => handle.executeUpdate(endRoomUpdate, { args: [{ byUserId }] }));
    } catch (error) {
      // No workflow: the session already archived (or never started), so there is nothing left to end.
      if (error instanceof WorkflowNotFoundError) return;
      throw new ServiceUnavailableError('Ending the room', { cause: error });
    }
  }
}
