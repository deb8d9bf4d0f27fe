/**
 * `npm run bench -- <name>`: starts the same services as the tests (in-memory Temporal, PostgreSQL and
 * Redis, or DATABASE_URL / REDIS_URL when set), runs bench/<name>.bench.ts, then stops them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import globalSetup from '../test/global-setup';
import globalTeardown from '../test/global-teardown';

async function main(): Promise<number> {
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''));
  const name = process.argv[2];
  if (!name || !existsSync(join(__dirname, `${name}.bench.ts`))) {
    process.stderr.write(`Usage: npm run bench -- <name>\nBenchmarks: ${available.join(', ')}\n`);
    return 2;
  }
  await globalSetup();
  try {
    const bench = (await import(`./${name}.bench`)) as { run(args: string[]): Promise<void> };
    await bench.run(process.argv.slice(3));
    return 0;
  } finally {
    await globalTeardown();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
