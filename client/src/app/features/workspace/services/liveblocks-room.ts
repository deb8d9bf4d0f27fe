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
/** Answers Liveblocks' own string endpoint does not retry (its NON_RETRY_STATUS_CODES). */
const FINAL_STATUSES = new Set([400, 401, 403, 404, 405, 410, 412, 414, 422, 431, 451]);
/** Liveblocks accepts 16–1000 ms. */
const clampThrottle = (ms: number) => Math.min(1000, Math.max(16, Math.round(ms) || 16));
/** Set in localStorage by the browser tests to reach the room from `page.evaluate`. */
const DEBUG_FLAG = 'atelier:collab-debug';

type WorkspaceRoom = Room<WorkspacePresence & JsonObject>;

/** One Liveblocks client, created on the first room entered (`collaboration` settings apply to the app). */
export function createLiveblocksConnector(location: Location): LiveRoomConnector {
  let client: Client | undefined;
  /** Each Liveblocks room's extra token-request fields, as it was last entered. */
  const authBodies = new Map<string, string>();
  return async (options: LiveRoomOptions) => {
    client ??= createClient({
      authEndpoint: (room) => requestToken(room, authBodies.get(room ?? '')),
      throttle: clampThrottle(options.throttleMs),
      ...(options.proxied ? { baseUrl: location.origin } : {}),
    });
    const id = projectRoomId(options.projectId);
    const body = JSON.stringify(options.authBody ?? {});
    // A cached token was minted for the other purpose (the workspace's project access, or another coding
    // room's membership): forget it so this entry's token comes from its own request.
    if (authBodies.has(id) && authBodies.get(id) !== body) client.logout();
    authBodies.set(id, body);
    const { room, leave } = client.enterRoom(id, {
      initialPresence: { name: '', color: '', fileId: null, path: null },
    });
    return new LiveblocksRoom(room as unknown as WorkspaceRoom, leave, client);
  };
}

/**
 * `POST /liveblocks-auth` with `{ room, ...extra }`, answered as Liveblocks' own string endpoint would be:
 * a refusal (400, 401, 403 …) stops its retries, anything else unexpected is retried.
 */
async function requestToken(
  room: string | undefined,
  extra = '{}',
): Promise<{ token: string } | { error: 'forbidden'; reason: string }> {
  const response = await fetch(AUTH_ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...(JSON.parse(extra) as Record<string, string>), room }),
  });
  if (FINAL_STATUSES.has(response.status)) {
    return { error: 'forbidden', reason: (await response.text()).trim() || `${response.status}` };
  }
  if (!response.ok) throw new Error(`Failed to authenticate: ${response.status} from ${AUTH_ENDPOINT}`);
  const data = (await response.json()) as { token?: unknown };
  if (typeof data.token !== 'string') throw new Error(`No token from ${AUTH_ENDPOINT}`);
  return { token: data.token };
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
