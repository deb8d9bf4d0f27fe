/** Backends the sandbox test suites run against, each with its own root and cgroup parent. */
import { rmSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { LocalSandboxBackend, type LocalBackendOptions } from './local/local-backend';

const repoRoot = join(__dirname, '..');

/** A local backend under `.data/test/sandboxes-<pid>`; `dispose` destroys what is left and its cgroup parent. */
export function testLocalBackend(options: Partial<LocalBackendOptions> = {}): { backend: LocalSandboxBackend; dispose(): Promise<void> } {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const root = join(repoRoot, '.data', 'test', `sandboxes-${tag}`);
  const cgroupParent = `atelier-test-${tag}`;
  const backend = new LocalSandboxBackend({ root, cgroupParent, execTimeoutMs: 20_000, ...options });
  return {
    backend,
    async dispose() {
      for (const id of await backend.list()) await backend.destroy(id);
      await backend.close();
      rmSync(root, { recursive: true, force: true });
      for (const controller of ['memory', 'pids', 'cpu', 'freezer']) {
        try {
          rmdirSync(join('/sys/fs/cgroup', controller, cgroupParent));
        } catch {
          // Not created on this controller.
        }
      }
      try {
        rmdirSync(join('/sys/fs/cgroup', cgroupParent));
      } catch {
        // Only on cgroup v2.
      }
    },
  };
}
