/**
 * Run by `launch-host.security.test.ts` in a process of its own (`node --import tsx`), so the test can
 * give that process what a worker might have inherited: a session keyring holding a key, a descriptor
 * without close-on-exec, a low descriptor limit. Prints one JSON line with what it observed.
 */
import { openSync } from 'node:fs';
import { testLocalBackend } from '../test-backends';
import { runProcess } from './run-process';

const KEYS_PY = `
import ctypes, errno, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
def show(r): return str(r) if r >= 0 else errno.errorcode[ctypes.get_errno()]
if sys.argv[1] == 'add':
    print(show(libc.syscall(ctypes.c_long(248), b'user', b'from-a', b'data-from-a', ctypes.c_long(11), ctypes.c_long(-3))))
else:
    for desc in sys.argv[2:]:
        key = libc.syscall(ctypes.c_long(250), ctypes.c_long(10), ctypes.c_long(-3), b'user', desc.encode(), ctypes.c_long(0))
        if key < 0:
            print(desc, show(key)); continue
        buf = ctypes.create_string_buffer(64)
        n = libc.syscall(ctypes.c_long(250), ctypes.c_long(11), ctypes.c_long(key), buf, ctypes.c_long(64))
        print(desc, buf.raw[:n].decode() if n >= 0 else show(n))
`;

async function main(mode: string, arg?: string): Promise<unknown> {
  if (mode === 'emfile') {
    // Use up every descriptor, as a flood of gateway connections did, then launch.
    for (;;) {
      try {
        openSync('/dev/null', 'r');
      } catch {
        break;
      }
    }
    const outcome = await runProcess(['/bin/true'], { timeoutMs: 5000, maxOutputBytes: 1024 }).then(
      () => ({ launched: true }),
      (error: Error) => ({ rejected: error.message }),
    );
    // Long enough for an 'error' event nobody listens to to end this process, as it would end a worker.
    await new Promise((r) => setTimeout(r, 200));
    return outcome;
  }
  const { backend, dispose } = testLocalBackend();
  try {
    if (mode === 'fd') {
      const sandbox = await backend.create({ runtime: 'node' });
      const r = await sandbox.exec(`ls /proc/self/fd | tr '\\n' ' '; echo; echo written-from-sandbox >&${arg} && echo WROTE`);
      return { fds: r.stdout.split('\n')[0]!.trim().split(' '), wrote: r.stdout.includes('WROTE') };
    }
    const [a, b] = [await backend.create({ runtime: 'python' }), await backend.create({ runtime: 'python' })];
    await a.writeFile('keys.py', KEYS_PY);
    await b.writeFile('keys.py', KEYS_PY);
    const added = (await a.exec('python3 keys.py add')).stdout.trim();
    const seenByB = (await b.exec('python3 keys.py search from-a worker-secret')).stdout.trim();
    const seenByA = (await a.exec('python3 keys.py search from-a worker-secret')).stdout.trim();
    return { added, seenByA, seenByB };
  } finally {
    await dispose();
  }
}

main(process.argv[2]!, process.argv[3]).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(2);
  },
);
