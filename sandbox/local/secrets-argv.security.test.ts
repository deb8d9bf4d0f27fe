/**
 * Env values a caller hands a sandbox (a deployed app's secrets, through `startPreview` or `exec`) reach
 * the process inside but never any process's argv on the host, which every user can read (`ps`,
 * /proc/<pid>/cmdline).
 */
import { spawn as spawnPty } from '@lydell/node-pty';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { Sandbox } from '../types';
import type { LocalSandboxBackend } from './local-backend';

let backend: LocalSandboxBackend;
let dispose: () => Promise<void>;
let sandbox: Sandbox;

beforeAll(async () => {
  ({ backend, dispose } = testLocalBackend());
  sandbox = await backend.create({ runtime: 'node', limits: { memoryMb: 512, maxProcesses: 64, diskMb: 32, cpus: 1 } });
});

afterAll(async () => {
  await sandbox?.destroy();
  await dispose?.();
});

const secret = () => `s3cret-${randomBytes(12).toString('hex')}`;

/** Every host process whose argv holds `value`, as `pid: argv` (what `ps` shows any user). */
function argvHolding(value: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // Exited meanwhile.
    }
    const at = cmdline.indexOf(value);
    if (at >= 0) found.push(`${pid}: ${cmdline.slice(0, cmdline.indexOf('\0'))} … ${cmdline.slice(Math.max(0, at - 40), at + value.length).replace(/\0/g, ' ')}`);
  }
  return found;
}

function get(socketPath: string, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, headers: { host: 'localhost' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

test("a preview's env reaches the server and no host argv", async () => {
  const value = secret();
  const server = `node -e "require('http').createServer((q,s)=>s.end(process.env.APP_SECRET+'|'+process.env.PORT)).listen(process.env.PORT,process.env.HOST)"`;
  const preview = await sandbox.startPreview({ command: server, port: 3005, env: { APP_SECRET: value } });
  try {
    expect(await get((preview.target as { socketPath: string }).socketPath, '/')).toBe(`${value}|3005`);
    // The server, bubblewrap and the forwarder are all running now.
    expect((await sandbox.status()).processes).toBeGreaterThanOrEqual(3);
    expect(argvHolding(value)).toEqual([]);
  } finally {
    await sandbox.killProcesses();
  }
});

test("an exec's env reaches the command and no host argv while it runs", async () => {
  const value = secret();
  const controller = new AbortController();
  let seen: string[] | undefined;
  const result = await sandbox.exec('printf "%s\\n" "$APP_SECRET"; sleep 60', {
    env: { APP_SECRET: value },
    signal: controller.signal,
    onStdout: () => {
      // The command is in its sleep: bubblewrap, its init, sh and sleep all still exist.
      seen ??= argvHolding(value);
      controller.abort();
    },
  });
  expect(result.stdout).toBe(`${value}\n`);
  expect(seen).toEqual([]);
});

test('env values larger than a pipe buffer, and the overriding of base variables, arrive whole', async () => {
  const big = secret().repeat(4000);
  const result = await sandbox.exec('printf "%s|%s|%s" "${#BIG}" "$HOME" "$LANG"', { env: { BIG: big, HOME: '/workspace' } });
  expect(result.stdout).toBe(`${big.length}|/workspace|C.UTF-8`);
});

test('an exec without env still starts from the base environment only', async () => {
  const result = await sandbox.exec('env | sort | cut -d= -f1 | tr "\\n" " "');
  expect(result.stdout.trim().split(' ')).toEqual(expect.arrayContaining(['HOME', 'LANG', 'PATH', 'TMPDIR']));
});

test('a value with a NUL byte is refused without being echoed', async () => {
  const value = secret();
  const refused = await sandbox.exec('true', { env: { APP_SECRET: `${value}\0x` } }).catch((error: Error) => error.message);
  expect(refused).toMatch(/APP_SECRET contains a NUL byte/);
  expect(refused).not.toContain(value);
});

test('the terminal, spawned with no env descriptor, still gets its prompt', async () => {
  const argv = sandbox.terminalArgv!();
  const pty = spawnPty(argv[0]!, argv.slice(1), { name: 'xterm-256color', cols: 80, rows: 24, env: {} });
  let out = '';
  const exited = new Promise<void>((resolve) => pty.onExit(() => resolve()));
  pty.onData((data) => {
    out += data;
    if (out.includes('sandbox:~$ ') || out.includes('sandbox:/workspace$ ')) pty.write('echo "[$HOME]"; exit\r');
  });
  await exited;
  expect(out).toMatch(/sandbox:\/workspace\$ /);
  expect(out).toContain('[/tmp/home]');
});
