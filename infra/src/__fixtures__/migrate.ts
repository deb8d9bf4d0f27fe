/** Stand-in for api/src/migrate.ts: checks it got a DATABASE_URL; fails on demand. */
if (process.env.STANDIN_FAIL_MIGRATE) {
  console.error('stand-in migration failed on purpose');
  process.exit(1);
}
if (!process.env.DATABASE_URL) process.exit(2);
console.log('stand-in migrations applied');
