import type { Room } from './room.entities';

/**
 * Starts and ends a room's durable lifecycle (`roomWorkflow`, id `workflowIds.room(roomId, session)`). The room
 * service calls it at createRoom / reopenRoom and endRoom; the Temporal-backed implementation is
 * `TemporalRoomLifecycle` (room-lifecycle.temporal.ts), and the workflow itself lives in workflows/room.workflow.ts.
 */
export interface RoomLifecycleStarter {
  /** Starts the live session `room.session` (idempotent: a running one only hears a join). */
  start(room: Room): Promise<void>;
  /** Archives the live session now and resolves once it is archived; nothing to do when it already ended. */
  end(roomId: string, session: number, byUserId: string): Promise<void>;
}
