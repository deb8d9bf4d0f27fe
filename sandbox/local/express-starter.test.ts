/**
 * The "done means" path, all inside one local sandbox: the generated express starter installs
 * from the registry (through the gateway only), passes its own tests, and serves a preview that the
 * host reaches through the preview socket; editing a file makes `node --watch` reload the server.
 */
import { request } from 'node:http';
import { expressTemplate } from '../../activities/scaffold/templates/express.template';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { Sandbox } from '../types';

let sandbox: Sandbox;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const local = testLocalBackend();
  dispose = local.dispose;
  sandbox = await local.backend.create({ runtime: 'node' });
  for (const file of expressTemplate.render({ name: 'Sandbox Starter', description: 'done-means check', features: [] })) {
    await sandbox.writeFile(file.path, file.content);
  }
});
afterAll(async () => {
  await sandbox?.destroy();
  await dispose?.();
});

function get(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ socketPath, path, headers: { host: 'preview' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

test('the express starter installs, passes its tests and serves a preview that reloads on edit', async () => {
  const install = await sandbox.installDependencies({ timeoutMs: 180_000 });
  expect({ code: install.exitCode, stderr: install.stderr.slice(-2000) }).toEqual({ code: 0, stderr: expect.any(String) });
  expect((await sandbox.listFiles('node_modules')).map((e) => e.path)).toContain('node_modules/express');

  // Installed code has no network afterwards: the registry is unreachable from an ordinary exec.
  const offline = await sandbox.exec('npm view express version --fetch-timeout=2000 --fetch-retries=0');
  expect(offline.exitCode).not.toBe(0);

  const tests = await sandbox.runTests();
  expect({ code: tests.exitCode, out: tests.stdout.slice(-2000) }).toEqual({ code: 0, out: expect.stringContaining('pass 1') });

  const preview = await sandbox.startPreview({ command: 'node --watch src/server.js', port: 3000 });
  expect('socketPath' in preview.target).toBe(true);
  const socketPath = (preview.target as { socketPath: string }).socketPath;
  expect(await get(socketPath, '/health')).toEqual({ status: 200, body: '{"status":"ok"}' });
  // Starting again returns the running preview.
  expect(await sandbox.startPreview({ command: 'node --watch src/server.js', port: 3000 })).toEqual(preview);

  const app = (await sandbox.readFile('src/app.js')).toString();
  await sandbox.writeFile('src/app.js', app.replace("app.get('/health'", "app.get('/edited', (_req, res) => res.json({ edited: true }));\n  app.get('/health'"));
  const deadline = Date.now() + 15_000;
  let edited = { status: 0, body: '' };
  while (Date.now() < deadline) {
    edited = await get(socketPath, '/edited').catch(() => ({ status: 0, body: '' }));
    if (edited.status === 200) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(edited).toEqual({ status: 200, body: '{"edited":true}' });
  expect((await sandbox.status()).preview).toEqual(preview);
});
