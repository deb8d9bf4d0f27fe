import { SandboxFileError } from '../sandbox.errors';
import { workspacePath } from '../paths';
import type { ExecOptions, ExecResult, FileEntry, PreviewInfo, PreviewOptions, Sandbox, SandboxLimits, SandboxRuntime, SandboxStatus, StepOptions } from '../types';
import { bwrapArgv, ENV_FD, envArgs, shellQuote, type LaunchSpec } from './bwrap';
import type { SandboxCgroup } from './cgroups';
import type { LaunchCgroup } from './launch-cgroup';
import { launcherArgv } from './launcher';
import { startPreview, readPreview, type PreviewHost } from './preview';
import type { RegistryGateway } from './registry-gateway';
import { runProcess, type FdInput, type RunResult } from './run-process';
import { SECCOMP_FD, SECCOMP_PROGRAM } from './seccomp';
import { steps } from './steps';

/** What a LocalSandbox needs from its backend; persisted in `ctl/sandbox.json` but for the live parts. */
export interface LocalSandboxContext {
  readonly id: string;
  readonly runtime: SandboxRuntime;
  readonly uid: number;
  readonly limits: SandboxLimits;
  /** `<root>/<id>`: holds `workspace/` (a capped tmpfs) and `ctl/` (root only). */
  readonly dir: string;
  readonly cgroup: SandboxCgroup;
  readonly bridgeDir: string;
  readonly gateway: RegistryGateway;
  readonly execTimeoutMs: number;
  readonly installTimeoutMs: number;
  readonly maxOutputBytes: number;
  /** Called after every operation, so the manager can track last activity. */
  readonly touch: (id: string) => void;
  readonly destroy: (id: string) => Promise<void>;
}

/** Largest file a read returns. */
const MAX_READ_BYTES = 32 * 1024 * 1024;

/**
 * The sandbox's code can put a FIFO (or a symlink to one, or a device) where a file is expected, and can swap
 * one in after any check. So what exists must be a regular file, and reads and writes open with O_NONBLOCK
 * (dd's nonblock flags): a FIFO swapped in later fails at once (ENXIO, EAGAIN) or reads empty, never waits.
 */
const REFUSE_SPECIAL = 'if [ -e "$p" ] && [ ! -f "$p" ]; then echo "not a regular file" >&2; exit 1; fi';

/** A sandbox on this host: every operation is a fresh bubblewrap launch inside the sandbox's cgroup. */
export class LocalSandbox implements Sandbox, PreviewHost {
  readonly backend = 'local' as const;

  constructor(private readonly ctx: LocalSandboxContext) {}

  get id(): string {
    return this.ctx.id;
  }

  get runtime(): SandboxRuntime {
    return this.ctx.runtime;
  }

  /** The launch description shared by every process of this sandbox. */
  spec(overrides: Partial<LaunchSpec> = {}): LaunchSpec {
    return {
      workspace: `${this.ctx.dir}/workspace`,
      bridgeDir: this.ctx.bridgeDir,
      uid: this.ctx.uid,
      maxProcesses: this.ctx.limits.maxProcesses,
      maxFileBytes: this.ctx.limits.diskMb * 1024 * 1024,
      // /tmp gets the workspace's cap again; both count against the memory limit too (tmpfs pages).
      tmpBytes: this.ctx.limits.diskMb * 1024 * 1024,
      cwd: '.',
      env: {},
      seccompFd: SECCOMP_PROGRAM ? SECCOMP_FD : undefined,
      ...overrides,
    };
  }

  /**
   * `command` run in this sandbox, joined to `procsFiles` first (a launch group, or the preview's),
   * under the seccomp filter. Its env goes to bubblewrap as `input` on a descriptor of its own, never
   * in argv: the caller spawns `argv` with that pipe (`runProcess`'s `input`, `sendInput`).
   */
  launch(command: string, overrides: Partial<LaunchSpec> = {}, procsFiles = this.ctx.cgroup.procsFiles): { argv: string[]; input: FdInput } {
    const spec = this.spec({ ...overrides, envFd: ENV_FD });
    return { argv: this.argv(spec, command, procsFiles), input: { fd: ENV_FD, data: envArgs(spec.env) } };
  }

  private argv(spec: LaunchSpec, command: string, procsFiles: readonly string[]): string[] {
    const keepFds = [spec.infoFd, spec.envFd].filter((fd): fd is number => fd !== undefined);
    return launcherArgv(procsFiles, bwrapArgv(spec, ['/bin/sh', '-c', command]), { keepFds, seccomp: spec.seccompFd !== undefined });
  }

  /** argv of a host command that joins `procsFiles` first (the preview forwarder). */
  inCgroup(argv: readonly string[], procsFiles = this.ctx.cgroup.procsFiles): string[] {
    return launcherArgv(procsFiles, argv);
  }

  /** The group of the preview server and its forwarder, killed when a new preview replaces it or on destroy. */
  previewCgroup(): LaunchCgroup {
    return this.ctx.cgroup.launch('preview');
  }

