import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/** How one sandboxed process is run and watched. */
export interface RunOptions {
  readonly stdin?: string | Buffer;
  readonly timeoutMs: number;
  readonly maxOutputBytes: number;
  readonly onStdout?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
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

/**
 * Spawns `argv` (the launcher → prlimit → setpriv → bwrap chain, all exec'd, so the child pid is
 * bubblewrap's) and collects capped output. On timeout or abort the child gets SIGKILL; bubblewrap's
 * `--die-with-parent` then kills the namespace's init, and the kernel kills everything in the pid
 * namespace with it.
 */
export function runProcess(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // fd 3 is bubblewrap's --info-fd: it names the namespace's init, whose death means the whole tree is gone.
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: options.env ?? {} });
    let nsInit: number | undefined;
    let info = '';
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      info += chunk.toString('utf8');
      nsInit ??= Number(/"child-pid"\s*:\s*(\d+)/.exec(info)?.[1]) || undefined;
    });
    let killed = false;
    let timedOut = false;
    let truncated = false;
    const collect = (stream: NodeJS.ReadableStream, sink?: (chunk: string) => void) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => {
        const room = options.maxOutputBytes - size;
        if (room <= 0) {
          truncated = true;
          return;
        }
        const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
        if (kept.length < chunk.length) truncated = true;
        chunks.push(kept);
        size += kept.length;
        if (sink) sink(decoder.write(kept));
      });
      return () => Buffer.concat(chunks);
    };
    const stdout = collect(child.stdout, options.onStdout);
    const stderr = collect(child.stderr, options.onStderr);
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) kill();
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.stdin ?? '');
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (killed && nsInit) await untilGone(nsInit);
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

/**
 * Waits (up to 5 s) until the namespace's init is reaped or a zombie: the kernel kills and reaps every
 * other process of a pid namespace before its init finishes exiting.
 */
async function untilGone(pid: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (stat === null || /\) [ZX] /.test(stat)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGKILL: 9, SIGTERM: 15, SIGINT: 2, SIGSEGV: 11, SIGABRT: 6 } as Record<string, number>)[signal] ?? 9;
}
