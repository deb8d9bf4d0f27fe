import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxLimits } from '../types';

/** Which cgroup layout the host offers for sandbox limits. */
export type CgroupVersion = 1 | 2;

const ROOT = '/sys/fs/cgroup';
/** v1 controllers a sandbox gets a group in; freezer lets `killAll` stop a fork bomb before killing it. */
const V1_CONTROLLERS = ['memory', 'pids', 'cpu', 'freezer'] as const;

/**
 * v2 when the unified hierarchy has the memory and pids controllers; else v1 when its memory and
 * pids hierarchies are mounted (this machine); else null and the backend refuses to start.
 */
export function detectCgroupVersion(): CgroupVersion | null {
  try {
    const controllers = readFileSync(join(ROOT, 'cgroup.controllers'), 'utf8');
    if (/\bmemory\b/.test(controllers) && /\bpids\b/.test(controllers)) return 2;
  } catch {
    // No unified hierarchy at the root.
  }
  return existsSync(join(ROOT, 'memory', 'cgroup.procs')) && existsSync(join(ROOT, 'pids', 'cgroup.procs')) ? 1 : null;
}

/**
 * One sandbox's control group(s): created with its limits, joined by every process the sandbox
 * starts (the launcher writes its own pid into `procsFiles` before it execs bubblewrap), emptied and
 * removed on destroy. `parent` groups all sandboxes so the start-up sweep finds leftovers.
 */
export class SandboxCgroup {
  constructor(
    readonly version: CgroupVersion,
    readonly parent: string,
    readonly id: string,
  ) {}

  /** The directories of this group, one per controller on v1, one on v2. */
  get dirs(): string[] {
    return this.version === 2 ? [join(ROOT, this.parent, this.id)] : V1_CONTROLLERS.map((c) => join(ROOT, c, this.parent, this.id)).filter((d) => existsSync(join(d, '..', '..')));
  }

  /** Files a process writes its pid into to join the group. */
  get procsFiles(): string[] {
    return this.dirs.map((d) => join(d, 'cgroup.procs'));
  }

  /** Creates the group and writes the limits; safe to call again for an existing group. */
  async create(limits: SandboxLimits): Promise<void> {
    const memory = String(limits.memoryMb * 1024 * 1024);
    const quota = Math.max(1000, Math.round(limits.cpus * 100_000));
    if (this.version === 2) {
      const parent = join(ROOT, this.parent);
      await mkdir(parent, { recursive: true });
      await writeFile(join(parent, 'cgroup.subtree_control'), '+memory +pids +cpu').catch(() => undefined);
      const dir = this.dirs[0]!;
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'memory.max'), memory);
      await writeFile(join(dir, 'memory.swap.max'), '0').catch(() => undefined);
      await writeFile(join(dir, 'pids.max'), String(limits.maxProcesses));
      await writeFile(join(dir, 'cpu.max'), `${quota} 100000`).catch(() => undefined);
      return;
    }
    for (const dir of this.dirs) await mkdir(dir, { recursive: true });
    const at = (controller: string, file: string) => join(ROOT, controller, this.parent, this.id, file);
    await writeFile(at('memory', 'memory.limit_in_bytes'), memory);
    // Swap would let a memory bomb page out instead of being killed; memsw exists only with swap accounting.
    await writeFile(at('memory', 'memory.memsw.limit_in_bytes'), memory).catch(() => undefined);
    await writeFile(at('pids', 'pids.max'), String(limits.maxProcesses));
    await writeFile(at('cpu', 'cpu.cfs_period_us'), '100000').catch(() => undefined);
    await writeFile(at('cpu', 'cpu.cfs_quota_us'), String(quota)).catch(() => undefined);
  }

  /** Pids in the group (empty when it does not exist). */
  async pids(): Promise<number[]> {
    const file = this.version === 2 ? join(this.dirs[0]!, 'cgroup.procs') : join(ROOT, 'pids', this.parent, this.id, 'cgroup.procs');
    const text = await readFile(file, 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map(Number);
  }

  /** Memory charged to the group, in bytes, or null when unknown. */
  async memoryBytes(): Promise<number | null> {
    const file = this.version === 2 ? join(this.dirs[0]!, 'memory.current') : join(ROOT, 'memory', this.parent, this.id, 'memory.usage_in_bytes');
    const text = await readFile(file, 'utf8').catch(() => null);
    return text === null ? null : Number(text.trim());
  }

  /** Kills every process in the group; freezes first so a fork bomb cannot outrun the kill loop. */
  async killAll(): Promise<void> {
    if (this.version === 2) {
      await writeFile(join(this.dirs[0]!, 'cgroup.kill'), '1').catch(() => undefined);
    } else {
      const freezer = join(ROOT, 'freezer', this.parent, this.id, 'freezer.state');
      const frozen = await writeFile(freezer, 'FROZEN').then(
        () => true,
        () => false,
      );
      for (const pid of await this.pids()) killQuietly(pid);
      if (frozen) await writeFile(freezer, 'THAWED').catch(() => undefined);
    }
    for (let attempt = 0; attempt < 100; attempt++) {
      const left = await this.pids();
      if (left.length === 0) return;
      left.forEach(killQuietly);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Kills what is left and removes the group's directories. */
  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) await rmdir(dir).catch(() => undefined);
  }

  /** Ids of every sandbox group under `parent` (for the orphan sweep). */
  static async list(version: CgroupVersion, parent: string): Promise<string[]> {
    const dir = version === 2 ? join(ROOT, parent) : join(ROOT, 'pids', parent);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
