/**
 * "Kill the worker and nothing is lost" under the real launcher: the same `tsx infra/src/cli.ts start` that
 * `npm start` hands over to, as a child on free ports with a temp data dir. A worker SIGKILLed mid-build is
 * restarted (and the launcher says why), the build still completes; a worker that keeps crashing makes the
 * launcher give up and stop everything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canConnect, freePort, waitFor } from '../infra/src/ports';
import { repoRoot } from '../infra/src/stack-config';

const portVars = [
  'PORT',
  'ATELIER_PREVIEW_PORT',
  'ATELIER_APPS_PORT',
  'ATELIER_TEMPORAL_PORT',
  'ATELIER_TEMPORAL_UI_PORT',
  'ATELIER_POSTGRES_PORT',
  'ATELIER_REDIS_PORT',
  'ATELIER_LIVEBLOCKS_PORT',
];
const external = [
  'DATABASE_URL',
  'REDIS_URL',
  'TEMPORAL_ADDRESS',
  'LIVEBLOCKS_SECRET_KEY',
  'LIVEBLOCKS_BASE_URL',
  'ATELIER_TEMPORAL_UI_URL',
  'ATELIER_SANDBOX_ROOT',
];

interface Launcher {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

interface StackState {
  processes: Array<{ name: string; pid: number }>;
  pids: number[];
  appUrl: string;
}

let dataDir: string;
let ports: Record<string, number>;
let current: Launcher | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-supervision-'));
  fs.chmodSync(dataDir, 0o755);
  ports = {};
  for (const name of portVars) ports[name] = await freePort();
});
afterEach(async () => {
  if (current && current.child.exitCode === null) {
    current.child.kill('SIGINT');
    await current.exit;
  }
  current = undefined;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function launch(): Launcher {
  const env: NodeJS.ProcessEnv = { ...process.env, ATELIER_DATA_DIR: dataDir, ATELIER_SCAFFOLD_FILE_DELAY_MS: '400' };
  for (const k of external) delete env[k];
  for (const [k, v] of Object.entries(ports)) env[k] = String(v);
  const child = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['infra/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

const stateFile = () => path.join(dataDir, 'stack.json');
const readState = (): StackState => JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
const pidOf = (state: StackState, name: string) => state.processes.find((p) => p.name === name)!.pid;
const stillRunning = (run: Launcher) => () => {
  if (run.child.exitCode !== null) throw new Error(`the launcher exited (${run.child.exitCode}):\n${run.output().slice(-3000)}`);
};

async function waitReady(run: Launcher): Promise<StackState> {
  await waitFor('the stack to be ready', async () => fs.existsSync(stateFile()), { timeoutMs: 180_000, abort: stillRunning(run) });
  return readState();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs the worker's whole process group (tsx and the node process under it), as an OOM kill would. */
function killWorker(pid: number): void {
  process.kill(-pid, 'SIGKILL');
}

interface ProjectView {
  id: string;
  status: string;
  files: { path: string }[];
}

async function gql<T>(appUrl: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${appUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const projectQuery = 'query($id: ID!) { project(id: $id) { id status files { path } } }';

it('restarts a worker SIGKILLed mid-build, says why, and the build completes', async () => {
  const run = (current = launch());
  const state = await waitReady(run);
  const firstWorker = pidOf(state, 'worker');
  const { createProject } = await gql<{ createProject: { id: string } }>(
    state.appUrl,
    'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
    {
      i: { name: 'Supervised', framework: 'fastapi' },
    },
  );
  const id = createProject.id;
  const project = async () => (await gql<{ project: ProjectView }>(state.appUrl, projectQuery, { id })).project;
  await waitFor('two files to be written', async () => (await project()).files.length >= 2, {
    timeoutMs: 60_000,
    abort: stillRunning(run),
  });
  const atKill = await project();
  killWorker(firstWorker);

  // The launcher stays up, starts a new worker and records it in stack.json.
  await waitFor('a new worker', async () => pidOf(readState(), 'worker') !== firstWorker, { timeoutMs: 60_000, abort: stillRunning(run) });
  let done = atKill;
  await waitFor(
    'the build to finish on the restarted worker',
    async () => {
      done = await project();
      return done.status === 'READY' || done.status === 'FAILED';
    },
    { timeoutMs: 150_000, intervalMs: 500, abort: stillRunning(run) },
  );
  expect(atKill.status).not.toBe('READY');
  expect(done.status).toBe('READY');
  expect(done.files.length).toBeGreaterThan(atKill.files.length);
  expect(new Set(done.files.map((f) => f.path)).size).toBe(done.files.length);
  expect(alive(firstWorker)).toBe(false);
  expect(alive(pidOf(readState(), 'worker'))).toBe(true);

  // Why, which child, which attempt.
  expect(run.output()).toMatch(/worker was killed by SIGKILL \(crash 1 of 5 allowed within 60 s\); restarting it in 0\.5 s \(attempt 1\)/);
  expect(run.output()).toMatch(/worker restarted \(pid \d+, attempt 1\)/);
  expect(run.output()).not.toContain('A child process stopped unexpectedly');

  // A clean stop after a restart restarts nothing and leaves nothing behind.
  const pids = readState().pids;
  run.child.kill('SIGINT');
  expect(await run.exit).toBe(130);
  expect(pids.filter(alive)).toEqual([]);
  const afterStop = run.output().slice(run.output().indexOf('SIGINT received'));
  expect(afterStop).toContain('Stopping worker');
  expect(afterStop).not.toMatch(/restarting it in|restarted \(pid/);
});

it('gives up on a worker that keeps crashing: one clear message, everything stopped, exit 1', async () => {
  const run = (current = launch());
  const state = await waitReady(run);
  const killed = new Set<number>();
  // Kill each new worker as soon as the launcher records it, until the launcher exits.
  const exited = run.exit.then((code) => ({ code }));
  for (;;) {
    const outcome = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
    if (outcome) break;
    if (!fs.existsSync(stateFile())) continue;
    const worker = pidOf(readState(), 'worker');
    if (killed.has(worker)) continue;
    killed.add(worker);
    try {
      killWorker(worker);
    } catch {
      // Already gone.
    }
  }
  expect(await run.exit).toBe(1);
  expect(killed.size).toBe(5);
  expect(run.output()).toContain('Atelier is stopping: a process keeps crashing.');
  expect(run.output()).toMatch(/worker crashed 5 times within 60 s \(last: was killed by SIGKILL\); giving up and stopping Atelier\./);
  expect(run.output()).not.toMatch(/\n\s+at /);
  expect(state.pids.filter(alive)).toEqual([]);
  for (const port of Object.values(ports)) expect([port, await canConnect(port)]).toEqual([port, false]);
});
