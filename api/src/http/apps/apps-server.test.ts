/** The apps listener on real sandboxes: host routing, 404/503, cookies kept apart, upgrades, and host separation. */
import { request } from 'node:http';
import { connect } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Deployment, DeployTarget } from '../../../../core/deploy/deploy.entities';
import { SandboxManager } from '../../../../core/sandbox/sandbox-manager';
import { appSources, deployLive, seedProject } from '../../../../test/fixtures/local-apps';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger, testLimits } from '../../../../test/harness';
import { createHostGuard } from '../host-guard';
import { checkViewerAccess } from '../sandbox/sandbox-access';
import { AppsOrigin } from '../../../../core/deploy/targets/local/apps-origin';
import { createAppsSite, type AppsSite } from './apps-server';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let sandboxes: SandboxManager;
let site: AppsSite;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  sandboxes = new SandboxManager({ orm: db.orm, backend: local.backend, limits: testLimits, idleMs: 60_000, logger: silentLogger });
  site = createAppsSite({ sandboxes, em: () => db.orm.em.fork(), logger: silentLogger });
  await site.listen(0, '127.0.0.1');
  port = (site.server.address() as { port: number }).port;
});
afterAll(async () => {
  await site?.close();
  await local?.dispose();
  await db?.dispose();
});

/** A request to the apps listener naming `host`. */
function get(host: string, path = '/', headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const appHost = (slug: string) => `${slug}.apps.localhost:${port}`;

test('serves the live deployment at <slug>.apps.localhost with its env; other projects get -2', async () => {
  const { projectId } = await seedProject(db.orm, { name: 'Todo App!' });
  const app = await deployLive(db.orm, sandboxes, { projectId, env: { GREETING: 'hi-from-env' } });
  expect(app.slug).toBe('todo-app');
  expect(app.url).toBe('http://todo-app.apps.localhost:4002/');
  const answer = await get(appHost('todo-app'));
  expect(answer).toMatchObject({ status: 200, body: 'hello from the app hi-from-env' });
  expect(site.origin().urlFor('todo-app')).toBe(`http://todo-app.apps.localhost:${port}/`);

  const other = await seedProject(db.orm, { name: 'todo app' });
  const second = await deployLive(db.orm, sandboxes, { projectId: other.projectId, sources: appSources({ body: 'second' }) });
  expect(second.slug).toBe('todo-app-2');
  expect((await get(appHost('todo-app-2'))).body).toBe('second ');
  // A redeploy of the first project keeps its name.
  const again = await deployLive(db.orm, sandboxes, { projectId, sources: appSources({ body: 'redeployed' }) });
  expect(again.slug).toBe('todo-app');
  expect((await get(appHost('todo-app'))).body).toBe('redeployed ');
});

test('unknown apps are 404, other hosts 421; no live deployment or a stopped app is 503', async () => {
  expect((await get(appHost('nobody-here'))).status).toBe(404);
  expect((await get(`-bad-.apps.localhost:${port}`)).status).toBe(404);
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'evil.example', `x.preview.localhost:${port}`]) {
    expect((await get(host)).status).toBe(421);
  }
  const { projectId } = await seedProject(db.orm, { name: 'Stopping' });
  const app = await deployLive(db.orm, sandboxes, { projectId });
  await sandboxes.destroy(app.sandboxId, 'test');
  const stopped = await get(appHost(app.slug));
  expect(stopped).toMatchObject({ status: 503 });
  expect(stopped.body).toContain('This app is stopped.');
  await db.orm.em.fork().nativeUpdate(DeployTarget, { project: projectId, target: 'local' }, { liveDeployment: null });
  expect((await get(appHost(app.slug))).body).toContain('No app is deployed here.');
  expect(await db.orm.em.fork().count(Deployment, { project: projectId })).toBe(1);
});

test('platform cookies never reach an app, and an app cannot set them or widen its own', async () => {
  const { projectId } = await seedProject(db.orm, { name: 'Cookies' });
  const app = await deployLive(db.orm, sandboxes, { projectId });
  const echo = await get(appHost(app.slug), '/echo', { cookie: 'atelier_session=secret; app_cookie=1; __Host-atelier_preview=x' });
  expect(JSON.parse(echo.body)).toEqual({ cookie: 'app_cookie=1', host: 'localhost' });
  const set = await get(appHost(app.slug), '/cookie');
  expect(set.headers['set-cookie']).toEqual(['app_cookie=1; Path=/']);
});

test('WebSocket upgrades reach the app', async () => {
  const { projectId } = await seedProject(db.orm, { name: 'Sockets' });
  const app = await deployLive(db.orm, sandboxes, { projectId });
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (c: Buffer) => (received += c.toString()));
  socket.write(`GET /ws HTTP/1.1\r\nHost: ${appHost(app.slug)}\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n`);
  await new Promise<void>((resolve) => {
    const check = () => (received.includes('101') ? resolve() : setTimeout(check, 20));
    check();
  });
  socket.write('ping-through');
  await new Promise<void>((resolve) => {
    const check = () => (received.includes('ping-through') ? resolve() : setTimeout(check, 20));
    check();
  });
  expect(received).toMatch(/^HTTP\/1\.1 101/);
  socket.destroy();
});

test("the main app's host guard refuses app hosts, even ones ATELIER_ALLOWED_HOSTS names", () => {
  const apps = AppsOrigin.from(undefined, 4002);
  const guard = createHostGuard({ port: () => 4000, bindHost: () => '127.0.0.1', allowedHosts: 'todo-app.apps.localhost', foreignHost: (h) => apps.covers(h) });
  expect(guard.allowsHost('localhost:4000')).toBe(true);
  for (const host of ['todo-app.apps.localhost:4000', 'todo-app.apps.localhost', 'apps.localhost:4000', 'TODO-APP.APPS.LOCALHOST:4002']) expect(guard.allowsHost(host)).toBe(false);
  expect(guard.allowsOrigin('http://todo-app.apps.localhost:4002')).toBe(false);
  const production = AppsOrigin.from('https://*.apps.example.com', 4002);
  expect(production.covers('shop.apps.example.com')).toBe(true);
  expect(production.covers('example.com')).toBe(false);
  expect(production.slugOf('shop.apps.example.com')).toBe('shop');
  expect(production.slugOf('shop.apps.example.com:4002')).toBeNull();
});

test("an app's sandbox opens no preview or terminal, even to its owner", async () => {
  const { userId, projectId } = await seedProject(db.orm, { name: 'Private app' });
  const app = await deployLive(db.orm, sandboxes, { projectId, env: { API_SECRET: 's3cret' } });
  for (const action of ['project:read', 'project:run'] as const)
    expect(await checkViewerAccess(userId, db.orm.em.fork(), app.sandboxId, action, sandboxes)).toEqual({ ok: false, status: 404 });
});
