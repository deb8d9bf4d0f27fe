/**
 * The real `LiveRoom`: `@liveblocks/client` and `@liveblocks/yjs`, loaded with the workspace only. One client
 * per app (so one WebSocket per room however often the page is entered), one room per project.
 */
import { projectRoomId } from '@contracts/collab';
import {
  type Client,
  type JsonObject,
  type Room,
  type User,
  createClient,
} from '@liveblocks/client';
import { type LiveblocksYjsProvider, getYjsProviderForRoom } from '@liveblocks/yjs';
import * as Y from 'yjs';
import type { RoomMember, WorkspacePresence } from '../models/presence.models';
import type {
  ConnectionStatus,
  LiveAwareness,
  LiveRoom,
  LiveRoomConnector,
  LiveRoomOptions,
} from './live-room.types';

/** Where the API mints room tokens (`{ room }` in, `{ token }` out), after its own access check. */
const AUTH_ENDPOINT = '/liveblocks-auth';
/** Liveblocks accepts 16–1000 ms. */
const clampThrottle = (ms: number) => Math.min(1000, Math.max(16, Math.round(ms) || 16));
/** Set in localStorage by the browser tests to reach the room from `page.evaluate`. */
const DEBUG_FLAG = 'atelier:collab-debug';

type WorkspaceRoom = Room<WorkspacePresence & JsonObject>;

/** One Liveblocks client, created on the first room entered (`collaboration` settings apply to the app). */
export function createLiveblocksConnector(location: Location): LiveRoomConnector {
  let client: Client | undefined;
  return async (options: LiveRoomOptions) => {
    client ??= createClient({
      authEndpoint: AUTH_ENDPOINT,
      throttle: clampThrottle(options.throttleMs),
      ...(options.proxied ? { baseUrl: location.origin } : {}),
    });
    const { room, leave } = client.enterRoom(projectRoomId(options.projectId), {
      initialPresence: { name: '', color: '', fileId: null, path: null },
    });
    return new LiveblocksRoom(room as unknown as WorkspaceRoom, leave, client);
  };
}

function memberOf(user: User<JsonObject, { id?: string; info?: JsonObject }>): RoomMember {
  const info = (user.info ?? {}) as { name?: unknown; color?: unknown };
  const presence = user.presence as Partial<WorkspacePresence> & { __yjs_clientid?: unknown };
  return {
    connectionId: user.connectionId,
    userId: typeof user.id === 'string' ? user.id : null,
    name: typeof info.name === 'string' && info.name ? info.name : 'Someone',
    color: typeof info.color === 'string' ? info.color : '',
    fileId: typeof presence.fileId === 'string' ? presence.fileId : null,
    path: typeof presence.path === 'string' ? presence.path : null,
    clientId: typeof presence.__yjs_clientid === 'number' ? presence.__yjs_clientid : null,
  };
}

class LiveblocksRoom implements LiveRoom {
  private readonly provider: LiveblocksYjsProvider;
  readonly doc: Y.Doc;
  readonly awareness: LiveAwareness;

  constructor(
    private readonly room: WorkspaceRoom,
    private readonly leaveRoom: () => void,
    private readonly client: Client,
  ) {
    this.provider = getYjsProviderForRoom(room);
    this.doc = this.provider.getYDoc();
    this.awareness = this.provider.awareness as unknown as LiveAwareness;
    if (localStorage.getItem(DEBUG_FLAG)) {
      (globalThis as Record<string, unknown>)['atelierCollab'] = { room, doc: this.doc, Y };
    }
  }

  status(): ConnectionStatus {
    return this.room.getStatus();
  }

  self(): RoomMember | null {
    const self = this.room.getSelf();
    return self ? memberOf(self) : null;
  }

  others(): readonly RoomMember[] {
    return this.room.getOthers().map(memberOf);
  }

  canWrite(): boolean {
    return this.room.getSelf()?.canWrite ?? false;
  }

  subscribe(listener: () => void): () => void {
    const offs = [
      this.room.subscribe('status', listener),
      this.room.subscribe('others', listener),
      this.room.subscribe('my-presence', listener),
    ];
    this.provider.on('status', listener);
    return () => {
      offs.forEach((off) => off());
      this.provider.off('status', listener);
    };
  }

  updatePresence(presence: Partial<WorkspacePresence>): void {
    this.room.updatePresence(presence);
  }

  whenSynced(): Promise<void> {
    return synced(this.provider);
  }

  async loadDocument(subdoc: Y.Doc): Promise<void> {
    subdoc.load();
    const handler = this.provider.subdocHandlers.get(subdoc.guid);
    if (!handler) throw new Error(`No handler for document ${subdoc.guid}`);
    await synced(handler);
  }

  hasPendingChanges(): boolean {
    return this.provider.getStatus() !== 'synchronized';
  }

  reconnect(): void {
    // The old token may be what the server refused: forget it so the next one comes from /liveblocks-auth.
    this.client.logout();
    this.room.reconnect();
  }

  leave(): void {
    if ((globalThis as Record<string, unknown>)['atelierCollab']) {
      delete (globalThis as Record<string, unknown>)['atelierCollab'];
    }
    this.leaveRoom();
  }
}

interface SyncSource {
  readonly synced: boolean;
  on(event: 'synced', listener: (state: boolean) => void): void;
  off(event: 'synced', listener: (state: boolean) => void): void;
}

/** Resolves once the provider (or a document handler) reports it holds the server's state. */
function synced(source: SyncSource): Promise<void> {
  if (source.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = (state: boolean) => {
      if (!state) return;
      source.off('synced', listener);
      resolve();
    };
    source.on('synced', listener);
  });
}
