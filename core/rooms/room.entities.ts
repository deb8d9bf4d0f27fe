import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import type { RoomRole, RoomStatus, RoomVisibility } from '../../contracts/rooms';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';

/**
 * A coding room: a live session over one project, with its own members, rules, chat, sandbox and lifecycle
 * (`roomWorkflow`). Deleting the project deletes its rooms.
 */
export class Room {
  [OptionalProps]?: 'description' | 'visibility' | 'locked' | 'capacity' | 'status' | 'session' | 'createdAt' | 'updatedAt' | 'lastActivityAt';
  id: string = randomUUID();
  project!: Ref<Project>;
  /** Who created it; its concurrent-rooms lease is theirs (the tier's limit). */
  createdBy!: Ref<User>;
  name!: string;
  description = '';
  visibility: RoomVisibility = 'private';
  /** argon2id hash; null: no password. */
  passwordHash?: string | null;
  /** No new joins while locked. */
  locked = false;
  capacity = 10;
  /** The host's theme, followed by everyone who has not opted out; null: each their own. */
  themeId?: string | null;
  status: RoomStatus = 'created';
  /** Counts reopenings: each live session is its own workflow (`workflowIds.room(id, session)`). */
  session = 1;
  lastActivityAt: Date = new Date();
  archivedAt?: Date | null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

/**
 * A person's place in a room, kept after they leave (chat authorship, reopening). `leftAt` null: present.
 * Capacity counts present members; the longest present participant (earliest `joinedAt`) inherits host.
 */
export class RoomMember {
  [OptionalProps]?: 'joinedAt' | 'leftAt' | 'mutedUntil' | 'kickedAt';
  id: string = randomUUID();
  room!: Ref<Room>;
  user!: Ref<User>;
  role!: RoomRole;
  /** When they last came in. */
  joinedAt: Date = new Date();
  leftAt?: Date | null;
  /** Muted in chat until then (null: not muted). */
  mutedUntil?: Date | null;
  /** Removed by a host or moderator: out of the room, and refused until an invite link lets them back. */
  kickedAt?: Date | null;
}

/** An invite link; only the SHA-256 of its token is stored. `maxUses` 1 is single-use, null unlimited. */
export class RoomInvite {
  [OptionalProps]?: 'uses' | 'createdAt' | 'revokedAt' | 'maxUses';
  id: string = randomUUID();
  room!: Ref<Room>;
  tokenHash!: string;
  createdBy!: Ref<User>;
  /** The role a person joining with it gets. */
  role: 'participant' | 'viewer' = 'participant';
  maxUses?: number | null;
  uses = 0;
  expiresAt!: Date;
  revokedAt?: Date | null;
  createdAt: Date = new Date();
}

/** A code snippet in a chat message. */
export interface ChatSnippet {
  language: string;
  code: string;
}
/** A `path:line` a message points at; the client opens the file there. */
export interface ChatFileRef {
  path: string;
  line: number | null;
}

/**
 * A chat message: a person's, an agent's answer (`authorKind` agent, streamed: `status` streaming → complete or
 * failed) or the platform's (joins, kicks). Deleted messages keep their row with the text blanked.
 */
export class RoomMessage {
  [OptionalProps]?: 'createdAt' | 'status' | 'snippet' | 'refs' | 'mentions' | 'agentRole' | 'editedAt' | 'deletedAt' | 'deletedBy' | 'author' | 'replyTo' | 'clientKey';
  id: string = randomUUID();
  room!: Ref<Room>;
  /** Null for agents and the platform. */
  author?: Ref<User> | null;
  authorKind!: 'user' | 'agent' | 'system';
  /** The answering agent's role, for agent messages. */
  agentRole?: string | null;
  body!: string;
  snippet?: ChatSnippet | null;
  refs?: ChatFileRef[] | null;
  /** User ids mentioned with @name (each gets a notification). */
  mentions?: string[] | null;
  /** The message this one answers (an agent's answer to its @mention). */
  replyTo?: string | null;
  status: 'complete' | 'streaming' | 'failed' = 'complete';
  editedAt?: Date | null;
  deletedAt?: Date | null;
  /** Who deleted it: the author, or a moderator (moderation). */
  deletedBy?: string | null;
  /** The sender's key for this message: a retried send with the same key returns this message. */
  clientKey?: string | null;
  createdAt: Date = new Date();
}

/** Something for one person to see in the UI: a mention in a room's chat, for now. */
export class UserNotification {
  [OptionalProps]?: 'createdAt' | 'readAt';
  id: string = randomUUID();
  user!: Ref<User>;
  kind!: 'mention';
  room?: Ref<Room> | null;
  messageId?: string | null;
  /** The line the UI shows: "Ada mentioned you in Pairing on auth". */
  text!: string;
  readAt?: Date | null;
  createdAt: Date = new Date();
}

const uuid = { type: 'uuid', primary: true } as const;
const created = { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() } as const;

export const RoomSchema = new EntitySchema<Room>({
  class: Room,
  tableName: 'rooms',
  indexes: [{ name: 'rooms_visibility_status_index', properties: ['visibility', 'status'] }],
  properties: {
    id: uuid,
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade', index: true },
    createdBy: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    name: { type: 'string', length: 80 },
    description: { type: 'string', length: 500, default: '' },
    visibility: { type: 'string', length: 16, default: 'private' },
    passwordHash: { type: 'text', nullable: true, hidden: true },
    locked: { type: 'boolean', default: false },
    capacity: { type: 'integer', default: 10 },
    themeId: { type: 'string', length: 64, nullable: true },
    status: { type: 'string', length: 16, default: 'created' },
    session: { type: 'integer', default: 1 },
    lastActivityAt: { type: 'datetime', defaultRaw: 'now()' },
    archivedAt: { type: 'datetime', nullable: true },
    createdAt: created,
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});

export const RoomMemberSchema = new EntitySchema<RoomMember>({
  class: RoomMember,
  tableName: 'room_members',
  uniques: [{ name: 'room_members_room_user_unique', properties: ['room', 'user'] }],
  properties: {
    id: uuid,
    room: { kind: 'm:1', entity: () => Room, ref: true, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    role: { type: 'string', length: 16 },
    joinedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
    leftAt: { type: 'datetime', nullable: true },
    mutedUntil: { type: 'datetime', nullable: true },
    kickedAt: { type: 'datetime', nullable: true },
  },
});

export const RoomInviteSchema = new EntitySchema<RoomInvite>({
  class: RoomInvite,
  tableName: 'room_invites',
  properties: {
    id: uuid,
    room: { kind: 'm:1', entity: () => Room, ref: true, deleteRule: 'cascade', index: true },
    tokenHash: { type: 'string', length: 64, unique: 'room_invites_token_hash_unique' },
    createdBy: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    role: { type: 'string', length: 16, default: 'participant' },
    maxUses: { type: 'integer', nullable: true },
    uses: { type: 'integer', default: 0 },
    expiresAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
    createdAt: created,
  },
});

export const RoomMessageSchema = new EntitySchema<RoomMessage>({
  class: RoomMessage,
  tableName: 'room_messages',
  indexes: [
    { name: 'room_messages_room_created_index', properties: ['room', 'createdAt'] },
    // One answer per question and agent: two attempts of createAgentReply running at once (one outliving its
    // timeout on a stalled worker) cannot both insert; the loser fails, and its retry finds the winner's row.
    {
      name: 'room_messages_agent_reply_unique',
      expression: `create unique index "room_messages_agent_reply_unique" on "room_messages" ("reply_to", "agent_role") where "author_kind" = 'agent' and "reply_to" is not null`,
    },
  ],
  uniques: [{ name: 'room_messages_room_author_client_key_unique', properties: ['room', 'author', 'clientKey'] }],
  properties: {
    id: uuid,
    room: { kind: 'm:1', entity: () => Room, ref: true, deleteRule: 'cascade' },
    author: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'set null', nullable: true },
    authorKind: { type: 'string', length: 16 },
    agentRole: { type: 'string', length: 32, nullable: true },
    body: { type: 'text' },
    snippet: { type: 'json', nullable: true },
    refs: { type: 'json', nullable: true },
    mentions: { type: 'json', nullable: true },
    replyTo: { type: 'uuid', nullable: true },
    status: { type: 'string', length: 16, default: 'complete' },
    editedAt: { type: 'datetime', nullable: true },
    deletedAt: { type: 'datetime', nullable: true },
    deletedBy: { type: 'string', length: 64, nullable: true },
    clientKey: { type: 'string', length: 64, nullable: true },
    createdAt: created,
  },
});

export const UserNotificationSchema = new EntitySchema<UserNotification>({
  class: UserNotification,
  tableName: 'user_notifications',
  indexes: [{ name: 'user_notifications_user_created_index', properties: ['user', 'createdAt'] }],
  properties: {
    id: uuid,
    user: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    kind: { type: 'string', length: 16 },
    room: { kind: 'm:1', entity: () => Room, ref: true, deleteRule: 'cascade', nullable: true },
    messageId: { type: 'uuid', nullable: true },
    text: { type: 'string', length: 300 },
    readAt: { type: 'datetime', nullable: true },
    createdAt: created,
  },
});

export const roomEntities = [RoomSchema, RoomMemberSchema, RoomInviteSchema, RoomMessageSchema, UserNotificationSchema];
