/**
 * The Liveblocks proxy against a fake dev server that records what reaches it: only minted tokens pass, for
 * their own room; cookies never go up, cookies and CORS grants never come back; a reader's writes stop here.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pino from 'pino';
import WebSocket, { WebSocketServer } from 'ws';
import { testEnv } from '../../../../test/services';
import { LiveblocksGrants } from './liveblocks-grants';
import { createLiveblocksProxy, isSocketPath } from './liveblocks-proxy';
import { readerFrame } from './read-only-relay';

const room = `project:${randomUUID()}`;
const upstreamSeen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const upstreamFrames: string[] = [];
let upstream: Server;
let app: Server;
let redis: Redis;
let grants: LiveblocksGrants;
let port: number;

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const token = (name: string) =>
  `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ name, exp: Date.now() / 1000 + 600 })).toString('base64url')}.`;
const writer = token('writer');
const reader = token('reader');

beforeAll(async () => {
  upstream = createServer((req, res) => {
    upstreamSeen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'lb=1', 'access-control-allow-origin': '*' }).end('{"ok":true}');
  });
  const sockets = new WebSocketServer({ server: upstream });
  sockets.on('connection', (ws, req) => {
    upstreamSeen.push({ url: req.url ?? '', headers: req.headers });
    ws.send('{"type":104}');
    ws.on('message', (data) => upstreamFrames.push(String(data)));
  });
  const upstreamPort = await listen(upstream);
  redis = new Redis(testEnv().redisUrl);
  grants = new LiveblocksGrants(redis);
  await grants.record(writer, { room, access: 'write' });
  await grants.record(reader, { room, access: 'read' });
  const proxy = createLiveblocksProxy(`http://127.0.0.1:${upstreamPort}`, grants, pino({ level: 'silent' }));
  app = createServer((req, res) => void proxy.http(req, res));
  app.on('upgrade', (req, socket, head) => (isSocketPath(req.url) ? void proxy.upgrade(req, socket, head) : socket.destroy()));
  port = await listen(app);
});
afterAll(async () => {
  for (const server of [app, upstream]) await new Promise((resolve) => server.close(resolve));
  redis.disconnect();
});

/** One request with a raw request target (no URL normalisation on the way). */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, method, path, headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    })
      .on('error', reject)
      .on('timeout', () => reject(new Error(`no answer to ${method} ${path}`)))
      .end();
  });
}

const roomPath = (r = room, rest = '/versions') => `/v2/c/rooms/${encodeURIComponent(r)}${rest}`;
const bearer = (t: string) => ({ authorization: `Bearer ${t}`, cookie: 'atelier_session=secret; other=1' });

describe('HTTP /v2/c', () => {
  it('forwards a minted token’s request on its room without cookies, and strips cookies and CORS from the answer', async () => {
    const answer = await send('GET', `${roomPath()}?limit=5`, bearer(reader));
    expect(answer).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const seen = upstreamSeen.at(-1)!;
    expect(seen.url).toBe(`${roomPath()}?limit=5`);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers.authorization).toBe(`Bearer ${reader}`);
    expect(seen.headers.host).toBe(`127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    expect((await send('POST', roomPath(), bearer(writer))).status).toBe(200);
  });

  it('refuses unknown and forged tokens, another room, non-room paths and a reader’s writes', async () => {
    const before = upstreamSeen.length;
    expect((await send('GET', roomPath())).status).toBe(403);
    expect((await send('GET', roomPath(), bearer(token('forged')))).status).toBe(403);
    expect((await send('GET', roomPath(`project:${randomUUID()}`), bearer(writer))).status).toBe(403);
    expect((await send('GET', '/v2/c/inbox-notifications', bearer(writer))).status).toBe(403);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect((await send(method, roomPath(), bearer(reader))).status).toBe(403);
    expect(upstreamSeen.length).toBe(before);
  });

  it('refuses every spelling that could leave /v2/c once decoded (404), without asking upstream', async () => {
    const before = upstreamSeen.length;
    const r = encodeURIComponent(room);
    for (const path of [
      `/v2/c/rooms/${r}/../../../v2/rooms`,
      `/v2/c/rooms/${r}/%2e%2e/%2E%2E/x`,
      `/v2/c/rooms/${r}%2f..%2fx`,
      `/v2/c/rooms/${r}\\..\\x`,
      `/v2/c//rooms/${r}/x`,
      '/v2/rooms',
      '/v8',
    ]) {
      expect([path, (await send('GET', path, bearer(writer))).status]).toEqual([path, 404]);
    }
    expect(upstreamSeen.length).toBe(before);
  });
});

