/**
 * The embedded stack's secrets and folder modes. `.data` holds live secrets (service passwords, the master
 * keyring, mails with reset links, session-bearing logs), so its folders are 0700 and the secret files 0600
 * (the data folder itself 0711, for the sandboxes): another account on the machine reads nothing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Folders the launcher creates under the data folder before any service starts. */
export const DATA_SUBDIRS = ['logs', 'mail', 'secrets', 'redis', 'temporal', 'liveblocks'] as const;

/** Creates `dir` with mode 0700, and tightens it when it already exists (mkdir keeps an old mode). */
export function privateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * The data folder 0711 (others may pass through, never list: the local sandboxes under `sandboxes/` run as
 * their own uids and must reach their workspaces), its standard subfolders 0700, existing log files 0600.
 */
export function prepareDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  fs.chmodSync(dataDir, 0o711);
  for (const sub of DATA_SUBDIRS) privateDir(path.join(dataDir, sub));
  const logs = path.join(dataDir, 'logs');
  for (const file of fs.readdirSync(logs)) fs.chmodSync(path.join(logs, file), 0o600);
}

/**
 * A random password made once and kept in `<data>/secrets/<name>` (0600), so the embedded services and
 * the processes the launcher starts agree on it across restarts. `created` says it is new this time.
 */
export function localSecret(dataDir: string, name: string): { value: string; created: boolean } {
  const file = path.join(privateDir(path.join(dataDir, 'secrets')), name);
  try {
    return { value: fs.readFileSync(file, 'utf8').trim(), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // URL-safe, so it goes into DATABASE_URL and REDIS_URL unescaped.
  const value = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true };
}

/**
 * The embedded PostgreSQL password, and the one an existing cluster still has when the secret is new: a
 * cluster made before random passwords was initialised with `postgres`.
 */
export function postgresPassword(dataDir: string, clusterDir: string): { password: string; previousPassword?: string } {
  const clusterExists = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
  const { value, created } = localSecret(dataDir, 'postgres-password');
  return { password: value, previousPassword: created && clusterExists ? 'postgres' : undefined };
}
