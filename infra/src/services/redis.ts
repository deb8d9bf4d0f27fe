/** A `redis-server` child: throwaway for tests, or persistent in `<data>/redis` for `npm start`. */
import fs from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { ToolMissingError } from '../errors';
import { assertPortFree, waitFor } from '../ports';
import { runCommand, startProcess, type ManagedProcess } from '../process';

/** Options of {@link startRedis}. */
export interface RedisOptions {
  port: number;
  /** Keep snapshots here (default snapshotting) so a restart reuses them; no persistence when omitted. */
  dataDir?: string;
  logDir?: string;
  name?: string;
  /**
   * `requirepass`: clients must AUTH. It goes in a config file (0600) in `configDir`, not on the command
   * line, where `ps` would show it to every user.
   */
  password?: string;
  /** Where the config file with the password is written; required with `password`. */
  configDir?: string;
  echo?: NodeJS.WritableStream | null;
}

/** A running redis-server child. */
export interface RedisServer {
  url: string;
  pid: number;
  /** The managed child, for crash monitoring. */
  child: ManagedProcess;
  stop(): Promise<void>;
}

/** Returns `redis-server`, installing Debian's package first when missing and we are root with apt-get. */
export async function ensureRedisServer(log: (line: string) => void = console.log): Promise<string> {
  if ((await runCommand('redis-server', ['--version'])).code === 0) return 'redis-server';
  const canApt = process.getuid?.() === 0 && (await runCommand('apt-get', ['--version'])).code === 0;
  if (!canApt) {
    throw new ToolMissingError(
      'redis-server is not installed.',
      'Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`, macOS: `brew install redis`), or set REDIS_URL to a running Redis.',
    );
  }
  log('Installing redis-server with apt-get (apt-get update && apt-get install -y redis-server) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await runCommand('apt-get', ['update'], { env });
  const install = update.code === 0 ? await runCommand('apt-get', ['install', '-y', 'redis-server'], { env }) : update;
  if (install.code !== 0) {
    throw new ToolMissingError(`apt-get could not install redis-server: ${install.output.trim().split('\n').pop()}`, 'Install redis-server yourself, or set REDIS_URL.');
  }
  return 'redis-server';
}

/** Starts redis-server on 127.0.0.1 and resolves once it answers PING. */
export async function startRedis(opts: RedisOptions): Promise<RedisServer> {
  await assertPortFree(opts.port, 'Redis', 'ATELIER_REDIS_PORT, or REDIS_URL to use a running Redis');
  const bin = await ensureRedisServer();
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--protected-mode', 'no'];
  if (opts.password) {
    if (!opts.configDir) throw new Error('startRedis: a password needs a configDir for its config file');
    const conf = path.join(opts.configDir, `${opts.name ?? 'redis'}.conf`);
    fs.writeFileSync(conf, `requirepass ${opts.password}\n`, { mode: 0o600 });
    fs.chmodSync(conf, 0o600);
    // A config file must be the first argument.
    args.unshift(conf);
  }
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    args.push('--dir', opts.dataDir, '--dbfilename', 'dump.rdb', '--appendonly', 'no');
  } else {
    args.push('--save', '', '--appendonly', 'no');
  }
  const proc = startProcess({ name: opts.name ?? 'redis', command: bin, args, logDir: opts.logDir, echo: opts.echo });
  const url = opts.password ? `redis://:${opts.password}@127.0.0.1:${opts.port}` : `redis://127.0.0.1:${opts.port}`;
  try {
    await waitFor(`Redis on port ${opts.port}`, () => ping(url), { timeoutMs: 20_000, abort: proc.assertRunning });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  // SIGTERM makes redis-server save its snapshot (when persistence is on) before exiting.
  return { url, pid: proc.pid, child: proc, stop: () => proc.stop(15_000) };
}

/** True when the Redis at `url` answers PING. */
export async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } finally {
    client.disconnect();
  }
}
