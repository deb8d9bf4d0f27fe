/**
 * Starts the whole local stack in dependency order, each step ready before the next: Temporal,
 * Postgres, Redis, Liveblocks (each skipped when the user points at an existing one), migrations,
 * the worker, the API. Stops in reverse order.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ChildExitedError, describeError, StackError } from './errors';
import type { RestartPolicy } from './restart-policy';
import { superviseProcess, type RestartsExhaustedError, type SupervisedProcess } from './supervisor';
import { openToOthers, reachableHome } from './reachable-home';
import { preflight } from './stack-preflight';
import { startProcess, type ManagedProcess } from './process';
import { localSecret, postgresPassword, prepareDataDir } from './local-secrets';
import { startEmbeddedPostgres } from './services/postgres';
import { startRedis } from './services/redis';
import { startLiveblocksDevServer } from './services/liveblocks';
import { findTemporalCli, startTemporalDevServer } from './services/temporal';
import { ensureLocalModel } from './services/local-model';
import { repoRoot, type StackConfig } from './stack-config';

/**
 * The embedded stack's keyring for secrets at rest: made once in `<data>/master-keys` (mode 600) so a
 * restart can still open what it sealed. Production sets ATELIER_MASTER_KEYS instead.
 */
function localMasterKeys(dataDir: string): string {
  const file = path.join(dataDir, 'master-keys');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `local1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The sandboxes' uids must pass through every folder above their workspaces. When the data folder sits
 * under one closed to them (a checkout in root's home or a `mktemp -d` folder), their root moves to a
 * reachable folder outside the checkout instead; undefined keeps the default `<data>/sandboxes`.
 */
function reachableSandboxRoot(dataDir: string): string | undefined {
  if (process.getuid?.() !== 0 || openToOthers(dataDir)) return undefined;
  const home = reachableHome(dataDir);
  return home && path.join(home, 'sandboxes');
}

/** A command line for one of the app's own processes. */
export interface EntryCommand {
  command: string;
  args: string[];
}

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
/** The app's entry points; tests may replace them with stand-ins. */
export const defaultEntries: Record<'migrate' | 'worker' | 'api', EntryCommand> = {
  migrate: { command: tsx, args: [path.join(repoRoot, 'core/db/migrate.ts')] },
  worker: { command: tsx, args: [path.join(repoRoot, 'activities/worker.ts')] },
  api: { command: tsx, args: [path.join(repoRoot, 'api/src/server.ts')] },
};

/** Marks a step whose processes registered their own stop as they spawned. */
const alreadyRegistered = async (): Promise<void> => undefined;

/** Options of {@link startStack}. */
export interface StackOptions {
  config: StackConfig;
  /** The user's environment: TEMPORAL_ADDRESS, DATABASE_URL, REDIS_URL, LIVEBLOCKS_SECRET_KEY select external services. */
  env?: NodeJS.ProcessEnv;
  /** Keep service data in `config.dataDir` (default true); false gives throwaway services. */
  persist?: boolean;
  /** Replace the migrate / worker / API commands (tests, or a custom entry). */
  entries?: Partial<typeof defaultEntries>;
  /** Where child output goes (default stdout); null for silence (logs still go to `<data>/logs`). */
  echo?: NodeJS.WritableStream | null;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Called after the worker or the API was restarted following a crash, with the processes now running. */
  onRestart?: (processes: Array<{ name: string; pid: number }>) => void;
  /** When to restart a crashed worker or API and when to give up (default: {@link DEFAULT_RESTART_POLICY}). */
  restartPolicy?: RestartPolicy;
}

/** One backing service as the banner shows it. */
export interface ServiceInfo {
  name: string;
  /** URL or address the app uses. */
  url: string;
  embedded: boolean;
}

/** The running stack. */
export interface RunningStack {
  /** Base URL of the API and web app. */
  appUrl: string;
  /** Where sandbox previews live, `http://*.preview.localhost:4001` (one host per sandbox). */
  previewUrl?: string;
  /** Where apps deployed to the local target live, `http://*.apps.localhost:4002` (one host per project). */
  appsUrl?: string;
  graphqlUrl: string;
  temporalUiUrl?: string;
  services: ServiceInfo[];
  /** Environment passed to migrate, worker and API. */
  childEnv: NodeJS.ProcessEnv;
  /** Process-group leaders started by the stack, as they run now (a restarted worker or API has a new pid). */
  readonly pids: number[];
  /** The same, by child name (temporal, postgres, redis, liveblocks, worker, api). */
  readonly processes: Array<{ name: string; pid: number }>;
  /**
   * Resolves when the stack cannot go on: a service (Temporal, Postgres, Redis, Liveblocks) exited, or the
   * worker or the API crashed too often to be restarted again. Single worker or API crashes are restarted.
   */
  crashed: Promise<ChildExitedError | RestartsExhaustedError>;
  stop(): Promise<void>;
}

