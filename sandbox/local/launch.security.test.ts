/**
 * Launch hardening, tried from inside a sandbox (issue 11, items 12, 16): nothing of a launch outlives
 * it even when the code ptraces bubblewrap's init, the seccomp filter denies the calls it lists, /dev is
 * read-only with a capped /dev/shm, and an output flood is cut short and killed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { Sandbox } from '../types';
import type { LocalSandboxBackend } from './local-backend';

let backend: LocalSandboxBackend;
let dispose: () => Promise<void>;
let sandbox: Sandbox;

beforeAll(async () => {
  ({ backend, dispose } = testLocalBackend());
  sandbox = await backend.create({ runtime: 'node', limits: { memoryMb: 512, maxProcesses: 64, diskMb: 32, cpus: 1 } });
  await sandbox.writeFile('inject.py', INJECT_PY);
  await sandbox.writeFile('calls.py', CALLS_PY);
});

afterAll(async () => {
  await sandbox?.destroy();
  await dispose?.();
});

/**
 * Attaches to pid 1 (bubblewrap's init), makes it run prctl(PR_SET_PDEATHSIG, 0) and close its stdio,
 * so killing the outer bubblewrap no longer tears the pid namespace down.
 */
const INJECT_PY = `
import ctypes, errno, os, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.restype = ctypes.c_long
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
class Regs(ctypes.Structure):
    _fields_ = [(n, ctypes.c_ulonglong) for n in 'r15 r14 r13 r12 rbp rbx r11 r10 r9 r8 rax rcx rdx rsi rdi orig_rax rip cs eflags rsp ss fs_base gs_base ds es fs gs'.split()]
if libc.ptrace(16, 1, None, None) != 0:
    print('ptrace', errno.errorcode[ctypes.get_errno()], flush=True); sys.exit(0)
os.waitpid(1, 0x40000000)
saved = Regs(); libc.ptrace(12, 1, None, ctypes.byref(saved))
def inject(nr, a=0, b=0):
    r = Regs.from_buffer_copy(saved); r.rip = saved.rip - 2; r.rax = nr; r.orig_rax = 2**64 - 1; r.rdi = a; r.rsi = b
    libc.ptrace(13, 1, None, ctypes.byref(r)); libc.ptrace(9, 1, None, None); os.waitpid(1, 0x40000000)
inject(157, 1, 0)
for fd in (0, 1, 2): inject(3, fd)
r = Regs.from_buffer_copy(saved); r.rip = saved.rip - 2; r.rax = saved.orig_rax; r.orig_rax = 2**64 - 1
libc.ptrace(13, 1, None, ctypes.byref(r)); libc.ptrace(17, 1, None, None)
print('ptrace injected', flush=True)
`;

/** Each denied call by raw number (x86_64), printing its errno name, or OK. */
const CALLS_PY = `
import ctypes, errno, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
def call(name, nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    print(name, 'OK' if r >= 0 else errno.errorcode[ctypes.get_errno()], flush=True)
call('ptrace', 101, 0, 0, 0, 0)
call('process_vm_readv', 310, 1, 0, 0, 0, 0, 0)
call('process_vm_writev', 311, 1, 0, 0, 0, 0, 0)
call('keyctl', 250, 0, -3, 0)
call('add_key', 248, 0, 0, 0, 0, -3)
call('request_key', 249, 0, 0, 0, 0)
call('io_uring_setup', 425, 8, 0)
call('userfaultfd', 323, 0)
call('socket_vsock', 41, 40, 1, 0)
call('socketpair_vsock', 53, 40, 1, 0, 0)
call('x32_getpid', 0x40000000 + 39)
call('socket_unix', 41, 1, 1, 0)
call('getpid', 39)
`;

function cgroupParent(): string {
  return (backend as unknown as { cgroupParent: string }).cgroupParent;
}

/** Host pids whose real uid is `uid`, but zombies (dead, waiting for the host's init to reap them). */
function processesOf(uid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]) === uid && !/^State:\s+Z/m.test(status);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * `processesOf` once the kernel has finished tearing down what was killed: a task leaves its cgroup
 * early in exit, so for a few ms one can still show as dying (never running code again).
 */
async function survivorsOf(uid: number): Promise<number[]> {
  let left = processesOf(uid);
  for (let i = 0; i < 50 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 20));
    left = processesOf(uid);
  }
  return left;
}

function sandboxUid(): number {
  return (sandbox as unknown as { ctx: { uid: number } }).ctx.uid;
}

test("code that ptraces bubblewrap's init does not outlive its timeout", async () => {
  const daemon = '(setsid sleep 300 </dev/null >/dev/null 2>&1 &)';
  const r = await sandbox.exec(`python3 inject.py; ${daemon}; exec sleep 60 </dev/null >/dev/null 2>&1`, { timeoutMs: 3000 });
  expect(r.timedOut).toBe(true);
  expect(await survivorsOf(sandboxUid())).toEqual([]);
  expect(r.stdout).toContain('ptrace EPERM');
  // The same trick without a timeout: the exec ends normally and leaves nothing behind either.
  const quick = await sandbox.exec(`python3 inject.py; ${daemon}; exit 0`);
  expect(quick.exitCode).toBe(0);
  expect(await survivorsOf(sandboxUid())).toEqual([]);
  expect((await sandbox.status()).processes).toBe(0);
});

