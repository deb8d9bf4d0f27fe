/**
 * The file API opens paths the sandbox's code controls. A FIFO (or a symlink to one) must not make a read,
 * a write or a listing wait for a peer that never comes: each answers at once, with a typed error where the
 * path is not a regular file or a folder.
 */
import { randomBytes } from 'node:crypto';
import { SandboxFileError } from '../sandbox.errors';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { Sandbox } from '../types';

let sandbox: Sandbox;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const local = testLocalBackend();
  dispose = local.dispose;
  sandbox = await local.backend.create({ runtime: 'node' });
  const made = await sandbox.exec('mkfifo pipe && ln -s pipe link && mkdir d && mkfifo d/inner && ln -s d/inner d/link');
  expect(made.exitCode).toBe(0);
});
afterAll(async () => {
  await sandbox?.destroy();
  await dispose?.();
});

/** How `op` ended and how long it took; the file operations' own timeout is 30 s. */
async function timed(op: () => Promise<unknown>): Promise<{ error: string; fast: boolean }> {
  const started = Date.now();
  const error = await op().then(
    () => 'none',
    (e: Error) => (e instanceof SandboxFileError ? 'SandboxFileError' : `${e.name}: ${e.message}`),
  );
  return { error, fast: Date.now() - started < 5000 };
}

const refused = { error: 'SandboxFileError', fast: true };

test('reading a FIFO, or a symlink to one, fails at once with a typed error', async () => {
  expect(await timed(() => sandbox.readFile('pipe'))).toEqual(refused);
  expect(await timed(() => sandbox.readFile('link'))).toEqual(refused);
  expect(await timed(() => sandbox.readFile('d/link'))).toEqual(refused);
});

test('writing over a FIFO, or through a symlink to one, fails at once and leaves it a FIFO', async () => {
  expect(await timed(() => sandbox.writeFile('pipe', 'x'))).toEqual(refused);
  expect(await timed(() => sandbox.writeFile('link', 'x'))).toEqual(refused);
  expect(await timed(() => sandbox.writeFile('d/inner', 'x'))).toEqual(refused);
  expect((await sandbox.exec('test -p pipe && test -p d/inner && echo fifo')).stdout.trim()).toBe('fifo');
});

test('listing a folder with FIFOs answers at once; listing a FIFO is refused', async () => {
  const started = Date.now();
  const entries = await sandbox.listFiles('d');
  expect(Date.now() - started).toBeLessThan(5000);
  expect(entries.map((e) => [e.path, e.type])).toEqual([
    ['d/inner', 'other'],
    ['d/link', 'symlink'],
  ]);
  expect(await timed(() => sandbox.listFiles('pipe'))).toEqual(refused);
  expect(await timed(() => sandbox.listFiles('link'))).toEqual(refused);
});

test('regular files still round-trip beside the FIFOs', async () => {
  await sandbox.writeFile('d/plain.txt', 'hello\n');
  expect((await sandbox.readFile('d/plain.txt')).toString()).toBe('hello\n');
  await sandbox.writeFile('d/plain.txt', 'hi');
  expect((await sandbox.readFile('d/plain.txt')).toString()).toBe('hi');
  const binary = randomBytes(3 * 1024 * 1024 + 7);
  await sandbox.writeFile('d/blob.bin', binary);
  expect((await sandbox.readFile('d/blob.bin')).equals(binary)).toBe(true);
});

test('a file swapped for a FIFO while it is read or written never makes the operation wait', async () => {
  // Between a check of the path and its opening, the sandbox's code can swap in a FIFO.
  const swapper = sandbox.exec('while :; do echo x > r.tmp; mv -f r.tmp race; mkfifo r.fifo; mv -f r.fifo race; done', { timeoutMs: 60_000 });
  try {
    const outcomes = new Set<string>();
    for (let i = 0; i < 25; i++) {
      for (const op of [() => sandbox.readFile('race'), () => sandbox.writeFile('race', 'y')]) {
        const { error, fast } = await timed(op);
        outcomes.add(`${error}${fast ? '' : ' (slow)'}`);
      }
      if ([...outcomes].some((o) => o.endsWith('(slow)'))) break;
    }
    expect([...outcomes].filter((o) => o.endsWith('(slow)') || !['none', 'SandboxFileError'].includes(o))).toEqual([]);
  } finally {
    await sandbox.killProcesses();
    await swapper;
  }
});
