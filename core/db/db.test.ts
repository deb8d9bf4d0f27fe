import { createTestDatabase } from '../../test/harness';

it('the committed migrations produce exactly the schema the entities describe', async () => {
  const db = await createTestDatabase();
  try {
    const drift = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(drift.trim()).toBe('');
    const [{ email }] = await db.orm.em.getConnection().execute<{ email: string }[]>('select email from users');
    expect(email).toBe('local@atelier.localhost');
  } finally {
    await db.dispose();
  }
});
