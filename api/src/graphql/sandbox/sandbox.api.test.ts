/**
 * The terminal over real WebSockets on the API's port, with real sessions: the owner gets through,
 * another user and an anonymous visitor are refused. Previews: test/security/preview-origin.test.ts.
 */
import { request } from 'node:http';
import WebSocket from 'ws';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { graphqlOver } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';
import { Project } from '../../../../core/project/project.entity';

let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let base: string;
let owner: { id: string; cookie: string };
let stranger: { id: string; cookie: string };
let sandboxId: string;

/** The preview server: answers HTTP with the path it saw and the cookies it got; echoes WebSocket frames. */
const SERVER = `
const http = require('http');
const server = http.createServer((req, res) => res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie || null })));
server.on('upgrade', (req, socket) => {
  const key = req.headers['sec-websocket-key'];
  const accept = require('crypto').createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: ' + accept + '\\r\\n\\r\\n');
  socket.write(Buffer.from([0x81, 5, ...Buffer.from('hello')]));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
`;

beforeAll(async () => {
  local = testLocalBackend();
  stack = await createStack({ sandboxBackend: local.backend });
  base = await stack.app.listen(0, '127.0.0.1');
  const { signUp } = graphqlOver(base);
  owner = await signUp('sandbox-owner');
  stranger = await signUp('sandbox-stranger');
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: owner.id, name: 'Previewed', framework: 'express' });
  await em.flush();
  const { record, sandbox } = await stack.sandboxes!.create({ projectId: project.id, ownerId: owner.id, runtime: 'node' });
  sandboxId = record.id;
  await sandbox.writeFile('server.js', SERVER);
  await sandbox.startPreview({ command: 'node server.js', port: 3000 });
  await stack.sandboxes!.recordPreview(record.id, 3000);
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
});

function get(path: string, cookie?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers: cookie ? { cookie: `${cookie}; theme=dark` } : {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Opens a WebSocket; resolves with the first message, or rejects with the refusal status. */
function openSocket(path: string, cookie?: string): Promise<{ ws: WebSocket; first: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}${path}`, { headers: cookie ? { cookie } : {} });
    ws.once('message', (data: Buffer) => resolve({ ws, first: data.toString() }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

test('the app origin serves no preview (previews have their own origin: test/security/preview-origin.test.ts)', async () => {
  expect((await get(`/preview/${sandboxId}/hello`, owner.cookie)).status).toBe(404);
});

test('the terminal refuses an opaque origin (a sandboxed frame)', async () => {
  const terminal = new WebSocket(`${base.replace('http', 'ws')}/terminal/${sandboxId}`, { headers: { cookie: owner.cookie, origin: 'null' } });
  expect(await new Promise((resolve) => terminal.once('unexpected-response', (_req, res) => resolve(res.statusCode)))).toBe(403);
});

test('the terminal runs a shell in the sandbox over a WebSocket: input, resize, output', async () => {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/terminal/${sandboxId}?cols=100&rows=30`, { headers: { cookie: owner.cookie } });
  let output = '';
  ws.on('message', (d: Buffer) => (output += d.toString()));
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 40 }));
  ws.send(JSON.stringify({ type: 'input', data: 'stty size; id -u; ls /workspace; echo DONE-$((6*7))\r' }));
  const deadline = Date.now() + 10_000;
  while (!output.includes('DONE-42') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(output).toContain('40 120');
  expect(output).toContain('server.js');
  expect(output).toMatch(/\b1000\b/);
  expect(output).toContain('DONE-42');
  ws.close();
});

test('the terminal refuses another user, an anonymous visitor and a foreign origin', async () => {
  await expect(openSocket(`/terminal/${sandboxId}`, stranger.cookie)).rejects.toThrow('refused 404');
  await expect(openSocket(`/terminal/${sandboxId}`)).rejects.toThrow('refused 401');
  const foreign = new WebSocket(`${base.replace('http', 'ws')}/terminal/${sandboxId}`, { headers: { cookie: owner.cookie, origin: 'https://evil.example' } });
  const status = await new Promise<number>((resolve) => foreign.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
  expect(status).toBe(403);
});

test('GraphQL subscriptions still upgrade on /graphql next to the sandbox routes', async () => {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.close();
});

test('GraphQL lists a project\'s sandboxes to those who may read it; only those who may run it destroy one', async () => {
  const { gql } = graphqlOver(base);
  const list = 'query($p: ID!) { projectSandboxes(projectId: $p) { id status runtime terminalPath } }';
  const projectId = (await stack.sandboxes!.find(sandboxId))!.project.id;
  const mine = await gql<{ projectSandboxes: unknown[] }>(owner.cookie, list, { p: projectId });
  expect(mine.data?.projectSandboxes).toEqual([{ id: sandboxId, status: 'RUNNING', runtime: 'node', terminalPath: `/terminal/${sandboxId}` }]);
  expect((await gql<{ projectSandboxes: unknown[] }>(stranger.cookie, list, { p: projectId })).data?.projectSandboxes).toEqual([]);
  const open = 'mutation($id: ID!) { openPreview(sandboxId: $id) { url } }';
  expect((await gql<{ openPreview: { url: string } }>(owner.cookie, open, { id: sandboxId })).data?.openPreview.url).toContain(`http://${sandboxId}.preview.localhost:`);
  const destroy = 'mutation($id: ID!) { destroySandbox(id: $id) }';
  const refused = await gql(stranger.cookie, destroy, { id: sandboxId });
  expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect((await gql<{ destroySandbox: boolean }>(owner.cookie, destroy, { id: sandboxId })).data?.destroySandbox).toBe(true);
  expect((await gql<{ projectSandboxes: unknown[] }>(owner.cookie, list, { p: projectId })).data?.projectSandboxes).toEqual([]);
  expect((await gql(owner.cookie, open, { id: sandboxId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});
