/**
 * `npm run bench -- deploy [runs] [lines]`: deployments on the embedded stack (the API with its apps listener, the
 * worker, bubblewrap sandboxes; npm install reaches the real npm registry through the sandbox's registry gateway):
 * - click → live URL: the todo app (the offline express todo blueprint) deployed to the local target, from the
 *   `deploy` mutation to the first 200 of its URL through the API's apps listener, `runs` times (default 10) after
 *   one warm-up, each on a fresh project (a newcomer's first deploy). Split by step from the deployment's
 *   `deploy.status` events and its log lines' times. Baseline from the same run: the same work done directly (a
 *   sandbox, the files, npm install, npm test, npm start, the first answer through its preview socket).
 * - log line → subscriber: `lines` lines (default 300) appended through DeployLogWriter for a live deployment,
 *   from `line()` to their arrival in a graphql-ws `projectEvents` subscriber, in Node and in Chromium (a page on the
 *   API's origin with the browser's own WebSocket), beside a plain project event appended to the same stream.
 */
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { EventType } from '../contracts/events';
import { DeployLogWriter } from '../core/deploy/deploy-logs';
import { Deployment } from '../core/deploy/deploy.entities';
import { expressTodoBlueprint } from '../core/models/offline/blueprints/express-todo.blueprint';
import { Project, ProjectFile } from '../core/project/project.entity';
import { User } from '../core/user/user.entity';
import { testLocalBackend } from '../test/fixtures/sandbox-backends';
import { graphqlOver, type Gql } from '../test/graphql-http';
import { createStack, type Stack } from '../test/harness';
import { CHROMIUM_ARGS } from '../test/e2e/browser';
import { printTable, type Row } from './stats';

const DEPLOY = 'mutation($i: DeployInput!) { deploy(input: $i) { id status url } }';
const DELETE_APP = 'mutation($p: ID!) { deleteLocalApp(projectId: $p) { target } }';
const EVENTS = 'subscription($p: ID!) { projectEvents(projectId: $p) { id type at data } }';

type Person = { id: string; cookie: string };
type ProjectEvent = { id: string; type: string; at: string; data: Record<string, unknown> | null };
type LogLine = { seq: number; at: string; text: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function wsAs(base: string, person: Person): WsClient {
  class CookieSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie: person.cookie, origin: base } });
    }
  }
  return createClient({
    url: `${base.replace('http', 'ws')}/graphql`,
    webSocketImpl: CookieSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
  });
}

function follow(ws: WsClient, projectId: string, onEvent: (event: ProjectEvent, at: number) => void): () => void {
  return ws.subscribe<{ projectEvents: ProjectEvent }>(
    { query: EVENTS, variables: { p: projectId } },
    {
      next: ({ data }) => data && onEvent(data.projectEvents, Date.now()),
      error: (e) =>
        process.stderr.write(`projectEvents failed: ${e instanceof Error ? e.message : ((e as { reason?: string }).reason ?? 'closed')}\n`),
      complete: () => undefined,
    },
  );
}

