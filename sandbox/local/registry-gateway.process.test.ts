/**
 * The registry gateway runs in a process of its own, so that what happens to it (a flood, a crash) never
 * reaches the worker: it must come back when it dies, and go when the worker goes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';

/** Gateway processes started by `parent`. */
function gatewayProcesses(parent = process.pid): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('registry-gateway.process.cjs') && new RegExp(`^PPid:\\s+${parent}$`, 'm').test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 200; i++, await new Promise((r) => setTimeout(r, 25))) if (!existsSync(`/proc/${pid}`)) return true;
  return false;
}

test('the gateway is a process of its own: respawned after it dies, gone with its backend', async () => {
  const before = gatewayProcesses();
  const local = testLocalBackend();
  const sandbox = await local.backend.create({ runtime: 'node' });
  await sandbox.writeFile('package.json', JSON.stringify({ name: 'empty', version: '1.0.0' }));
  expect((await sandbox.installDependencies()).exitCode).toBe(0);
  const [first, ...more] = gatewayProcesses().filter((p) => !before.includes(p));
  expect({ first: typeof first, more }).toEqual({ first: 'number', more: [] });
  // It dropped root: a flaw in it reaches no more than the user nobody.
  expect(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${first}/status`, 'utf8'))![1]).toBe('65534');
  process.kill(first!, 'SIGKILL');
  expect(await gone(first!)).toBe(true);
  expect((await sandbox.installDependencies()).exitCode).toBe(0);
  const [second] = gatewayProcesses().filter((p) => !before.includes(p));
  expect(second).not.toBe(first);
  await local.dispose();
  expect(await gone(second!)).toBe(true);
});

test('the gateway process ends, and removes its sockets, when the worker that started it is killed', async () => {
  const dir = join(__dirname, '..', '..', '.data', 'test', `gw-orphan-${process.pid}`);
  const code = `const { RegistryGateway } = require('./sandbox/local/registry-gateway.ts'); new RegistryGateway({ dir: ${JSON.stringify(dir)}, allowedHosts: [] }).open('x', 60000).then((s) => console.log(s.socketPath)); setInterval(() => {}, 1000);`;
  const worker = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const socketPath = await new Promise<string>((r) => worker.stdout!.once('data', (d: Buffer) => r(d.toString().trim())));
  const [gateway] = gatewayProcesses(worker.pid);
  expect(existsSync(socketPath)).toBe(true);
  worker.kill('SIGKILL');
  expect({ gatewayGone: await gone(gateway!), socketLeft: existsSync(socketPath) }).toEqual({ gatewayGone: true, socketLeft: false });
  rmSync(dir, { recursive: true, force: true });
});
