/**
 * The room socket of a reader: relayed message by message, so that what the dev server would accept from any
 * token (it checks no scopes on writes) never reaches it from a read-only one. Liveblocks Cloud enforces the
 * same rule itself; the relay makes the embedded dev server behave like it.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { type RawData, type WebSocketServer } from 'ws';

/**
 * Liveblocks client messages (`ClientMsgCode` in @liveblocks/core) a reader may send: presence and
 * broadcast events, and fetching storage, documents and feeds. Everything else writes.
 */
const READER_MESSAGES = new Set([100, 103, 200, 300, 510, 511]);

/**
 * The part of a client frame a reader may send, or null to drop it whole. Frames are `ping` or JSON: one
 * message or an array of them.
 */
export function readerFrame(frame: string): string | null {
  if (frame === 'ping') return frame;
  let parsed: unknown;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return null;
  }
  const allowed = (m: unknown) => typeof m === 'object' && m !== null && READER_MESSAGES.has((m as { type?: unknown }).type as number);
  if (!Array.isArray(parsed)) return allowed(parsed) ? frame : null;
  const kept = parsed.filter(allowed);
  if (kept.length === 0) return null;
  return kept.length === parsed.length ? frame : JSON.stringify(kept);
}

/** A close code that may be sent on a socket (1005, 1006 and 1015 only describe what happened). */
const sendable = (code: number) => (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) || (code >= 3000 && code <= 4999);

/**
 * Opens the upstream socket first, then completes the browser's handshake, so an upstream refusal reaches the
 * browser as the same HTTP status. `upstreamUrl` is the dev server's ws:// URL with the request's path and query.
 */
export function relayReader(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  upstreamUrl: string,
  sockets: WebSocketServer,
  onOpen: (close: (code: number, reason: string) => void) => void = () => undefined,
): void {
  const upstream = new WebSocket(upstreamUrl, { maxPayload: 64 * 1024 * 1024 });
  const early: Array<[RawData, boolean]> = [];
  const buffer = (data: RawData, isBinary: boolean) => void early.push([data, isBinary]);
  upstream.on('message', buffer);
  upstream.once('unexpected-response', (_request, answer) => {
    answer.resume();
    socket.end(`HTTP/1.1 ${answer.statusCode ?? 502} ${answer.statusMessage ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  upstream.once('error', () => {
    if (socket.writable) socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  let upgraded = false;
  // The browser gave up before the dev server answered: nothing is left to relay for.
  socket.once('close', () => upgraded || upstream.terminate());
  socket.once('error', () => upstream.terminate());
  upstream.once('open', () =>
    sockets.handleUpgrade(req, socket, head, (client) => {
      upgraded = true;
      upstream.off('message', buffer);
      upstream.removeAllListeners('error');
      for (const [data, isBinary] of early) client.send(data, { binary: isBinary });
      upstream.on('message', (data, isBinary) => client.send(data, { binary: isBinary }));
      client.on('message', (data, isBinary) => {
        const kept = isBinary ? null : readerFrame(data.toString());
        if (kept !== null && upstream.readyState === WebSocket.OPEN) upstream.send(kept);
      });
      client.on('close', (code, reason) => upstream.close(sendable(code) ? code : 1000, reason));
      upstream.on('close', (code, reason) => client.close(sendable(code) ? code : 1011, reason));
      client.on('error', () => upstream.terminate());
      upstream.on('error', () => client.terminate());
      onOpen((code, reason) => client.close(code, reason));
    }),
  );
}
