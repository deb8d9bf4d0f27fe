import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the cgroup hierarchies are mounted. */
export const CGROUP_ROOT = '/sys/fs/cgroup';
const ROOT = CGROUP_ROOT;

/** Which cgroup layout the host offers (1: one hierarchy per controller, 2: unified). */
type Version = 1 | 2;

/** The group of one launch (see `SandboxCgroup.launch`). */
export class LaunchCgroup {
  private killed?: Promise<void>;

  constructor(
    readonly version: Version,
    /** This launch's own directories (pids and freezer on v1). */
    readonly dirs: readonly string[],
    /** The sandbox-level `cgroup.procs` files the launch joins too (memory, cpu on v1). */
    private readonly shared: readonly string[],
  ) {}

  async create(): Promise<void> {
    for (const dir of this.dirs)
      await mkdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
  }

  /** Files the launcher writes its pid into. */
  get procsFiles(): string[] {
    return [...this.shared, ...this.dirs.map((d) => join(d, 'cgroup.procs'))];
  }

  /** Pids still in the launch. */
  pids(): Promise<number[]> {
    return procsOf(this.dirs[0]!);
  }

  /**
   * Kills every process of the launch and resolves once none is left; once. The directories are removed
   * after that without holding up the caller (an exiting task can keep a v1 group busy for a few ms
   * after it left `cgroup.procs`); `killAndRemove` waits for that too.
   */
  kill(): Promise<void> {
    this.killed ??= (async () => {
      const freezer = this.version === 2 ? null : (this.dirs.find((d) => d.startsWith(join(ROOT, 'freezer', '/'))) ?? null);
      await killGroup(this.version, this.dirs[0]!, freezer, () => this.pids());
      this.removed = this.removeDirs();
    })();
    return this.killed;
  }

  /** `kill`, then waits until the directories are gone (before a group of the same name is made again). */
  async killAndRemove(): Promise<void> {
    await this.kill();
    await this.removed;
  }

  private removed?: Promise<void>;

  private async removeDirs(): Promise<void> {
    for (const dir of this.dirs) {
      for (let attempt = 0; attempt < 100; attempt++) {
        const error = await rmdir(dir).then(
          () => null,
          (e: NodeJS.ErrnoException) => e,
        );
        if (!error || error.code === 'ENOENT') break;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }
}

export async function procsOf(dir: string): Promise<number[]> {
  const text = await readFile(join(dir, 'cgroup.procs'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map(Number);
}

/**
 * SIGKILLs every pid of a group until it is empty. v2 has `cgroup.kill`; v1 has none, so the group is
 * frozen first (nothing forks while the pids are read and killed), then thawed so the kills land.
 */
export async function killGroup(version: Version, dir: string, freezerDir: string | null, pids: () => Promise<number[]>): Promise<void> {
  let left = await pids();
  if (left.length === 0) return;
  if (version === 2) {
    await writeFile(join(dir, 'cgroup.kill'), '1').catch(() => undefined);
  } else {
    const state = freezerDir ? join(freezerDir, 'freezer.state') : null;
    const frozen = state
      ? await writeFile(state, 'FROZEN').then(
          () => true,
          () => false,
        )
      : false;
    left.forEach(killQuietly);
    (await pids()).forEach(killQuietly);
    if (frozen) await writeFile(state!, 'THAWED').catch(() => undefined);
  }
  // Killed tasks usually leave within a millisecond or two: poll fast first (every launch ends here
  // when bubblewrap's init is still being torn down as it exits), then back off to 10 ms, ~5 s in all.
  for (let attempt = 0; attempt < 520; attempt++) {
    left = await pids();
    if (left.length === 0) return;
    left.forEach(killQuietly);
    await new Promise((r) => setTimeout(r, attempt < 20 ? 1 : 10));
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
