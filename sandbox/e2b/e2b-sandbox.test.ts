/**
 * The E2B handle's own logic (paths, exit codes, timeouts, output caps, preview URL) against a fake of
 * the SDK's Sandbox object; the contract suite covers real E2B when E2B_API_KEY is set.
 */
import type { Sandbox as E2BSandbox } from 'e2b';
import { SandboxPathError } from '../sandbox.errors';
import { E2BSandboxHandle } from './e2b-sandbox';

class Named extends Error {
  constructor(
    override readonly name: string,
    readonly exitCode?: number,
  ) {
    super(name);
  }
}

function fakeSdk() {
  const calls: Array<{ cmd: string; opts: Record<string, unknown> }> = [];
  const written: Array<[string, unknown]> = [];
  const removed: string[] = [];
  const sdk = {
    sandboxId: 'e2b-123',
    commands: {
      run: async (cmd: string, opts: { onStdout?: (d: string) => void; onStderr?: (d: string) => void } & Record<string, unknown>) => {
        calls.push({ cmd, opts });
        if (cmd.includes('fail')) {
          opts.onStderr?.('boom\n');
          throw new Named('CommandExitError', 3);
        }
        if (cmd.includes('sleep')) throw new Named('TimeoutError');
        opts.onStdout?.('y'.repeat(100));
        return { exitCode: 0 };
      },
      list: async () => [{ pid: 7 }, { pid: 8 }],
      kill: async (pid: number) => removed.push(`pid:${pid}`),
    },
    files: {
      write: async (path: string, data: unknown) => written.push([path, data]),
      read: async () => new Uint8Array([1, 2, 3]),
      list: async () => [
        { name: 'b.txt', type: 'file', size: 3 },
        { name: 'a', type: 'dir', size: 0 },
      ],
      remove: async (path: string) => removed.push(path),
    },
    getHost: (port: number) => `${port}-e2b-123.e2b.app`,
    setTimeout: async () => undefined,
    isRunning: async () => true,
    kill: async () => true,
  };
  return { sdk: sdk as unknown as E2BSandbox, calls, written, removed };
}

const options = { keepAliveMs: 60_000, execTimeoutMs: 5_000, maxOutputBytes: 10 };

test('exec maps exit codes, timeouts and the output cap; runs in the workspace folder', async () => {
  const { sdk, calls } = fakeSdk();
  const box = new E2BSandboxHandle(sdk, 'node', options);
  const ok = await box.exec('echo', { cwd: 'src', env: { A: '1' } });
  expect(ok).toMatchObject({ exitCode: 0, stdout: 'y'.repeat(10), truncated: true, timedOut: false });
  expect(calls[0]!.opts).toMatchObject({ cwd: '/home/user/workspace/src', envs: { A: '1' }, timeoutMs: 5_000 });
  expect(await box.exec('fail')).toMatchObject({ exitCode: 3, stderr: 'boom\n', timedOut: false });
  expect(await box.exec('sleep 9')).toMatchObject({ exitCode: 137, timedOut: true });
});

test('file operations stay under the workspace and refuse paths that leave it', async () => {
  const { sdk, written, removed } = fakeSdk();
  const box = new E2BSandboxHandle(sdk, 'node', options);
  await box.writeFile('/workspace/src/a.txt', 'hi');
  expect(written[0]![0]).toBe('/home/user/workspace/src/a.txt');
  expect([...(await box.readFile('x.bin'))]).toEqual([1, 2, 3]);
  expect((await box.listFiles('.')).map((e) => [e.path, e.type])).toEqual([
    ['a', 'directory'],
    ['b.txt', 'file'],
  ]);
  await expect(box.writeFile('../../etc/passwd', 'x')).rejects.toBeInstanceOf(SandboxPathError);
  await expect(box.deleteFile('.')).rejects.toThrow('cannot be deleted');
  await box.deleteFile('src');
  expect(removed).toEqual(['/home/user/workspace/src']);
});

test('the preview is E2B\'s public host for the port; killProcesses kills every process', async () => {
  const { sdk, calls, removed } = fakeSdk();
  const box = new E2BSandboxHandle(sdk, 'node', options);
  expect(await box.startPreview({ port: 5173, command: 'npm run dev' })).toEqual({ port: 5173, target: { url: 'https://5173-e2b-123.e2b.app' } });
  expect(calls[0]).toMatchObject({ cmd: 'npm run dev', opts: { background: true, envs: { PORT: '5173' } } });
  await box.killProcesses();
  expect(removed).toEqual(['pid:7', 'pid:8']);
});

test('stdin reaches the command byte for byte: no shell expansion of $(), backticks or $VAR', async () => {
  // The fake runs the generated script in a real shell, as E2B's VM would, with the files it was handed.
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const host = mkdtempSync('/tmp/e2b-fake-');
  const ran: string[] = [];
  const removed: string[] = [];
  const sdk = {
    sandboxId: 'e2b-stdin',
    setTimeout: async () => undefined,
    commands: {
      run: async (cmd: string, opts: { onStdout?: (d: string) => void }) => {
        ran.push(cmd);
        const stdout = execFileSync('/bin/sh', ['-c', cmd], { cwd: host, env: { ROOT: host, HOME: '/home/victim', PATH: process.env.PATH } }).toString();
        opts.onStdout?.(stdout);
        return { exitCode: 0 };
      },
    },
    files: {
      // Only the handle's stdin files under /tmp are written, so the fake may use the same absolute path.
      write: async (path: string, data: string | ArrayBuffer) => writeFileSync(path, typeof data === 'string' ? data : Buffer.from(data)),
      remove: async (path: string) => {
        removed.push(path);
        rmSync(path, { force: true });
      },
    },
  };
  try {
    const box = new E2BSandboxHandle(sdk as unknown as E2BSandbox, 'node', { ...options, maxOutputBytes: 1 << 20 });
    const stdin = 'a $(touch pwned) `touch pwned2` $HOME "q" \'s\' \\n %s\nline two\n';
    const result = await box.exec('cat', { stdin, cwd: '.' });
    expect(result.stdout).toBe(stdin);
    expect(() => readFileSync(join(host, 'pwned'))).toThrow();
    expect(() => readFileSync(join(host, 'pwned2'))).toThrow();
    expect(ran.join('\n')).not.toContain('touch pwned');
    // The stdin file is gone afterwards.
    expect(removed).toHaveLength(1);
    expect(() => readFileSync(removed[0]!)).toThrow();
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
});
