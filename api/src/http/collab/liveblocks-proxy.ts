/**
 * Forwards the browser's Liveblocks traffic to the embedded dev server, so the browser only ever talks to the
 * app's origin: the room socket (`/v8?roomId=…&tok=…`) and the client's REST calls (`/v2/c/rooms/<room>/…`).
 * Nothing else of the dev server is reachable this way, in particular not its secret-key REST API.
 * The dev server trusts any well-formed token, so the proxy admits only tokens `/liveblocks-auth` minted
 * (liveblocks-grants.ts), for their own room, and relays a reader's socket through a filter
 * (read-only-relay.ts). Raw node:http otherwise, as the preview proxy does; the app's cookies never go upstream.
 */
import {
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { LiveblocksGrant, LiveblocksGrants } from './liveblocks-grants';
import { relayReader } from './read-only-relay';

/** RFC 9110 §7.6.1 connection-specific fields, plus the ones proxies commonly misuse. */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/** The room socket's path (the client sets it absolutely: a prefix on its baseUrl is dropped). */
export const LIVEBLOCKS_SOCKET_PATH = '/v8';
const REST_PREFIX = '/v2/c/';

/**
 * The request target to forward for a `/v2/c/…` URL, or null. Dot segments and encoded slashes, dots or
 * backslashes are refused, so no spelling reaches a path outside `/v2/c/` once the dev server decodes it.
 */
export function restTarget(url: string | undefined): string | null {
  if (!url) return null;
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.startsWith(REST_PREFIX) || /%2e|%2f|%5c|\\|\/\/|\/\.\.?(\/|$)/i.test(path)) return null;
  return url;
}

/** Whether an upgrade asks for the room socket. */
export function isSocketPath(url: string | undefined): boolean {
  return (url ?? '').split('?')[0] === LIVEBLOCKS_SOCKET_PATH;
}

function withoutHopByHop(headers: IncomingHttpHeaders, keepUpgrade: boolean): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const out: OutgoingHttpHeaders = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) if (!(keepUpgrade && (name === 'upgrade' || name === 'connection'))) delete out[name];
  return out;
}

/** Upstream request headers: no cookies (the dev server needs none, and the session is not its business). */
function upstreamHeaders(req: IncomingMessage, upgrade: boolean): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers, false);
  delete headers.cookie;
  delete headers.host;
  if (upgrade) Object.assign(headers, { connection: 'Upgrade', upgrade: req.headers.upgrade });
  return headers;
}

/** Answer headers: no cookies and no CORS grants (the browser calls same-origin; other sites get nothing). */
function answerHeaders(headers: IncomingHttpHeaders, upgrade: boolean): OutgoingHttpHeaders {
  const out = withoutHopByHop(headers, upgrade);
  delete out['set-cookie'];
  for (const name of Object.keys(out)) if (name.startsWith('access-control-')) delete out[name];
  return out;
}

export interface LiveblocksProxy {
  /** Forwards one `/v2/c/…` request of a token this app minted, for its own room, and streams the answer back. */
  http(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Forwards a `/v8` upgrade of a token this app minted: a writer's socket piped, a reader's relayed through the filter. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
}

/** The room a `/v2/c/rooms/<room>/…` target names, or null. */
function roomOfTarget(target: string): string | null {
  const segment = /^\/v2\/c\/rooms\/([^/?]+)(?:[/?]|$)/.exec(target)?.[1];
  try {
    return segment ? decodeURIComponent(segment) : null;
  } catch {
    return null;
  }
}

function refuseHttp(res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ error }));
}

/**
 * Called for each admitted room socket: the caller re-checks its access for as long as it is open, and calls
 * `close` when it is gone. The Liveblocks client keeps using a cached token after any close, so `close` sends
 * 4001 ("not allowed": the client stops instead of retrying the same token); the app then enters anew with a
 * fresh token (read-only, or none).
 */
export type WatchSocket = (admitted: {
  grant: LiveblocksGrant;
  token: string;
  socket: Duplex;
  close(code: number, reason: string): void;
}) => void;

/** A server-to-client WebSocket close frame (unmasked), for a socket that is piped raw. */
function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason.slice(0, 100));
  return Buffer.concat([Buffer.from([0x88, 2 + text.length, code >> 8, code & 0xff]), text]);
}

