import type { RoomRole } from '../../contracts/rooms';

/**
 * What the room service tells the live side after it changed someone's membership (after the transaction
 * committed): the API closes what that person holds open in the room, on every API process. Implemented in
 * api/src/rooms/room-enforcer.ts; the service stays free of sockets and Redis channels.
 */
export interface RoomEnforcer {
  /** `userId` is out of the room (kicked or left): their live documents socket, terminal and room events end. */
  memberRemoved(roomId: string, userId: string): Promise<void>;
  /** `userId`'s role changed: a demoted writer's socket closes (they re-enter read-only), their terminal typing follows `role`. */
  memberRoleChanged(roomId: string, userId: string, role: RoomRole): Promise<void>;
}
