import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { PreviewInfo, Sandbox } from '../../../../sandbox/types';
import { shellQuote } from '../../../../sandbox/local/bwrap';
import { STATIC_SERVER_FILE, STATIC_SERVER_SOURCE } from './static-server';

/** Port a deployed app listens on inside its sandbox (passed as PORT). */
export const APP_PORT = 3000;
/** Where the package is written in the app sandbox before it is unpacked (and then removed). */
const PACKAGE_FILE = '.atelier/package.tgz';

/** How an app starts: its start command, or the static server over `staticDir`. */
export interface AppCommand {
  readonly startCommand: string | null;
  readonly staticDir: string | null;
}

/** The shell command that runs the app: `npm start`, or the built-in static server for a static-only project. */
export function appCommand(app: AppCommand): string {
  if (app.startCommand) return app.startCommand;
  return `exec node ${STATIC_SERVER_FILE} ${shellQuote(app.staticDir ?? '.')}`;
}

/** `.data/deployments/<id>.tgz`: the deployment's package (the whole built workspace, node_modules included). */
export const packagePath = (dataDir: string, deploymentId: string) => join(dataDir, 'deployments', `${deploymentId}.tgz`);

/** What the build wrote beside the package (`.data/deployments/<id>.json`); null when it is missing or unreadable. */
export async function readManifest(dataDir: string, deploymentId: string): Promise<AppCommand | null> {
  const text = await readFile(join(dataDir, 'deployments', `${deploymentId}.json`), 'utf8').catch(() => null);
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<AppCommand>;
    return { startCommand: typeof parsed.startCommand === 'string' ? parsed.startCommand : null, staticDir: typeof parsed.staticDir === 'string' ? parsed.staticDir : null };
  } catch {
    return null;
  }
}

/** Thrown when a package does not unpack in its app sandbox. */
export class AppUnpackError extends Error {
  override readonly name = 'AppUnpackError';
  constructor(readonly detail: string) {
    super(`The package did not unpack: ${detail.slice(-500)}`);
  }
}

/**
 * Writes the package into the app sandbox and unpacks it over the workspace (again on a retry: same files), with
 * the static server beside it. Then the app is started in the background as the sandbox's preview, with its env
 * and PORT; resolves once it accepts connections (SandboxPreviewError when it exits or never listens).
 */
export async function installApp(sandbox: Sandbox, tarballPath: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  await sandbox.writeFile(PACKAGE_FILE, await readFile(tarballPath));
  await sandbox.writeFile(STATIC_SERVER_FILE, STATIC_SERVER_SOURCE);
  const unpacked = await sandbox.exec(`tar xzf ${PACKAGE_FILE} --no-same-owner && rm -f ${PACKAGE_FILE}`, { timeoutMs: options.timeoutMs ?? 300_000, signal: options.signal });
  if (unpacked.exitCode !== 0) throw new AppUnpackError(unpacked.stderr || unpacked.stdout);
}

export function startApp(sandbox: Sandbox, app: AppCommand, env: Readonly<Record<string, string>>, readyTimeoutMs: number): Promise<PreviewInfo> {
  return sandbox.startPreview({ command: appCommand(app), port: APP_PORT, env, readyTimeoutMs });
}

/** One GET of `/` through the app's preview socket (or its URL): healthy when something below 500 answers. */
export async function probeApp(target: PreviewInfo['target'], host: string, timeoutMs: number): Promise<{ healthy: boolean; detail: string }> {
  if ('url' in target) {
    try {
      const res = await fetch(target.url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      await res.body?.cancel();
      return { healthy: res.status < 500, detail: `HTTP ${res.status}` };
    } catch (error) {
      return { healthy: false, detail: `no answer: ${(error as Error).message}` };
    }
  }
  return new Promise((resolve) => {
    const req = request({ socketPath: target.socketPath, path: '/', method: 'GET', headers: { host, 'user-agent': 'atelier-health-check' }, agent: false }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve({ healthy: status > 0 && status < 500, detail: `HTTP ${status}` });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve({ healthy: false, detail: `no answer: ${error.message}` }));
    req.end();
  });
}
