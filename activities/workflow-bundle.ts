import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, type BundleOptions } from '@temporalio/worker';
import type { Logger } from 'pino';

/** webpack's types as the bundler exposes them (webpack is the SDK's dependency, not ours). */
type WebpackConfig = Parameters<NonNullable<BundleOptions['webpackConfigHook']>>[0];
type WebpackPlugin = Exclude<NonNullable<WebpackConfig['plugins']>[number], false | null | undefined | 0 | '' | ((...args: never[]) => unknown)>;

const root = resolve(__dirname, '..');

/** Where the bundle comes from and where it is cached; tests point both at a tree of their own. */
export interface WorkflowBundleOptions {
  /** The cache lives in `<dataDir>/cache`. */
  dataDir?: string;
  /** The workflows entry (file or folder) handed to the bundler. */
  workflowsPath?: string;
}

/** What a cached bundle was built from: every file webpack read (workflows, their imports, the SDK) and their hash. */
interface BundleManifest {
  hash: string;
  files: string[];
}

/** The file's stats, or null for a folder (webpack lists some, e.g. the tree's parents) or a missing file. */
function fileStats(path: string) {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats?.isFile() ? stats : null;
}

/** Hash of the files' paths and contents; what is not a file on disk (the bundler's in-memory entry) counts by path. */
function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(file).update('\0');
    hash.update(fileStats(file) ? readFileSync(file) : '\0none');
  }
  return hash.digest('hex').slice(0, 16);
}

function readManifest(file: string): BundleManifest | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<BundleManifest>;
    return typeof parsed.hash === 'string' && Array.isArray(parsed.files) ? { hash: parsed.hash, files: parsed.files } : null;
  } catch {
    return null;
  }
}

function writeAtomically(file: string, content: string): void {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

/** A webpack plugin that hands over every file the compilation depended on. */
function recordInputs(into: Set<string>): WebpackPlugin {
  return {
    apply(compiler) {
      compiler.hooks.done.tap('atelier-bundle-inputs', (stats) => {
        for (const file of stats.compilation.fileDependencies) into.add(file);
      });
    },
  };
}

/**
 * The workflow bundle, cached in `.data/cache`: bundling takes seconds, and a second `npm start` should not pay
 * for it again. The cache is keyed on every file the bundler read (nested workflow folders, `temporal.config.ts`,
 * contracts, the SDK itself), as webpack reports them, so any edit to what the bundle contains builds a new one.
 */
export async function loadWorkflowBundle(logger: Logger, options: WorkflowBundleOptions = {}): Promise<{ code: string }> {
  const dataDir = options.dataDir ?? process.env.ATELIER_DATA_DIR ?? join(root, '.data');
  const workflowsPath = options.workflowsPath ?? require.resolve('../workflows');
  const cacheDir = join(dataDir, 'cache');
  const bundleFile = (hash: string) => join(cacheDir, `workflow-bundle-${hash}.js`);
  // One manifest per workflows entry, so trees bundled into the same data folder do not evict each other.
  const manifestFile = join(cacheDir, `workflow-bundle-${createHash('sha256').update(workflowsPath).digest('hex').slice(0, 8)}.json`);

  const cached = readManifest(manifestFile);
  if (cached && existsSync(bundleFile(cached.hash)) && hashFiles(cached.files) === cached.hash) {
    return { code: readFileSync(bundleFile(cached.hash), 'utf8') };
  }

  const started = Date.now();
  const inputs = new Set<string>();
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    logger: quiet(logger),
    webpackConfigHook: (config) => ({ ...config, plugins: [...(config.plugins ?? []), recordInputs(inputs)] }),
  });
  const files = [...inputs];
  // A file edited while webpack ran may not be what the bundle holds: use the bundle, but do not cache it.
  const editedMeanwhile = files.some((file) => (fileStats(file)?.mtimeMs ?? 0) >= started);
  if (!editedMeanwhile) {
    const hash = hashFiles(files);
    mkdirSync(cacheDir, { recursive: true });
    writeAtomically(bundleFile(hash), code);
    writeAtomically(manifestFile, JSON.stringify({ hash, files } satisfies BundleManifest));
  }
  logger.info({ ms: Date.now() - started, files: files.length }, 'workflow bundle built');
  return { code };
}

function quiet(logger: Logger) {
  const log = (level: 'debug' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) => logger[level](meta ?? {}, message);
  return { trace: log('debug'), debug: log('debug'), info: log('debug'), warn: log('warn'), error: log('error'), log: (_l: unknown, m: string) => logger.debug(m) };
}
