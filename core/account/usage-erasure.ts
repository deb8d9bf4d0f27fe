import type { EntityManager } from '@mikro-orm/postgresql';

/** Stands in for a deleted user on the usage rows kept for accounting; no account ever has this id. */
export const ERASED_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Anonymises a deleted user's usage_logs rows. The reply text (whole model outputs) goes; the token and
 * cost numbers stay under the project and team ids, because a team's budget and invoices are summed from
 * them. The user's own monthly running total goes with the user.
 */
export async function eraseUsage(em: EntityManager, userId: string): Promise<void> {
  const connection = em.getConnection();
  const tx = em.getTransactionContext();
  // A new call key, so a retried call finds no stored reply to replay and asks the vendor again.
  const erase = `update usage_logs set user_id = ?, response = '{"erased":true}'::jsonb, call_key = 'erased:' || id where user_id = ?`;
  await connection.execute(erase, [ERASED_USER_ID, userId], 'run', tx);
  await connection.execute(`delete from usage_totals where scope = 'user' and scope_id = ?`, [userId], 'run', tx);
}
