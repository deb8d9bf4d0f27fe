/**
 * The registry gateway is the one way out of a sandbox, so it must not outlive the install that needed it,
 * and no install can exhaust the worker through it. An install here is held open by its own `preinstall`
 * script until the test says go, which lets the test act while the install runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { ExecResult, Sandbox, StepOptions } from '../types';
import type { LocalSandboxBackend } from './local-backend';

let backend: LocalSandboxBackend;
let dispose: () => Promise<void>;
const relays: ChildProcess[] = [];

let upstream: Server;
/** Connections the fake registry has accepted and not yet seen closed. */
const upstreamOpen = new Set<Socket>();

beforeAll(async () => {
  // A fake registry on loopback: a tunnel to it shows a banner, so no test here leaves the machine.
  upstream = createServer((s) => {
    upstreamOpen.add(s);
    s.on('close', () => upstreamOpen.delete(s));
    s.on('error', () => undefined);
    s.write('FAKE-REGISTRY\n');
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const fake = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  ({ backend, dispose } = testLocalBackend({ gatewayIdleTimeoutMs: 1500, registryUpstreams: { 'registry.npmjs.org': fake } }));
});
afterAll(async () => {
  for (const relay of relays) relay.kill('SIGKILL');
  await dispose?.();
  upstream?.close();
});

/** Host pid of a process whose command line contains `needle`, once one exists. */
async function findProcess(needle: string, timeoutMs = 60_000): Promise<number> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const cmdline = (() => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          return '';
        }
      })();
      if (cmdline.includes(needle) && !cmdline.includes('findProcess')) return Number(pid);
    }
  }
  throw new Error(`no process matching ${needle}`);
}

/** Starts an install that waits inside its `preinstall` until the file `go` appears; `pid` is that script's host pid. */
async function holdInstall(sandbox: Sandbox, options: StepOptions = {}): Promise<{ pid: number; result: Promise<ExecResult>; release(): Promise<ExecResult> }> {
  const tag = `hold-${Math.random().toString(36).slice(2, 10)}.js`;
  await sandbox.writeFile(tag, `const t = setInterval(() => { if (require('fs').existsSync('go')) clearInterval(t); }, 20);`);
  await sandbox.writeFile('package.json', JSON.stringify({ name: 'held', version: '1.0.0', scripts: { preinstall: `node ${tag}` } }));
  const result = sandbox.installDependencies({ timeoutMs: 120_000, ...options });
  const pid = await findProcess(tag);
  return {
    pid,
    result,
    async release() {
      await sandbox.writeFile('go', '');
      return result;
    },
  };
}

