/**
 * Runs a service as a child in its own process group, so that stopping it also stops what it spawned
 * (the Liveblocks CLI runs bun, npx runs tsx). Output lines are prefixed with a coloured name and
 * appended to `<logDir>/<name>.log`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ChildExitedError } from './errors';

const colours = [36, 35, 33, 32, 34, 91, 96, 95];
let nextColour = 0;

/** Children still running, so a shutdown can also reach one whose start was still in flight. */
const live = new Set<ManagedProcess>();

/** Stops every managed child still running (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopAllProcesses(graceMs?: number): Promise<void> {
  await Promise.all([...live].map((p) => p.stop(graceMs)));
}

/** SIGKILLs the process group of every managed child still running; for a forced exit. */
export function killAllProcesses(): void {
  for (const p of live) {
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** How to run one managed child. */
export interface ProcessSpec {
  /** Short name used as the output prefix and the log file name. */
  name: string;
  command: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Folder for `<name>.log`; no log file when omitted. */
  logDir?: string;
  /** Open an IPC channel (the worker and the API report readiness through it). */
  ipc?: boolean;
  /** Where prefixed lines go; defaults to stdout. Pass `null` to keep the terminal quiet. */
  echo?: NodeJS.WritableStream | null;
  /** Run as this uid/gid (embedded Postgres refuses to run as root). */
  uid?: number;
  gid?: number;
}

/** A running child and the ways to watch and stop it. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile?: string;
  readonly child: ChildProcess;
  /** Resolves once the child has exited, whatever the reason. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Exit status, or undefined while it runs. */
  exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** The last output lines, for error messages. */
  lastLines(n?: number): string[];
  /** Throws a {@link ChildExitedError} if the child has already exited. */
  assertRunning(): void;
  /** Resolves with the first IPC message of the given type; rejects if the child exits first. */
  waitForMessage<T extends { type: string }>(type: string, timeoutMs?: number): Promise<T>;
  /** SIGTERM to the whole group, then SIGKILL after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a child in its own process group and starts tracking it. */
export function startProcess(spec: ProcessSpec): ManagedProcess {
  const colour = colours[nextColour++ % colours.length];
  const prefix = `\x1b[${colour}m${spec.name.padEnd(10)}\x1b[0m| `;
  const echo = spec.echo === undefined ? process.stdout : spec.echo;
  let logFile: string | undefined;
  let log: fs.WriteStream | undefined;
  if (spec.logDir) {
    fs.mkdirSync(spec.logDir, { recursive: true, mode: 0o700 });
    logFile = path.join(spec.logDir, `${spec.name}.log`);
    // Logs can hold whatever a service prints (URLs with passwords, request details): owner only.
    const fd = fs.openSync(logFile, 'a', 0o600);
    fs.fchmodSync(fd, 0o600);
    log = fs.createWriteStream(logFile, { fd });
    log.write(`\n--- ${new Date().toISOString()} ${spec.command} ${(spec.args ?? []).join(' ')}\n`);
  }
  const child = spawn(spec.command, spec.args ?? [], {
    cwd: spec.cwd,
    env: spec.env ?? process.env,
    detached: true,
    stdio: spec.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    uid: spec.uid,
    gid: spec.gid,
  });
  const tail: string[] = [];
  const onLine = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    // A child's pipes can still deliver lines after its exit closed the log: drop them rather than crash.
    if (log && !log.writableEnded) log.write(line + '\n');
    echo?.write(prefix + line + '\n');
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) readline.createInterface({ input: stream }).on('line', onLine);
  }
  let status: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (err) => {
      onLine(`failed to start: ${err.message}`);
      status = { code: 127, signal: null };
      resolve(status);
    });
    child.once('exit', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  }).finally(() => log?.end());

  // ANSI colour codes start with ESC, a control character by definition.
  // eslint-disable-next-line no-control-regex
  const lastLines = (n = 12) => tail.slice(-n).map((l) => l.replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''));
  const exitError = () => new ChildExitedError(spec.name, status!.code, status!.signal, lastLines(), logFile);
  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // The group is already gone.
    }
  };

  const managed: ManagedProcess = {
    name: spec.name,
    pid: child.pid ?? -1,
    logFile,
    child,
    exited,
    exitStatus: () => status,
    lastLines,
    assertRunning() {
      if (status) throw exitError();
    },
    waitForMessage<T extends { type: string }>(type: string, timeoutMs = 120_000) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new ChildExitedError(`${spec.name} sent no '${type}' message within ${timeoutMs / 1000}s and`, null, null, lastLines(), logFile)),
          timeoutMs,
        );
        child.on('message', (msg: T) => {
          if (msg && msg.type === type) {
            clearTimeout(timer);
            resolve(msg);
          }
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(exitError());
        });
      });
    },
    async stop(graceMs = 10_000) {
      if (!child.pid) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      // Grandchildren (bun under the Liveblocks CLI) may outlive the leader: give them the rest of the grace.
      const deadline = Date.now() + Math.min(graceMs, 3000);
      while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      clearTimeout(timer);
      signalGroup('SIGKILL');
    },
  };
  live.add(managed);
  void exited.then(() => live.delete(managed));
  return managed;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs a command to completion (output captured) and resolves with its exit code and output. */
export function runCommand(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; uid?: number; gid?: number } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], uid: opts.uid, gid: opts.gid });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.once('error', (err) => resolve({ code: 127, output: err.message }));
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
