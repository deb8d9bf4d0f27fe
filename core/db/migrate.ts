/** Entry point: applies pending migrations and exits; the launcher runs it before the worker and API. */
import { ConfigError } from '../config';
import { createOrm, migrateUp } from './db';
import { z } from 'zod';

async function main(): Promise<void> {
  const url = z.string().url().safeParse(process.env.DATABASE_URL);
  if (!url.success) throw new ConfigError(['DATABASE_URL: must be a URL such as postgres://user@host:5432/atelier']);
  const orm = await createOrm(url.data);
  try {
    const applied = await migrateUp(orm);
    process.stdout.write(applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'Database schema is up to date\n');
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `Migration failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\nCheck that PostgreSQL at DATABASE_URL is running and reachable, then run npm run migrate.\n`);
  process.exitCode = 1;
});
