import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse, serialize } from 'cookie';
import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { RateLimitExceededError } from '../../../../core/limits/limits.errors';
import type { RateLimiter } from '../../../../core/limits/rate-limiter';
import type { AuthService } from '../../../../core/auth/auth.service';
import type { RequestMeta } from '../../../../core/auth/request-meta';
import { clientIp, setSessionCookie } from './session-cookie';
import { OAuthError, type OAuthErrorCode, type OAuthProvider, type OAuthProviderId } from '../../../../core/auth/oauth/oauth-provider';
import { userForIdentity } from '../../../../core/auth/oauth/oauth-sign-in';
import type { CookieSealer } from '../../../../core/auth/oauth/sealed-cookie';

const STATE_COOKIE = 'atelier_oauth';
const STATE_TTL_MS = 10 * 60 * 1000;
const FALLBACK_RETURN_URL = '/projects';

export interface OAuthRoutesDeps {
  providers: ReadonlyMap<OAuthProviderId, OAuthProvider>;
  /** Seals the state cookie (AES-GCM under a key derived from ATELIER_SESSION_SECRET). */
  sealer: CookieSealer;
  /** The base URL browsers reach the API at; the provider redirects back to it. */
  publicUrl: () => string;
  /** A fresh unit of work per request. */
  services: () => { em: EntityManager; auth: AuthService };
  rateLimiter: RateLimiter;
  logger: Logger;
}

/** What the state cookie carries between start and callback. */
interface PendingLogIn {
  provider: OAuthProviderId;
  state: string;
  verifier: string;
  nonce: string;
  returnUrl: string;
  expiresAt: number;
}

/** `GET /:provider/start` and `GET /:provider/callback`, mounted at `/auth/oauth`. */
export function createOAuthRouter(deps: OAuthRoutesDeps): express.Router {
  const router = express.Router();
  const providerOf = (req: Request, res: Response): OAuthProvider | undefined => {
    const provider = deps.providers.get(req.params.provider as OAuthProviderId);
    if (!provider) res.status(404).json({ error: { code: 'NOT_FOUND', message: `Signing in with ${String(req.params.provider)} is not enabled on this server` } });
    return provider;
  };
  const callbackUrl = (provider: OAuthProvider) => `${deps.publicUrl().replace(/\/+$/, '')}/auth/oauth/${provider.id}/callback`;

  router.get('/:provider/start', async (req, res) => {
    const provider = providerOf(req, res);
    if (!provider) return;
    const pending: PendingLogIn = {
      provider: provider.id,
      state: random(),
      verifier: random(),
      nonce: random(),
      returnUrl: safeReturnUrl(req.query.returnUrl),
      expiresAt: Date.now() + STATE_TTL_MS,
    };
    try {
      const challenge = createHash('sha256').update(pending.verifier).digest('base64url');
      const location = await provider.authorizeUrl({ redirectUri: callbackUrl(provider), state: pending.state, codeChallenge: challenge, nonce: pending.nonce });
      res.append('Set-Cookie', stateCookie(deps.sealer.seal(pending), req.secure, STATE_TTL_MS / 1000));
      res.redirect(302, location);
    } catch (error) {
      fail(res, error);
    }
  });

  router.get('/:provider/callback', async (req, res) => {
    const provider = providerOf(req, res);
    if (!provider) return;
    // Single use: whatever happens next, the pending log-in is over.
    res.append('Set-Cookie', stateCookie('', req.secure, 0));
    const meta: RequestMeta = { ip: clientIp(req), userAgent: req.headers['user-agent'] ?? null };
    try {
      await deps.rateLimiter.checkIp(meta.ip ?? 'unknown', 'auth').catch((error: unknown) => {
        throw error instanceof RateLimitExceededError ? new OAuthError('rate_limited', `too many sign-ins from ${meta.ip}`) : error;
      });
      const query = req.query as Record<string, unknown>;
      if (typeof query.error === 'string') throw new OAuthError(query.error === 'access_denied' ? 'access_denied' : 'provider_error', `provider said ${query.error}`);
      const pending = readPending(deps.sealer, req, provider.id, query.state);
      if (typeof query.code !== 'string' || !query.code) throw new OAuthError('provider_error', 'the callback has no code');
      const identity = await provider.identify({ code: query.code, redirectUri: callbackUrl(provider), codeVerifier: pending.verifier, nonce: pending.nonce });
      const { em, auth } = deps.services();
      const user = await userForIdentity(em, provider.id, identity, meta);
      const token = await auth.openSession(user, meta, 'auth.oauth_login', { provider: provider.id });
      setSessionCookie(res, token, req.secure);
      res.redirect(302, pending.returnUrl);
    } catch (error) {
      fail(res, error);
    }
  });

  const fail = (res: Response, error: unknown): void => {
    const code: OAuthErrorCode = error instanceof OAuthError ? error.code : 'login_failed';
    if (error instanceof OAuthError) deps.logger.warn({ code, detail: error.detail }, 'oauth sign-in refused');
    else deps.logger.error({ err: error }, 'oauth sign-in failed');
    res.redirect(302, `/log-in?error=${code}`);
  };
  return router;
}

function readPending(sealer: CookieSealer, req: Request, provider: OAuthProviderId, state: unknown): PendingLogIn {
  const sealed = parse(req.headers.cookie ?? '')[STATE_COOKIE];
  const pending = sealed ? (sealer.open(sealed) as PendingLogIn | null) : null;
  if (!pending) throw new OAuthError('invalid_state', 'no readable state cookie');
  if (pending.provider !== provider || pending.expiresAt < Date.now()) throw new OAuthError('invalid_state', 'the state cookie is for another provider or expired');
  if (typeof state !== 'string' || !sameText(state, pending.state)) throw new OAuthError('invalid_state', 'the state does not match');
  return pending;
}

/** Paths the API answers itself; a log-in returns only to the web app's pages. */
const SERVER_PATHS = /^\/(preview|terminal|graphql|auth|healthz|readyz)(?:[/?#]|$)/i;

/** App paths only: one leading `/`, no `//` or `/\` (other hosts), no control characters, no server routes. */
export function safeReturnUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return FALLBACK_RETURN_URL;
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return FALLBACK_RETURN_URL;
  return SERVER_PATHS.test(value) ? FALLBACK_RETURN_URL : value;
}

/** Scoped to the OAuth routes, httpOnly and SameSite=Lax, so it comes back on the provider's top-level redirect. */
function stateCookie(value: string, secure: boolean, maxAge: number): string {
  return serialize(STATE_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, path: '/auth/oauth', maxAge });
}

const random = () => randomBytes(32).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
