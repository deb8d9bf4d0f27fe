/**
 * What the server tests share: the services `global-setup.ts` starts once per jest run, published to
 * every jest worker through process.env.
 */

/** Env variables global-setup publishes. */
export const testEnvKeys = {
  temporalAddress: 'ATELIER_TEST_TEMPORAL_ADDRESS',
  temporalCli: 'ATELIER_TEST_TEMPORAL_CLI',
  databaseUrl: 'ATELIER_TEST_DATABASE_URL',
  redisUrl: 'ATELIER_TEST_REDIS_URL',
  liveblocksUrl: 'ATELIER_TEST_LIVEBLOCKS_URL',
  localModel: 'ATELIER_TEST_LOCAL_MODEL',
} as const;

/** Services available to the tests. */
export interface TestEnv {
  /** host:port of a fresh in-memory Temporal dev server (namespace `default`). */
  temporalAddress: string;
  /** Path of the `temporal` CLI, e.g. for `@temporalio/testing`'s `executable: { type: 'existing-path' }`. */
  temporalCli: string;
  /** Admin URL (database `postgres`): create a database per test file from it. */
  databaseUrl: string;
  /** Redis URL; use a key prefix per test file. */
  redisUrl: string;
  /** Base URL of a Liveblocks dev server (secret `sk_localdev`); rooms are per project id, so files do not collide. */
  liveblocksUrl: string;
  /** Path of the small real GGUF model (SmolLM2 135M): set ATELIER_LOCAL_MODEL to it, or pass it to `localModelOf`. */
  localModel: string;
}

/** The Liveblocks settings for tests, shaped like the app's config. */
export function testLiveblocks(): { LIVEBLOCKS_SECRET_KEY: string; LIVEBLOCKS_BASE_URL: string } {
  return { LIVEBLOCKS_SECRET_KEY: 'sk_localdev', LIVEBLOCKS_BASE_URL: testEnv().liveblocksUrl };
}

/** Reads the services global-setup started; throws a readable error when run outside the server jest project. */
export function testEnv(): TestEnv {
  const missing = Object.values(testEnvKeys).filter((k) => !process.env[k]);
  if (missing.length) {
    throw new Error(
      `${missing.join(', ')} not set: run server tests through jest (npm test, or npx jest --selectProjects server), whose global-setup starts Temporal, Postgres, Redis and Liveblocks and fetches the local model.`,
    );
  }
  return {
    temporalAddress: process.env[testEnvKeys.temporalAddress]!,
    temporalCli: process.env[testEnvKeys.temporalCli]!,
    databaseUrl: process.env[testEnvKeys.databaseUrl]!,
    redisUrl: process.env[testEnvKeys.redisUrl]!,
    liveblocksUrl: process.env[testEnvKeys.liveblocksUrl]!,
    localModel: process.env[testEnvKeys.localModel]!,
  };
}

/** `databaseUrl` with its database replaced, e.g. after `CREATE DATABASE` for one test file. */
export function databaseUrlFor(database: string, adminUrl = testEnv().databaseUrl): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A database name unique to this test file and run, safe to use unquoted. */
export function uniqueDatabaseName(prefix = 'test'): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
}

/** Where global-setup keeps the running services' stop functions for global-teardown (same process). */
export const servicesHandleKey = Symbol.for('atelier.test.services');
