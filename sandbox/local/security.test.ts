/**
 * What the local backend must contain, tried from inside a sandbox: no network to the host, no host
 * files, no writes outside the workspace, bombs and loops stopped by their limits, no view of host
 * processes, no path tricks in file operations, and a host that stays responsive throughout.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { SandboxFileError, SandboxPathError } from '../sandbox.errors';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { Sandbox } from '../types';
import type { LocalSandboxBackend } from './local-backend';
import { RegistryGateway } from './registry-gateway';

let backend: LocalSandboxBackend;
let dispose: () => Promise<void>;
let sandbox: Sandbox;
let server: Server;
let port: number;
let accepted = 0;
const repoRoot = join(__dirname, '..', '..');

/** Worst event-loop delay seen on the host while a test ran; "responsive" means it stays small. */
let worstLagMs = 0;
let lagTimer: NodeJS.Timeout;

beforeAll(async () => {
  ({ backend, dispose } = testLocalBackend());
  sandbox = await backend.create({ runtime: 'node', limits: { memoryMb: 256, maxProcesses: 64, diskMb: 32, cpus: 0.5 } });
  server = createServer((s) => {
    accepted++;
    s.end('secret');
  });
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', r));
  port = (server.address() as { port: number }).port;
  let last = performance.now();
  lagTimer = setInterval(() => {
    const now = performance.now();
    worstLagMs = Math.max(worstLagMs, now - last - 50);
    last = now;
  }, 50);
});

afterAll(async () => {
  clearInterval(lagTimer);
  server.close();
  await sandbox?.destroy();
  await dispose?.();
});

const connectScript = (host: string) =>
  `node -e "const s=require('net').connect(${port},'${host}');s.on('connect',()=>{console.log('CONNECTED');process.exit(0)});s.on('error',e=>{console.log(e.code);process.exit(1)})"`;

test('network egress to a server on the host is refused (loopback and the host\'s own addresses)', async () => {
  const hostAddresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4')
    .map((a) => a!.address);
  for (const host of ['127.0.0.1', ...hostAddresses]) {
    const r = await sandbox.exec(connectScript(host));
    expect(r.stdout).not.toContain('CONNECTED');
    expect(r.exitCode).toBe(1);
  }
  const dns = await sandbox.exec(`node -e "require('dns').lookup('registry.npmjs.org',e=>{console.log(e?e.code:'RESOLVED')})"`);
  expect(dns.stdout).not.toContain('RESOLVED');
  expect(accepted).toBe(0);
  const ifaces = await sandbox.exec('cat /proc/net/dev');
  expect(ifaces.stdout).not.toMatch(/eth|ens|veth|docker/);
});

test('host Unix sockets are out of reach, abstract ones included', async () => {
  const name = `atelier-abstract-${process.pid}`;
  let reached = 0;
  const abstract = createServer(() => reached++);
  await new Promise<void>((r) => abstract.listen({ path: `\0${name}` }, r));
  try {
    const r = await sandbox.exec(`node -e "const s=require('net').connect({path:'\\0${name}'});s.on('connect',()=>{console.log('CONNECTED');process.exit(0)});s.on('error',e=>{console.log(e.code);process.exit(1)})"`);
    // The script ran and found no such socket in the sandbox's own network namespace.
    expect(r.stdout.trim()).toBe('ECONNREFUSED');
    expect(reached).toBe(0);
    const sockets = await sandbox.exec('ls /run /var/run /tmp/.X11-unix 2>&1; true');
    expect(sockets.stdout).not.toMatch(/\.sock|docker|postgresql/);
  } finally {
    abstract.close();
  }
});

