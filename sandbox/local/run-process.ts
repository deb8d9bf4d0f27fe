import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** Bytes a launch reads on one more descriptor (its env, for bubblewrap's `--args`): a pipe, closed once written. */
export interface FdInput {
  readonly fd: number;
  readonly data: Buffer;
}

/** `stdio` (fds 0–2, and 3 when given) extended with a pipe at `input.fd`; fds between are left to the launcher to close. */
export function stdioWithInput(stdio: Exclude<StdioOptions, string>, input: FdInput): StdioOptions {
  const all = [...stdio];
  while (all.length < input.fd) all.push('ignore');
  all[input.fd] = 'pipe';
  return all;
}

/**
 * Writes `input.data` to the child's pipe at `input.fd` and closes our end (the reader waits for EOF).
 * A child that dies before reading makes the write fail with EPIPE; the launch's own exit reports that.
 */
export function sendInput(child: ChildProcess, input: FdInput): void {
  const pipe = child.stdio[input.fd] as Writable | null | undefined;
  if (!pipe) return;
  pipe.on('error', () => pipe.destroy());
  // Destroyed once flushed, so neither the child's 'close' nor the event loop waits on its other direction.
  pipe.end(input.data, () => pipe.destroy());
}

/** How one sandboxed process is run and watched. */
export interface RunOptions {
  readonly stdin?: string | Buffer;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly onStdout?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
  /** Sent on a descriptor of its own: the sandbox's env, which must not go into argv. */
  readonly input?: FdInput;
  /**
   * Kills every process of the launch (its cgroup) and resolves once none is left. Called on timeout,
   * abort, a full output cap, and when the launched process exits (whatever it left running). Without
   * it only the launched process itself is killed.
   */
  readonly killTree?: () => Promise<void>;
}

/** Raw result: output kept as bytes so file reads stay binary-safe. */
export interface RunResult {
  readonly exitCode: number;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  readonly durationMs: number;
  readonly timedOut: boolean;
  readonly truncated: boolean;
}

/** Thrown when the launch itself could not start (no descriptors or processes left, a missing binary). */
export class SandboxLaunchError extends Error {
  override readonly name = 'SandboxLaunchError';
  constructor(readonly detail: string) {
    super(`Could not start the sandbox process: ${detail}`);
  }
}

/**
 * Spawns `argv` (the launcher → prlimit → setpriv → bwrap chain, all exec'd) and collects capped
 * output. The call returns only once `killTree` reports the launch empty, so nothing it started is
 * still running, whether the command exited, timed out, was aborted or flooded its output.
 */
export function runProcess(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      const stdio: StdioOptions = options.input ? stdioWithInput(['pipe', 'pipe', 'pipe'], options.input) : ['pipe', 'pipe', 'pipe'];
      child = spawn(argv[0]!, argv.slice(1), { stdio, env: options.env ?? {} });
    } catch (error) {
      reject(new SandboxLaunchError((error as Error).message));
      return;
    }
    // First, before anything else can throw: an unhandled 'error' (EMFILE, EAGAIN) would end the process.
    child.on('error', (error) => fail(error.message));
    let settled = false;
    let timedOut = false;
    let truncated = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const fail = (detail: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // A launcher that started (it got a pid) may have gone on to start more: end it all first.
      void killTree().then(() => reject(new SandboxLaunchError(detail)));
    };
    let tree: Promise<void> | undefined;
    const killTree = (): Promise<void> => {
      tree ??= (options.killTree ? options.killTree() : Promise.resolve(void child.kill('SIGKILL'))).catch(() => undefined);
      return tree;
    };
    const kill = () => void killTree();
    const onAbort = () => kill();
    const { stdin, stdout: out, stderr: err } = child;
    if (!stdin || !out || !err) {
      // spawn hands back a child without pipes when it could not make them; its 'error' names why.
      setTimeout(() => fail('no stdio pipes'), 0);
      return;
    }
    const collect = (stream: NodeJS.ReadableStream, sink?: (chunk: string) => void) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => {
        const room = Math.max(0, options.maxOutputBytes - size);
        const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (kept.length > 0) {
          chunks.push(kept);
          size += kept.length;
          if (sink) sink(decoder.write(kept));
        }
        // A byte past the cap (output exactly at the cap is complete): draining a flood costs the worker
        // CPU for nothing, so the cap ends the launch.
        if (kept.length < chunk.length) {
          truncated = true;
          kill();
        }
      });
      return () => Buffer.concat(chunks);
    };
    const stdout = collect(out, options.onStdout);
    const stderr = collect(err, options.onStderr);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) kill();
    stdin.on('error', () => undefined);
    stdin.end(options.stdin ?? '');
    if (options.input) sendInput(child, options.input);
    // Once bubblewrap is gone, whatever its namespace left running (init kept alive, a daemon) is killed,
    // which also closes any pipe such a process still held.
    child.on('exit', () => void killTree());
    child.on('close', async (code, signal) => {
      if (settled) return;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      await killTree();
      settled = true;
      resolve({
        exitCode: code ?? 128 + (signal ? signalNumber(signal) : 9),
        stdout: stdout(),
        stderr: stderr(),
        durationMs: performance.now() - started,
        timedOut,
        truncated,
      });
    });
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGSEGV: 11, SIGABRT: 6 } as Record<string, number>)[signal] ?? 9;
}