/** Thrown by {@link startStack} when {@link StackHandle.stop} was called during startup. */
export class StackInterruptedError extends StackError {
  override readonly name = 'StackInterruptedError';
}

/** Lets a signal handler stop a stack that is still starting. */
export interface StackHandle {
  stop(): Promise<void>;
}

/** Starts everything; on any failure stops what was started and rethrows. */
export async function startStack(opts: StackOptions, handle: Partial<StackHandle> = {}): Promise<RunningStack> {
  const { config } = opts;
  const env = opts.env ?? process.env;
  const persist = opts.persist ?? true;
  const log = opts.log ?? ((line: string) => console.log(line));
  const logDir = path.join(config.dataDir, 'logs');
  const echo = opts.echo;
  // Services are chatty; their output goes to `<data>/logs` unless the caller asks for it.
  const serviceEcho = echo === undefined ? null : echo;
  const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
  const children: ManagedProcess[] = [];
  let stopping = false;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      for (const s of stops.reverse()) {
        log(`Stopping ${s.name} …`);
        await s.stop().catch((err: unknown) => log(`  ${s.name} did not stop cleanly: ${(err as Error).message}`));
      }
    })());
  handle.stop = stop;
  // Registers a stop function; a stop already under way (Ctrl-C during startup) gets it run at once.
  const register = async (name: string, stopFn: () => Promise<void>) => {
    if (stopping) {
      await stopFn();
      throw new StackInterruptedError('Interrupted during startup.');
    }
    stops.push({ name, stop: stopFn });
  };
  const step = async <T extends { stop(): Promise<void>; child?: ManagedProcess }>(name: string, start: () => Promise<T>) => {
    if (stopping) throw new StackInterruptedError('Interrupted during startup.');
    const t0 = Date.now();
    const started = await start();
    if (started.stop !== alreadyRegistered) await register(name, () => started.stop());
    if (started.child) children.push(started.child);
    log(`${name} ready in ${Date.now() - t0} ms`);
    return started;
  };

  try {
    prepareDataDir(config.dataDir);
    await preflight(config, env, { ...defaultEntries, ...opts.entries });
    // The small local model, fetched beside the services; without it chat and editor actions need a vendor key.
    const localModel = env.ATELIER_LOCAL_MODEL
      ? Promise.resolve(null)
      : ensureLocalModel(config.toolsDir, log).catch((error: unknown) => {
          log(`Warning: no local model (${describeError(error).split('\n')[0]}); chat and editor actions need a vendor key or ATELIER_LOCAL_MODEL.`);
          return null;
        });

    const services: ServiceInfo[] = [];
    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUiUrl = env.ATELIER_TEMPORAL_UI_URL;
    if (!temporalAddress) {
      const cli = await findTemporalCli(config.toolsDir, log);
      const t = await step('Temporal', () =>
        startTemporalDevServer({
          cli,
          port: config.temporalPort,
          uiPort: config.temporalUiPort,
          namespace: config.temporalNamespace,
          dbFile: persist ? path.join(config.dataDir, 'temporal', 'temporal.db') : undefined,
          logDir,
          echo: serviceEcho,
        }),
      );
      temporalAddress = t.address;
      temporalUiUrl = t.uiUrl;
    }
    services.push({ name: 'Temporal', url: temporalAddress, embedded: !env.TEMPORAL_ADDRESS });

    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.join(config.dataDir, 'postgres');
      const secret = postgresPassword(config.dataDir, dataDir);
      const pg = await step('Postgres', () => startEmbeddedPostgres({ dataDir, ...secret, port: config.postgresPort, logDir, echo: serviceEcho }));
      databaseUrl = pg.url;
    }
    services.push({ name: 'PostgreSQL', url: redactPassword(databaseUrl), embedded: !env.DATABASE_URL });

    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      const auth = { password: localSecret(config.dataDir, 'redis-password').value, configDir: path.join(config.dataDir, 'secrets') };
      const redis = await step('Redis', () => startRedis({ port: config.redisPort, dataDir: persist ? path.join(config.dataDir, 'redis') : undefined, ...auth, logDir, echo: serviceEcho }));
      redisUrl = redis.url;
    }
    services.push({ name: 'Redis', url: redactPassword(redisUrl), embedded: !env.REDIS_URL });

    const liveblocks = env.LIVEBLOCKS_SECRET_KEY
      ? { url: env.LIVEBLOCKS_BASE_URL, secretKey: env.LIVEBLOCKS_SECRET_KEY, publicKey: env.LIVEBLOCKS_PUBLIC_KEY }
      : await step('Liveblocks', () => startLiveblocksDevServer({ port: config.liveblocksPort, dataDir: persist ? path.join(config.dataDir, 'liveblocks') : undefined, logDir, echo: serviceEcho }));
    services.push({ name: 'Liveblocks', url: liveblocks.url ?? 'Liveblocks Cloud', embedded: !env.LIVEBLOCKS_SECRET_KEY });

    const appHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: config.temporalNamespace,
      LIVEBLOCKS_SECRET_KEY: liveblocks.secretKey,
      PORT: String(config.apiPort),
      ATELIER_PREVIEW_PORT: String(config.previewPort),
      ATELIER_APPS_PORT: String(config.appsPort),
      HOST: config.host,
      ATELIER_CLIENT_DIST: env.ATELIER_CLIENT_DIST ?? path.join(repoRoot, 'client', 'dist', 'client', 'browser'),
      LOG_LEVEL: config.logLevel,
    };
    if (liveblocks.url) childEnv.LIVEBLOCKS_BASE_URL = liveblocks.url;
    if (liveblocks.publicKey) childEnv.LIVEBLOCKS_PUBLIC_KEY = liveblocks.publicKey;
    if (temporalUiUrl) childEnv.ATELIER_TEMPORAL_UI_URL = temporalUiUrl;
    childEnv.ATELIER_MASTER_KEYS ??= localMasterKeys(config.dataDir);
    const sandboxRoot = childEnv.ATELIER_SANDBOX_ROOT ? undefined : reachableSandboxRoot(config.dataDir);
    if (sandboxRoot) childEnv.ATELIER_SANDBOX_ROOT = sandboxRoot;
    childEnv.ATELIER_TOOLS_DIR = config.toolsDir;
    await localModel;
    const entries = { ...defaultEntries, ...opts.entries };

    await step('Migrations', async () => {
      const proc = startProcess({ name: 'migrate', ...entries.migrate, cwd: repoRoot, env: childEnv, logDir, echo });
      await register('migrate', () => proc.stop());
      const { code, signal } = await proc.exited;
      if (code !== 0) {
        const reason = proc.lastLines(1)[0] ?? `exit code ${code ?? signal}`;
        throw new StackError(`Database migrations failed: ${reason}`, `Full log: ${proc.logFile}. Fix the cause and run \`npm start\` again.`);
      }
      return { stop: alreadyRegistered };
    });

    const spawnApp = (name: 'worker' | 'api') => startProcess({ name, ...entries[name], cwd: repoRoot, env: childEnv, logDir, ipc: true, echo });
    const supervised: SupervisedProcess[] = [];
    const spawnReady = async (name: 'worker' | 'api') => {
      const proc = spawnApp(name);
      const ready = proc.waitForMessage<{ type: 'ready'; url?: string; previewUrl?: string; appsUrl?: string }>('ready');
      ready.catch(() => undefined); // awaited below; this only keeps an early rejection from going unhandled
      const held: { supervisor?: SupervisedProcess } = {};
      await register(name, () => (held.supervisor ? held.supervisor.stop() : proc.stop()));
      const message = await ready;
      // From here on a crash is restarted, not fatal (a crash before ready fails the start, as a broken build would).
      held.supervisor = superviseProcess({
        first: proc,
        spawn: () => spawnApp(name),
        stopping: () => stopping,
        log,
        policy: opts.restartPolicy,
        onRestart: () => opts.onRestart?.(currentProcesses()),
      });
      supervised.push(held.supervisor);
      // Already registered for stopping; the step's own stop has nothing left to do.
      return { stop: alreadyRegistered, url: message.url, previewUrl: message.previewUrl, appsUrl: message.appsUrl };
    };
    const currentProcesses = () => [...children, ...supervised.map((s) => s.current())].map((c) => ({ name: c.name, pid: c.pid }));
    // The API needs Temporal, not a ready worker: start both at once, fail if either fails.
    const [worker, api] = await Promise.allSettled([step('Worker', () => spawnReady('worker')), step('API', () => spawnReady('api'))]);
    if (worker.status === 'rejected') throw worker.reason;
    if (api.status === 'rejected') throw api.reason;
    const appUrl = (api.value.url ?? `http://${appHost}:${config.apiPort}`).replace(/\/$/, '');

    // Services are not restarted: their clients (worker, API) would fail meanwhile, and their data may need a look.
    const crashed = new Promise<ChildExitedError | RestartsExhaustedError>((resolve) => {
      for (const child of children) {
        void child.exited.then(({ code, signal }) => {
          if (!stopping) resolve(new ChildExitedError(child.name, code, signal, child.lastLines(), child.logFile));
        });
      }
      for (const s of supervised) void s.gaveUp.then(resolve);
    });
    return {
      appUrl,
      previewUrl: api.value.previewUrl,
      appsUrl: api.value.appsUrl,
      graphqlUrl: `${appUrl}/graphql`,
      temporalUiUrl,
      services,
      childEnv,
      get pids() {
        return currentProcesses().map((p) => p.pid);
      },
      get processes() {
        return currentProcesses();
      },
      crashed,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function redactPassword(url: string): string {
  // The user part may be empty (`redis://:secret@host`).
  return url.replace(/\/\/([^:/@]*):[^@]+@/, '//$1:***@');
}