test('the registry gateway tunnels only to allow-listed registries', async () => {
  const refused: string[] = [];
  const dir = join(repoRoot, '.data', 'test', `gw-${process.pid}`);
  const gateway = new RegistryGateway({ dir, allowedHosts: ['registry.npmjs.org'], onRefused: (t) => refused.push(t) });
  const session = await gateway.open('test', 60_000);
  try {
    const ask = (request: string) =>
      new Promise<string>((resolve) => {
        const s = connect(session.socketPath);
        let text = '';
        s.on('data', (d: Buffer) => {
          text += d.toString();
          if (text.includes('\r\n\r\n')) {
            s.destroy();
            resolve(text.split('\r\n')[0]!);
          }
        });
        s.write(request);
      });
    expect(await ask(`CONNECT 127.0.0.1:${port} HTTP/1.1\r\nHost: x\r\n\r\n`)).toContain('403');
    expect(await ask('CONNECT example.com:443 HTTP/1.1\r\nHost: x\r\n\r\n')).toContain('403');
    expect(await ask('CONNECT registry.npmjs.org:22 HTTP/1.1\r\nHost: x\r\n\r\n')).toContain('403');
    expect(await ask('GET http://registry.npmjs.org/ HTTP/1.1\r\nHost: registry.npmjs.org\r\n\r\n')).toContain('403');
    // Refusals arrive over the gateway process's IPC channel, not the socket: wait for them a little.
    for (let i = 0; i < 100 && refused.length < 4; i++) await new Promise((r) => setTimeout(r, 10));
    expect(refused).toHaveLength(4);
    expect(accepted).toBe(0);
  } finally {
    await session.close();
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('host files are unreadable: /root, /etc/shadow, the project\'s data folder', async () => {
  const dataDir = join(repoRoot, '.data');
  expect(existsSync(dataDir)).toBe(true);
  for (const path of ['/root', '/etc/shadow', '/etc/passwd', dataDir, join(repoRoot, 'package.json'), '/proc/1/root/etc/shadow']) {
    const r = await sandbox.exec(`cat ${path} 2>&1 || ls ${path} 2>&1; echo EXIT=$?`);
    expect(r.stdout).toMatch(/No such file|Permission denied|EXIT=[12]/);
    expect(r.stdout).not.toMatch(/^root:/m);
  }
  // Through the file API and a planted symlink, too.
  await sandbox.exec(`ln -s /etc/shadow shadow; ln -s ${dataDir} data; ln -s / hostroot`);
  await expect(sandbox.readFile('shadow')).rejects.toBeInstanceOf(SandboxFileError);
  await expect(sandbox.listFiles('data')).rejects.toBeInstanceOf(SandboxFileError);
  await expect(sandbox.readFile('hostroot/root/.bashrc')).rejects.toBeInstanceOf(SandboxFileError);
});

test('nothing is written outside the workspace', async () => {
  const marker = `atelier-escape-${process.pid}`;
  const targets = [`/tmp/${marker}`, `/usr/${marker}`, `/opt/atelier/${marker}`, `/${marker}`, `/proc/${marker}`];
  const r = await sandbox.exec(targets.map((t) => `echo x > ${t} 2>/dev/null && echo WROTE ${t}`).join('; ') + '; true');
  // /tmp inside is private: a write there may succeed but must not reach the host's /tmp.
  expect(r.stdout.split('\n').filter((l) => l.startsWith('WROTE') && !l.includes('/tmp/'))).toEqual([]);
  for (const t of [`/tmp/${marker}`, `/usr/${marker}`, join(__dirname, marker), `/${marker}`]) expect(existsSync(t)).toBe(false);
  await expect(sandbox.writeFile('hostroot/usr/evil', 'x')).rejects.toBeInstanceOf(SandboxFileError);
  expect(existsSync('/usr/evil')).toBe(false);
  // hostroot/tmp is the sandbox's private /tmp, not the host's.
  await sandbox.writeFile('hostroot/tmp/evil', 'x');
  await expect(sandbox.writeFile('../evil', 'x')).rejects.toBeInstanceOf(SandboxPathError);
  expect(existsSync('/tmp/evil')).toBe(false);
});

test('a fork bomb is contained by the pids limit and killed at its timeout', async () => {
  // v1 counts a refused fork in the forking task's own group, the launch's, which goes when the launch ends:
  // sample it while the bomb runs.
  const parent = (backend as unknown as { cgroupParent: string }).cgroupParent;
  const pidsDir = `/sys/fs/cgroup/pids/${parent}/${sandbox.id}`;
  let refused = 0;
  const sampler = setInterval(() => {
    for (const group of readdirSync(pidsDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      try {
        refused = Math.max(refused, Number(/max (\d+)/.exec(readFileSync(join(pidsDir, group.name, 'pids.events'), 'utf8'))?.[1] ?? 0));
      } catch {
        // The group went between the listing and the read.
      }
    }
  }, 50);
  const t0 = Date.now();
  // A builtin loop, not `sleep`: a refused fork must not end the launch before the sampler saw the group.
  const r = await sandbox.exec('bomb() { bomb | bomb & }; bomb; while :; do :; done', { timeoutMs: 3000 }).finally(() => clearInterval(sampler));
  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(r.timedOut || r.exitCode !== 0).toBe(true);
  expect((await sandbox.status()).processes).toBe(0);
  // The pids limit is what stopped it.
  expect(refused).toBeGreaterThan(0);
  // The host can still start processes.
  expect(execFileSync('echo', ['alive']).toString()).toBe('alive\n');
});

test('a memory bomb is killed by the memory limit', async () => {
  const r = await sandbox.exec(`node -e "const a=[];for(;;){a.push(Buffer.alloc(16*1024*1024,1))}"`, { timeoutMs: 20_000 });
  expect(r.timedOut).toBe(false);
  expect(r.exitCode).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.exitCode).toBe(137);
  // The memory cgroup's OOM killer is what stopped it (v1 counts its kills in memory.oom_control).
  const parent = (backend as unknown as { cgroupParent: string }).cgroupParent;
  const oom = readFileSync(`/sys/fs/cgroup/memory/${parent}/${sandbox.id}/memory.oom_control`, 'utf8');
  expect(Number(/oom_kill (\d+)/.exec(oom)?.[1])).toBeGreaterThan(0);
});

test('an endless loop is killed at its timeout and leaves nothing running', async () => {
  const t0 = Date.now();
  const r = await sandbox.exec('while :; do :; done', { timeoutMs: 1000 });
  expect(r.timedOut).toBe(true);
  expect(Date.now() - t0).toBeLessThan(3000);
  expect((await sandbox.status()).processes).toBe(0);
});

test('filling the disk stops at the workspace cap', async () => {
  // Several files, each under the per-file cap (RLIMIT_FSIZE), so the workspace's own cap is what stops them.
  const r = await sandbox.exec('for i in 1 2 3 4 5; do dd if=/dev/zero of=big$i bs=1M count=10 2>&1; done; du -sk .');
  expect(r.stdout).toMatch(/No space left/);
  const usedKb = Number(/^(\d+)\s+\.$/m.exec(r.stdout)?.[1] ?? 'NaN');
  expect(usedKb).toBeLessThanOrEqual(32 * 1024);
  const single = await sandbox.exec('rm -f big*; dd if=/dev/zero of=one bs=1M count=200 2>&1; true');
  expect(single.stdout).toMatch(/No space left|File size limit exceeded/);
  await sandbox.deleteFile('one');
  // /tmp is capped as well.
  const tmp = await sandbox.exec('for i in 1 2 3 4 5; do dd if=/dev/zero of=/tmp/big$i bs=1M count=10 2>&1; done');
  expect(tmp.stdout).toMatch(/No space left/);
});

test('host processes are invisible', async () => {
  const r = await sandbox.exec('ls /proc | grep -E "^[0-9]+$"; cat /proc/1/cmdline | tr "\\0" " "');
  const pids = r.stdout.split('\n').filter((l) => /^\d+$/.test(l));
  expect(pids.length).toBeLessThan(10);
  expect(pids).not.toContain(String(process.pid));
  expect(r.stdout).not.toContain('jest');
  const kill = await sandbox.exec(`kill -0 ${process.pid} 2>&1; echo EXIT=$?`);
  expect(kill.stdout).toContain('EXIT=1');
});

test('the sandbox runs as an unprivileged uid with no capabilities', async () => {
  const r = await sandbox.exec('id -u; grep CapEff /proc/self/status; grep NoNewPrivs /proc/self/status');
  expect(r.stdout).toContain('1000\n');
  expect(r.stdout).toMatch(/CapEff:\s+0000000000000000/);
  expect(r.stdout).toMatch(/NoNewPrivs:\s+1/);
  const host = Number(execFileSync('stat', ['-c', '%u', join(backendRoot(), sandbox.id, 'workspace')]).toString());
  expect(host).toBeGreaterThanOrEqual(1_000_000);
});

test('the host stayed responsive throughout', () => {
  expect(worstLagMs).toBeLessThan(1000);
});

test('destroy leaves no cgroup, mount or folder behind', async () => {
  const other = await backend.create({ runtime: 'node' });
  await other.exec('sleep 30 &');
  await other.destroy();
  expect(readdirSync(backendRoot())).not.toContain(other.id);
  expect(execFileSync('cat', ['/proc/mounts']).toString()).not.toContain(other.id);
  expect(existsSync(`/sys/fs/cgroup/pids/${other.id}`)).toBe(false);
});

function backendRoot(): string {
  return (backend as unknown as { root: string }).root;
}
