import { createServer, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from 'pino';
import type { PreviewInfo } from '../../../../sandbox/types';

/** RFC 9110 §7.6.1 connection-specific fields, plus the ones proxies commonly misuse. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/**
 * Response fields a preview must not send: ones that reach beyond its own page (a service worker's
 * scope, wiping the site's data, pinning HTTPS, alternative services).
 */
const FORBIDDEN_RESPONSE = ['service-worker-allowed', 'clear-site-data', 'strict-transport-security', 'alt-svc', 'public-key-pins', 'nel', 'report-to'];

/** What the preview listener tells the proxy about itself. */
export interface ProxyOptions {
  /** Cookie names the platform owns (session, preview grant): never forwarded, never set by a preview. */
  readonly reservedCookies: readonly string[];
  /** Fields added to every response (the preview origin's frame-ancestors). */
  readonly responseHeaders: OutgoingHttpHeaders;
}

function dropHopByHop(headers: IncomingHttpHeaders, keepUpgrade: boolean): Record<string, string | string[] | undefined> {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean);
  const out: Record<string, string | string[] | undefined> = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) if (!(keepUpgrade && (name === 'upgrade' || name === 'connection'))) delete out[name];
  return out;
}

/** Headers forwarded to a preview: hop-by-hop ones and the platform's cookies are dropped. */
export function previewRequestHeaders(req: IncomingMessage, options: ProxyOptions, upgrade = false): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = dropHopByHop(req.headers, false);
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !options.reservedCookies.some((name) => c.startsWith(`${name}=`)))
    .join('; ');
  if (cookie) headers.cookie = cookie;
  else delete headers.cookie;
  if (upgrade) Object.assign(headers, { connection: 'Upgrade', upgrade: req.headers.upgrade });
  // The Host a preview sees is set per target in upstreamRequest, never the browser's.
  delete headers.host;
  return headers;
}

/** The preview's answer headers without hop-by-hop fields, platform-reaching fields and cookie tricks. */
export function previewResponseHeaders(headers: IncomingHttpHeaders, options: ProxyOptions, upgrade = false): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = dropHopByHop(headers, upgrade);
  for (const name of FORBIDDEN_RESPONSE) delete out[name];
  const cookies = (headers['set-cookie'] ?? []).filter((line) => {
    const name = line.slice(0, line.indexOf('=')).trim();
    // A Domain attribute widens a cookie to sibling previews (or the app, on a shared parent domain).
    return !options.reservedCookies.includes(name) && !/;\s*domain\s*=/i.test(line);
  });
  if (cookies.length) out['set-cookie'] = cookies;
  else delete out['set-cookie'];
  return { ...out, ...options.responseHeaders };
}

/**
 * A request to the preview server. For a URL target the path is sent as the request target on the
 * target's own host: it is never resolved against the URL, where `//other.host/x` would pick another host.
 */
function upstreamRequest(target: PreviewInfo['target'], method: string | undefined, path: string, headers: OutgoingHttpHeaders): ClientRequest {
  if ('socketPath' in target) return httpRequest({ socketPath: target.socketPath, method, path, headers: { ...headers, host: 'localhost' } });
  const base = new URL(target.url);
  return httpsRequest({ hostname: base.hostname, port: base.port || 443, servername: base.hostname, method, path, headers: { ...headers, host: base.host } });
}

/** Forwards one HTTP request to the preview server and streams the answer back. */
export function proxyPreviewRequest(target: PreviewInfo['target'], req: IncomingMessage, res: ServerResponse, path: string, options: ProxyOptions): void {
  const upstream = upstreamRequest(target, req.method, path, previewRequestHeaders(req, options));
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, previewResponseHeaders(answer.headers, options));
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain', ...options.responseHeaders }).end('The preview server is not answering.\n');
    else res.destroy();
  });
  req.pipe(upstream);
}

/** Forwards a WebSocket upgrade (hot reload); the 101 answer's headers are filtered like any other. */
export function proxyPreviewUpgrade(target: PreviewInfo['target'], req: IncomingMessage, socket: Socket, head: Buffer, path: string, options: ProxyOptions): void {
  const upstream = upstreamRequest(target, req.method, path, previewRequestHeaders(req, options, true));
  const statusLine = (res: IncomingMessage) => `HTTP/1.1 ${res.statusCode ?? 502} ${res.statusMessage ?? ''}`;
  upstream.on('upgrade', (answer: IncomingMessage, upSocket: Socket, upHead: Buffer) => {
    socket.write(`${statusLine(answer)}\r\n${headerLines(previewResponseHeaders(answer.headers, options, true))}\r\n`);
    if (upHead.length) socket.write(upHead);
    if (head.length) upSocket.write(head);
    upSocket.pipe(socket);
    socket.pipe(upSocket);
    const close = () => {
      upSocket.destroy();
      socket.destroy();
    };
    for (const s of [upSocket, socket]) s.on('error', close).on('close', close);
  });
  upstream.on('response', (answer) => {
    answer.resume();
    socket.end(`${statusLine(answer)}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  upstream.on('error', () => socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'));
  socket.on('error', () => upstream.destroy());
  upstream.end();
}

function headerLines(headers: OutgoingHttpHeaders): string {
  return Object.entries(headers)
    .flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => `${k}: ${x}\r\n`) : [`${k}: ${String(v)}\r\n`]))
    .join('');
}

const SOCKET_REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** Refuses a WebSocket upgrade with a bare HTTP status (nothing else can be said on a socket before the upgrade). */
export function refuseSocket(socket: Socket, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${SOCKET_REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface ProxyListenerHandlers {
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void>;
  /** The answer when `serve` throws before any header went out. */
  failed(res: ServerResponse): void;
  /** The status when `upgrade` throws. */
  failedUpgradeStatus: number;
  /** The log lines for a failed request and a failed upgrade. */
  logs: { readonly request: string; readonly upgrade: string };
  logger: Logger;
  /** Told the bound port once listening (the origin depends on it). */
  listening(port: number): void;
}

export interface ProxyListener {
  readonly server: Server;
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A listener for proxied hosts (sandbox previews, deployed apps): requests and WebSocket upgrades go to the
 * handlers; a handler that throws is logged and answered (never a stack trace), and close ends open sockets.
 */
export function createProxyListener(handlers: ProxyListenerHandlers): ProxyListener {
  const server = createServer((req, res) => {
    handlers.serve(req, res).catch((error: unknown) => {
      handlers.logger.warn({ err: error }, handlers.logs.request);
      if (!res.headersSent) handlers.failed(res);
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    handlers.upgrade(req, socket, head).catch((error: unknown) => {
      handlers.logger.warn({ err: error }, handlers.logs.upgrade);
      refuseSocket(socket, handlers.failedUpgradeStatus);
    });
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          handlers.listening((server.address() as AddressInfo).port);
          resolve();
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
