/** The project-cap lock is held by the creating transaction until it ends, not by a connection of its own. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../../test/harness';
import { lockProjectOwner } from './project-quota';

let db: { orm: MikroORM; dispose(): Promise<void> };
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.dispose());

/** Whether another transaction could take the same lock right now (a transaction lock, gone when it ends). */
async function freeElsewhere(key: string): Promise<boolean> {
  const rows = await db.orm.em.fork().transactional((em) => em.execute<Array<{ free: boolean }>>('select pg_try_advisory_xact_lock(hashtext(?)) as free', [key]));
  return rows[0]!.free;
}

test('the lock stays taken until the transaction that took it ends', async () => {
  const key = 'project-cap:user:lock-probe';
  let during: boolean | undefined;
  await db.orm.em.fork().transactional(async (em) => {
    await lockProjectOwner(em, { userId: 'lock-probe', teamId: null });
    during = await freeElsewhere(key);
  });
  expect(during).toBe(false);
  expect(await freeElsewhere(key)).toBe(true);
});
