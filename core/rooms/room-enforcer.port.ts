import type { RoomRole } from '../../contracts/rooms';

/**
 * Carries a membership change out to live connections, which core cannot see: Liveblocks tokens and sockets,
 * shared terminal sockets, roomEvents subscriptions (the rooms-live layer implements it in the API process).
 * Called after the change is committed; the live layer re-checks membership itself, so a lost call only delays.
 */
export interface RoomEnforcer {
  /** `userId` is no longer inside `roomId` (kicked, left, or the room was deleted): close their connections. */
  memberRemoved(roomId: string, userId: string): Promise<void>;
  /** `userId`'s role changed (a viewer may no longer write; a participant may now). */
  memberRoleChanged(roomId: string, userId: string, role: RoomRole): Promise<void>;
}
