import { execFile } from 'node:child_process';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { SandboxNotFoundError, SandboxUnsupportedError } from '../sandbox.errors';
import type { CreateSandboxOptions, SandboxBackend, SandboxLimits, SandboxRuntime } from '../types';
import { SandboxCgroup, detectCgroupVersion, type CgroupVersion } from './cgroups';
import { LocalSandbox } from './local-sandbox';
import { DEFAULT_REGISTRY_HOSTS, RegistryGateway } from './registry-gateway';
import { LAUNCHER_SYSCALLS } from './seccomp';
import { runtimeBinaries } from './steps';

const run = promisify(execFile);

/** `dir`'s parent folders, nearest last, without `dir` itself (created 0711 by the backend). */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) out.unshift(d);
  return ['/', ...out];
}

/** True when `tool` is an executable in one of the usual system folders (the launcher's `sh` finds it there). */
function onPath(tool: string): boolean {
  return ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].some((dir) => existsSync(join(dir, tool)));
}

/** Configuration of the local backend; every field has a default but `root`. */
export interface LocalBackendOptions {
  /** Folder holding one `<id>/` per sandbox; made 0711 and owned by root. */
  readonly root: string;
  /** Name of the cgroup that parents every sandbox's group; default derived from `root`, so two roots never share one. */
  readonly cgroupParent?: string;
  /** Limits of a sandbox that asks for none. */
  readonly limits?: Partial<SandboxLimits>;
  /** Wall-clock limit of one exec, in ms. */
  readonly execTimeoutMs?: number;
  /** Wall-clock limit of install, test and build steps, in ms. */
  readonly installTimeoutMs?: number;
  /** Output kept per stream and exec, in bytes. */
  readonly maxOutputBytes?: number;
  /** Hosts the registry gateway lets installs reach. */
  readonly registryHosts?: readonly string[];
  /** Where a registry host is really reached, as `host:port` (tests point one at a loopback fake); default `<host>:443`. */
  readonly registryUpstreams?: Readonly<Record<string, string>>;
  /** Connections to the registry gateway one sandbox may hold at once (default 64). */
  readonly gatewayMaxConnections?: number;
  /** A gateway connection idle this long is closed, in ms (default 60 s). */
  readonly gatewayIdleTimeoutMs?: number;
  /** Told after every sandbox operation (the manager records last activity). */
  readonly onActivity?: (id: string) => void;
}

/** Limits when neither the caller nor the options say otherwise. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = { memoryMb: 1024, maxProcesses: 256, cpus: 1, diskMb: 512 };

interface SandboxRecord {
  id: string;
  runtime: SandboxRuntime;
  uid: number;
  limits: SandboxLimits;
  createdAt: string;
}

/**
 * Sandboxes on this host with bubblewrap, cgroups and a tmpfs workspace per sandbox. Must run as
 * root (it mounts, writes cgroups and drops to a per-sandbox uid); the README lists what it isolates.
 */
export class LocalSandboxBackend implements SandboxBackend {
  readonly name = 'local' as const;
  readonly runtimes: readonly SandboxRuntime[];
  private readonly root: string;
  private readonly cgroupVersion: CgroupVersion;
  private readonly gateway: RegistryGateway;
  private readonly bridgeDir = __dirname;

  constructor(private readonly options: LocalBackendOptions) {
    const version = detectCgroupVersion();
    if (version === null) throw new SandboxUnsupportedError('No writable cgroup v1 or v2 memory and pids controllers on this host');
    if (process.getuid?.() !== 0) throw new SandboxUnsupportedError('The local sandbox backend must run as root');
    const missing = ['bwrap', 'prlimit', 'setpriv', 'nsenter', 'mount', 'perl'].filter((tool) => !onPath(tool));
    if (missing.length) throw new SandboxUnsupportedError(`The local sandbox backend needs ${missing.join(', ')} (apt-get install bubblewrap util-linux mount perl-base)`);
    if (!LAUNCHER_SYSCALLS) throw new SandboxUnsupportedError(`The local sandbox backend runs on x86_64 and aarch64 hosts, not ${process.arch}`);
    this.cgroupVersion = version;
    this.root = resolve(options.root);
    // bubblewrap runs as the sandbox's uid and must reach the workspace: every folder above it needs o+x.
    const closed = ancestors(this.root).find((dir) => existsSync(dir) && (statSync(dir).mode & 0o001) === 0);
    if (closed) throw new SandboxUnsupportedError(`${closed} must be traversable by other users (chmod o+x) to hold sandboxes`);
    this.runtimes = (Object.keys(runtimeBinaries) as SandboxRuntime[]).filter((r) => runtimeBinaries[r].some((bin) => existsSync(bin)));
    this.gateway = new RegistryGateway({
      dir: join(this.root, '.gateway'),
      allowedHosts: options.registryHosts ?? DEFAULT_REGISTRY_HOSTS,
      upstreams: options.registryUpstreams,
      maxConnectionsPerSandbox: options.gatewayMaxConnections,
      idleTimeoutMs: options.gatewayIdleTimeoutMs,
    });
  }

