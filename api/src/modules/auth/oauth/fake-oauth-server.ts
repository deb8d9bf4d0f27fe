import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GitHub account as the fake serves it at `/user` and `/user/emails`. */
export interface FakeGitHubAccount {
  id: number;
  login: string;
  name: string | null;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

/** A Google account as the fake serves it at userinfo. */
export interface FakeGoogleAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export const FAKE_CLIENTS = {
  github: { id: 'gh-client', secret: 'gh-secret' },
  google: { id: 'google-client.apps.example', secret: 'google-secret' },
} as const;

interface Grant {
  provider: 'github' | 'google';
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  account: FakeGitHubAccount | FakeGoogleAccount;
}

/**
 * GitHub's and Google's OAuth wire formats on a port-0 server: `/github/login/oauth/*` and `/github-api/*`
 * like github.com and api.github.com, `/google/*` an OpenID Connect issuer with discovery. Tests set who
 * signs in at the authorize step, or that the visitor denies consent.
 */
export async function startFakeOAuthServer() {
  const grants = new Map<string, Grant>();
  const tokens = new Map<string, Grant['account']>();
  const fake = {
    url: '',
    github: null as FakeGitHubAccount | null,
    google: null as FakeGoogleAccount | null,
    /** The next authorize step answers `error=access_denied`, as when the visitor clicks Cancel. */
    denyConsent: false,
    /** Why the token endpoint refused an exchange, newest last. */
    refusals: [] as string[],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const redirect = (res: ServerResponse, to: string, params: Record<string, string>) => {
    const url = new URL(to);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    res.writeHead(302, { location: url.toString() }).end();
  };
  const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  const authorize = (provider: 'github' | 'google', q: URLSearchParams, res: ServerResponse) => {
    const redirectUri = q.get('redirect_uri') ?? '';
    const state = q.get('state') ?? '';
    const account = fake[provider];
    if (q.get('client_id') !== FAKE_CLIENTS[provider].id || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge') || !account) {
      return json(res, 400, { error: 'invalid_request' });
    }
    if (provider === 'google' && (q.get('response_type') !== 'code' || !q.get('scope')?.split(' ').includes('openid'))) return json(res, 400, { error: 'invalid_request' });
    if (fake.denyConsent) {
      fake.denyConsent = false;
      return redirect(res, redirectUri, { error: 'access_denied', state });
    }
    const code = randomBytes(16).toString('hex');
    grants.set(code, { provider, redirectUri, challenge: q.get('code_challenge')!, nonce: q.get('nonce'), account });
    redirect(res, redirectUri, { code, state });
  };

  /** The checks both token endpoints make; returns the grant or why it is refused. */
  const exchange = (provider: 'github' | 'google', form: URLSearchParams): Grant | string => {
    const grant = grants.get(form.get('code') ?? '');
    grants.delete(form.get('code') ?? '');
    if (form.get('client_id') !== FAKE_CLIENTS[provider].id || form.get('client_secret') !== FAKE_CLIENTS[provider].secret) return 'invalid_client';
    if (!grant || grant.provider !== provider || grant.redirectUri !== form.get('redirect_uri')) return 'invalid_grant';
    const verifier = form.get('code_verifier') ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) return 'pkce_mismatch';
    return grant;
  };
  const issueToken = (account: Grant['account']) => {
    const token = randomBytes(16).toString('hex');
    tokens.set(token, account);
    return token;
  };
  const bearer = (req: IncomingMessage) => tokens.get(req.headers.authorization?.replace(/^Bearer /, '') ?? '');

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', fake.url);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const route = `${req.method} ${url.pathname}`;
      const issuer = `${fake.url}/google`;
      switch (route) {
        case 'GET /github/login/oauth/authorize':
          return authorize('github', url.searchParams, res);
        case 'POST /github/login/oauth/access_token': {
          const grant = exchange('github', form);
          if (typeof grant === 'string') fake.refusals.push(grant);
          // GitHub reports token errors with HTTP 200 and an `error` field.
          return json(res, 200, typeof grant === 'string' ? { error: grant === 'invalid_client' ? 'incorrect_client_credentials' : 'bad_verification_code' } : { access_token: issueToken(grant.account), token_type: 'bearer', scope: 'read:user,user:email' });
        }
        case 'GET /github-api/user':
        case 'GET /github-api/user/emails': {
          const account = bearer(req) as FakeGitHubAccount | undefined;
          if (!account) return json(res, 401, { message: 'Bad credentials' });
          return json(res, 200, url.pathname.endsWith('/emails') ? account.emails.map((e) => ({ ...e, visibility: null })) : { id: account.id, login: account.login, name: account.name });
        }
        case 'GET /google/.well-known/openid-configuration':
          return json(res, 200, { issuer, authorization_endpoint: `${issuer}/o/oauth2/v2/auth`, token_endpoint: `${issuer}/token`, userinfo_endpoint: `${issuer}/v1/userinfo` });
        case 'GET /google/o/oauth2/v2/auth':
          return authorize('google', url.searchParams, res);
        case 'POST /google/token': {
          const grant = form.get('grant_type') === 'authorization_code' ? exchange('google', form) : 'unsupported_grant_type';
          if (typeof grant === 'string') {
            fake.refusals.push(grant);
            return json(res, grant === 'invalid_client' ? 401 : 400, { error: grant === 'pkce_mismatch' ? 'invalid_grant' : grant });
          }
          const account = grant.account as FakeGoogleAccount;
          const claims = { iss: issuer, aud: FAKE_CLIENTS.google.id, sub: account.sub, nonce: grant.nonce, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600 };
          const idToken = [{ alg: 'RS256', typ: 'JWT' }, claims].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') + '.fake-signature';
          return json(res, 200, { access_token: issueToken(account), id_token: idToken, expires_in: 3599, token_type: 'Bearer', scope: 'openid email profile' });
        }
        case 'GET /google/v1/userinfo': {
          const account = bearer(req) as FakeGoogleAccount | undefined;
          return account ? json(res, 200, account) : json(res, 401, { error: 'invalid_token' });
        }
        default:
          return json(res, 404, { error: 'not_found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

export type FakeOAuthServer = Awaited<ReturnType<typeof startFakeOAuthServer>>;
