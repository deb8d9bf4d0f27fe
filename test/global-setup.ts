/**
 * Starts what the server tests need, once per jest run, in parallel: an in-memory Temporal dev server,
 * PostgreSQL (DATABASE_URL, else embedded in `.data/test/postgres`) and Redis (REDIS_URL, else a
 * throwaway redis-server) and a Liveblocks dev server (no persistence), each on a free port; fetches the small
 * local GGUF model once into `<tools>/models/`. Published through process.env (see test/services.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../infra/src/ports';
import { startEmbeddedPostgres } from '../infra/src/services/postgres';
import { startRedis } from '../infra/src/services/redis';
import { startLiveblocksDevServer } from '../infra/src/services/liveblocks';
import { findTemporalCli, startTemporalDevServer } from '../infra/src/services/temporal';
import { ensureLocalModel } from '../infra/src/services/local-model';
import { loadStackConfig, repoRoot } from '../infra/src/stack-config';
import { servicesHandleKey, testEnvKeys } from './services';

interface Running {
  stop(): Promise<void>;
  pid?: number;
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  const testDir = path.join(repoRoot, '.data', 'test');
  const logDir = path.join(testDir, 'logs');
  const { toolsDir } = loadStackConfig({ ATELIER_TOOLS_DIR: process.env.ATELIER_TOOLS_DIR });
  const running: Running[] = [];
  (globalThis as Record<symbol, unknown>)[servicesHandleKey] = running;
  // Jest dies on Ctrl-C without running global-teardown; the services run in their own process groups.
  const killAll = () => running.forEach((r) => r.pid && tryKill(-r.pid));
  process.once('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(130);
    });
  }

  const temporal = (async () => {
    const cli = await findTemporalCli(toolsDir);
    const t = await startTemporalDevServer({
      cli,
      port: await freePort(),
      uiPort: 0,
      headless: true,
      namespace: 'default',
      logDir,
      name: 'test-temporal',
      echo: null,
    });
    running.push(t);
    process.env[testEnvKeys.temporalAddress] = t.address;
    process.env[testEnvKeys.temporalCli] = cli;
  })();
  const postgres = (async () => {
    if (process.env.DATABASE_URL) {
      process.env[testEnvKeys.databaseUrl] = process.env.DATABASE_URL;
      return;
    }
    const dataDir = postgresDirFor(testDir);
    const pg = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'atelier_test',
      logDir,
      name: 'test-postgres',
      echo: null,
    });
    const throwaway = dataDir !== path.join(testDir, 'postgres');
    running.push({
      pid: pg.pid,
      stop: async () => {
        await pg.stop();
        if (throwaway) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    });
    process.env[testEnvKeys.databaseUrl] = pg.adminUrl;
  })();
  const redis = (async () => {
    if (process.env.REDIS_URL) {
      process.env[testEnvKeys.redisUrl] = process.env.REDIS_URL;
      return;
    }
    const r = await startRedis({ port: await freePort(), logDir, name: 'test-redis', echo: null });
    running.push(r);
    process.env[testEnvKeys.redisUrl] = r.url;
  })();

  const liveblocks = (async () => {
    const lb = await startLiveblocksDevServer({ port: await freePort(), logDir, name: 'test-liveblocks', echo: null });
    running.push({ pid: lb.pid, stop: () => lb.stop() });
    process.env[testEnvKeys.liveblocksUrl] = lb.url;
  })();

  const localModel = (async () => {
    process.env[testEnvKeys.localModel] = await ensureLocalModel(toolsDir, (line) => process.stdout.write(`\n[global-setup] ${line}\n`));
  })();

  const results = await Promise.allSettled([temporal, postgres, redis, liveblocks, localModel]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((r) => r.stop()));
    const err = failed.reason as Error & { hint?: string };
    throw new Error(`Test services could not start: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
  }
  process.stdout.write(`\n[global-setup] Temporal, Postgres, Redis, Liveblocks and the local model ready in ${Date.now() - t0} ms (logs: ${logDir})\n`);
}

/**
 * `.data/test/postgres`, kept between runs so initdb runs once; a throwaway sibling when another jest
 * run holds it (its postmaster.pid names a live process).
 */
function postgresDirFor(testDir: string): string {
  const shared = path.join(testDir, 'postgres');
  const pidFile = path.join(shared, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return shared;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return shared;
  }
  return path.join(testDir, `postgres-${process.pid}`);
}

function tryKill(pgid: number): void {
  try {
    process.kill(pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
