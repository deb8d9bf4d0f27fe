/**
 * Rooms (issue 14): live coding sessions over a project. Roles, statuses, limits and the room event types that
 * cross layers (core, api, activities, workflows, client).
 */

/** A member's role in a room, strongest first. */
export const ROOM_ROLES = ['host', 'moderator', 'participant', 'viewer'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

/** Higher is stronger: a moderator may act on participants and viewers, never on the host. */
export const ROOM_ROLE_RANK: Readonly<Record<RoomRole, number>> = { host: 4, moderator: 3, participant: 2, viewer: 1 };

/** created → active (someone did something) → idle (quiet) → archived (24 h quiet, or ended by the host). */
export const ROOM_STATUSES = ['created', 'active', 'idle', 'archived'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

/** private: invite links only; team: members of the project's team; public: anyone signed in. */
export type RoomVisibility = 'private' | 'team' | 'public';

export const ROOM_LIMITS = {
  /** People in a room unless the host sets otherwise (up to the tier's maximum). */
  defaultCapacity: 10,
  nameMax: 80,
  descriptionMax: 500,
  passwordMin: 4,
  passwordMax: 128,
  /** A chat message's text, in characters. */
  messageMax: 4_000,
  /** A code snippet attached to a message, in characters. */
  snippetMax: 20_000,
  /** Wrong passwords per IP, and per room, in `passwordWindowSeconds`. */
  passwordAttemptsPerIp: 5,
  passwordAttemptsPerRoom: 20,
  passwordWindowSeconds: 15 * 60,
  /** Longest an invite link may live. */
  inviteMaxDays: 30,
  /** A room with no activity this long archives. */
  idleArchiveMs: 24 * 60 * 60_000,
  /** A room with no activity this long shows as idle. */
  idleAfterMs: 15 * 60_000,
} as const;

/** Events on a room's live stream (`roomEvents`); `data` carries the changed object. */
export const RoomEventType = {
  MESSAGE_CREATED: 'message.created',
  MESSAGE_UPDATED: 'message.updated',
  MESSAGE_DELETED: 'message.deleted',
  /** More text of an agent's streaming answer: `{ messageId, text }` (the whole text so far). */
  MESSAGE_STREAM: 'message.stream',
  MEMBER_JOINED: 'member.joined',
  MEMBER_LEFT: 'member.left',
  MEMBER_UPDATED: 'member.updated',
  MEMBER_KICKED: 'member.kicked',
  ROOM_UPDATED: 'room.updated',
  THEME_CHANGED: 'room.theme',
  RUN_STARTED: 'run.started',
  ROOM_ARCHIVED: 'room.archived',
  ROOM_REOPENED: 'room.reopened',
} as const;
export type RoomEventType = (typeof RoomEventType)[keyof typeof RoomEventType];

/** What resets a room's idle timer (roomActivitySignal). */
export type RoomActivityKind = 'join' | 'chat' | 'edit' | 'terminal' | 'run' | 'update';

/**
 * How long a room's concurrent-rooms lease (ConcurrencyLimiter kind `rooms`, lease id = the room's id, held by
 * its creator) lasts without renewal. createRoom and reopenRoom take it; roomWorkflow renews it (every third of
 * this) while the room lives and releases it at archive, so a room whose workflow is gone frees its slot anyway.
 */
export const ROOM_LEASE_TTL_MS = 10 * 60_000;
