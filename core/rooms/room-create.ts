import { randomUUID } from 'node:crypto';
import { ROOM_LEASE_TTL_MS, ROOM_LIMITS, RoomEventType } from '../../contracts/rooms';
import { loadActor } from '../access/actor';
import { can } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import { asTier } from '../limits/tiers';
import { asResource } from '../project/project.service';
import { assertNotArchived } from '../project/project.errors';
import { ForbiddenError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { User } from '../user/user.entity';
import { publishRoom, withRoomLock, type RoomScope } from './room-deps';
import { assertCapacity, parseCreateRoomInput } from './room-input';
import { hashRoomPassword } from './room-passwords';
import { requireRoom } from './room-standing';
import { Room, RoomMember } from './room.entities';
import { roomNotFound } from './room.errors';

/** The tier maximum of a room's capacity: its creator's. */
export async function maxCapacityOf(scope: RoomScope, creatorId: string): Promise<number> {
  const creator = await scope.em.findOneOrFail(User, { id: creatorId });
  return scope.deps.limits.tiers[asTier(creator.tier)].maxRoomCapacity;
}

/** Takes the creator's concurrent-rooms lease for the room (CONCURRENT_LIMIT_EXCEEDED when every slot is held). */
async function acquireLease(scope: RoomScope, creator: User, roomId: string): Promise<void> {
  await scope.deps.leases.acquire({ id: creator.id, tier: asTier(creator.tier) }, 'rooms', roomId, ROOM_LEASE_TTL_MS);
}

/**
 * Creates a room over a project the viewer may edit (project:update, not archived); the viewer is its host and
 * inside. Takes the viewer's concurrent-rooms lease (their tier's limit), then starts the room's lifecycle. Should
 * the start fail, the room is removed again and its lease released: a room never exists without a lifecycle.
 */
export async function createRoom(scope: RoomScope, viewerId: string, raw: Record<string, unknown>): Promise<Room> {
  const { em, deps } = scope;
  const input = parseCreateRoomInput(raw);
  const project = await deps.projects.get(viewerId, input.projectId);
  if (!can(await loadActor(em, viewerId), 'project:update', asResource(project)))
    throw new ForbiddenError('Only the project’s editors open rooms on it');
  assertNotArchived(project);
  const creator = await em.findOneOrFail(User, { id: viewerId });
  const capacity = input.capacity ?? ROOM_LIMITS.defaultCapacity;
  assertCapacity(capacity, await maxCapacityOf(scope, viewerId));
  const passwordHash = input.password ? await hashRoomPassword(input.password) : null;

  const id = randomUUID();
  await acquireLease(scope, creator, id);
  let room: Room;
  try {
    room = em.create(Room, {
      id,
      project,
      createdBy: creator,
      name: input.name,
      description: input.description ?? '',
      visibility: input.visibility ?? 'private',
      passwordHash,
      capacity,
    });
    em.create(RoomMember, { room, user: creator, role: 'host' });
    recordAudit(em, {
      actorId: viewerId,
      action: 'room.created',
      target: `room:${id}`,
      data: { projectId: project.id, visibility: room.visibility },
    });
    await em.flush();
  } catch (error) {
    await deps.leases.release(viewerId, 'rooms', id);
    throw error;
  }
  try {
    await deps.lifecycle.start(room);
  } catch (error) {
    em.remove(room);
    await em.flush();
    await deps.leases.release(viewerId, 'rooms', id);
    throw error;
  }
  return room;
}

/**
 * Starts a new live session in an archived room (host or moderator): the same files and chat, session + 1, the
 * viewer inside again. Takes the creator's lease again (the lifecycle releases it at archive). Reopening a room
 * that is live already is a no-op.
 */
export async function reopenRoom(scope: RoomScope, viewerId: string | null, roomId: string): Promise<Room> {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  const { room, member } = await requireRoom(scope.em, viewerId, roomId, 'room:reopen');
  if (room.status !== 'archived') return room;
  const creator = await scope.em.findOneOrFail(User, { id: room.createdBy.id });
  await acquireLease(scope, creator, room.id);
  const reopened = await withRoomLock(scope.em, room.id, async (tx, locked) => {
    if (locked.status !== 'archived') return false;
    Object.assign(locked, { status: 'created', archivedAt: null, session: locked.session + 1, lastActivityAt: new Date() });
    const me = await tx.findOneOrFail(RoomMember, { id: member!.id }, { refresh: true });
    Object.assign(me, { leftAt: null, joinedAt: new Date() });
    return true;
  });
  if (!reopened) return room;
  try {
    await scope.deps.lifecycle.start(room);
  } catch (error) {
    // Back to archived, so the next reopen starts this session afresh.
    Object.assign(room, { status: 'archived', archivedAt: new Date(), session: room.session - 1 });
    await scope.em.flush();
    await scope.deps.leases.release(creator.id, 'rooms', room.id);
    throw error;
  }
  await publishRoom(scope, RoomEventType.ROOM_REOPENED, room);
  return room;
}
