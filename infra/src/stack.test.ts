/**
 * The launcher end to end: every service embedded on free ports in a temp data dir, run as a separate
 * process exactly like `npm start`, with the real migrations, worker and API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { canConnect, freePort, waitFor } from './ports';
import { ping } from './services/redis';
import { repoRoot } from './stack-config';
import Redis from 'ioredis';

interface Ports {
  PORT: number;
  ATELIER_PREVIEW_PORT: number;
  ATELIER_APPS_PORT: number;
  ATELIER_TEMPORAL_PORT: number;
  ATELIER_TEMPORAL_UI_PORT: number;
  ATELIER_POSTGRES_PORT: number;
  ATELIER_REDIS_PORT: number;
  ATELIER_LIVEBLOCKS_PORT: number;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

const runner = path.join(__dirname, '..', '..', 'test', 'fixtures', 'infra', 'run-stack.ts');
const external = ['DATABASE_URL', 'REDIS_URL', 'TEMPORAL_ADDRESS', 'LIVEBLOCKS_SECRET_KEY', 'LIVEBLOCKS_BASE_URL', 'ATELIER_TEMPORAL_UI_URL'];

async function freePorts(): Promise<Ports> {
  return {
    PORT: await freePort(),
    ATELIER_PREVIEW_PORT: await freePort(),
    ATELIER_APPS_PORT: await freePort(),
    ATELIER_TEMPORAL_PORT: await freePort(),
    ATELIER_TEMPORAL_UI_PORT: await freePort(),
    ATELIER_POSTGRES_PORT: await freePort(),
    ATELIER_REDIS_PORT: await freePort(),
    ATELIER_LIVEBLOCKS_PORT: await freePort(),
  };
}

function launch(dataDir: string, ports: Ports, extra: NodeJS.ProcessEnv = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ATELIER_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  for (const k of external) delete env[k];
  Object.assign(env, extra);
  const child = spawn(process.execPath, ['--import', 'tsx', runner], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

interface StackState {
  pids: number[];
  processes: Array<{ name: string; pid: number }>;
  appUrl: string;
  temporalUiUrl: string;
}

async function waitReady(run: Run, dataDir: string): Promise<StackState> {
  const state = path.join(dataDir, 'stack.json');
  await waitFor('the stack to be ready', async () => fs.existsSync(state), {
    timeoutMs: 90_000,
    abort: () => {
      if (run.child.exitCode !== null) throw new Error(`stack exited early:\n${run.output()}`);
    },
  });
  return JSON.parse(fs.readFileSync(state, 'utf8'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function openPorts(ports: Ports): Promise<number[]> {
  const open: number[] = [];
  for (const p of Object.values(ports)) if (await canConnect(p)) open.push(p);
  return open;
}

/** The embedded Redis wants the password the launcher keeps in the data folder. */
const redisUrl = (dataDir: string, ports: Ports) =>
  `redis://:${fs.readFileSync(path.join(dataDir, 'secrets', 'redis-password'), 'utf8').trim()}@127.0.0.1:${ports.ATELIER_REDIS_PORT}`;

