import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../../audit/audit-log';
import { LOCAL_USER_ID, User } from '../../user/user.entity';
import { Session } from '../auth.entity';
import { normaliseEmail } from '../auth-input';
import type { RequestMeta } from '../request-meta';
import { createAccount } from '../create-account';
import { OAuthIdentity } from './oauth-identity.entity';
import type { OAuthProviderId, ProviderIdentity } from './oauth-provider';

/**
 * The user a provider identity signs in as: the one it is linked to; else the account with the same
 * (provider-verified) email, which gets the identity linked; else a new password-less account, which is
 * the platform admin when it is the first one.
 */
export async function userForIdentity(em: EntityManager, provider: OAuthProviderId, identity: ProviderIdentity, meta: RequestMeta): Promise<User> {
  const linked = await em.findOne(OAuthIdentity, { provider, providerUserId: identity.providerUserId }, { populate: ['user'] });
  if (linked) return linked.user.getEntity();

  const email = normaliseEmail(identity.email);
  const link = { provider, providerUserId: identity.providerUserId, email };
  const existing = await em.findOne(User, { email, id: { $ne: LOCAL_USER_ID } });
  if (existing) {
    if (existing.passwordHash && !existing.emailVerifiedAt) {
      // Whoever chose this password never proved the address; the provider just did. The owner of the
      // address takes the account over, so a squatter's password and sessions stop working.
      existing.passwordHash = null;
      await em.nativeUpdate(Session, { user: existing.id, revokedAt: null }, { revokedAt: new Date() });
      recordAudit(em, { actorId: existing.id, action: 'auth.unverified_password_cleared', target: `user:${existing.id}`, ip: meta.ip, data: { provider } });
    }
    em.create(OAuthIdentity, { ...link, user: existing });
    // The provider vouched for the address, which is what the emailed confirmation would prove.
    existing.emailVerifiedAt ??= new Date();
    recordAudit(em, { actorId: existing.id, action: 'auth.oauth_linked', target: `user:${existing.id}`, ip: meta.ip, data: { provider } });
    await em.flush();
    return existing;
  }
  return createAccount(
    em,
    { email, displayName: identity.displayName, passwordHash: null, emailVerifiedAt: new Date() },
    meta,
    { action: 'auth.signup', data: { provider } },
    (tx, user) => void tx.create(OAuthIdentity, { ...link, user }),
  );
}
