/** Issue 11, item 4: what the launcher leaves in `.data` is readable by its owner only, and its services ask for passwords. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { localSecret, prepareDataDir } from './local-secrets';
import { freePort } from './ports';
import { startProcess } from './process';
import { ping, startRedis } from './services/redis';

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-secrets-'));
  fs.chmodSync(dataDir, 0o755);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

it('makes the data folder traverse-only (0711) and its subfolders 0700, and log files 0600', async () => {
  fs.mkdirSync(path.join(dataDir, 'logs'), { mode: 0o755 });
  fs.writeFileSync(path.join(dataDir, 'logs', 'old.log'), 'from an older launcher', { mode: 0o644 });
  prepareDataDir(dataDir);
  // Others may pass through (sandbox uids reach their workspaces under it) but list and read nothing.
  expect(modeOf(dataDir)).toBe(0o711);
  for (const sub of ['logs', 'mail', 'secrets', 'redis', 'temporal', 'liveblocks'])
    expect([sub, modeOf(path.join(dataDir, sub))]).toEqual([sub, 0o700]);
  expect(modeOf(path.join(dataDir, 'logs', 'old.log'))).toBe(0o600);

  const child = startProcess({ name: 'modes-probe', command: 'true', logDir: path.join(dataDir, 'logs'), echo: null });
  await child.stop();
  expect(modeOf(path.join(dataDir, 'logs', 'modes-probe.log'))).toBe(0o600);
});

it('makes each password once, keeps it in .data/secrets (0600) and returns the same one after', () => {
  const first = localSecret(dataDir, 'probe-password');
  expect(first.created).toBe(true);
  expect(first.value).toMatch(/^[\w-]{32}$/);
  expect(localSecret(dataDir, 'probe-password')).toEqual({ value: first.value, created: false });
  expect(modeOf(path.join(dataDir, 'secrets', 'probe-password'))).toBe(0o600);
});

it('embedded Redis refuses a client without the password, which is not on its command line', async () => {
  const password = localSecret(dataDir, 'redis-password').value;
  const redis = await startRedis({
    port: await freePort(),
    password,
    configDir: path.join(dataDir, 'secrets'),
    logDir: path.join(dataDir, 'logs'),
    name: 'secret-redis',
    echo: null,
  });
  try {
    const bare = redis.url.replace(/\/\/[^@]*@/, '//');
    expect(bare).not.toContain(password);
    // A bare client, as anything on the machine could open one: no AUTH, straight to a command.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(bare).port), '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (d) => (resolve(d.toString()), socket.destroy()));
      socket.once('error', reject);
    });
    expect(answer).toMatch(/^-NOAUTH/);
    expect(await ping(redis.url)).toBe(true);
    expect(fs.readFileSync(`/proc/${redis.pid}/cmdline`, 'utf8')).not.toContain(password);
    expect(modeOf(path.join(dataDir, 'secrets', 'secret-redis.conf'))).toBe(0o600);
  } finally {
    await redis.stop();
  }
});

/** The `pg` driver (CommonJS, no bundled types). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (o: { connectionString: string }) => { connect(): Promise<void>; end(): Promise<void> } };

interface Probe {
  url: string;
  password: string;
  clusterDir: string;
  initialised: boolean;
}

/** Starts embedded PostgreSQL in a child as the launcher would (outside jest: the package is ESM), until `stop()`. */
async function startPostgresProbe(probeDataDir: string): Promise<Probe & { stop(): Promise<void> }> {
  const fixture = path.join(__dirname, '..', '..', 'test', 'fixtures', 'infra', 'start-postgres.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    env: { ...process.env, PROBE_DATA_DIR: probeDataDir, PROBE_PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  try {
    const started = await new Promise<Probe>((resolve, reject) => {
      child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString())));
      child.once('exit', () => reject(new Error(`postgres fixture exited: ${err}`)));
    });
    return { ...started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const connect = async (url: string) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.end();
};

it('embedded PostgreSQL takes the random password, refuses the old default, and keeps .data closed', async () => {
  const started = await startPostgresProbe(dataDir);
  try {
    expect(started.url).toContain(`:${started.password}@`);
    expect(started.password).not.toBe('postgres');
    await expect(connect(started.url)).resolves.toBeUndefined();
    await expect(connect(started.url.replace(started.password, 'postgres'))).rejects.toThrow(/password authentication failed/);
    expect(modeOf(path.join(dataDir, 'secrets', 'postgres-password'))).toBe(0o600);
    // The postgres user (group) and the sandboxes' uids may only pass through .data.
    expect(modeOf(dataDir)).toBe(0o711);
    expect(started.clusterDir).toBe(path.join(dataDir, 'postgres'));
  } finally {
    await started.stop();
  }
});

// Only root runs PostgreSQL as another user (`postgres`); anyone else runs it as themselves and reaches their own checkout.
(process.getuid?.() === 0 ? it : it.skip)('embedded PostgreSQL under a folder the postgres user cannot enter runs from a reachable one, and finds it again', async () => {
  const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-closed-')); // 0700, like root's home
  const probeDir = path.join(closed, 'checkout', '.data');
  fs.mkdirSync(probeDir, { recursive: true });
  let home: string | undefined;
  try {
    const first = await startPostgresProbe(probeDir);
    try {
      await expect(connect(first.url)).resolves.toBeUndefined();
    } finally {
      await first.stop();
    }
    home = fs.readFileSync(path.join(probeDir, 'postgres.location'), 'utf8').trim();
    expect(first.initialised).toBe(true);
    expect(first.clusterDir).toBe(path.join(home, 'postgres'));
    expect(first.clusterDir.startsWith(closed)).toBe(false);
    // The user's folder is not opened up to make it work.
    expect(modeOf(closed)).toBe(0o700);
    const pgVersion = fs.statSync(path.join(first.clusterDir, 'PG_VERSION'));

    const second = await startPostgresProbe(probeDir);
    try {
      expect(second.initialised).toBe(false);
      expect(second.clusterDir).toBe(first.clusterDir);
      expect(fs.statSync(path.join(second.clusterDir, 'PG_VERSION')).ino).toBe(pgVersion.ino);
      await expect(connect(second.url)).resolves.toBeUndefined();
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(closed, { recursive: true, force: true });
    if (home) fs.rmSync(home, { recursive: true, force: true });
  }
});
