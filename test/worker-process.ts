/** The real worker entry (activities/worker.ts) in its own process, for tests that crash or restart it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStack, testServices, type Stack } from './harness';

const root = resolve(__dirname, '..');

/**
 * Starts the worker against `stack`'s database and task queue and resolves once it reports ready (one node
 * process, so SIGKILL really kills it). `env` adds or overrides variables; `track` collects it for cleanup.
 */
export function startWorkerProcess(stack: Stack, env: Record<string, string>, track: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'activities/worker.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...process.env,
      DATABASE_URL: stack.db.url,
      REDIS_URL: testServices().redisUrl,
      TEMPORAL_ADDRESS: testServices().temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  track.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((ready, reject) => {
    child.on('message', (message: { type?: string }) => message.type === 'ready' && ready(child));
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${stderr}`)));
  });
}

/** What {@link useWorkerProcesses} fills in: read it inside tests, not at load time. */
export interface WorkerProcesses {
  stack: Stack;
  /** The workers' ATELIER_DATA_DIR; sandboxes live in its `sandboxes` folder. */
  dataDir: string;
  /** Starts a worker on this stack and data folder; `env` adds variables. */
  start(env?: Record<string, string>): Promise<ChildProcess>;
  /** SIGKILLs a worker and waits until it is gone. */
  kill(worker: ChildProcess): Promise<void>;
}

/**
 * Registers the file's hooks for tests that run the worker as its own process: a stack, a data folder the
 * sandboxes' unprivileged uids can traverse, and at the end every worker still running killed.
 */
export function useWorkerProcesses(name: string, stackOptions?: Parameters<typeof createStack>[0]): WorkerProcesses {
  const children: ChildProcess[] = [];
  const env: WorkerProcesses = {
    stack: undefined as unknown as Stack,
    dataDir: '',
    start: (extra = {}) =>
      startWorkerProcess(env.stack, { ATELIER_DATA_DIR: env.dataDir, ATELIER_SANDBOX_ROOT: join(env.dataDir, 'sandboxes'), ...extra }, children),
    kill: async (worker) => {
      const exited = new Promise((r) => worker.once('exit', r));
      worker.kill('SIGKILL');
      await exited;
    },
  };
  beforeAll(async () => {
    env.stack = await createStack(stackOptions);
    env.dataDir = mkdtempSync(join(tmpdir(), `atelier-${name}-`));
    // mkdtemp makes it 0700; the sandboxes' unprivileged uids must traverse it to reach their workspaces.
    chmodSync(env.dataDir, 0o755);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await env.stack?.dispose();
    if (env.dataDir) rmSync(env.dataDir, { recursive: true, force: true });
  });
  return env;
}