/** What a process that escaped its install would run: a relay from the workspace to the install's gateway socket. */
function startRelay(installPid: number): Promise<void> {
  const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${installPid}/status`, 'utf8'))![1]!;
  const script = `const net=require('net');net.createServer(c=>{const u=net.connect('/run/atelier/registry.sock');c.pipe(u);u.pipe(c);u.on('error',()=>c.destroy());c.on('error',()=>u.destroy());u.on('close',()=>c.destroy())}).listen('/workspace/relay.sock',()=>console.log('ready'))`;
  // nsenter stands in for the escape (issue item 12): a process in the install's mount namespace, outside its pid namespace.
  const relay = spawn('nsenter', ['-t', String(installPid), '-m', '-S', uid, '-G', uid, '--', 'node', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  relays.push(relay);
  return new Promise((resolve, reject) => {
    relay.stdout!.once('data', () => resolve());
    relay.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
  });
}

/** Sends `request` on a Unix socket; resolves with what came back before the peer closed (or 'ERROR <code>'). */
function ask(path: string, request: string, waitMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(path);
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString()));
    s.on('error', (e: NodeJS.ErrnoException) => (text += `ERROR ${e.code}`));
    const timer = setTimeout(() => s.destroy(), waitMs);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
    s.on('connect', () => s.write(request));
  });
}

const metadataGet = 'GET http://registry.npmjs.org/left-pad HTTP/1.1\r\nHost: registry.npmjs.org\r\n\r\n';

type Held = Awaited<ReturnType<typeof holdInstall>>;

/** How an install ends: its script exits, it runs past its timeout, or its caller aborts it. */
const endings: [string, StepOptions, (held: Held, abort: AbortController) => Promise<ExecResult>][] = [
  ['exits', {}, (held) => held.release()],
  ['runs past its timeout', { timeoutMs: 12_000 }, (held) => held.result],
  ['is aborted', {}, (held, abort) => (abort.abort(), held.result)],
];

test.each(endings)('a relay left behind by an install reaches no registry once the install %s', async (_how, options, end) => {
  const sandbox = await backend.create({ runtime: 'node' });
  const abort = new AbortController();
  const held = await holdInstall(sandbox, { ...options, signal: abort.signal });
  await startRelay(held.pid);
  const relayPath = `/proc/${held.pid}/root/workspace/relay.sock`;
  // While the install runs the relay works: the gateway answers, and a tunnel to the (fake) registry stays open.
  expect(await ask(relayPath, metadataGet)).toContain('HTTP/1.1 403');
  const open = connect(relayPath);
  let tunnelled = '';
  open.on('data', (d: Buffer) => (tunnelled += d.toString()));
  open.write('CONNECT registry.npmjs.org:443 HTTP/1.1\r\nHost: registry.npmjs.org\r\n\r\n');
  const openClosed = new Promise<void>((r) => open.on('close', () => r()));
  open.on('error', () => undefined);
  for (let i = 0; i < 200 && !tunnelled.includes('FAKE-REGISTRY'); i++) await new Promise((r) => setTimeout(r, 10));
  const duringInstall = { tunnel: tunnelled.split('\r\n')[0], fakeRegistryConnections: upstreamOpen.size };

  await end(held, abort);
  // The connection accepted during the install is closed when the install ends.
  const closedInTime = await Promise.race([openClosed.then(() => true), new Promise((r) => setTimeout(() => r(false), 2000))]);
  open.destroy();

  // An ordinary exec afterwards reaches the relay (still running), and through it nothing: no byte comes back.
  const probe = `const s=require('net').connect('/workspace/relay.sock');let t='';s.on('data',d=>t+=d);s.on('error',()=>{});s.on('close',()=>console.log(JSON.stringify(t||'NOTHING')));s.write(${JSON.stringify(metadataGet)});setTimeout(()=>s.destroy(),3000);`;
  await sandbox.writeFile('probe.js', probe);
  const after = await sandbox.exec('node probe.js');
  expect({ duringInstall, relayRunning: relays.at(-1)!.exitCode === null, acceptedConnectionClosed: closedInTime, upstreamOpen: upstreamOpen.size, throughRelayAfterInstall: after.stdout.trim() }).toEqual({
    duringInstall: { tunnel: 'HTTP/1.1 200 Connection Established', fakeRegistryConnections: 1 },
    relayRunning: true,
    acceptedConnectionClosed: true,
    upstreamOpen: 0,
    throughRelayAfterInstall: '"NOTHING"',
  });
  await sandbox.destroy();
});

/** Descriptors this (the worker's) process holds. */
const openFds = () => readdirSync('/proc/self/fd').length;

/**
 * Opens `count` connections to `path` from a separate process (so the test's own descriptors measure only
 * the gateway) and reports, after `holdMs` and then every 250 ms, how many the gateway has not closed.
 */
function flood(path: string, count: number): { child: ChildProcess; reports: number[]; next(): Promise<number> } {
  const script = `const net=require('net');let open=0;for(let i=0;i<${count};i++){const s=net.connect(process.argv[1]);open++;s.on('error',()=>{});s.on('close',()=>open--)}setTimeout(()=>setInterval(()=>console.log(open),250),1000)`;
  const child = spawn(process.execPath, ['-e', script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const reports: number[] = [];
  let waiter: ((n: number) => void) | undefined;
  child.stdout!.on('data', (d: Buffer) => {
    for (const line of d.toString().trim().split('\n')) {
      reports.push(Number(line));
      waiter?.(Number(line));
    }
  });
  return { child, reports, next: () => new Promise((r) => (waiter = r)) };
}

test('a flood of connections is capped per sandbox, idles out, and costs the worker no descriptors', async () => {
  const sandbox = await backend.create({ runtime: 'node' });
  const held = await holdInstall(sandbox);
  const before = openFds();
  const f = flood(`/proc/${held.pid}/root/run/atelier/registry.sock`, 400);
  try {
    const heldOpen = await f.next();
    const fdGrowth = openFds() - before;
    // Idle connections are closed after gatewayIdleTimeoutMs (1.5 s here).
    let idleOpen = heldOpen;
    for (const until = Date.now() + 5000; idleOpen > 0 && Date.now() < until; ) idleOpen = await f.next();
    // Once the flood is gone, a new connection is served again.
    const fresh = await ask(`/proc/${held.pid}/root/run/atelier/registry.sock`, metadataGet);
    expect({ heldOpen: heldOpen <= 64, fdGrowth: fdGrowth < 16, idleOpen, fresh: fresh.split('\r\n')[0] }).toEqual({ heldOpen: true, fdGrowth: true, idleOpen: 0, fresh: 'HTTP/1.1 403 Forbidden' });
  } finally {
    f.child.kill('SIGKILL');
    expect((await held.release()).exitCode).toBe(0);
    await sandbox.destroy();
  }
});
