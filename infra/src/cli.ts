/**
 * `npm run stack -- <command>`: `start` runs the whole stack (what `npm start` does after bootstrap);
 * `temporal`, `postgres`, `redis`, `liveblocks` run one service alone with the same ports and data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeError } from './errors';
import { killAllProcesses, stopAllProcesses } from './process';
import { localSecret, postgresPassword, prepareDataDir } from './local-secrets';
import { startEmbeddedPostgres } from './services/postgres';
import { startRedis } from './services/redis';
import { startLiveblocksDevServer } from './services/liveblocks';
import { findTemporalCli, startTemporalDevServer } from './services/temporal';
import { startStack, StackInterruptedError, type RunningStack, type StackHandle, type StackOptions } from './stack';
import { loadStackConfig, type StackConfig } from './stack-config';
import { RestartsExhaustedError } from './supervisor';

const bold = (s: string) => `\x1b[1m${s}\x1b[0m`;

/** Stops `stop` on the first SIGINT/SIGTERM, forces on the second, then exits. */
function onSignals(stop: () => Promise<void>): void {
  let count = 0;
  let first = 0;
  const handler = (sig: NodeJS.Signals) => {
    // npm, the bootstrap and the terminal may each deliver the same Ctrl-C: count it once.
    if (count > 0 && Date.now() - first < 1000) return;
    count += 1;
    first ||= Date.now();
    if (count > 1) {
      console.error(`\nSecond ${sig}: killing everything now.`);
      killAllProcesses();
      process.exit(130);
    }
    console.log(`\n${sig} received: stopping (press Ctrl-C again to force) …`);
    const t0 = Date.now();
    void stop()
      // A service whose start was still in flight is not registered with the stack yet.
      .then(() => stopAllProcesses())
      .then(() => {
        console.log(`Stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
        process.exit(sig === 'SIGINT' ? 130 : 143);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

function printBanner(stack: RunningStack, config: StackConfig): void {
  const lines = [
    '',
    bold('Atelier is running'),
    `  Web app      ${bold(stack.appUrl)}`,
    `  GraphQL      ${stack.graphqlUrl}`,
    ...(stack.previewUrl ? [`  Previews     ${stack.previewUrl}  (a host per sandbox, its own origin)`] : []),
    ...(stack.appsUrl ? [`  Apps         ${stack.appsUrl}  (deployed apps, a host per project)`] : []),
    `  Temporal UI  ${stack.temporalUiUrl ?? '(external Temporal: set ATELIER_TEMPORAL_UI_URL to show it)'}`,
    '',
    ...stack.services.map((s) => `  ${s.name.padEnd(11)}  ${s.embedded ? 'embedded' : 'external'}  ${s.url}`),
    '',
    `  Data ${config.dataDir}   Logs ${path.join(config.dataDir, 'logs')}`,
    '  Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}

/** Runs the whole stack until a signal or a crash; resolves with the exit code. */
export async function runStart(options: Partial<StackOptions> = {}): Promise<number> {
  let config: StackConfig;
  try {
    config = options.config ?? loadStackConfig();
  } catch (err) {
    console.error(describeError(err));
    return 1;
  }
  const handle: Partial<StackHandle> = {};
  const stateFile = path.join(config.dataDir, 'stack.json');
  onSignals(async () => {
    await handle.stop?.();
    fs.rmSync(stateFile, { force: true });
  });
  const t0 = Date.now();
  let stack: RunningStack | undefined;
  // Read by tests and by whoever wants to know what runs; rewritten when the worker or the API restarts.
  const writeState = (s: RunningStack) => {
    const state = { pid: process.pid, pids: s.pids, processes: s.processes, appUrl: s.appUrl, temporalUiUrl: s.temporalUiUrl, services: s.services };
    // Whole or not at all: readers poll it while a restart rewrites it.
    fs.writeFileSync(`${stateFile}.tmp`, JSON.stringify(state, null, 2), { mode: 0o600 });
    fs.renameSync(`${stateFile}.tmp`, stateFile);
  };
  const onRestart = () => {
    if (stack && fs.existsSync(stateFile)) writeState(stack);
  };
  try {
    stack = await startStack({ config, onRestart, ...options }, handle);
  } catch (err) {
    if (err instanceof StackInterruptedError) {
      await stopAllProcesses();
      console.log('Stopped.');
      return 130;
    }
    console.error(`\n${bold('Atelier could not start.')}\n${describeError(err)}`);
    return 1;
  }
  writeState(stack);
  printBanner(stack, config);
  console.log(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const crash = await stack.crashed;
  const headline = crash instanceof RestartsExhaustedError ? 'Atelier is stopping: a process keeps crashing.' : 'A child process stopped unexpectedly.';
  console.error(`\n${bold(headline)}\n${describeError(crash)}\nStopping the rest …`);
  await stack.stop();
  fs.rmSync(stateFile, { force: true });
  return 1;
}

/** Runs one service alone until Ctrl-C. */
async function runAlone(name: string, config: StackConfig): Promise<number> {
  const logDir = path.join(config.dataDir, 'logs');
  const starters: Record<string, () => Promise<{ stop(): Promise<void>; pid: number; child: unknown }>> = {
    temporal: async () =>
      startTemporalDevServer({ cli: await findTemporalCli(config.toolsDir), port: config.temporalPort, uiPort: config.temporalUiPort, namespace: config.temporalNamespace, dbFile: path.join(config.dataDir, 'temporal', 'temporal.db'), logDir }),
    postgres: () => {
      prepareDataDir(config.dataDir);
      const dataDir = path.join(config.dataDir, 'postgres');
      return startEmbeddedPostgres({ dataDir, ...postgresPassword(config.dataDir, dataDir), port: config.postgresPort, logDir });
    },
    redis: () => {
      prepareDataDir(config.dataDir);
      const auth = { password: localSecret(config.dataDir, 'redis-password').value, configDir: path.join(config.dataDir, 'secrets') };
      return startRedis({ port: config.redisPort, dataDir: path.join(config.dataDir, 'redis'), ...auth, logDir });
    },
    liveblocks: () => startLiveblocksDevServer({ port: config.liveblocksPort, dataDir: path.join(config.dataDir, 'liveblocks'), logDir }),
  };
  const start = starters[name];
  if (!start) {
    console.error(`Unknown command '${name}'. Use: start | ${Object.keys(starters).join(' | ')}`);
    return 2;
  }
  try {
    const service = await start();
    const { stop, pid } = service;
    const info = Object.entries(service).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean');
    console.log(`${name} is running (pid ${pid}):\n${info.map(([k, v]) => `  ${k}: ${v}`).join('\n')}\nPress Ctrl-C to stop.`);
    onSignals(stop);
    return await new Promise<number>(() => undefined);
  } catch (err) {
    console.error(`${name} could not start.\n${describeError(err)}`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = 'start'] = argv;
  let config: StackConfig;
  try {
    config = loadStackConfig();
  } catch (err) {
    console.error(describeError(err));
    return 1;
  }
  return command === 'start' ? runStart({ config }) : runAlone(command, config);
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
