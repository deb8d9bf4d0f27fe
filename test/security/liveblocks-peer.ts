/**
 * A Liveblocks peer in Node, connected the way the browser is: tokens from the app's `/liveblocks-auth` with
 * the user's session cookie, the room socket and REST calls through the app's own origin (its proxy).
 */
import { createClient, type Room } from '@liveblocks/client';
import { getYjsProviderForRoom } from '@liveblocks/yjs';
import WebSocket from 'ws';
import { FILE_TEXT, ROOT_FILES_MAP } from '../../contracts/collab';
import { Y, type YDoc, type YText } from '../../core/files/yjs';

export interface Peer {
  /** The file's text in this peer's copy of its document. */
  text(fileId: string): Promise<YText>;
  /** The root document (its `files` map holds the subdocuments). */
  root: YDoc;
  room: Room;
  /**
   * Changes the file's text and sends the delta over the room socket itself, as a modified client could: the
   * provider sends nothing without write access, so only this shows what the server does with such a write.
   */
  forceEdit(fileId: string, change: (text: YText) => void): void;
  leave(): void;
}

/** A WebSocket that sends the headers a browser on the app's page would: its Origin (and no cookie: tokens are enough). */
function browserLikeSocket(origin: string) {
  return class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { origin } });
    }
  };
}

/**
 * Enters `roomId` as the holder of `cookie` (anonymous without one) through the app at `appUrl`, synced.
 * `codingRoomId`: ask for tokens as a member of that coding room (`coding` in the token request).
 */
export async function joinRoom(appUrl: string, cookie: string | undefined, roomId: string, codingRoomId?: string): Promise<Peer> {
  const client = createClient({
    authEndpoint: async (room) => {
      const res = await fetch(`${appUrl}/liveblocks-auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ room, coding: codingRoomId }),
      });
      return (await res.json()) as { token: string };
    },
    baseUrl: appUrl,
    polyfills: { WebSocket: browserLikeSocket(new URL(appUrl).origin) as never },
    throttle: 16,
  });
  const { room, leave } = client.enterRoom(roomId, { initialPresence: {} });
  const provider = getYjsProviderForRoom(room);
  await until('the room document synced', () => provider.synced);
  const root = provider.getYDoc() as unknown as YDoc;
  return {
    root,
    room,
    forceEdit(fileId, change) {
      const doc = root.getMap<YDoc>(ROOT_FILES_MAP).get(fileId)!;
      const before = Y.encodeStateVector(doc);
      change(doc.getText(FILE_TEXT));
      room.updateYDoc(Buffer.from(Y.encodeStateAsUpdate(doc, before)).toString('base64'), fileId);
    },
    async text(fileId) {
      const files = root.getMap<YDoc>(ROOT_FILES_MAP);
      await until(`file ${fileId} registered`, () => files.has(fileId));
      const doc = files.get(fileId)!;
      doc.load();
      await until(`file ${fileId} synced`, () => provider.subdocHandlers.get(fileId)?.synced === true);
      return doc.getText(FILE_TEXT);
    },
    leave() {
      leave();
      client.logout();
    },
  };
}

/** Polls `check` every 20 ms for up to `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
