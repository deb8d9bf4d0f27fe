/**
 * Issue 11, item 1: previews run on an origin of their own. Real sandboxes (bubblewrap), a real API with
 * real sessions; the preview server inside the sandbox tries everything a hostile page would: planting the
 * platform's session cookie, widening cookies to other hosts, claiming a service worker scope for the whole
 * site, wiping site data, hop-by-hop tricks.
 */
import { randomBytes } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { safeReturnUrl } from '../../api/src/http/auth/oauth.routes';
import { PreviewTokens } from '../../core/sandbox/preview-token';
import { graphqlOver } from '../graphql-http';
import { createStack, type Stack } from '../harness';
import { Project } from '../../core/project/project.entity';

const SECRET = randomBytes(32).toString('hex');
let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let base: string;
let owner: { id: string; cookie: string };
let stranger: { id: string; cookie: string };
let privateId: string;
let publicId: string;

const SERVER = `
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/hostile') {
    res.writeHead(200, {
      'set-cookie': ['atelier_session=planted; Path=/', 'wide=1; Domain=localhost; Path=/', '__Host-atelier_preview=forged; Path=/; Secure', 'own=1; Path=/'],
      'service-worker-allowed': '/',
      'clear-site-data': '"cookies", "storage"',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      connection: 'x-hop',
      'x-hop': 'hop-by-hop',
    });
    return res.end('hostile');
  }
  res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie || null, hop: req.headers['x-hop'] || null }));
});
server.on('upgrade', (req, socket) => {
  const key = req.headers['sec-websocket-key'];
  const accept = require('crypto').createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSet-Cookie: atelier_session=planted; Path=/\\r\\nSec-WebSocket-Accept: ' + accept + '\\r\\n\\r\\n');
  socket.write(Buffer.from([0x81, 5, ...Buffer.from('hello')]));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
`;

async function previewedSandbox(name: string, visibility: string): Promise<string> {
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: owner.id, name, framework: 'express', visibility });
  await em.flush();
  const { record, sandbox } = await stack.sandboxes!.create({ projectId: project.id, ownerId: owner.id, runtime: 'node' });
  await sandbox.writeFile('server.js', SERVER);
  await sandbox.startPreview({ command: 'node server.js', port: 3000 });
  await stack.sandboxes!.recordPreview(record.id, 3000);
  return record.id;
}

beforeAll(async () => {
  local = testLocalBackend();
  stack = await createStack({ sandboxBackend: local.backend, config: { ATELIER_SESSION_SECRET: SECRET } });
  base = await stack.app.listen(0, '127.0.0.1');
  const { signUp } = graphqlOver(base);
  owner = await signUp('preview-owner');
  stranger = await signUp('preview-stranger');
  privateId = await previewedSandbox('Private', 'private');
  publicId = await previewedSandbox('Public', 'public');
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** The preview listener's port, from the URL the API hands out. */
function previewPort(): number {
  const previews = (stack.app as { previews?: { origin(): { urlFor(id: string): string } } | null }).previews;
  if (!previews) throw new Error('the API has no preview listener');
  return Number(new URL(previews.origin().urlFor(privateId)).port);
}
const previewHost = (id: string) => `${id}.preview.localhost:${previewPort()}`;
/** A request to the preview listener for `host` (Node does not resolve *.localhost; browsers do). */
const onPreview = (host: string, path: string, headers: Record<string, string> = {}) => get(`http://127.0.0.1:${previewPort()}${path}`, { host, ...headers });

async function openPreview(cookie: string | undefined, sandboxId: string) {
  const { gql } = graphqlOver(base);
  return gql<{ openPreview: { url: string; expiresAt: string | null } }>(cookie, 'mutation($s: ID!) { openPreview(sandboxId: $s) { url expiresAt } }', { s: sandboxId });
}

/** Trades a link for the preview host's cookie, as a browser following the link would. */
async function exchange(url: string): Promise<{ answer: Answer; cookie: string }> {
  const link = new URL(url);
  const answer = await onPreview(link.host, `${link.pathname}${link.search}`);
  return { answer, cookie: (answer.headers['set-cookie'] ?? [])[0]?.split(';')[0] ?? '' };
}

describe('the app origin', () => {
  it('serves no previews: /preview/<id>/ is a 404 and no preview header reaches it', async () => {
    for (const path of [`/preview/${privateId}/hostile`, `/preview/${publicId}/hostile`, `/preview/${privateId}/`]) {
      const answer = await get(`${base}${path}`, { cookie: owner.cookie });
      expect(answer.headers['set-cookie']).toBeUndefined();
      expect(answer.headers['service-worker-allowed']).toBeUndefined();
      expect(answer.headers['clear-site-data']).toBeUndefined();
      expect(answer.status).toBe(404);
    }
  });

  it('proxies no WebSocket to a preview (hot reload used to upgrade on /preview/<id>/)', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/preview/${privateId}/hmr`, { headers: { cookie: owner.cookie } });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('message', () => resolve('proxied'));
      ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.once('error', () => resolve('refused'));
    });
    ws.terminate();
    expect(outcome).toMatch(/^refused/);
  });

  it('sends a CSP that frames only the preview origin and is never framed, nosniff and a Referrer-Policy', async () => {
    for (const path of ['/healthz', '/projects']) {
      const { headers } = await get(`${base}${path}`);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).toContain(`frame-src http://*.preview.localhost:${previewPort()}`);
    }
  });

  it('returns after log-in only to app paths', () => {
    for (const bad of [`/preview/${privateId}/`, '/preview', '//evil.example/x', '/\\evil.example', '/terminal/x', '/graphql?query={viewer{id}}']) {
      expect(safeReturnUrl(bad)).toBe('/projects');
    }
    expect(safeReturnUrl('/projects/abc?tab=files')).toBe('/projects/abc?tab=files');
  });
});

