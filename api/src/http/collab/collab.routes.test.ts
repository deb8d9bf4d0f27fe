/**
 * The Liveblocks routes mounted in the real app: the proxy reaches the real dev server through the app's
 * origin, behind the host guard and the Origin check like every WebSocket; without a dev server to proxy,
 * its paths are 404 and other upgrades still reach their listeners.
 */
import { request } from 'node:http';
import WebSocket from 'ws';
import { projectRoomId } from '../../../../contracts/collab';
import { Project } from '../../../../core/project/project.entity';
import { LOCAL_USER_ID } from '../../../../core/user/user.entity';
import { createStack, type Stack } from '../../../../test/harness';
import { testLiveblocks } from '../../../../test/services';

let proxied: Stack;
let plain: Stack;
let base: string;
let plainBase: string;
let room: string;

beforeAll(async () => {
  [proxied, plain] = await Promise.all([createStack({ config: testLiveblocks() }), createStack({ live: false })]);
  base = await proxied.app.listen(0, '127.0.0.1');
  plainBase = await plain.app.listen(0, '127.0.0.1');
  // No account exists: single-user mode, the local user owns the project.
  const em = proxied.db.orm.em.fork();
  const project = em.create(Project, { owner: LOCAL_USER_ID, name: 'Proxied', framework: 'express' });
  await em.flush();
  room = projectRoomId(project.id);
});
afterAll(async () => {
  await proxied?.dispose();
  await plain?.dispose();
});

async function token(at = base): Promise<{ status: number; token?: string; code?: string }> {
  const res = await fetch(`${at}/liveblocks-auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ room }),
  });
  return { status: res.status, ...((await res.json()) as { token?: string; code?: string }) };
}

/** One HTTP request with a chosen Host header (fetch would not send it). */
function send(
  at: string,
  host: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${at}${path}`, { method, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Opens a WebSocket with a chosen Host and Origin; resolves 'open' or the refusal status. */
function upgrade(at: string, path: string, host: string, origin?: string, protocol?: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${at.replace('http', 'ws')}${path}`, protocol, { headers: { host }, origin });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.once('error', (error) => resolve(`error ${error.message}`));
  });
}

const own = () => new URL(base).host;

describe('with the dev server proxied', () => {
  it('answers a room REST call through the app exactly as the dev server does', async () => {
    const { token: tok } = await token();
    const path = `/v2/c/rooms/${encodeURIComponent(room)}/versions`;
    const headers = { authorization: `Bearer ${tok}` };
    const direct = await fetch(`${testLiveblocks().LIVEBLOCKS_BASE_URL}${path}`, { headers });
    const through = await send(base, own(), 'GET', path, headers);
    expect(through).toEqual({ status: direct.status, body: await direct.text() });
  });

  it('opens the room socket from the app’s own origin, and refuses other sites (403) and foreign Hosts (421)', async () => {
    const { token: tok } = await token();
    const path = `/v8?roomId=${encodeURIComponent(room)}&tok=${tok}&version=3.24.2`;
    expect(await upgrade(base, path, own(), new URL(base).origin)).toBe('open');
    expect(await upgrade(base, path, own(), 'https://evil.example')).toBe('refused 403');
    expect(await upgrade(base, path, 'evil.example', 'http://evil.example')).toBe('refused 421');
  });

  it('refuses a foreign Host on /liveblocks-auth and /v2/c with 421', async () => {
    const { token: tok } = await token();
    expect((await send(base, 'evil.example', 'POST', '/liveblocks-auth', { 'content-type': 'application/json' })).status).toBe(421);
    expect(
      (await send(base, 'evil.example', 'GET', `/v2/c/rooms/${encodeURIComponent(room)}/versions`, { authorization: `Bearer ${tok}` }))
        .status,
    ).toBe(421);
  });

  it('still routes other upgrades to their listeners (graphql-ws)', async () => {
    expect(await upgrade(base, '/graphql', own(), new URL(base).origin, 'graphql-transport-ws')).toBe('open');
  });
});

describe('without a dev server to proxy', () => {
  it('answers /v8 and /v2/c with 404, and /liveblocks-auth with 503 COLLABORATION_UNAVAILABLE when collaboration is off', async () => {
    const host = new URL(plainBase).host;
    expect(await upgrade(plainBase, `/v8?roomId=${encodeURIComponent(room)}&tok=x`, host, new URL(plainBase).origin)).toBe('refused 404');
    expect((await send(plainBase, host, 'GET', `/v2/c/rooms/${encodeURIComponent(room)}/versions`)).status).toBe(404);
    expect(await token(plainBase)).toMatchObject({ status: 503, code: 'COLLABORATION_UNAVAILABLE' });
    expect(await upgrade(plainBase, '/graphql', host, new URL(plainBase).origin, 'graphql-transport-ws')).toBe('open');
  });
});