describe('startStack through the launcher', () => {
  let dataDir: string;
  let ports: Ports;
  let current: Run | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-stack-'));
    // As a checkout others may pass through (mkdtemp makes 0700), so the cluster stays in <data>/postgres.
    fs.chmodSync(dataDir, 0o755);
    ports = await freePorts();
  });
  afterEach(async () => {
    if (current && current.child.exitCode === null) {
      current.child.kill('SIGINT');
      await current.exit;
    }
    current = undefined;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts every service embedded, wires the env, and stops everything on SIGINT', async () => {
    current = launch(dataDir, ports);
    const state = await waitReady(current, dataDir);
    expect(current.output()).toContain('Atelier is running');
    expect(current.output()).toContain(`Previews     http://*.preview.localhost:${ports.ATELIER_PREVIEW_PORT}`);
    expect(current.output()).toContain(`Apps         http://*.apps.localhost:${ports.ATELIER_APPS_PORT}`);
    expect(state.appUrl).toBe(`http://127.0.0.1:${ports.PORT}`);

    // Readiness proves the API got working addresses for every service the launcher started.
    const ready = (await (await fetch(`${state.appUrl}/readyz`)).json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(ready.status).toBe('ok');
    expect(Object.keys(ready.checks).sort()).toEqual(['liveblocks', 'postgres', 'redis', 'temporal']);
    const index = await fetch(`${state.appUrl}/projects`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<app-root');

    // A new express project completes on the launched stack and shows its files.
    const gql = async (query: string, variables: Record<string, unknown>) =>
      (await (await fetch(`${state.appUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as {
        data: Record<string, { id: string; status: string; files: { path: string }[] }>;
      };
    const created = await gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', { i: { name: 'Launched', framework: 'express' } });
    const id = created.data.createProject!.id;
    let project = { id, status: 'QUEUED', files: [] as { path: string }[] };
    await waitFor(
      'the project build to finish',
      async () => {
        project = (await gql('query($id: ID!) { project(id: $id) { id status files { path } } }', { id })).data.project!;
        return project.status === 'READY' || project.status === 'FAILED';
      },
      { timeoutMs: 60_000 },
    );
    expect(project.status).toBe('READY');
    expect(project.files.map((f) => f.path)).toContain('src/app.js');

    const env = { REDIS_URL: redisUrl(dataDir, ports), LIVEBLOCKS_BASE_URL: `http://127.0.0.1:${ports.ATELIER_LIVEBLOCKS_PORT}` };
    expect((await fetch(state.temporalUiUrl)).status).toBe(200);
    expect(await canConnect(ports.ATELIER_POSTGRES_PORT)).toBe(true);
    expect(await ping(env.REDIS_URL)).toBe(true);
    expect(await ping(`redis://127.0.0.1:${ports.ATELIER_REDIS_PORT}`).catch(() => false)).toBe(false);
    // Secrets and logs in the data folder: owner only; others (the postgres user, sandbox uids) may pass through .data.
    expect(fs.statSync(dataDir).mode & 0o077).toBe(0o011);
    for (const f of ['secrets/redis-password', 'secrets/postgres-password', 'master-keys', 'logs/api.log', 'stack.json']) {
      expect([f, fs.statSync(path.join(dataDir, f)).mode & 0o777]).toEqual([f, 0o600]);
    }
    const rooms = await fetch(`${env.LIVEBLOCKS_BASE_URL}/v2/rooms`, { headers: { authorization: 'Bearer sk_localdev' } });
    expect(rooms.status).toBe(200);

    // Left in Redis for the restart test: the persistent redis-server saves on shutdown.
    const redis = new Redis(env.REDIS_URL);
    await redis.set('atelier:stack-test', 'kept');
    redis.disconnect();

    current.child.kill('SIGINT');
    expect(await current.exit).toBe(130);
    expect(await openPorts(ports)).toEqual([]);
    expect(state.pids.filter(alive)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'stack.json'))).toBe(false);
  });

  it('reuses the data dir on restart: Postgres is not re-initialised and Redis data survives', async () => {
    const pgVersion = path.join(dataDir, 'postgres', 'PG_VERSION');
    const before = fs.statSync(pgVersion);
    current = launch(dataDir, ports);
    const state = await waitReady(current, dataDir);
    expect(fs.statSync(pgVersion).ino).toBe(before.ino);
    expect(fs.statSync(pgVersion).mtimeMs).toBe(before.mtimeMs);
    const redis = new Redis(redisUrl(dataDir, ports));
    expect(await redis.get('atelier:stack-test')).toBe('kept');
    redis.disconnect();
    current.child.kill('SIGTERM');
    expect(await current.exit).toBe(143);
    expect(state.pids.filter(alive)).toEqual([]);
  });

  // A crashed worker or API is restarted instead (test/launcher-supervision.test.ts).
  it('stops everything and exits 1 when a service crashes after startup', async () => {
    current = launch(dataDir, ports);
    const state = await waitReady(current, dataDir);
    const redis = state.processes.find((p) => p.name === 'redis')!;
    process.kill(redis.pid, 'SIGKILL');
    expect(await current.exit).toBe(1);
    expect(current.output()).toContain('redis was killed by SIGKILL.');
    expect(await openPorts(ports)).toEqual([]);
    expect(state.pids.filter(alive)).toEqual([]);
  });

  it('refuses a taken port with a readable message and leaves nothing running', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(ports.ATELIER_REDIS_PORT, '127.0.0.1', resolve));
    try {
      current = launch(dataDir, ports);
      expect(await current.exit).toBe(1);
      expect(current.output()).toContain(`Port ${ports.ATELIER_REDIS_PORT} (Redis) is already in use.`);
      expect(current.output()).toContain('ATELIER_REDIS_PORT');
      expect(current.output()).not.toMatch(/\n\s+at /);
      expect((await openPorts(ports)).filter((p) => p !== ports.ATELIER_REDIS_PORT)).toEqual([]);
    } finally {
      blocker.close();
    }
  });

  it('stops what it started when migrations fail, and says why', async () => {
    // Nothing listens on this DATABASE_URL, so the real migration fails to connect.
    const closed = await freePort();
    current = launch(dataDir, ports, { DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/atelier` });
    expect(await current.exit).toBe(1);
    expect(current.output()).toContain('Database migrations failed');
    expect(current.output()).toContain('ECONNREFUSED');
    expect(current.output()).not.toMatch(/\n\s+at /);
    expect(await openPorts(ports)).toEqual([]);
  });
});
