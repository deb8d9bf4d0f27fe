/**
 * What a launch must not take from the process that starts it (issue 11, items 14, 15, 16): its
 * session keyring (nor share one between sandboxes), descriptors it inherited, and a descriptor
 * shortage must reject the launch instead of crashing that process. Each case runs
 * `test/fixtures/launch-probe.ts` in a child process set up the way a worker might be.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');
const fixture = join(repoRoot, 'test', 'fixtures', 'launch-probe.ts');
const node = ['node', '--import', 'tsx', fixture];

/** Runs `argv`, returns its exit code and the JSON line it printed. */
function probe(
  argv: string[],
  stdio: StdioOptions = ['ignore', 'pipe', 'pipe'],
): Promise<{ code: number | null; result: Record<string, unknown> | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: repoRoot, stdio, env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      resolve({ code, result: line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : null, stderr: err.slice(-2000) });
    });
  });
}

/** Joins a fresh session keyring, adds a key to it (as a worker's credentials might), then execs argv. */
const WITH_SESSION_KEY = `
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
assert libc.syscall(ctypes.c_long(250), ctypes.c_long(1), None) >= 0
assert libc.syscall(ctypes.c_long(248), b'user', b'worker-secret', b'worker-data', ctypes.c_long(11), ctypes.c_long(-3)) >= 0
os.execvp(sys.argv[1], sys.argv[1:])
`;

test("a launch sees neither the worker's session keyring nor another sandbox's keys", async () => {
  const { code, result, stderr } = await probe(['python3', '-c', WITH_SESSION_KEY, ...node, 'keyring']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  expect(result).toEqual({ added: 'EPERM', seenByA: 'from-a EPERM\nworker-secret EPERM', seenByB: 'from-a EPERM\nworker-secret EPERM' });
});

test('descriptors the worker inherited are closed before bubblewrap', async () => {
  const dir = join(repoRoot, '.data', 'test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `inherited-${process.pid}.txt`);
  writeFileSync(file, '');
  // Fd 100, writable and inheritable, as a supervisor might leave one (node marks only fds up to the first
  // gap above 15 close-on-exec at start-up, so a high one reaches every child the worker spawns).
  const withFd = `import os, sys\nos.dup2(os.open(sys.argv[1], os.O_WRONLY), 100)\nos.execvp(sys.argv[2], sys.argv[2:])`;
  try {
    const { code, result, stderr } = await probe(['python3', '-c', withFd, file, ...node, 'fd', '100']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    // 3 is the directory `ls` itself opened.
    expect(result?.fds).toEqual(['0', '1', '2', '3']);
    expect(result?.wrote).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('');
  } finally {
    rmSync(file, { force: true });
  }
});

test('a launch with no descriptors left rejects instead of crashing the worker', async () => {
  const { code, result, stderr } = await probe(['prlimit', '--nofile=128', '--', ...node, 'emfile']);
  expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  expect(String(result?.rejected)).toMatch(/could not start.*EMFILE/i);
});
