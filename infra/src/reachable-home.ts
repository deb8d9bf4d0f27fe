/**
 * A folder outside the checkout, one per data folder, for what another account must reach when the
 * checkout is closed to it: cloned as root into root's 0700 home or a `mktemp -d` folder, the `postgres`
 * user cannot reach `.data/postgres` nor the binaries in `node_modules`, and the sandboxes' uids cannot
 * reach `.data/sandboxes`. The launcher never opens up the user's own folders to make them reachable.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A uid/gid pair another process runs as. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Durable first (a database must not be swept by tmp cleaners), the temp folder when that is not writable. */
const BASES = ['/var/lib/atelier', path.join(os.tmpdir(), 'atelier')];

/** True when `as` may enter `dir` (search permission on it and every folder above it), as the kernel decides. */
export function canEnter(dir: string, as: RunAs): boolean {
  const r = spawnSync('test', ['-x', dir], { uid: as.uid, gid: as.gid, stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** True when any account may pass through `dir` and every folder above it (o+x all the way up). */
export function openToOthers(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/**
 * `/var/lib/atelier/<hash of dataDir>` (root-owned, 0711: others pass through, never list), made on first
 * use with an `origin` file naming the data folder it belongs to; undefined when no base folder can be
 * made that others can pass through.
 */
export function reachableHome(dataDir: string): string | undefined {
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  for (const base of BASES) {
    try {
      const home = path.join(base, key);
      for (const dir of [base, home]) {
        fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
        fs.chmodSync(dir, 0o711);
      }
      fs.writeFileSync(path.join(home, 'origin'), `${path.resolve(dataDir)}\n`, { mode: 0o600 });
      if (openToOthers(home)) return home;
    } catch {
      // Not writable here (not root, read-only): try the next base.
    }
  }
  return undefined;
}
