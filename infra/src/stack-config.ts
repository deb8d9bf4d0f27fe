/**
 * Every port and data folder of the local stack, in one place. Each field can be overridden by an
 * environment variable; {@link loadStackConfig} validates them once and fails with a readable message.
 */
import path from 'node:path';
import { z } from 'zod';
import { StackError } from './errors';

/** The repository root (this file lives in `infra/src`). */
export const repoRoot = path.resolve(__dirname, '..', '..');

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be between 1 and 65535`)
    .max(65535, `${name} must be between 1 and 65535`)
    .default(fallback);

const schema = z.object({
  ATELIER_DATA_DIR: z.string().min(1).default('.data'),
  ATELIER_TOOLS_DIR: z.string().min(1).default('.tools'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT', 4000),
  ATELIER_PREVIEW_PORT: port('ATELIER_PREVIEW_PORT', 4001),
  ATELIER_APPS_PORT: port('ATELIER_APPS_PORT', 4002),
  ATELIER_TEMPORAL_PORT: port('ATELIER_TEMPORAL_PORT', 7233),
  ATELIER_TEMPORAL_UI_PORT: port('ATELIER_TEMPORAL_UI_PORT', 8233),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  ATELIER_POSTGRES_PORT: port('ATELIER_POSTGRES_PORT', 5433),
  ATELIER_REDIS_PORT: port('ATELIER_REDIS_PORT', 6380),
  ATELIER_LIVEBLOCKS_PORT: port('ATELIER_LIVEBLOCKS_PORT', 1153),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
});

/** Ports and folders of the local stack. */
export interface StackConfig {
  /** Absolute data folder: `<data>/postgres`, `<data>/redis`, `<data>/temporal.db`, `<data>/logs` … (ATELIER_DATA_DIR, default `.data`). */
  dataDir: string;
  /** Absolute folder for downloaded tools such as the Temporal CLI venv (ATELIER_TOOLS_DIR, default `.tools`). */
  toolsDir: string;
  /** Interface the API binds (HOST, default 127.0.0.1). */
  host: string;
  /** API and web app port (PORT, default 4000). */
  apiPort: number;
  /** Preview listener port: each sandbox at `http://<id>.preview.localhost:<it>/` (ATELIER_PREVIEW_PORT, default 4001). */
  previewPort: number;
  /** Apps listener port: apps deployed to the local target at `http://<slug>.apps.localhost:<it>/` (ATELIER_APPS_PORT, default 4002). */
  appsPort: number;
  /** Temporal dev server gRPC port (ATELIER_TEMPORAL_PORT, default 7233). */
  temporalPort: number;
  /** Temporal Web UI port (ATELIER_TEMPORAL_UI_PORT, default 8233). */
  temporalUiPort: number;
  /** Temporal namespace that holds Atelier's workflows (TEMPORAL_NAMESPACE, default `default`). */
  temporalNamespace: string;
  /** Embedded PostgreSQL port; 5432 is left to a system Postgres (ATELIER_POSTGRES_PORT, default 5433). */
  postgresPort: number;
  /** redis-server child port; 6379 is left to a system Redis (ATELIER_REDIS_PORT, default 6380). */
  redisPort: number;
  /** Liveblocks dev server port (ATELIER_LIVEBLOCKS_PORT, default 1153). */
  liveblocksPort: number;
  /** Log level passed to the worker and the API (LOG_LEVEL, default info). */
  logLevel: string;
}

/** Reads and validates the stack configuration from an env record; relative folders resolve against `rootDir`. */
export function loadStackConfig(env: NodeJS.ProcessEnv = process.env, rootDir = repoRoot): StackConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new StackError(`Invalid stack configuration:\n${lines.join('\n')}`, 'Fix or unset these variables.');
  }
  const c = parsed.data;
  return {
    dataDir: path.resolve(rootDir, c.ATELIER_DATA_DIR),
    toolsDir: path.resolve(rootDir, c.ATELIER_TOOLS_DIR),
    host: c.HOST,
    apiPort: c.PORT,
    previewPort: c.ATELIER_PREVIEW_PORT,
    appsPort: c.ATELIER_APPS_PORT,
    temporalPort: c.ATELIER_TEMPORAL_PORT,
    temporalUiPort: c.ATELIER_TEMPORAL_UI_PORT,
    temporalNamespace: c.TEMPORAL_NAMESPACE,
    postgresPort: c.ATELIER_POSTGRES_PORT,
    redisPort: c.ATELIER_REDIS_PORT,
    liveblocksPort: c.ATELIER_LIVEBLOCKS_PORT,
    logLevel: c.LOG_LEVEL,
  };
}
