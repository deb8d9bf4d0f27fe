import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { RoomEventType } from '../../contracts/rooms';
import type { ConcurrencyLimiter } from '../limits/concurrency-limiter';
import type { RateLimiter } from '../limits/rate-limiter';
import type { LimitsConfig } from '../limits/tiers';
import type { ProjectService } from '../project/project.service';
import type { RoomActivityNotifier } from './room-activity';
import type { RoomEnforcer } from './room-enforcer.port';
import type { RoomEventStream } from './room-event-stream';
import type { RoomLifecycleStarter } from './room-lifecycle.port';
import { Room, type RoomMember } from './room.entities';
import { memberData, roomData } from './room-views';

/** What the room service works with besides its request's entity manager. */
export interface RoomServiceDeps {
  /** The request's project service (who may edit which project). */
  projects: ProjectService;
  events: RoomEventStream;
  activity: RoomActivityNotifier;
  lifecycle: RoomLifecycleStarter;
  /** The creator's concurrent-rooms leases. */
  leases: ConcurrencyLimiter;
  /** The wrong-password windows (`attempt`). */
  rateLimiter: RateLimiter;
  /** Closes removed or demoted members' live connections (api/src/rooms/room-enforcer.ts). */
  enforcer: RoomEnforcer;
  limits: LimitsConfig;
}

/** A request's entity manager with the room deps: what each room operation receives. */
export interface RoomScope {
  em: EntityManager;
  deps: RoomServiceDeps;
}

/**
 * Runs `work` in a transaction holding the room's row lock (SELECT … FOR UPDATE), with the room re-read under it:
 * joins racing for the last place, host passing and host transfers see each other's results, never a stale count.
 */
export function withRoomLock<T>(em: EntityManager, roomId: string, work: (tx: EntityManager, room: Room) => Promise<T>): Promise<T> {
  return em.transactional(async (tx) => {
    const room = await tx.findOneOrFail(Room, { id: roomId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    return work(tx, room);
  });
}

/** Publishes a member's change on the room's stream (`data.member` in the RoomMember shape). */
export async function publishMember(scope: RoomScope, type: RoomEventType, member: RoomMember): Promise<void> {
  await scope.deps.events.publish(member.room.id, type, { member: await memberData(member) });
}

/** Publishes the room's settings (`data.room`). */
export async function publishRoom(scope: RoomScope, type: RoomEventType, room: Room): Promise<void> {
  await scope.deps.events.publish(room.id, type, { room: roomData(room) });
}
