/**
 * DNS rebinding (issue 11, item 2): a page on `rebind.attacker.example`, whose name the attacker re-points
 * at 127.0.0.1, is same-origin with the API in the victim's browser. The API must refuse every request and
 * WebSocket upgrade whose Host is not one of its own names, and every upgrade from an origin not its own.
 * Real server on port 0, real single-user mode, a real sandbox with a real shell behind `/terminal/<id>`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createHostGuard } from '../../api/src/http/host-guard';
import { Project } from '../../core/project/project.entity';
import { LOCAL_USER_ID } from '../../core/user/user.entity';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { createStack, type Stack } from '../harness';

let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let base: string;
let port: number;
let sandboxId: string;
const dist = mkdtempSync(join(tmpdir(), 'atelier-dist-'));

beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atelier</title>');
  writeFileSync(join(dist, 'main.js'), 'console.log("app")');
  local = testLocalBackend();
  stack = await createStack({
    clientDist: dist,
    sandboxBackend: local.backend,
    config: { ATELIER_PUBLIC_URL: 'https://atelier.example.com', ATELIER_ALLOWED_HOSTS: 'ide.example.org, lan-box:8080' },
  });
  base = await stack.app.listen(0, '127.0.0.1');
  port = Number(new URL(base).port);
  // No account exists: the platform runs in single-user mode, so whoever gets through is the local user.
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: LOCAL_USER_ID, name: 'Rebound', framework: 'express' });
  await em.flush();
  sandboxId = (await stack.sandboxes!.create({ projectId: project.id, ownerId: LOCAL_USER_ID, runtime: 'node' })).record.id;
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
  rmSync(dist, { recursive: true, force: true });
});

const attacker = () => `rebind.attacker.example:${port}`;

/** One HTTP request to the API's socket with a chosen Host header, as a rebound browser sends it. */
function send(host: string, path: string, body?: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...(body ? { 'content-type': 'application/json' } : {}) };
    request(`${base}${path}`, { method: body ? 'POST' : 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, type: res.headers['content-type'] }));
    })
      .on('error', reject)
      .end(body);
  });
}

const query = JSON.stringify({ query: '{ authState { accountsExist viewer { id } } }' });

/** Opens a WebSocket with a chosen Host and Origin; resolves 'open' or the refusal status. */
function upgrade(path: string, host: string, origin: string | undefined, protocol?: string): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`, protocol, { headers: { host }, origin });
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
    ws.once('error', (error) => resolve(`error ${error.message}`));
  });
}

describe('a rebound Host is refused', () => {
  test('GraphQL over HTTP', async () => {
    const res = await send(attacker(), '/graphql', query);
    expect(res.status).toBe(421);
    expect(res.type).toMatch(/^text\/plain/);
    expect(res.body).not.toMatch(/accountsExist|at .*\.ts/);
  });

  test('a static file and a deep link of the web app', async () => {
    expect((await send(attacker(), '/main.js')).status).toBe(421);
    expect((await send(attacker(), '/projects')).status).toBe(421);
  });

  test('the graphql-ws subscription socket', async () => {
    expect(await upgrade('/graphql', attacker(), `http://${attacker()}`, 'graphql-transport-ws')).toBe('refused 421');
  });

  test('the sandbox terminal socket (a live shell in single-user mode)', async () => {
    expect(await upgrade(`/terminal/${sandboxId}`, attacker(), `http://${attacker()}`)).toBe('refused 421');
  });

  test('loopback names on another port, and names that only look like ours', async () => {
    for (const host of [
      `localhost:${port + 1}`,
      `127.0.0.1:${port + 1}`,
      'atelier.example.com.attacker.example',
      `localhost.attacker.example:${port}`,
      `user@127.0.0.1:${port}`,
    ]) {
      expect([host, (await send(host, '/graphql', query)).status]).toEqual([host, 421]);
    }
  });
});

describe('an allowed Host is served', () => {
  test.each([
    () => `127.0.0.1:${port}`,
    () => `localhost:${port}`,
    () => `LocalHost:${port}`,
    () => `[::1]:${port}`,
    () => `127.0.0.2:${port}`,
    () => 'atelier.example.com',
    () => 'atelier.example.com:443',
    () => 'ide.example.org:9000',
    () => 'lan-box:8080',
  ])('%#', async (host) => {
    const res = await send(host(), '/graphql', query);
    expect([host(), res.status]).toEqual([host(), 200]);
    expect(JSON.parse(res.body).data.authState.accountsExist).toBe(false);
    expect((await send(host(), '/projects')).status).toBe(200);
  });

  test('WebSockets from our own origins, and from clients that send no Origin', async () => {
    expect(await upgrade('/graphql', `127.0.0.1:${port}`, `http://127.0.0.1:${port}`, 'graphql-transport-ws')).toBe('open');
    expect(await upgrade('/graphql', `localhost:${port}`, `http://localhost:${port}`, 'graphql-transport-ws')).toBe('open');
    expect(await upgrade('/graphql', 'atelier.example.com', 'https://atelier.example.com', 'graphql-transport-ws')).toBe('open');
    expect(await upgrade('/graphql', `127.0.0.1:${port}`, undefined, 'graphql-transport-ws')).toBe('open');
    expect(await upgrade(`/terminal/${sandboxId}`, `127.0.0.1:${port}`, `http://127.0.0.1:${port}`)).toBe('open');
  });
});

describe('an allowed Host with a foreign Origin is refused', () => {
  test.each([
    () => `http://${attacker()}`,
    () => 'https://evil.example',
    () => `http://localhost:${port + 1}`,
    // The public origin is https: the same name over plain http is another origin.
    () => 'http://atelier.example.com',
    () => 'null',
  ])('%#', async (origin) => {
    expect(await upgrade('/graphql', `127.0.0.1:${port}`, origin(), 'graphql-transport-ws')).toBe('refused 403');
    expect(await upgrade(`/terminal/${sandboxId}`, `127.0.0.1:${port}`, origin())).toBe('refused 403');
  });
});

describe('on a wildcard bind (HOST=0.0.0.0)', () => {
  // An IP literal cannot be re-pointed by DNS, so this machine's own addresses are safe to answer to.
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  test('answers to the IPs of its interfaces on its port, and to nothing else', () => {
    const wildcard = createHostGuard({ port: () => 4000, bindHost: () => '0.0.0.0' });
    const loopbackOnly = createHostGuard({ port: () => 4000, bindHost: () => '127.0.0.1' });
    if (lan) {
      expect([wildcard.allowsHost(`${lan}:4000`), wildcard.allowsOrigin(`http://${lan}:4000`)]).toEqual([true, true]);
      expect([wildcard.allowsHost(`${lan}:4001`), loopbackOnly.allowsHost(`${lan}:4000`)]).toEqual([false, false]);
    }
    expect(wildcard.allowsHost('rebind.attacker.example:4000')).toBe(false);
    expect(wildcard.allowsHost('0.0.0.0:4000')).toBe(false);
    expect(wildcard.allowsOrigin('http://rebind.attacker.example:4000')).toBe(false);
  });
});