test('each launch runs in a child cgroup of its own, removed when the launch ends', async () => {
  const pidsDir = `/sys/fs/cgroup/pids/${cgroupParent()}/${sandbox.id}`;
  const launchGroups = () =>
    readdirSync(pidsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  const running = sandbox.exec('sleep 30', { timeoutMs: 1500 });
  const procs = (group: string) => readFileSync(join(pidsDir, group, 'cgroup.procs'), 'utf8').trim();
  let seen: string[] = [];
  // The group exists a moment before the launcher writes its pid into it.
  for (let i = 0; i < 100 && !(seen.length === 1 && procs(seen[0]!) !== ''); i++) {
    await new Promise((r) => setTimeout(r, 20));
    seen = launchGroups();
  }
  expect(seen).toHaveLength(1);
  expect(procs(seen[0]!)).not.toBe('');
  // Nothing but the launch group holds processes: the sandbox's own group stays empty.
  expect(readFileSync(join(pidsDir, 'cgroup.procs'), 'utf8').trim()).toBe('');
  expect((await sandbox.status()).processes).toBeGreaterThan(0);
  expect((await running).timedOut).toBe(true);
  expect((await sandbox.status()).processes).toBe(0);
  // The empty group's directory is removed right after, without holding up the call.
  for (let i = 0; i < 50 && launchGroups().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(launchGroups()).toEqual([]);
  expect((await sandbox.status()).processes).toBe(0);
});

test('the seccomp filter denies ptrace, cross-process memory, keyrings, io_uring, userfaultfd, AF_VSOCK and x32', async () => {
  const r = await sandbox.exec('python3 calls.py');
  const result = Object.fromEntries(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' ')),
  );
  expect(result).toEqual({
    ptrace: 'EPERM',
    process_vm_readv: 'EPERM',
    process_vm_writev: 'EPERM',
    keyctl: 'EPERM',
    add_key: 'EPERM',
    request_key: 'EPERM',
    io_uring_setup: 'ENOSYS',
    userfaultfd: 'EPERM',
    socket_vsock: 'EPERM',
    socketpair_vsock: 'EPERM',
    x32_getpid: 'EPERM',
    socket_unix: 'OK',
    getpid: 'OK',
  });
  const seccomp = await sandbox.exec('grep -E "^Seccomp:" /proc/self/status');
  expect(seccomp.stdout).toMatch(/Seccomp:\s+2/);
  // Node (libuv) and npm still start under the filter.
  const node = await sandbox.exec(
    "node -e \"require('fs').promises.readFile('/proc/self/status').then(()=>console.log('node ok'))\" && npm --version",
  );
  expect(node.stdout).toMatch(/node ok\n\d+\.\d+/);
});

test("/dev is read-only and /dev/shm stops at the sandbox's disk cap", async () => {
  // Files under the per-file cap (RLIMIT_FSIZE), 96 MiB in all, so the mount's own size is what stops them.
  const shm = await sandbox.exec(
    'for i in 1 2 3 4 5 6 7 8; do dd if=/dev/zero of=/dev/shm/big$i bs=1M count=12 2>&1; done; du -sk /dev/shm',
  );
  expect(shm.stdout).toMatch(/No space left/);
  expect(Number(/^(\d+)\s+\/dev\/shm$/m.exec(shm.stdout)?.[1] ?? 'NaN')).toBeLessThanOrEqual(32 * 1024);
  const dev = await sandbox.exec('touch /dev/evil 2>&1; mkdir /dev/evil2 2>&1; echo x > /dev/null && head -c 4 /dev/urandom | wc -c');
  expect(dev.stdout).toMatch(/Read-only file system/);
  expect(dev.stdout.trim().split('\n').pop()).toBe('4');
});

test('an output flood stops at the cap: the launch is killed, not drained until its timeout', async () => {
  const t0 = performance.now();
  const r = await sandbox.exec('yes', { timeoutMs: 20_000, maxOutputBytes: 64 * 1024 });
  expect(r.truncated).toBe(true);
  expect(r.timedOut).toBe(false);
  expect(r.stdout.length).toBe(64 * 1024);
  expect(performance.now() - t0).toBeLessThan(3000);
  expect(await survivorsOf(sandboxUid())).toEqual([]);
  expect((await sandbox.status()).processes).toBe(0);
});

test('a preview keeps a group of its own, killed when another preview replaces it and by killProcesses', async () => {
  const server = (tag: string) => `node -e "require('http').createServer((q,s)=>s.end('${tag}')).listen(process.env.PORT,'127.0.0.1')"`;
  const group = `/sys/fs/cgroup/pids/${cgroupParent()}/${sandbox.id}/preview/cgroup.procs`;
  const pids = () => readFileSync(group, 'utf8').split('\n').filter(Boolean).map(Number);
  await sandbox.startPreview({ command: server('one'), port: 3001 });
  const first = pids();
  // The server's launch (bwrap, its init, sh or node) and the forwarder.
  expect(first.length).toBeGreaterThanOrEqual(3);
  await sandbox.startPreview({ command: server('two'), port: 3002 });
  const second = pids();
  expect(second.filter((p) => first.includes(p))).toEqual([]);
  expect(first.filter((p) => existsSync(`/proc/${p}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${p}/status`, 'utf8')))).toEqual([]);
  await sandbox.killProcesses();
  expect(pids()).toEqual([]);
  expect((await sandbox.status()).processes).toBe(0);
});

test('output exactly at the cap is complete, not cut', async () => {
  const r = await sandbox.exec('head -c 65536 /dev/zero', { maxOutputBytes: 64 * 1024 });
  expect({ code: r.exitCode, truncated: r.truncated, length: r.stdout.length }).toEqual({ code: 0, truncated: false, length: 65536 });
});
