/**
 * `npm run migration:diff`: prints the SQL that would bring a database at the newest migration up to the
 * entity schemas, using a scratch database on the DATABASE_URL server (dropped afterwards). Paste it into a
 * new file in migrations/ and list it in db.ts; core/db/db.test.ts fails until the two agree.
 */
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrateUp, ormOptions } from './db';

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('Set DATABASE_URL to a PostgreSQL server where a scratch database may be created');
  const name = `atelier_diff_${randomBytes(4).toString('hex')}`;
  const admin = await MikroORM.init({ ...ormOptions(server), connect: false });
  await admin.schema.createDatabase(name);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    const orm = await MikroORM.init(ormOptions(url.toString()));
    try {
      await migrateUp(orm);
      const sql = (await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false })).trim();
      process.stdout.write(sql ? `${sql}\n` : '-- the migrations already match the entities\n');
    } finally {
      await orm.close(true);
    }
  } finally {
    await admin.schema.dropDatabase(name);
    await admin.close(true);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration:diff failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