/** GET `path` through a listener at 127.0.0.1:`port` with `host` (the app's name under apps.localhost). */
function get(target: { port: number; host: string } | { socketPath: string; host: string }, path = '/'): Promise<number> {
  return new Promise((resolve) => {
    const where = 'port' in target ? { host: '127.0.0.1', port: target.port } : { socketPath: target.socketPath };
    const req = request({ ...where, path, headers: { host: target.host }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(5_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** A project of `owner` holding the todo blueprint's files, as rows (what the editor and the agents write). */
async function todoProject(stack: Stack, owner: string, name: string): Promise<string> {
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner, name, framework: 'express' });
  for (const f of expressTodoBlueprint.files)
    em.create(ProjectFile, { project, path: f.path, content: f.content, language: 'plaintext', size: Buffer.byteLength(f.content) });
  await em.flush();
  return project.id;
}

const STEPS = [
  'queued',
  'build sandbox',
  'write files',
  'npm install',
  'npm test',
  'build script',
  'package',
  'upload (app sandbox, unpack, start)',
  'wait ready',
  'health check',
  'live -> first 200',
] as const;
type Split = Partial<Record<(typeof STEPS)[number] | 'total', number>>;

/** One deploy, click → first 200 of its URL; the split by step. */
async function deployOnce(stack: Stack, gql: Gql, base: string, person: Person, appsPort: number, run: number): Promise<Split> {
  const projectId = await todoProject(stack, person.id, `Todo bench ${run} ${Date.now().toString(36)}`);
  const status = new Map<string, number>();
  const lines: LogLine[] = [];
  let checking: () => void = () => undefined;
  const atChecking = new Promise<void>((r) => (checking = r));
  let ended: (s: string) => void = () => undefined;
  const end = new Promise<string>((r) => (ended = r));
  const ws = wsAs(base, person);
  const stop = follow(ws, projectId, (e) => {
    if (e.type === EventType.DEPLOY_STATUS) {
      const s = String(e.data?.status);
      status.set(s, Date.parse(e.at));
      if (s === 'CHECKING') checking();
      if (['FAILED', 'CANCELLED'].includes(s)) ended(s);
    } else if (e.type === EventType.DEPLOY_LOG) lines.push(...((e.data?.lines as LogLine[]) ?? []));
    else if (e.type === EventType.DEPLOY_FAILED) ended('FAILED');
  });
  await sleep(200); // the subscription is open before the click
  const t0 = Date.now();
  const reply = await gql<{ deploy: { id: string; url: string } }>(person.cookie, DEPLOY, { i: { projectId, target: 'local' } });
  if (!reply.data) throw new Error(`deploy failed: ${reply.text}`);
  const { id } = reply.data.deploy;
  const failed = await Promise.race([atChecking.then(() => null), end]);
  if (failed) {
    const d = await stack.db.orm.em.fork().findOneOrFail(Deployment, { id });
    throw new Error(`deployment ${failed}: ${d.error}\n${lines.map((l) => l.text).join('\n')}`);
  }
  // The URL is known once uploaded (the slug claimed); the mutation answers while QUEUED.
  const { url } = await stack.db.orm.em.fork().findOneOrFail(Deployment, { id });
  const host = new URL(url!).host;
  let answered = 0;
  for (;;) {
    if ((await get({ port: appsPort, host })) === 200) {
      answered = Date.now();
      break;
    }
    if (Date.now() - t0 > 600_000) throw new Error('the app never answered');
    await sleep(10);
  }
  // The LIVE event (and the last log lines) may still be on their way.
  for (let i = 0; i < 200 && !status.has('LIVE'); i++) await sleep(10);
  await sleep(300);
  stop();
  await ws.dispose();
  const lineAt = (re: RegExp) => {
    const l = lines.find((x) => re.test(x.text));
    return l ? Date.parse(l.at) : undefined;
  };
  const at = {
    building: status.get('BUILDING'),
    sandbox: lineAt(/^Building .* in a fresh sandbox/),
    copied: lineAt(/^Copied \d+ files/),
    install: lineAt(/^Running install/),
    installed: lineAt(/^The install step finished/),
    tests: lineAt(/^Running tests/),
    tested: lineAt(/^The tests step finished/),
    build: lineAt(/^Running build/),
    built: lineAt(/^The build step finished/),
    packaging: status.get('PACKAGING'),
    uploading: status.get('UPLOADING'),
    deploying: status.get('DEPLOYING'),
    checking: status.get('CHECKING'),
    live: status.get('LIVE'),
  };
  const span = (a?: number, b?: number) => (a !== undefined && b !== undefined ? b - a : undefined);
  const split: Split = {
    queued: span(t0, at.building),
    'build sandbox': span(at.building, at.sandbox),
    'write files': span(at.sandbox, at.copied),
    'npm install': span(at.install, at.installed),
    'npm test': span(at.tests, at.tested),
    'build script': span(at.build, at.built),
    package: span(at.packaging, at.uploading),
    'upload (app sandbox, unpack, start)': span(at.uploading, at.deploying),
    'wait ready': span(at.deploying, at.checking),
    'health check': span(at.checking, at.live),
    'live -> first 200': span(at.live, answered),
    total: answered - t0,
  };
  await gql(person.cookie, DELETE_APP, { p: projectId });
  return split;
}

const BASE_STEPS = ['create sandbox', 'write files', 'npm install', 'npm test', 'npm start -> first 200'] as const;

/** The same work without the platform: a sandbox, the files, install, tests, start, the first answer. */
async function directOnce(
  stack: Stack,
  owner: string,
  run: number,
): Promise<Record<(typeof BASE_STEPS)[number] | 'total' | 'total without tests', number>> {
  const projectId = await todoProject(stack, owner, `Todo direct ${run} ${Date.now().toString(36)}`);
  const manager = stack.sandboxes!;
  const t0 = Date.now();
  const { record, sandbox } = await manager.create({ projectId, ownerId: owner, runtime: 'node' });
  try {
    const t1 = Date.now();
    for (const f of expressTodoBlueprint.files) await sandbox.writeFile(f.path, f.content);
    const t2 = Date.now();
    const install = await sandbox.installDependencies();
    if (install.exitCode !== 0) throw new Error(`npm install failed: ${install.stderr.slice(-500)}`);
    const t3 = Date.now();
    const tests = await sandbox.runTests();
    if (tests.exitCode !== 0) throw new Error(`npm test failed: ${tests.stdout.slice(-500)}${tests.stderr.slice(-500)}`);
    const t4 = Date.now();
    const preview = await sandbox.startPreview({ command: 'npm start', port: 3000 });
    if (!('socketPath' in preview.target)) throw new Error('expected a local preview socket');
    while ((await get({ socketPath: preview.target.socketPath, host: 'localhost' })) !== 200) await sleep(10);
    const t5 = Date.now();
    return {
      'create sandbox': t1 - t0,
      'write files': t2 - t1,
      'npm install': t3 - t2,
      'npm test': t4 - t3,
      'npm start -> first 200': t5 - t4,
      total: t5 - t0,
      'total without tests': t5 - t0 - (t4 - t3),
    };
  } finally {
    await manager.destroy(record.id);
  }
}

/** `count` log lines through DeployLogWriter (one at a time, as a build prints them) and plain events, to Node and Chromium. */
async function logLatency(stack: Stack, base: string, person: Person, count: number) {
  const projectId = await todoProject(stack, person.id, `Log bench ${Date.now().toString(36)}`);
  const em = stack.db.orm.em.fork();
  const deployment = em.create(Deployment, { project: projectId, target: 'local', status: 'BUILDING' });
  await em.flush();
  const writer = new DeployLogWriter({
    orm: stack.db.orm,
    events: stack.events,
    deploymentId: deployment.id,
    projectId,
    secrets: ['not-a-real-secret-value'],
  });

  const seen = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const mark = (key: string, at: number) => {
    if (!seen.has(key)) seen.set(key, at);
    waiting.get(key)?.();
  };
  const ws = wsAs(base, person);
  const stop = follow(ws, projectId, (e, at) => {
    if (e.type === EventType.DEPLOY_LOG) for (const l of (e.data?.lines as LogLine[]) ?? []) mark(l.text, at);
    else if (e.type === EventType.MODEL_DELTA) mark(String(e.data?.key), at);
  });

  // Chromium: a page on the API's origin, the session cookie, the browser's own WebSocket speaking graphql-ws.
  const browser = await chromium.launch({
    executablePath: process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    const [name, value] = person.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/health`).catch(() => page.goto(base));
    await page.evaluate(
      ([url, query, projectId]) =>
        new Promise<void>((ready, fail) => {
          // The page's own WebSocket (the bundled `ws` import is not in the page).
          type Socket = { send(s: string): void; onopen: () => void; onerror: () => void; onmessage: (m: { data: unknown }) => void };
          const g = globalThis as unknown as { seen: Record<string, number>; WebSocket: new (u: string, p: string) => Socket };
          g.seen = {};
          const socket = new g.WebSocket(url, 'graphql-transport-ws');
          socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
          socket.onerror = () => fail(new Error('browser socket failed'));
          socket.onmessage = (m) => {
            const at = performance.timeOrigin + performance.now();
            const msg = JSON.parse(String(m.data)) as {
              type: string;
              payload?: { data?: { projectEvents?: { type: string; data: { lines?: { text: string }[]; key?: string } } } };
            };
            if (msg.type === 'connection_ack') {
              socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { p: projectId } } }));
              setTimeout(ready, 300);
            }
            const e = msg.payload?.data?.projectEvents;
            if (!e) return;
            for (const l of e.data.lines ?? []) g.seen[l.text] ??= at;
            if (e.data.key) g.seen[e.data.key] ??= at;
          };
        }),
      [`${base.replace('http', 'ws')}/graphql`, EVENTS, projectId] as const,
    );
    await sleep(500);
    const browserSeen = () => page.evaluate(() => (globalThis as unknown as { seen: Record<string, number> }).seen);

    const rows = {
      log: [] as number[],
      logBrowser: [] as number[],
      plain: [] as number[],
      plainBrowser: [] as number[],
      paced: [] as number[],
      pacedBrowser: [] as number[],
    };
    const sent = new Map<string, { at: number; kind: 'log' | 'plain' }>();
    // Interleaved: a log line, then a plain event, each awaited at the Node subscriber before the next.
    for (let i = -10; i < count; i++) {
      for (const kind of ['log', 'plain'] as const) {
        const key = `${kind}-${i}-${Math.random().toString(36).slice(2, 8)}`;
        const arrived = new Promise<void>((r) => waiting.set(key, r));
        const t0 = Date.now();
        if (kind === 'log') writer.line(key, 'build');
        else await stack.events.append({ projectId, type: EventType.MODEL_DELTA, message: key, data: { key } });
        await arrived;
        waiting.delete(key);
        if (i >= 0) {
          sent.set(key, { at: t0, kind });
          rows[kind].push(seen.get(key)! - t0);
        }
      }
    }
    // A build printing: lines written every ~5 ms without waiting, batched as they come (100 ms / 50 lines).
    const paced = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const key = `paced-${i}-${Math.random().toString(36).slice(2, 8)}`;
      paced.set(key, Date.now());
      writer.line(key, 'build');
      await sleep(5);
    }
    await writer.flush();
    await sleep(1_000);
    const inBrowser = await browserSeen();
    for (const [key, { at, kind }] of sent)
      if (inBrowser[key] !== undefined) rows[kind === 'log' ? 'logBrowser' : 'plainBrowser'].push(inBrowser[key]! - at);
    for (const [key, at] of paced) {
      if (seen.has(key)) rows.paced.push(seen.get(key)! - at);
      if (inBrowser[key] !== undefined) rows.pacedBrowser.push(inBrowser[key]! - at);
    }
    return rows;
  } finally {
    stop();
    await ws.dispose();
    await browser.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 10);
  const lineCount = Number(args[1] ?? 300);
  const parts = new Set(args[2] ? args[2].split(',') : ['deploy', 'direct', 'logs']);
  const local = testLocalBackend();
  const appsPort = await freePort();
  const stack = await createStack({
    sandboxBackend: local.backend,
    live: false,
    config: { ATELIER_APPS_PORT: appsPort },
    deploy: { services: { config: { ATELIER_APPS_PORT: appsPort } } },
  });
  await stack.startWorker();
  const base = await stack.app.listen(0, '127.0.0.1');
  const { gql, signUp } = graphqlOver(base);
  try {
    const person = await signUp(`deployer-${Date.now()}`);
    await stack.db.orm.em.fork().nativeUpdate(User, { id: person.id }, { tier: 'enterprise' });

    const deploys: Split[] = [];
    const direct: Array<Record<string, number>> = [];
    // Interleaved, one warm-up each: both see the same machine load and registry.
    for (let i = -1; i < runs; i++) {
      if (parts.has('deploy')) {
        const split = await deployOnce(stack, gql, base, person, appsPort, i);
        process.stderr.write(`deploy ${i}: ${JSON.stringify(split)}\n`);
        if (i >= 0) deploys.push(split);
      }
      if (parts.has('direct')) {
        const d = await directOnce(stack, person.id, i);
        process.stderr.write(`direct ${i}: ${JSON.stringify(d)}\n`);
        if (i >= 0) direct.push(d);
      }
    }
    const col = <T extends Record<string, number | undefined>>(xs: T[], k: string): number[] =>
      xs.map((x) => x[k]).filter((v): v is number => v !== undefined);
    if (deploys.length || direct.length) {
      const rows: Row[] = [
        { name: 'deploy (local): click -> first 200 at the app URL', samples: col(deploys, 'total') },
        ...STEPS.map((s) => ({ name: `  ${s}`, samples: col(deploys, s) })),
        { name: 'baseline: the same work directly (with npm test)', samples: col(direct, 'total') },
        { name: 'baseline: without npm test', samples: col(direct, 'total without tests') },
        ...BASE_STEPS.map((s) => ({ name: `  ${s}`, samples: col(direct, s) })),
      ];
      printTable(`deploy: todo app to the local target, ${runs} runs after 1 warm-up (fresh project each)`, rows);
    }
    if (parts.has('logs')) {
      const l = await logLatency(stack, base, person, lineCount);
      printTable(
        `deploy logs: ${lineCount} lines one at a time (after 10 warm-ups), interleaved with plain events; then ${lineCount} paced lines`,
        [
          { name: 'DeployLogWriter.line -> Node projectEvents subscriber', samples: l.log },
          { name: 'DeployLogWriter.line -> Chromium (graphql-ws, browser WebSocket)', samples: l.logBrowser },
          { name: 'lines every ~5 ms (a build printing) -> Node subscriber', samples: l.paced },
          { name: 'lines every ~5 ms -> Chromium', samples: l.pacedBrowser },
          { name: 'baseline: plain event append -> Node subscriber', samples: l.plain },
          { name: 'baseline: plain event append -> Chromium', samples: l.plainBrowser },
        ],
      );
    }
  } finally {
    for await (const wf of stack.temporal.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND ExecutionStatus = 'Running'` }))
      await stack.temporal.workflow
        .getHandle(wf.workflowId)
        .terminate('bench over')
        .catch(() => undefined);
    await stack.dispose();
    await local.dispose();
  }
}
