import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { SandboxPreviewError } from '../sandbox.errors';
import type { PreviewInfo } from '../types';
import type { LaunchSpec } from './bwrap';
import type { LaunchCgroup } from './launch-cgroup';
import { sendInput, stdioWithInput, type FdInput } from './run-process';

/** What a preview needs of its local sandbox (LocalSandbox implements it): launches and the preview's cgroup. */
export interface PreviewHost {
  readonly id: string;
  /** argv of `command` in the sandbox, and its env, sent on a descriptor of its own (never in argv). */
  launch(command: string, overrides: Partial<LaunchSpec>, procsFiles: string[]): { argv: string[]; input: FdInput };
  inCgroup(argv: readonly string[], procsFiles: string[]): string[];
  previewCgroup(): LaunchCgroup;
}

interface PreviewRecord {
  port: number;
  serverPid: number;
  forwarderPid: number;
}

/** The host-side socket of a sandbox's preview: root-only, outside anything a sandbox can see. */
export function previewSocket(dir: string): string {
  return join(dir, 'ctl', 'preview.sock');
}

/** The running preview of a sandbox, or null when none was started or its processes are gone. */
export async function readPreview(dir: string): Promise<PreviewInfo | null> {
  const text = await readFile(join(dir, 'ctl', 'preview.json'), 'utf8').catch(() => null);
  if (!text) return null;
  const record = JSON.parse(text) as PreviewRecord;
  if (!alive(record.serverPid) || !alive(record.forwarderPid)) return null;
  return { port: record.port, target: { socketPath: previewSocket(dir) } };
}

/**
 * Starts the dev server in the background, in a sandbox of its own launch that outlives the caller
 * (a worker restart keeps the preview up; destroy and the reaper kill it through the cgroup). The
 * server keeps having no network: the host reaches it through bridge.cjs run with `nsenter -n` in
 * the server's network namespace, which listens on a root-only socket in `ctl/` and connects to
 * 127.0.0.1:<port> there. The API's preview proxy connects to that socket.
 */
export async function startPreview(sandbox: PreviewHost, dir: string, bridgeDir: string, options: { command: string; port: number; readyTimeoutMs: number; env?: Readonly<Record<string, string>> }): Promise<PreviewInfo> {
  const existing = await readPreview(dir);
  if (existing && existing.port === options.port) return existing;
  // The env (a deployed app's secrets) reaches bubblewrap on its own pipe: argv is readable by every host user.
  // Built first, so a refused env (a bad name, a NUL byte) leaves the running preview alone.
  const env = { ...options.env, PORT: String(options.port), HOST: '127.0.0.1' };
  const group = sandbox.previewCgroup();
  const { argv, input } = sandbox.launch(options.command, { env, outliveParent: true, infoFd: 3 }, group.procsFiles);
  // A preview on another port (or a dead one) is replaced: its whole group goes first.
  await sandbox.previewCgroup().killAndRemove();
  await group.create();
  const log = openSync(join(dir, 'ctl', 'preview.log'), 'a');
  const server = spawn(argv[0]!, argv.slice(1), { stdio: stdioWithInput(['ignore', log, log, 'pipe'], input), detached: true, env: {} });
  closeSync(log);
  sendInput(server, input);
  server.unref();
  const childPid = await new Promise<number>((resolve, reject) => {
    let text = '';
    const info = server.stdio[3] as NodeJS.ReadableStream;
    info.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /"child-pid"\s*:\s*(\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    server.once('exit', (code) => reject(new SandboxPreviewError(sandbox.id, `the server exited with code ${code}`)));
  });
  // The info pipe is left to drain and close on its own: bubblewrap writes more after the pid, and
  // closing our end early would kill it with SIGPIPE (and the server with it).
  const socketPath = previewSocket(dir);
  // The forwarder joins the preview's group too: replacing the preview, destroy and the reaper kill it with the rest.
  const bridge = [process.execPath, join(bridgeDir, 'bridge.cjs'), `unix:${socketPath}`, `tcp:127.0.0.1:${options.port}`];
  const forwarderArgv = sandbox.inCgroup(['nsenter', '-t', String(childPid), '-n', '--', ...bridge], group.procsFiles);
  const forwarder = spawn(forwarderArgv[0]!, forwarderArgv.slice(1), {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
    env: {},
  });
  forwarder.unref();
  await new Promise<void>((resolve, reject) => {
    forwarder.stdout.once('data', () => resolve());
    forwarder.once('exit', (code) => reject(new SandboxPreviewError(sandbox.id, `the forwarder exited with code ${code}`)));
  });
  forwarder.stdout.destroy();
  const record: PreviewRecord = { port: options.port, serverPid: server.pid!, forwarderPid: forwarder.pid! };
  await writeFile(join(dir, 'ctl', 'preview.json'), JSON.stringify(record));
  await waitUntilServing(sandbox.id, socketPath, options.readyTimeoutMs, dir, server.pid!);
  return { port: options.port, target: { socketPath } };
}

async function waitUntilServing(id: string, socketPath: string, timeoutMs: number, dir: string, serverPid: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  while (Date.now() < deadline) {
    // A server that exited (a crash at start) never answers: say so now rather than at the deadline.
    if (!alive(serverPid)) {
      exited = true;
      break;
    }
    // A raw probe, not http.request: no agent, no keep-alive, just "does anything answer HTTP".
    const ok = await new Promise<boolean>((resolve) => {
      const probe = connect(socketPath);
      probe.setTimeout(1000, () => probe.destroy());
      probe.on('connect', () => probe.write('HEAD / HTTP/1.0\r\nHost: localhost\r\n\r\n'));
      probe.once('data', () => {
        probe.destroy();
        resolve(true);
      });
      probe.on('error', () => resolve(false));
      probe.on('close', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = await readFile(join(dir, 'ctl', 'preview.log'), 'utf8').catch(() => '');
  throw new SandboxPreviewError(id, `${exited ? 'the server exited before it answered' : `nothing answered within ${timeoutMs} ms`}. Log tail: ${log.slice(-500)}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