/** A proxy to the Liveblocks dev server at `baseUrl` (LIVEBLOCKS_BASE_URL). */
export function createLiveblocksProxy(baseUrl: string, grants: LiveblocksGrants, logger: Logger, watch?: WatchSocket): LiveblocksProxy {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  const socketBase = `${secure ? 'wss' : 'ws'}://${base.host}`;
  // A reader's frames are small (presence, fetches); refusals are closed through it too.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  // The target is sent as the request target on the upstream's own host, never resolved against a URL.
  const upstream = (method: string | undefined, path: string, headers: OutgoingHttpHeaders): ClientRequest =>
    (secure ? httpsRequest : httpRequest)({
      hostname: base.hostname,
      port: base.port || (secure ? 443 : 80),
      method,
      path,
      headers: { ...headers, host: base.host },
    });
  const lookup = (token: string | null | undefined) =>
    grants.lookup(token).catch((error: unknown) => {
      logger.warn({ err: error }, 'Liveblocks grants unavailable');
      return 'unavailable' as const;
    });

  const forwardHttp = (req: IncomingMessage, res: ServerResponse, target: string) => {
    const forward = upstream(req.method, target, upstreamHeaders(req, false));
    forward.setTimeout(30_000, () => forward.destroy(new Error('Liveblocks did not answer in 30 s')));
    forward.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answerHeaders(answer.headers, false));
      answer.pipe(res);
    });
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Live collaboration is not answering.\n');
      else res.destroy();
    });
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  };

  const pipeWriter = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    onOpen: (close: (code: number, reason: string) => void) => void,
  ) => {
    const forward = upstream(req.method, req.url ?? LIVEBLOCKS_SOCKET_PATH, upstreamHeaders(req, true));
    const statusLine = (answer: IncomingMessage) => `HTTP/1.1 ${answer.statusCode ?? 502} ${answer.statusMessage ?? ''}`;
    forward.on('upgrade', (answer: IncomingMessage, upSocket: Duplex, upHead: Buffer) => {
      socket.write(`${statusLine(answer)}\r\n${headerLines(answerHeaders(answer.headers, true))}\r\n`);
      if (upHead.length) socket.write(upHead);
      if (head.length) upSocket.write(head);
      upSocket.pipe(socket);
      socket.pipe(upSocket);
      const close = () => {
        upSocket.destroy();
        socket.destroy();
      };
      for (const s of [upSocket, socket]) s.on('error', close).on('close', close);
      onOpen((code, reason) => {
        upSocket.unpipe(socket);
        socket.end(closeFrame(code, reason));
        upSocket.destroy();
      });
    });
    forward.on('response', (answer) => {
      answer.resume();
      socket.end(`${statusLine(answer)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    });
    forward.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
    socket.on('error', () => forward.destroy());
    forward.end();
  };

  return {
    async http(req, res) {
      const target = restTarget(req.url);
      if (!target) return refuseHttp(res, 404, 'Not found');
      const authorization = req.headers.authorization ?? '';
      const grant = await lookup(authorization.startsWith('Bearer ') ? authorization.slice(7) : null);
      if (grant === 'unavailable') return refuseHttp(res, 503, 'Live collaboration is unavailable right now.');
      if (!grant || roomOfTarget(target) !== grant.room) return refuseHttp(res, 403, 'Not allowed');
      if (grant.access === 'read' && req.method !== 'GET' && req.method !== 'HEAD') return refuseHttp(res, 403, 'Read-only access');
      forwardHttp(req, res, target);
    },
    async upgrade(req, socket, head) {
      const query = new URL(req.url ?? '/', 'http://proxy').searchParams;
      const grant = await lookup(query.get('tok'));
      // Close codes the Liveblocks client acts on: 1013 retries, 41xx fetches a new token, 4001 stops.
      const closeWith = (code: number, reason: string) => sockets.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
      if (grant === 'unavailable') return closeWith(1013, 'Try again later');
      if (!grant) return closeWith(4109, 'Unknown or expired token');
      if (grant.room !== query.get('roomId')) return closeWith(4001, 'Not allowed in this room');
      let closer: ((code: number, reason: string) => void) | null = null;
      const opened = (close: (code: number, reason: string) => void) => void (closer = close);
      watch?.({ grant, token: query.get('tok')!, socket, close: (code, reason) => (closer ? closer(code, reason) : socket.destroy()) });
      if (grant.access === 'write') return pipeWriter(req, socket, head, opened);
      relayReader(req, socket, head, `${socketBase}${req.url ?? LIVEBLOCKS_SOCKET_PATH}`, sockets, opened);
    },
  };
}

function headerLines(headers: OutgoingHttpHeaders): string {
  return Object.entries(headers)
    .flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => `${k}: ${x}\r\n`) : [`${k}: ${String(v)}\r\n`]))
    .join('');
}
