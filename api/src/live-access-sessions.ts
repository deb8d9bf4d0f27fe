import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../../core/auth/auth.entity';

/**
 * The ids among `ids` whose session still holds, in one query (two when a rotated session needs its successor).
 * A socket keeps the token it connected with, so a session replaced by a daily rotation (expired, not revoked)
 * holds while its successor does: same user, same sign-in time, neither revoked nor expired. Revocation
 * (log-out, "log out everywhere") never carries over.
 */
export async function liveSessions(em: EntityManager, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const now = new Date();
  const rows = await em.find(Session, { id: { $in: ids } }, { fields: ['id', 'revokedAt', 'expiresAt', 'createdAt', 'user'] });
  const live = new Set(rows.filter((r) => !r.revokedAt && r.expiresAt > now).map((r) => r.id));
  const rotated = rows.filter((r) => !r.revokedAt && r.expiresAt <= now);
  if (rotated.length === 0) return live;
  const successors = await em.find(
    Session,
    {
      user: { $in: rotated.map((r) => r.user.id) },
      createdAt: { $in: rotated.map((r) => r.createdAt) },
      revokedAt: null,
      expiresAt: { $gt: now },
    },
    { fields: ['createdAt', 'user'] },
  );
  const held = new Set(successors.map((s) => `${s.user.id}|${s.createdAt.getTime()}`));
  for (const r of rotated) if (held.has(`${r.user.id}|${r.createdAt.getTime()}`)) live.add(r.id);
  return live;
}
