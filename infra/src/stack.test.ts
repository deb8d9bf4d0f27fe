/**
 * The launcher end to end: every service embedded on free ports in a temp data dir, run as a separate
 * process exactly like `npm start` (stand-in entries; see __fixtures__/run-stack.ts).
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

/** ATELIER_STACK_TEST_REAL_ENTRIES=1 runs the real migrate / worker / API instead of the stand-ins. */
const realEntries = process.env.ATELIER_STACK_TEST_REAL_ENTRIES === '1';
const runner = path.join(__dirname, '__fixtures__', 'run-stack.ts');
const external = ['DATABASE_URL', 'REDIS_URL', 'TEMPORAL_ADDRESS', 'LIVEBLOCKS_SECRET_KEY', 'LIVEBLOCKS_BASE_URL', 'ATELIER_TEMPORAL_UI_URL'];

async function freePorts(): Promise<Ports> {
  return {
    PORT: await freePort(),
    ATELIER_TEMPORAL_PORT: await freePort(),
    ATELIER_TEMPORAL_UI_PORT: await freePort(),
    ATELIER_POSTGRES_PORT: await freePort(),
    ATELIER_REDIS_PORT: await freePort(),
    ATELIER_LIVEBLOCKS_PORT: await freePort(),
  };
}

function launch(dataDir: string, ports: Ports): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, ATELIER_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  for (const k of external) delete env[k];
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

describe('startStack through the launcher', () => {
  let dataDir: string;
  let ports: Ports;
  let current: Run | undefined;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-stack-'));
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
    expect(state.appUrl).toBe(`http://127.0.0.1:${ports.PORT}`);

    if (realEntries) {
      const res = await fetch(`${state.appUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    }
    // The stand-in API echoes the env it got; the real one is checked through the state file instead.
    const env = realEntries
      ? { TEMPORAL_ADDRESS: `127.0.0.1:${ports.ATELIER_TEMPORAL_PORT}`, DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${ports.ATELIER_POSTGRES_PORT}/atelier`, REDIS_URL: `redis://127.0.0.1:${ports.ATELIER_REDIS_PORT}`, LIVEBLOCKS_BASE_URL: `http://127.0.0.1:${ports.ATELIER_LIVEBLOCKS_PORT}`, LIVEBLOCKS_SECRET_KEY: 'sk_localdev', ATELIER_TEMPORAL_UI_URL: state.temporalUiUrl, ATELIER_CLIENT_DIST: path.join(repoRoot, 'client/dist/client/browser') }
      : ((await (await fetch(state.appUrl)).json()) as Record<string, string>);
    expect(env.TEMPORAL_ADDRESS).toBe(`127.0.0.1:${ports.ATELIER_TEMPORAL_PORT}`);
    expect(env.DATABASE_URL).toBe(`postgres://postgres:postgres@127.0.0.1:${ports.ATELIER_POSTGRES_PORT}/atelier`);
    expect(env.REDIS_URL).toBe(`redis://127.0.0.1:${ports.ATELIER_REDIS_PORT}`);
    expect(env.LIVEBLOCKS_BASE_URL).toBe(`http://127.0.0.1:${ports.ATELIER_LIVEBLOCKS_PORT}`);
    expect(env.LIVEBLOCKS_SECRET_KEY).toBe('sk_localdev');
    expect(env.ATELIER_TEMPORAL_UI_URL).toBe(state.temporalUiUrl);
    expect(env.ATELIER_CLIENT_DIST).toBe(path.join(repoRoot, 'client/dist/client/browser'));

    expect((await fetch(state.temporalUiUrl)).status).toBe(200);
    expect(await canConnect(ports.ATELIER_POSTGRES_PORT)).toBe(true);
    expect(await ping(env.REDIS_URL)).toBe(true);
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
    const redis = new Redis(`redis://127.0.0.1:${ports.ATELIER_REDIS_PORT}`);
    expect(await redis.get('atelier:stack-test')).toBe('kept');
    redis.disconnect();
    current.child.kill('SIGTERM');
    expect(await current.exit).toBe(143);
    expect(state.pids.filter(alive)).toEqual([]);
  });

  it('stops everything and exits 1 when a child crashes after startup', async () => {
    current = launch(dataDir, ports);
    const state = await waitReady(current, dataDir);
    const worker = state.processes.find((p) => p.name === 'worker')!;
    process.kill(worker.pid, 'SIGKILL');
    expect(await current.exit).toBe(1);
    expect(current.output()).toContain('worker was killed by SIGKILL.');
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

  (realEntries ? it.skip : it)('stops what it started when migrations fail, and says why', async () => {
    process.env.STANDIN_FAIL_MIGRATE = '1';
    try {
      current = launch(dataDir, ports);
      expect(await current.exit).toBe(1);
      expect(current.output()).toContain('Database migrations failed: stand-in migration failed on purpose');
      expect(await openPorts(ports)).toEqual([]);
    } finally {
      delete process.env.STANDIN_FAIL_MIGRATE;
    }
  });
});
