import { z } from 'zod';
import { OAuthError, displayNameFrom, fetchJson, formPost, type OAuthProvider } from './oauth-provider';

export interface GoogleOptions {
  clientId: string;
  clientSecret: string;
  /** https://accounts.google.com; its discovery document names the endpoints. */
  issuer: string;
}

const Discovery = z.object({ issuer: z.string(), authorization_endpoint: z.string().url(), token_endpoint: z.string().url(), userinfo_endpoint: z.string().url() });
const TokenReply = z.object({ access_token: z.string().min(1), id_token: z.string().min(1) });
const IdTokenClaims = z.object({ iss: z.string(), sub: z.string(), aud: z.union([z.string(), z.array(z.string())]), exp: z.number(), nonce: z.string().optional() });
// Google has sent email_verified both as a boolean and as the string "true".
const UserInfo = z.object({ sub: z.string(), email: z.string().optional(), email_verified: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(), name: z.string().optional() });

/**
 * Google through OpenID Connect: endpoints from discovery, authorization code with PKCE and a nonce. The
 * id token comes straight from the token endpoint over TLS, which OIDC Core (3.1.3.7) accepts in place of a
 * signature check; its issuer, audience, expiry and nonce are still checked. The email comes from userinfo
 * and must be verified.
 */
export function googleProvider(options: GoogleOptions): OAuthProvider {
  let discovery: Promise<z.infer<typeof Discovery>> | undefined;
  const endpoints = () => {
    const url = `${options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    discovery ??= fetchJson('Google discovery', url, Discovery).catch((error: unknown) => {
      discovery = undefined; // try again on the next sign-in
      throw error;
    });
    return discovery;
  };
  return {
    id: 'google',
    usesNonce: true,
    async authorizeUrl({ redirectUri, state, codeChallenge, nonce }) {
      const url = new URL((await endpoints()).authorization_endpoint);
      const params = { client_id: options.clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid email profile', state, nonce, code_challenge: codeChallenge, code_challenge_method: 'S256' };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.toString();
    },
    async identify({ code, redirectUri, codeVerifier, nonce }) {
      const { issuer, token_endpoint, userinfo_endpoint } = await endpoints();
      const token = await fetchJson(
        'Google token exchange',
        token_endpoint,
        TokenReply,
        formPost({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: options.clientId, client_secret: options.clientSecret, code_verifier: codeVerifier }),
      );
      const claims = readIdToken(token.id_token);
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (claims.iss !== issuer || !audiences.includes(options.clientId)) throw new OAuthError('provider_error', `Google id token for ${claims.aud} from ${claims.iss}`);
      if (claims.nonce !== nonce) throw new OAuthError('invalid_state', 'Google id token nonce does not match');
      if (claims.exp * 1000 < Date.now()) throw new OAuthError('provider_error', 'Google id token expired');
      const info = await fetchJson('Google userinfo', userinfo_endpoint, UserInfo, { headers: { authorization: `Bearer ${token.access_token}` } });
      if (info.sub !== claims.sub) throw new OAuthError('provider_error', 'Google userinfo is for another account than the id token');
      if (!info.email || String(info.email_verified) !== 'true') throw new OAuthError('unverified_email', `Google account ${info.sub} has no verified email`);
      return { providerUserId: info.sub, email: info.email, displayName: displayNameFrom(info.name, info.email.split('@')[0]) };
    },
  };
}

function readIdToken(jwt: string): z.infer<typeof IdTokenClaims> {
  const payload = jwt.split('.')[1];
  try {
    return IdTokenClaims.parse(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')));
  } catch {
    throw new OAuthError('provider_error', 'Google id token is malformed');
  }
}
