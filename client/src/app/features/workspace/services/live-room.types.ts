import type * as Y from 'yjs';
import type { RoomMember, WorkspacePresence } from '../models/presence.models';
/** The room's connection, as Liveblocks reports it. */
export type ConnectionStatus =
  | 'initial'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'disconnected';

/**
 * The slice of a Yjs awareness y-monaco uses. Liveblocks keeps it in presence (`__yjs`), keyed by the
 * root document's client id, which file documents share.
 */
export interface LiveAwareness {
  readonly doc: Y.Doc;
  getStates(): Map<number, Record<string, unknown>>;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

/** How the client reaches Liveblocks (the `collaboration` query). */
export interface LiveRoomOptions {
  readonly projectId: string;
  /** Liveblocks goes through the app's own origin (`/v8`, `/v2/c`). */
  readonly proxied: boolean;
  readonly throttleMs: number;
  /**
   * More fields for the token request, next to `room` (a coding room's `{ coding: <roomId> }`: its membership,
   * not project access, grants the token). A different body than the last entry's drops cached tokens.
   */
  readonly authBody?: Readonly<Record<string, string>>;
}

/**
 * A project's Liveblocks room with its Yjs provider: what the workspace needs of `@liveblocks/client` and
 * `@liveblocks/yjs`, so tests can pass a fake.
 */
export interface LiveRoom {
  /** The root document: `files` (fileId → subdocument) and `agents`. */
  readonly doc: Y.Doc;
  readonly awareness: LiveAwareness;
  status(): ConnectionStatus;
  self(): RoomMember | null;
  others(): readonly RoomMember[];
  /** Whether the server lets this connection write (false for a READ token). */
  canWrite(): boolean;
  /** Calls back whenever status, self, others or the sync state change. */
  subscribe(listener: () => void): () => void;
  updatePresence(presence: Partial<WorkspacePresence>): void;
  /** Resolves once the root document holds the server's state. */
  whenSynced(): Promise<void>;
  /** Loads a subdocument of `files` and resolves once it holds the server's state. */
  loadDocument(subdoc: Y.Doc): Promise<void>;
  /** Local changes the server has not acknowledged yet. */
  hasPendingChanges(): boolean;
  /**
   * Connects again with a fresh token, after the server closed the room for good (its access changed:
   * archived, removed, a revoked session). Liveblocks itself only retries connections that dropped.
   */
  reconnect(): void;
  leave(): void;
}

/** Enters a project's room; the default uses one Liveblocks client for the whole app, loaded lazily. */
export type LiveRoomConnector = (options: LiveRoomOptions) => Promise<LiveRoom>;
