import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxLimits } from '../types';
import { CGROUP_ROOT as ROOT, LaunchCgroup, killGroup, procsOf } from './launch-cgroup';

/** Which cgroup layout the host offers for sandbox limits. */
export type CgroupVersion = 1 | 2;

/** v1 controllers a sandbox gets a group in; freezer lets `killAll` stop a fork bomb before killing it. */
const V1_CONTROLLERS = ['memory', 'pids', 'cpu', 'freezer'] as const;
/**
 * v1 controllers a launch gets a child group in: enough to list and kill its processes. Memory and CPU
 * stay charged to the sandbox's group: a child memory cgroup per launch would leave an offline memcg
 * behind for every launch that wrote tmpfs pages.
 */
const LAUNCH_CONTROLLERS = ['pids', 'freezer'] as const;

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

  /** Pids in the group and its launch groups (empty when it does not exist). */
  async pids(): Promise<number[]> {
    const dir = this.version === 2 ? this.dirs[0]! : join(ROOT, 'pids', this.parent, this.id);
    const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const lists = await Promise.all([dir, ...children.filter((e) => e.isDirectory()).map((e) => join(dir, e.name))].map(procsOf));
    return lists.flat();
  }

  /**
   * A child group for one launch: the launcher joins it (pids and freezer on v1; memory and CPU stay
   * charged to the sandbox's group), and `kill()` ends everything in it and removes it. `name` is fixed
   * for a launch that outlives its caller (the preview), random otherwise.
   */
  launch(name = `l-${randomBytes(6).toString('hex')}`): LaunchCgroup {
    const dirs =
      this.version === 2
        ? [join(this.dirs[0]!, name)]
        : LAUNCH_CONTROLLERS.map((c) => join(ROOT, c, this.parent, this.id, name)).filter((d) => existsSync(join(d, '..')));
    const shared =
      this.version === 2 ? [] : this.procsFiles.filter((f) => !LAUNCH_CONTROLLERS.some((c) => f.startsWith(join(ROOT, c, '/'))));
    return new LaunchCgroup(this.version, dirs, shared);
  }

  /** Memory charged to the group, in bytes, or null when unknown. */
  async memoryBytes(): Promise<number | null> {
    const file = this.version === 2 ? join(this.dirs[0]!, 'memory.current') : join(ROOT, 'memory', this.parent, this.id, 'memory.usage_in_bytes');
    const text = await readFile(file, 'utf8').catch(() => null);
    return text === null ? null : Number(text.trim());
  }

  /** Kills every process in the group and its launch groups; freezes first so a fork bomb cannot outrun the kill. */
  async killAll(): Promise<void> {
    const freezer = this.version === 2 ? null : join(ROOT, 'freezer', this.parent, this.id);
    await killGroup(this.version, this.dirs[0]!, freezer, () => this.pids());
  }

  /** Kills what is left and removes the group's directories. */
  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) {
      const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const child of children.filter((e) => e.isDirectory())) await rmdir(join(dir, child.name)).catch(() => undefined);
      await rmdir(dir).catch(() => undefined);
    }
  }

  /** Ids of every sandbox group under `parent` (for the orphan sweep). */
  static async list(version: CgroupVersion, parent: string): Promise<string[]> {
    const dir = version === 2 ? join(ROOT, parent) : join(ROOT, 'pids', parent);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory()).map((e) => e.name);
  }
}
