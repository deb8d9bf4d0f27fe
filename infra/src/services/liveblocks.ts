/**
 * The Liveblocks dev server. Its CLI (and bun, which it runs on) live in `infra/liveblocks/`, a package
 * folder of its own: hoisted beside @liveblocks/client 3.x, mismatched @liveblocks/core copies break
 * the Yjs provider.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StackError } from '../errors';
import { assertPortFree, waitFor } from '../ports';
import { runCommand, startProcess, type ManagedProcess } from '../process';
import { repoRoot } from '../stack-config';

/** The package folder holding the pinned `liveblocks` CLI and `bun`. */
export const liveblocksPackageDir = path.join(repoRoot, 'infra', 'liveblocks');

/** Keys the dev server accepts (it refuses any other secret). */
export const liveblocksDevKeys = { publicKey: 'pk_localdev', secretKey: 'sk_localdev' } as const;

/** Runs `npm ci` in `infra/liveblocks` when its CLI is missing, then applies {@link patchDevServer}. */
export async function ensureLiveblocksInstalled(log: (line: string) => void = console.log): Promise<void> {
  const bins = path.join(liveblocksPackageDir, 'node_modules', '.bin');
  if (!fs.existsSync(path.join(bins, 'liveblocks')) || !fs.existsSync(path.join(bins, 'bun'))) {
    log('Installing the Liveblocks dev server (npm ci in infra/liveblocks) …');
    const r = await runCommand('npm', ['ci', '--no-audit', '--no-fund'], { cwd: liveblocksPackageDir });
    if (r.code !== 0) {
      throw new StackError(`npm ci in infra/liveblocks failed:\n${r.output.trim().split('\n').slice(-8).join('\n')}`, 'Check that the npm registry is reachable, or set LIVEBLOCKS_SECRET_KEY to use Liveblocks Cloud.');
    }
  }
  patchDevServer(log);
}

/**
 * The dev server (liveblocks CLI 1.9.0) compacts a document's stored updates at its 1,000th with one
 * `DELETE … IN (…)` of more than SQLite's 512 parameters its helper allows: the update is refused (REST 422)
 * or, from a socket, kept but no longer relayed, so editors of a busy file diverge. Deleting in chunks of 500
 * fixes it; applied to the installed copy at every start (idempotent). Liveblocks Cloud is not affected.
 */
export function patchDevServer(log: (line: string) => void = console.log): void {
  const dist = path.join(liveblocksPackageDir, 'node_modules', 'liveblocks', 'dist');
  const broken = 'delete_y_updates(e,o){let r=o.length;this.db.query(`DELETE FROM ydocs WHERE doc_id = ? AND key IN (${Tr(r)})`).run(e,...o)}';
  const fixed =
    'delete_y_updates(e,o){for(let i=0;i<o.length;i+=500){let c=o.slice(i,i+500);this.db.query(`DELETE FROM ydocs WHERE doc_id = ? AND key IN (${Tr(c.length)})`).run(e,...c)}}';
  const files = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => /^dev-server-.*\.js$/.test(f)) : [];
  for (const name of files) {
    const file = path.join(dist, name);
    const source = fs.readFileSync(file, 'utf8');
    if (source.includes(broken)) fs.writeFileSync(file, source.replace(broken, fixed));
    else if (!source.includes(fixed) && source.includes('delete_y_updates')) log(`Liveblocks dev server: ${name} changed; check the 1,000-update compaction fix (infra/src/services/liveblocks.ts).`);
  }
}

/** Options of {@link startLiveblocksDevServer}. */
export interface LiveblocksOptions {
  port: number;
  /** Keep rooms in `<dataDir>/.liveblocks`; a throwaway folder when omitted. */
  dataDir?: string;
  logDir?: string;
  name?: string;
  echo?: NodeJS.WritableStream | null;
}

/** A running Liveblocks dev server. */
export interface LiveblocksDevServer {
  /** Base URL for LIVEBLOCKS_BASE_URL. */
  url: string;
  publicKey: string;
  secretKey: string;
  pid: number;
  /** The managed child, for crash monitoring. */
  child: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts `liveblocks dev` and resolves once it answers HTTP with the dev secret key. */
export async function startLiveblocksDevServer(opts: LiveblocksOptions): Promise<LiveblocksDevServer> {
  await assertPortFree(opts.port, 'Liveblocks dev server', 'ATELIER_LIVEBLOCKS_PORT, or LIVEBLOCKS_SECRET_KEY to use Liveblocks Cloud');
  await ensureLiveblocksInstalled();
  const cwd = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'atelier-liveblocks-'));
  fs.mkdirSync(cwd, { recursive: true });
  const bins = path.join(liveblocksPackageDir, 'node_modules', '.bin');
  const proc = startProcess({
    name: opts.name ?? 'liveblocks',
    command: path.join(bins, 'liveblocks'),
    args: ['dev', '--port', String(opts.port), '--host', '127.0.0.1', '--no-check', opts.dataDir ? '--persist' : '--no-persist'],
    cwd,
    // The CLI re-executes itself under `bun`, looked up on PATH.
    env: { ...process.env, PATH: `${bins}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' },
    logDir: opts.logDir,
    echo: opts.echo,
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const answers = async () => {
    const res = await fetch(`${url}/v2/rooms`, { headers: { authorization: `Bearer ${liveblocksDevKeys.secretKey}` }, signal: AbortSignal.timeout(2000) });
    return res.ok;
  };
  try {
    await waitFor(`Liveblocks on ${url}`, answers, { timeoutMs: 30_000, intervalMs: 150, abort: proc.assertRunning });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  const stop = async () => {
    await proc.stop();
    if (!opts.dataDir) fs.rmSync(cwd, { recursive: true, force: true });
  };
  return { url, ...liveblocksDevKeys, pid: proc.pid, child: proc, stop };
}
