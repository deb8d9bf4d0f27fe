import type { Sandbox as E2BSandbox } from 'e2b';
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import { SandboxFileError } from '../sandbox.errors';
import { workspacePath } from '../paths';
import { shellQuote } from '../local/bwrap';
import { interruptible, steps } from '../local/steps';
import type { ExecOptions, ExecResult, FileEntry, PreviewInfo, PreviewOptions, Sandbox, SandboxRuntime, SandboxStatus, StepOptions } from '../types';

/** Limits the backend applies on its side of the wire. */
export interface E2BHandleOptions {
  readonly keepAliveMs: number;
  readonly execTimeoutMs: number;
  readonly maxOutputBytes: number;
}

/** Project steps on E2B: the VM has its own network, so installs need no gateway. */
const e2bSteps: Record<SandboxRuntime, { install: string; test: string; build: string; start: string }> = {
  ...steps,
  node: { ...steps.node, install: `test -f package.json || exit 0; ${interruptible('node_modules', 'npm install --no-audit --no-fund')}` },
  python: {
    ...steps.python,
    install: `test -f requirements.txt || exit 0; ${interruptible('.python_packages', 'python3 -m pip install --target .python_packages -r requirements.txt')}`,
  },
};

/** One E2B sandbox behind the common interface; the workspace is /home/user/workspace. */
export class E2BSandboxHandle implements Sandbox {
  readonly backend = 'e2b' as const;
  readonly root = '/home/user/workspace';
  private lastKeepAlive = Date.now();

  constructor(
    private readonly sandbox: E2BSandbox,
    readonly runtime: SandboxRuntime,
    private readonly options: E2BHandleOptions,
  ) {}

  get id(): string {
    return this.sandbox.sandboxId;
  }

  private abs(path: string): string {
    return posix.join(this.root, workspacePath(path));
  }

  /** Pushes E2B's idle timeout forward, at most once a minute. */
  private async keepAlive(): Promise<void> {
    if (Date.now() - this.lastKeepAlive < 60_000) return;
    this.lastKeepAlive = Date.now();
    await this.sandbox.setTimeout(this.options.keepAliveMs);
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    await this.keepAlive();
    const cap = options.maxOutputBytes ?? this.options.maxOutputBytes;
    let truncated = false;
    const capped = (sink?: (c: string) => void) => {
      let size = 0;
      const parts: string[] = [];
      const push = (chunk: string) => {
        const kept = chunk.slice(0, Math.max(0, cap - size));
        if (kept.length < chunk.length) truncated = true;
        size += kept.length;
        if (kept) {
          parts.push(kept);
          sink?.(kept);
        }
      };
      return { push, text: () => parts.join('') };
    };
    const out = capped(options.onStdout);
    const err = capped(options.onStderr);
    const started = performance.now();
    // Stdin travels as a file, never as shell text: nothing in it ($(), backticks, $VAR) can expand.
    const stdinFile = options.stdin === undefined ? null : `/tmp/atelier-stdin-${randomUUID()}`;
    if (stdinFile) await this.sandbox.files.write(stdinFile, toWritable(options.stdin!));
    const script = stdinFile ? `{ ${command}\n} < ${shellQuote(stdinFile)}` : command;
    let exitCode = 0;
    let timedOut = false;
    try {
      const r = await this.sandbox.commands.run(script, {
        cwd: this.abs(options.cwd ?? '.'),
        envs: { ...options.env },
        timeoutMs: options.timeoutMs ?? this.options.execTimeoutMs,
        onStdout: out.push,
        onStderr: err.push,
        signal: options.signal,
      } as Parameters<E2BSandbox['commands']['run']>[1]);
      exitCode = r.exitCode ?? 0;
    } catch (error) {
      // Matched by name: the SDK is loaded lazily (see e2b-backend.ts), so its classes are not imported here.
      const name = error instanceof Error ? error.name : '';
      if (name === 'CommandExitError') exitCode = (error as unknown as { exitCode: number }).exitCode;
      else if (name === 'TimeoutError' || options.signal?.aborted) {
        timedOut = !options.signal?.aborted;
        exitCode = 137;
      } else throw error;
    } finally {
      if (stdinFile) await this.sandbox.files.remove(stdinFile).catch(() => undefined);
    }
    return { exitCode, stdout: out.text(), stderr: err.text(), durationMs: performance.now() - started, timedOut, truncated };
  }

  async writeFile(path: string, content: string | Buffer): Promise<void> {
    await this.sandbox.files.write(this.abs(path), toWritable(content));
  }

  async readFile(path: string): Promise<Buffer> {
    try {
      return Buffer.from(await this.sandbox.files.read(this.abs(path), { format: 'bytes' }));
    } catch (error) {
      throw new SandboxFileError(workspacePath(path), error instanceof Error ? error.message : String(error));
    }
  }

  async listFiles(path = '.'): Promise<FileEntry[]> {
    const base = workspacePath(path);
    const entries = await this.sandbox.files.list(this.abs(path));
    return entries
      .map((e) => ({ path: base === '.' ? e.name : `${base}/${e.name}`, type: e.type === 'dir' ? ('directory' as const) : e.type === 'file' ? ('file' as const) : ('other' as const), size: e.size }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  async deleteFile(path: string): Promise<void> {
    if (workspacePath(path) === '.') throw new SandboxFileError('.', 'the workspace root cannot be deleted');
    await this.sandbox.files.remove(this.abs(path));
  }

  installDependencies(options: StepOptions = {}): Promise<ExecResult> {
    return this.exec(e2bSteps[this.runtime].install, { timeoutMs: 600_000, ...options });
  }

  runTests(options: StepOptions = {}): Promise<ExecResult> {
    return this.exec(e2bSteps[this.runtime].test, { timeoutMs: 600_000, ...options });
  }

  build(options: StepOptions = {}): Promise<ExecResult> {
    return this.exec(e2bSteps[this.runtime].build, { timeoutMs: 600_000, ...options });
  }

  async startPreview(options: PreviewOptions = {}): Promise<PreviewInfo> {
    const port = options.port ?? 3000;
    await this.sandbox.commands.run(options.command ?? e2bSteps[this.runtime].start, { background: true, cwd: this.root, envs: { ...options.env, PORT: String(port) } });
    return { port, target: { url: `https://${this.sandbox.getHost(port)}` } };
  }

  async killProcesses(): Promise<void> {
    for (const p of await this.sandbox.commands.list()) await this.sandbox.commands.kill(p.pid);
  }

  async status(): Promise<SandboxStatus> {
    const running = await this.sandbox.isRunning();
    return { id: this.id, state: running ? 'running' : 'stopped', runtime: this.runtime, processes: null, memoryBytes: null, preview: null };
  }

  async destroy(): Promise<void> {
    await this.sandbox.kill();
  }
}

/** What the SDK's `files.write` takes: a string as it is, a Buffer as exactly its own bytes. */
function toWritable(content: string | Buffer): string | ArrayBuffer {
  return typeof content === 'string' ? content : (content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);
}
