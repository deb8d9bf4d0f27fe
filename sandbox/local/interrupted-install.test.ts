/**
 * An install killed half-way leaves a package folder without its files, and a plain `npm install` trusts it
 * (this is how a worker SIGKILLed during an agent's run_tests used to leave the project's tests failing). The
 * install step's marker makes the next install start clean.
 */
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';
import type { Sandbox } from '../types';
import { INSTALL_MARKER } from './steps';

let sandbox: Sandbox;
let dispose: () => Promise<void>;
const requireIt = `node -e "require('setprototypeof'); console.log('loaded')"`;

beforeAll(async () => {
  const local = testLocalBackend();
  dispose = local.dispose;
  sandbox = await local.backend.create({ runtime: 'node' });
  await sandbox.writeFile('package.json', JSON.stringify({ name: 'half-installed', version: '1.0.0', dependencies: { setprototypeof: '1.2.0' } }));
});
afterAll(async () => {
  await sandbox?.destroy();
  await dispose?.();
});

/** What a SIGKILL mid-extraction leaves: the package's manifest without its code, and the marker. */
async function breakInstall(withMarker: boolean) {
  await sandbox.deleteFile('node_modules/setprototypeof/index.js');
  if (withMarker) await sandbox.writeFile(INSTALL_MARKER, '');
  expect((await sandbox.exec(requireIt)).exitCode).not.toBe(0);
}

test('an install interrupted half-way is redone from scratch on the next install', async () => {
  const first = await sandbox.installDependencies({ timeoutMs: 180_000 });
  expect({ code: first.exitCode, stderr: first.stderr.slice(-1500) }).toEqual({ code: 0, stderr: expect.any(String) });
  expect((await sandbox.exec(requireIt)).stdout).toContain('loaded');
  expect((await sandbox.listFiles('')).map((f) => f.path)).not.toContain(INSTALL_MARKER);

  // Without the marker (the old behaviour) npm trusts the broken folder and the package stays unloadable.
  await breakInstall(false);
  expect((await sandbox.installDependencies({ timeoutMs: 180_000 })).exitCode).toBe(0);
  expect((await sandbox.exec(requireIt)).exitCode).not.toBe(0);

  // With the marker an interrupted install leaves, the next install wipes node_modules and repairs it.
  await breakInstall(true);
  const repaired = await sandbox.installDependencies({ timeoutMs: 180_000 });
  expect(repaired.exitCode).toBe(0);
  expect((await sandbox.exec(requireIt)).stdout).toContain('loaded');
  expect((await sandbox.listFiles('')).map((f) => f.path)).not.toContain(INSTALL_MARKER);
});
