import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Logger } from 'pino';

const root = resolve(__dirname, '..');
const workflowsDir = join(root, 'workflows');

/** Hash of everything that goes into the bundle; a change to any of it builds a new one. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const files = readdirSync(workflowsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(workflowsDir, f));
  for (const file of [...files, join(root, 'temporal.config.ts'), join(root, 'package-lock.json')]) {
    hash.update(file).update(existsSync(file) ? readFileSync(file) : '');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The workflow bundle, cached in `.data/cache` by source hash: bundling takes seconds, and a second
 * `npm start` should not pay for it again.
 */
export async function loadWorkflowBundle(logger: Logger, dataDir = process.env.ATELIER_DATA_DIR ?? join(root, '.data')): Promise<{ code: string }> {
  const cacheDir = join(dataDir, 'cache');
  const file = join(cacheDir, `workflow-bundle-${sourceHash()}.js`);
  if (existsSync(file)) return { code: readFileSync(file, 'utf8') };
  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: quiet(logger) });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${file}.tmp`, code);
  renameSync(`${file}.tmp`, file);
  logger.info({ ms: Date.now() - started }, 'workflow bundle built');
  return { code };
}

function quiet(logger: Logger) {
  const log = (level: 'debug' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) => logger[level](meta ?? {}, message);
  return { trace: log('debug'), debug: log('debug'), info: log('debug'), warn: log('warn'), error: log('error'), log: (_l: unknown, m: string) => logger.debug(m) };
}