  async create(options: CreateSandboxOptions): Promise<LocalSandbox> {
    if (!this.runtimes.includes(options.runtime)) throw new SandboxUnsupportedError(`Runtime ${options.runtime} has no toolchain on this host`);
    const limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, ...this.options.limits, ...options.limits };
    // A uid of its own per sandbox: RLIMIT_NPROC counts per uid, and no two sandboxes share file ownership.
    const record: SandboxRecord = { id: randomUUID(), runtime: options.runtime, uid: 1_000_000 + randomInt(1_000_000_000), limits, createdAt: new Date().toISOString() };
    const dir = join(this.root, record.id);
    await mkdir(this.root, { recursive: true, mode: 0o711 });
    await chmod(this.root, 0o711);
    await mkdir(join(dir, 'workspace'), { recursive: true, mode: 0o711 });
    await chmod(dir, 0o711);
    await mkdir(join(dir, 'ctl'), { mode: 0o700 });
    const cgroup = new SandboxCgroup(this.cgroupVersion, this.cgroupParent, record.id);
    try {
      await run('mount', ['-t', 'tmpfs', '-o', `size=${limits.diskMb}m,mode=0755,uid=${record.uid},gid=${record.uid},nosuid,nodev`, 'tmpfs', join(dir, 'workspace')]);
      await cgroup.create(limits);
      await writeFile(join(dir, 'ctl', 'sandbox.json'), JSON.stringify(record));
    } catch (error) {
      await this.destroy(record.id);
      throw error;
    }
    return this.sandbox(record);
  }

  async connect(id: string): Promise<LocalSandbox> {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new SandboxNotFoundError(id);
    const text = await readFile(join(this.root, id, 'ctl', 'sandbox.json'), 'utf8').catch(() => null);
    if (!text) throw new SandboxNotFoundError(id);
    return this.sandbox(JSON.parse(text) as SandboxRecord);
  }

  async list(): Promise<string[]> {
    const dirs = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    const groups = await SandboxCgroup.list(this.cgroupVersion, this.cgroupParent);
    return [...new Set([...dirs.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name), ...groups])];
  }

  /** Kills every process, removes the cgroup, unmounts and deletes the workspace; idempotent. */
  async destroy(id: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return;
    await new SandboxCgroup(this.cgroupVersion, this.cgroupParent, id).remove();
    const dir = join(this.root, id);
    await run('umount', [join(dir, 'workspace')]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }

  /** Kills the registry gateway's process. */
  async close(): Promise<void> {
    await this.gateway.close();
  }

  private get cgroupParent(): string {
    return this.options.cgroupParent ?? `atelier-sandboxes-${createHash('sha256').update(this.root).digest('hex').slice(0, 8)}`;
  }

  private sandbox(record: SandboxRecord): LocalSandbox {
    return new LocalSandbox({
      ...record,
      dir: join(this.root, record.id),
      cgroup: new SandboxCgroup(this.cgroupVersion, this.cgroupParent, record.id),
      bridgeDir: this.bridgeDir,
      gateway: this.gateway,
      execTimeoutMs: this.options.execTimeoutMs ?? 60_000,
      installTimeoutMs: this.options.installTimeoutMs ?? 600_000,
      maxOutputBytes: this.options.maxOutputBytes ?? 1024 * 1024,
      touch: (id) => this.options.onActivity?.(id),
      destroy: (id) => this.destroy(id),
    });
  }
}