  private async run(command: string, options: ExecOptions & { stdinBytes?: Buffer; gatewaySocket?: string }): Promise<RunResult> {
    this.ctx.touch(this.id);
    // A group of its own per launch: whatever the command leaves running is killed when the call ends.
    const launch = this.ctx.cgroup.launch();
    // Built first: a refused env (a bad name, a NUL byte) throws before any group exists.
    const { argv, input } = this.launch(command, { cwd: workspacePath(options.cwd ?? '.'), env: options.env ?? {}, gatewaySocket: options.gatewaySocket }, launch.procsFiles);
    await launch.create();
    try {
      return await runProcess(argv, {
        input,
        killTree: () => launch.kill(),
        stdin: options.stdinBytes ?? options.stdin,
        timeoutMs: options.timeoutMs ?? this.ctx.execTimeoutMs,
        maxOutputBytes: options.maxOutputBytes ?? this.ctx.maxOutputBytes,
        onStdout: options.onStdout,
        onStderr: options.onStderr,
        signal: options.signal,
      });
    } finally {
      await launch.kill();
      this.ctx.touch(this.id);
    }
  }

  async exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    return decode(await this.run(command, options));
  }

  // File operations run inside the sandbox as its uid, so a symlink the code planted resolves in
  // the sandbox's own mount namespace (no /etc, no /root, no host data) and never on the host.
  private async fileOp(path: string, script: string, stdin?: Buffer, maxOutputBytes = 1024 * 1024): Promise<Buffer> {
    const rel = workspacePath(path);
    const r = await this.run(`set -e; p=${shellQuote(`./${rel}`)}; ${script}`, { stdinBytes: stdin, maxOutputBytes, timeoutMs: 30_000 });
    if (r.exitCode !== 0) throw new SandboxFileError(rel, r.stderr.toString('utf8').trim() || `exit code ${r.exitCode}`);
    return r.stdout;
  }

  async writeFile(path: string, content: string | Buffer): Promise<void> {
    await this.fileOp(path, `mkdir -p -- "$(dirname -- "$p")"; ${REFUSE_SPECIAL}; dd of="$p" oflag=nonblock bs=65536 status=none`, Buffer.from(content));
  }

  async readFile(path: string): Promise<Buffer> {
    return this.fileOp(path, `test -f "$p" || { echo "not a regular file" >&2; exit 1; }; dd if="$p" iflag=nonblock,count_bytes bs=65536 count=${MAX_READ_BYTES} status=none`, undefined, MAX_READ_BYTES);
  }

  async listFiles(path = '.'): Promise<FileEntry[]> {
    const out = await this.fileOp(path, `test -d "$p" || { echo "not a directory" >&2; exit 1; }; find -H "$p" -mindepth 1 -maxdepth 1 -printf '%y\\t%s\\t%P\\0'`);
    const base = workspacePath(path);
    const types: Record<string, FileEntry['type']> = { f: 'file', d: 'directory', l: 'symlink' };
    return out
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [type, size, name] = line.split('\t');
        return { path: base === '.' ? name! : `${base}/${name}`, type: types[type!] ?? 'other', size: Number(size) };
      })
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  async deleteFile(path: string): Promise<void> {
    if (workspacePath(path) === '.') throw new SandboxFileError('.', 'the workspace root cannot be deleted');
    await this.fileOp(path, 'rm -rf -- "$p"');
  }

  async installDependencies(options: StepOptions = {}): Promise<ExecResult> {
    const timeoutMs = options.timeoutMs ?? this.ctx.installTimeoutMs;
    // The install's own gateway socket: closed, with every connection it accepted, however the install ends.
    const gateway = await this.ctx.gateway.open(this.id, timeoutMs + 10_000);
    try {
      return decode(await this.run(steps[this.runtime].install, { ...options, timeoutMs, gatewaySocket: gateway.socketPath }));
    } finally {
      await gateway.close();
    }
  }

  runTests(options: StepOptions = {}): Promise<ExecResult> {
    return this.exec(steps[this.runtime].test, { timeoutMs: this.ctx.installTimeoutMs, ...options });
  }

  build(options: StepOptions = {}): Promise<ExecResult> {
    return this.exec(steps[this.runtime].build, { timeoutMs: this.ctx.installTimeoutMs, ...options });
  }

  startPreview(options: PreviewOptions = {}): Promise<PreviewInfo> {
    this.ctx.touch(this.id);
    return startPreview(this, this.ctx.dir, this.ctx.bridgeDir, {
      command: options.command ?? steps[this.runtime].start,
      port: options.port ?? 3000,
      readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
      env: options.env,
    });
  }

  terminalArgv(): string[] {
    this.ctx.touch(this.id);
    // No --new-session: the shell gets job control on its PTY; TIOCSTI can only reach that same PTY.
    // node-pty passes no extra descriptor, so no env fd: the prompt is set by the command instead.
    return this.argv(this.spec({ interactive: true }), `export PS1=${shellQuote('sandbox:\\w$ ')}; exec bash -i`, this.ctx.cgroup.procsFiles);
  }

  async killProcesses(): Promise<void> {
    await this.ctx.cgroup.killAll();
  }

  async status(): Promise<SandboxStatus> {
    const [pids, memoryBytes, preview] = await Promise.all([this.ctx.cgroup.pids(), this.ctx.cgroup.memoryBytes(), readPreview(this.ctx.dir)]);
    return { id: this.id, state: 'running', runtime: this.runtime, processes: pids.length, memoryBytes, preview };
  }

  destroy(): Promise<void> {
    return this.ctx.destroy(this.id);
  }
}

function decode(r: RunResult): ExecResult {
  return { ...r, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}
