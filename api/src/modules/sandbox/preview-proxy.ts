import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { PreviewInfo } from '../../../../sandbox/types';
import { SESSION_COOKIE } from '../auth/session-cookie';

/** Headers forwarded to a preview: hop-by-hop ones and the platform's session cookie are dropped. */
export function previewHeaders(req: IncomingMessage, prefix: string, keepUpgrade = false): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...req.headers };
  for (const name of ['host', 'connection', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', ...(keepUpgrade ? [] : ['upgrade'])]) delete headers[name];
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${SESSION_COOKIE}=`))
    .join('; ');
  if (cookie) headers.cookie = cookie;
  else delete headers.cookie;
  headers['x-forwarded-prefix'] = prefix;
  headers.host = 'localhost';
  return headers;
}

/** Forwards one HTTP request to the preview server and streams the answer back. */
export function proxyPreviewRequest(target: PreviewInfo['target'], req: IncomingMessage, res: ServerResponse, path: string, prefix: string): void {
  const headers = previewHeaders(req, prefix);
  const options = { method: req.method, path, headers };
  const upstream =
    'socketPath' in target
      ? httpRequest({ ...options, socketPath: target.socketPath })
      : httpsRequest(new URL(path, target.url), { method: req.method, headers: { ...headers, host: new URL(target.url).host } });
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('The preview server is not answering.\n');
    else res.destroy();
  });
  req.pipe(upstream);
}

/** Forwards a WebSocket upgrade (hot reload) to the preview server as raw bytes. */
export function proxyPreviewUpgrade(target: PreviewInfo['target'], req: IncomingMessage, socket: Socket, head: Buffer, path: string, prefix: string): void {
  const upstream: Socket =
    'socketPath' in target ? netConnect(target.socketPath) : tlsConnect({ host: new URL(target.url).hostname, port: 443, servername: new URL(target.url).hostname });
  const headers = previewHeaders(req, prefix, true);
  if (!('socketPath' in target)) headers.host = new URL(target.url).host;
  headers.connection = 'Upgrade';
  const lines = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : v === undefined ? [] : [`${k}: ${v}`]));
  upstream.write(`${req.method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
  if (head.length) upstream.write(head);
  upstream.pipe(socket);
  socket.pipe(upstream);
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
  upstream.on('close', close);
  socket.on('close', close);
}
