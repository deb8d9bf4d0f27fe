import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../../../../core/auth/auth.entity';
import type { PreviewGrant } from '../../../../core/sandbox/preview-token';

/**
 * Fetch Metadata resource isolation: the access cookie is SameSite=None (the preview is a third party in
 * the app's frame), so another site, or a sibling preview, could otherwise send it on requests of its own.
 * Only the preview's own requests and plain top-level or frame navigations (GET) pass; browsers that send
 * no Sec-Fetch-Site are let through.
 */
export function fetchedByItself(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return true;
  return req.headers['sec-fetch-mode'] === 'navigate' && (req.method === 'GET' || req.method === 'HEAD');
}

/** A grant made from a session holds only while that session is not revoked (rotation keeps it). */
export async function sessionLives(em: EntityManager, grant: PreviewGrant): Promise<boolean> {
  if (!grant.sessionId) return true;
  const session = await em.findOne(Session, { id: grant.sessionId, user: grant.userId });
  return Boolean(session && !session.revokedAt);
}
