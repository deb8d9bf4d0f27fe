import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../shared/domain.errors';
import { recordAudit } from '../audit/audit-log';
import { Project } from '../project/project.entity';
import { LOCAL_USER_ID, User } from '../user/user.entity';
import type { RequestMeta } from './request-meta';

/** Whether any real account (password or OAuth) exists besides the built-in local user. */
export async function anyAccountExists(em: EntityManager): Promise<boolean> {
  return (await em.count(User, { id: { $ne: LOCAL_USER_ID } })) > 0;
}

export interface NewAccount {
  email: string;
  displayName: string;
  /** Null for accounts that sign in only through OAuth. */
  passwordHash: string | null;
  emailVerifiedAt?: Date | null;
}

/**
 * Creates a user in one transaction. The first account becomes the platform admin and takes over the
 * local user's projects; an advisory lock keeps two simultaneous first sign-ups from both winning.
 * `alsoCreate` adds rows (an OAuth identity) in the same transaction.
 */
export async function createAccount(
  em: EntityManager,
  account: NewAccount,
  meta: RequestMeta,
  audit: { action: string; data?: Record<string, unknown> },
  alsoCreate?: (em: EntityManager, user: User) => void,
): Promise<User> {
  return em.transactional(async (tx) => {
    await tx.getConnection().execute(`select pg_advisory_xact_lock(hashtext('atelier.first-account'))`);
    if (await tx.count(User, { email: account.email })) {
      throw new ValidationError([{ field: 'email', message: 'An account with this email already exists; log in instead' }]);
    }
    const first = !(await anyAccountExists(tx));
    const created = tx.create(User, { ...account, platformRole: first ? 'admin' : 'user' });
    alsoCreate?.(tx, created);
    await tx.flush();
    if (first) await tx.nativeUpdate(Project, { owner: LOCAL_USER_ID }, { owner: created.id });
    recordAudit(tx, { actorId: created.id, action: audit.action, target: `user:${created.id}`, ip: meta.ip, data: { ...audit.data, first } });
    return created;
  });
}
