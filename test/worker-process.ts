/** The real worker entry (activities/worker.ts) in its own process, for tests that crash or restart it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { testServices, type Stack } from './harness';

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
