import fs from 'node:fs';
import path from 'node:path';
import { StackError } from './errors';
import { assertPortFree } from './ports';
import { repoRoot, type StackConfig } from './stack-config';

/**
 * Checks, before anything starts, every port the stack will bind and every entry file it will run, so a
 * taken port or a missing file fails fast with nothing left to clean up.
 */
export async function preflight(config: StackConfig, env: NodeJS.ProcessEnv, entries: Record<string, { args: string[] }>): Promise<void> {
  if (!env.TEMPORAL_ADDRESS) {
    await assertPortFree(config.temporalPort, 'Temporal', 'ATELIER_TEMPORAL_PORT, or TEMPORAL_ADDRESS to use a running server');
    await assertPortFree(config.temporalUiPort, 'Temporal UI', 'ATELIER_TEMPORAL_UI_PORT');
  }
  if (!env.DATABASE_URL) await assertPortFree(config.postgresPort, 'embedded Postgres', 'ATELIER_POSTGRES_PORT, or DATABASE_URL to use a running server');
  if (!env.REDIS_URL) await assertPortFree(config.redisPort, 'Redis', 'ATELIER_REDIS_PORT, or REDIS_URL to use a running Redis');
  if (!env.LIVEBLOCKS_SECRET_KEY) {
    await assertPortFree(config.liveblocksPort, 'Liveblocks dev server', 'ATELIER_LIVEBLOCKS_PORT, or LIVEBLOCKS_SECRET_KEY to use Liveblocks Cloud');
  }
  await assertPortFree(config.apiPort, 'Atelier API', 'PORT', config.host === 'localhost' ? '127.0.0.1' : config.host);
  await assertPortFree(config.previewPort, 'Atelier previews', 'ATELIER_PREVIEW_PORT', config.host === 'localhost' ? '127.0.0.1' : config.host);
  await assertPortFree(config.appsPort, 'Atelier deployed apps', 'ATELIER_APPS_PORT', config.host === 'localhost' ? '127.0.0.1' : config.host);
  for (const [name, entry] of Object.entries(entries)) {
    const file = entry.args.find((a) => a.endsWith('.ts') || a.endsWith('.js'));
    if (file && !fs.existsSync(file)) {
      throw new StackError(`The ${name} entry point ${path.relative(repoRoot, file)} does not exist.`, 'Pull the latest main or check your checkout.');
    }
  }
}
