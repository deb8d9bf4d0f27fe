/**
 * The rooms feature's shapes as the GraphQL API returns them (rooms.graphql, generated), and what the pages
 * derive from them: roles, who may do what to whom.
 */
import { ROOM_ROLES, ROOM_ROLE_RANK, type RoomRole } from '@contracts/rooms';
import type {
  RoomInsideQuery,
  RoomInviteViewFragment,
  RoomMemberViewFragment,
  RoomSandboxViewFragment,
  RoomSummaryFragment,
  RoomViewFragment,
} from '../../../generated/rooms';

export type RoomSummary = RoomSummaryFragment;
export type RoomView = RoomViewFragment;
/** The room as a member inside sees it: with its members and sandbox. */
export type RoomInside = RoomInsideQuery['room'];
export type RoomMember = RoomMemberViewFragment;
export type RoomSandbox = RoomSandboxViewFragment;
export type RoomInvite = RoomInviteViewFragment;

/** The role, or null for anything the server may add later. */
export function roleOf(role: string | null | undefined): RoomRole | null {
  return (ROOM_ROLES as readonly string[]).includes(role ?? '') ? (role as RoomRole) : null;
}

/** 0 for no (or an unknown) role. */
export function rankOf(role: string | null | undefined): number {
  const known = roleOf(role);
  return known ? ROOM_ROLE_RANK[known] : 0;
}

/** Host and moderators run the room: lock, invite, end, moderate people of a lower role. */
export const isStaff = (role: string | null | undefined): boolean => rankOf(role) >= ROOM_ROLE_RANK.moderator;

/** Participants and above edit, chat, type in the terminal and run scripts; viewers watch. */
export const canTake = (role: string | null | undefined): boolean => rankOf(role) >= ROOM_ROLE_RANK.participant;

export const ROLE_LABELS: Readonly<Record<RoomRole, string>> = {
  host: 'Host',
  moderator: 'Moderator',
  participant: 'Participant',
  viewer: 'Viewer',
};

/** The minutes a moderator may mute someone for from the member menu. */
export const MUTE_MINUTES = [5, 15, 60] as const;

/** What the member menu offers. */
export type MemberAction =
  | { readonly kind: 'role'; readonly role: Exclude<RoomRole, 'host'> }
  | { readonly kind: 'host' }
  | { readonly kind: 'mute'; readonly minutes: number }
  | { readonly kind: 'unmute' }
  | { readonly kind: 'kick' };

/** Whether someone is muted at `now`. */
export function mutedAt(member: { readonly mutedUntil: string | null }, now: number): boolean {
  return member.mutedUntil !== null && Date.parse(member.mutedUntil) > now;
}

/**
 * What `me` may do to `target` (core/access/policy.ts canInRoom mirrored; the server decides): host and
 * moderators act on lower roles only; roles given stay below the giver's own; only the host gives host.
 */
export function memberActions(
  me: Pick<RoomMember, 'userId' | 'role'> | null,
  target: Pick<RoomMember, 'userId' | 'role' | 'mutedUntil'>,
  now = Date.now(),
): MemberAction[] {
  if (!me || me.userId === target.userId || !isStaff(me.role)) return [];
  const mine = rankOf(me.role);
  if (rankOf(target.role) >= mine) return [];
  const roles = (['moderator', 'participant', 'viewer'] as const).filter(
    (role) => ROOM_ROLE_RANK[role] < mine && role !== target.role,
  );
  return [
    ...roles.map((role): MemberAction => ({ kind: 'role', role })),
    ...MUTE_MINUTES.map((minutes): MemberAction => ({ kind: 'mute', minutes })),
    ...(mutedAt(target, now) ? [{ kind: 'unmute' } as const] : []),
    { kind: 'kick' },
    ...(me.role === 'host' ? [{ kind: 'host' } as const] : []),
  ];
}

/** The menu's words for an action. */
export function actionLabel(action: MemberAction): string {
  switch (action.kind) {
    case 'role':
      return `Make ${ROLE_LABELS[action.role].toLowerCase()}`;
    case 'host':
      return 'Make host';
    case 'mute':
      return `Mute for ${action.minutes} min`;
    case 'unmute':
      return 'Unmute';
    case 'kick':
      return 'Remove from the room';
  }
}

/** Members in the order the panel shows them: host first, then by role, then by arrival. */
export function byRoleThenArrival(members: readonly RoomMember[]): RoomMember[] {
  return [...members].sort(
    (a, b) => rankOf(b.role) - rankOf(a.role) || Date.parse(a.joinedAt) - Date.parse(b.joinedAt),
  );
}

/** "3 / 10". */
export const peopleCount = (room: { presentCount: number; capacity: number }) =>
  `${room.presentCount} / ${room.capacity}`;
