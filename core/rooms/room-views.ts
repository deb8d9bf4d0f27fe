import type { RoomRole, RoomStatus, RoomVisibility } from '../../contracts/rooms';
import type { Room, RoomMember } from './room.entities';

/** A room's settings as events carry them (the fields of the GraphQL Room type a client merges). */
export interface RoomData {
  id: string;
  name: string;
  description: string;
  visibility: RoomVisibility;
  status: RoomStatus;
  locked: boolean;
  hasPassword: boolean;
  capacity: number;
  themeId: string | null;
  lastActivityAt: string;
  archivedAt: string | null;
}

/** A membership as events carry it (the GraphQL RoomMember type). */
export interface RoomMemberData {
  id: string;
  userId: string;
  displayName: string;
  role: RoomRole;
  present: boolean;
  joinedAt: string;
  mutedUntil: string | null;
}

/** Inside the room now: not left, not kicked. */
export const isPresent = (member: Pick<RoomMember, 'leftAt' | 'kickedAt'>): boolean => !member.leftAt && !member.kickedAt;

export function roomData(room: Room): RoomData {
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    visibility: room.visibility,
    status: room.status,
    locked: room.locked,
    hasPassword: !!room.passwordHash,
    capacity: room.capacity,
    themeId: room.themeId ?? null,
    lastActivityAt: room.lastActivityAt.toISOString(),
    archivedAt: room.archivedAt?.toISOString() ?? null,
  };
}

export async function memberData(member: RoomMember): Promise<RoomMemberData> {
  const user = await member.user.load();
  return {
    id: member.id,
    userId: member.user.id,
    displayName: user?.displayName ?? '',
    role: member.role,
    present: isPresent(member),
    joinedAt: member.joinedAt.toISOString(),
    mutedUntil: member.mutedUntil?.toISOString() ?? null,
  };
}