describe('the preview origin', () => {
  it('trades a link from openPreview for a host-only cookie, then proxies without any platform cookie', async () => {
    const link = await openPreview(owner.cookie, privateId);
    const url = new URL(link.data!.openPreview.url);
    expect(url.host).toBe(previewHost(privateId));
    expect(new Date(link.data!.openPreview.expiresAt!).getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    url.pathname = '/hello';
    url.searchParams.set('x', '1');
    const { answer, cookie } = await exchange(url.toString());
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`http://${previewHost(privateId)}/hello?x=1`);
    const setCookie = answer.headers['set-cookie']![0]!;
    expect(setCookie).toMatch(/^__Host-atelier_preview=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=None');
    expect(setCookie).toContain('Partitioned');
    expect(setCookie).not.toMatch(/domain=/i);
    const page = await onPreview(previewHost(privateId), '/hello?x=1', { cookie: `${cookie}; ${owner.cookie}; theme=dark` });
    expect(page.status).toBe(200);
    expect(JSON.parse(page.body)).toEqual({ path: '/hello?x=1', cookie: 'theme=dark', hop: null });
    expect(page.headers['content-security-policy']).toBe(`frame-ancestors ${base} http://localhost:${new URL(base).port} http://[::1]:${new URL(base).port}`);
  });

  it("strips what a preview must not set: the platform's cookies, Domain cookies, SW scope, Clear-Site-Data, HSTS, hop-by-hop", async () => {
    const { cookie } = await exchange((await openPreview(owner.cookie, privateId)).data!.openPreview.url);
    const answer = await onPreview(previewHost(privateId), '/hostile', { cookie });
    expect(answer.body).toBe('hostile');
    expect(answer.headers['set-cookie']).toEqual(['own=1; Path=/']);
    for (const name of ['service-worker-allowed', 'clear-site-data', 'strict-transport-security', 'x-hop']) expect(answer.headers[name]).toBeUndefined();
    const echoed = await onPreview(previewHost(privateId), '/', { cookie, connection: 'x-hop', 'x-hop': 'from-the-browser' });
    expect(JSON.parse(echoed.body).hop).toBeNull();
  });

  it('refuses a visitor with no token, the platform session cookie alone, and hosts that are not a sandbox', async () => {
    expect((await onPreview(previewHost(privateId), '/')).status).toBe(401);
    expect((await onPreview(previewHost(privateId), '/', { cookie: owner.cookie })).status).toBe(401);
    expect((await onPreview(`rebind.attacker.example:${previewPort()}`, '/')).status).toBe(404);
    expect((await onPreview(`${privateId}.preview.localhost.attacker.example:${previewPort()}`, '/')).status).toBe(404);
    expect((await onPreview(`${privateId}.preview.localhost:1`, '/')).status).toBe(404);
  });

  it('refuses forged, expired, over-long, foreign-key and other-sandbox tokens, and a cookie used as a link', async () => {
    const tokens = new PreviewTokens(SECRET);
    const now = Date.now();
    const good = new URL((await openPreview(owner.cookie, privateId)).data!.openPreview.url).searchParams.get('atelier_preview_token')!;
    const forged = `${good.slice(0, -2)}${good.endsWith('A') ? 'B' : 'A'}${good.slice(-1)}`;
    const asOwner = (sandboxId: string, expiresAt: number) => ({ sandboxId, userId: owner.id, sessionId: null, expiresAt });
    const bad = [
      forged,
      tokens.sign('link', asOwner(privateId, now - 1000)),
      tokens.sign('link', asOwner(privateId, now + 60 * 60_000)),
      new PreviewTokens(randomBytes(32)).sign('link', asOwner(privateId, now + 60_000)),
      tokens.sign('link', asOwner(publicId, now + 60_000)),
      tokens.sign('cookie', asOwner(privateId, now + 60_000)),
      `${good}.x`,
    ];
    for (const token of bad) {
      expect((await onPreview(previewHost(privateId), `/?atelier_preview_token=${encodeURIComponent(token)}`)).status).toBe(401);
    }
    const otherSandboxCookie = `__Host-atelier_preview=${tokens.sign('cookie', asOwner(publicId, now + 60_000))}`;
    expect((await onPreview(previewHost(privateId), '/', { cookie: otherSandboxCookie })).status).toBe(401);
    const linkAsCookie = `__Host-atelier_preview=${tokens.sign('link', asOwner(privateId, now + 60_000))}`;
    expect((await onPreview(previewHost(privateId), '/', { cookie: linkAsCookie })).status).toBe(401);
  });

  it('follows can(): a stranger gets no link and a signed token for them is refused; a public project is open to all', async () => {
    expect((await openPreview(stranger.cookie, privateId)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await openPreview(undefined, privateId)).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const strangers = new PreviewTokens(SECRET).sign('link', { sandboxId: privateId, userId: stranger.id, sessionId: null, expiresAt: Date.now() + 60_000 });
    expect((await onPreview(previewHost(privateId), `/?atelier_preview_token=${strangers}`)).status).toBe(404);
    const anonymous = await openPreview(undefined, publicId);
    expect(anonymous.data?.openPreview).toEqual({ url: `http://${previewHost(publicId)}/`, expiresAt: null });
    expect((await onPreview(previewHost(publicId), '/')).status).toBe(200);
  });

  it('ends with the session that asked for it: logging out closes the preview', async () => {
    const { gql } = graphqlOver(base);
    const second = await gql(undefined, 'mutation($i: LogInInput!) { logIn(input: $i) { id } }', { i: { email: 'preview-owner@example.com', password: 'a long enough passphrase' } });
    const { cookie } = await exchange((await openPreview(second.cookie, privateId)).data!.openPreview.url);
    expect((await onPreview(previewHost(privateId), '/', { cookie })).status).toBe(200);
    const unused = (await openPreview(second.cookie, privateId)).data!.openPreview.url;
    expect((await gql<{ logOut: boolean }>(second.cookie, 'mutation { logOut }')).data?.logOut).toBe(true);
    expect((await onPreview(previewHost(privateId), '/', { cookie })).status).toBe(401);
    expect((await exchange(unused)).answer.status).toBe(401);
  });

  it('refuses requests other sites make with the cookie, letting their navigations through (Fetch Metadata)', async () => {
    const { cookie } = await exchange((await openPreview(owner.cookie, privateId)).data!.openPreview.url);
    const from = (site: string, mode: string) => ({ cookie, 'sec-fetch-site': site, 'sec-fetch-mode': mode });
    expect((await onPreview(previewHost(privateId), '/', from('cross-site', 'cors'))).status).toBe(403);
    expect((await onPreview(previewHost(privateId), '/', from('same-site', 'no-cors'))).status).toBe(403);
    expect((await onPreview(previewHost(privateId), '/', from('cross-site', 'navigate'))).status).toBe(200);
    expect((await onPreview(previewHost(privateId), '/', from('same-origin', 'cors'))).status).toBe(200);
  });

  it('proxies WebSocket upgrades (hot reload) from the preview itself only, filtering the 101 headers', async () => {
    const { cookie } = await exchange((await openPreview(owner.cookie, privateId)).data!.openPreview.url);
    const open = (origin: string) =>
      new Promise<{ status: number; setCookie?: string[]; first?: string }>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${previewPort()}/hmr`, { headers: { host: previewHost(privateId), cookie, origin } });
        let setCookie: string[] | undefined;
        ws.once('upgrade', (res) => (setCookie = res.headers['set-cookie']));
        ws.once('message', (d: Buffer) => {
          resolve({ status: 101, setCookie, first: d.toString() });
          ws.close();
        });
        ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
        ws.once('error', reject);
      });
    expect(await open(`http://${previewHost(privateId)}`)).toEqual({ status: 101, setCookie: undefined, first: 'hello' });
    expect((await open(base)).status).toBe(403);
    expect((await open(`http://${previewHost(publicId)}`)).status).toBe(403);
  });
});