/** Opens the room socket through the proxy; resolves with the socket and its first message, or the close code. */
function open(tok: string, roomId = room): Promise<{ ws: WebSocket; first?: string; close?: number }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/v8?roomId=${encodeURIComponent(roomId)}&tok=${tok}`, {
    headers: { cookie: 'atelier_session=secret' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer on the room socket with ${tok}`)), 10_000);
    ws.once('message', (data) => resolve({ ws, first: String(data) }));
    ws.once('close', (code) => resolve({ ws, close: code }));
    ws.once('error', (error) => reject(error));
    ws.once('message', () => clearTimeout(timer)).once('close', () => clearTimeout(timer));
  });
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('WebSocket /v8', () => {
  it('pipes a writer’s socket both ways, every message, without cookies', async () => {
    const { ws, first } = await open(writer);
    expect(first).toBe('{"type":104}');
    expect(upstreamSeen.at(-1)!.headers.cookie).toBeUndefined();
    upstreamFrames.length = 0;
    ws.send('[{"type":100,"data":{}},{"type":301,"update":"AA=="}]');
    await settle();
    expect(upstreamFrames).toEqual(['[{"type":100,"data":{}},{"type":301,"update":"AA=="}]']);
    ws.close();
  });

  it('lets a reader fetch, ping and show presence, and drops every write before it leaves', async () => {
    const { ws, first } = await open(reader);
    expect(first).toBe('{"type":104}');
    expect(upstreamSeen.at(-1)!.headers.cookie).toBeUndefined();
    upstreamFrames.length = 0;
    ws.send('ping');
    ws.send('{"type":301,"update":"AA==","guid":"x"}');
    ws.send('[{"type":100,"data":{"fileId":"f"}},{"type":301,"update":"AA=="},{"type":201,"ops":[]},{"type":300,"vector":""}]');
    ws.send(Buffer.from('binary'), { binary: true });
    ws.send('not json');
    await settle();
    expect(upstreamFrames).toEqual(['ping', '[{"type":100,"data":{"fileId":"f"}},{"type":300,"vector":""}]']);
    ws.close();
  });

  it('closes for a token it did not mint (4109: fetch a new one) and for another room (4001)', async () => {
    expect((await open(token('forged'))).close).toBe(4109);
    expect((await open(writer, `project:${randomUUID()}`)).close).toBe(4001);
  });
});

describe('when the grants cannot be read (Redis down)', () => {
  it('answers 503 over HTTP and closes the socket with 1013 (try again later)', async () => {
    const down = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const proxy = createLiveblocksProxy(
      `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      new LiveblocksGrants(down),
      pino({ level: 'silent' }),
    );
    const server = createServer((req, res) => void proxy.http(req, res));
    server.on('upgrade', (req, socket, head) => void proxy.upgrade(req, socket, head));
    const downPort = await listen(server);
    const answer = await new Promise<number>((resolve) =>
      request({ host: '127.0.0.1', port: downPort, path: roomPath(), headers: bearer(writer) }, (res) =>
        resolve(res.statusCode ?? 0),
      ).end(),
    );
    expect(answer).toBe(503);
    const ws = new WebSocket(`ws://127.0.0.1:${downPort}/v8?roomId=${encodeURIComponent(room)}&tok=${writer}`);
    expect(await new Promise((resolve) => ws.once('close', resolve))).toBe(1013);
    await new Promise((resolve) => server.close(resolve));
    down.disconnect();
  });
});

test('readerFrame keeps only what a reader may send', () => {
  expect(readerFrame('ping')).toBe('ping');
  expect(readerFrame('{"type":100,"data":{}}')).toBe('{"type":100,"data":{}}');
  expect(readerFrame('{"type":301}')).toBeNull();
  expect(readerFrame('[{"type":201},{"type":512}]')).toBeNull();
  expect(readerFrame('[{"type":"100"},null,1,{"type":103}]')).toBe('[{"type":103}]');
  expect(readerFrame('{')).toBeNull();
});
