import { z } from 'zod';
import { OAuthError, displayNameFrom, fetchJson, formPost, type OAuthProvider } from './oauth-provider';

export interface GitHubOptions {
  clientId: string;
  clientSecret: string;
  /** https://github.com, or a GitHub Enterprise server. */
  oauthBaseUrl: string;
  /** https://api.github.com, or https://host/api/v3 on Enterprise. */
  apiBaseUrl: string;
}

// GitHub answers token errors with HTTP 200 and an `error` field.
const TokenReply = z.union([z.object({ access_token: z.string().min(1) }), z.object({ error: z.string(), error_description: z.string().optional() })]);
const GitHubUser = z.object({ id: z.number(), login: z.string(), name: z.string().nullish() });
const GitHubEmails = z.array(z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }));

/** GitHub OAuth apps: authorization code with PKCE; the identity is `/user` plus the primary verified email. */
export function gitHubProvider(options: GitHubOptions): OAuthProvider {
  const web = options.oauthBaseUrl.replace(/\/+$/, '');
  const api = options.apiBaseUrl.replace(/\/+$/, '');
  return {
    id: 'github',
    usesNonce: false,
    async authorizeUrl({ redirectUri, state, codeChallenge }) {
      const url = new URL(`${web}/login/oauth/authorize`);
      const params = { client_id: options.clientId, redirect_uri: redirectUri, scope: 'read:user user:email', state, code_challenge: codeChallenge, code_challenge_method: 'S256' };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return url.toString();
    },
    async identify({ code, redirectUri, codeVerifier }) {
      const token = await fetchJson(
        'GitHub token exchange',
        `${web}/login/oauth/access_token`,
        TokenReply,
        formPost({ client_id: options.clientId, client_secret: options.clientSecret, code, redirect_uri: redirectUri, code_verifier: codeVerifier }),
      );
      if ('error' in token) throw new OAuthError('provider_error', `GitHub token exchange: ${token.error} ${token.error_description ?? ''}`);
      const headers = { authorization: `Bearer ${token.access_token}`, accept: 'application/vnd.github+json' };
      const [user, emails] = await Promise.all([
        fetchJson('GitHub /user', `${api}/user`, GitHubUser, { headers }),
        fetchJson('GitHub /user/emails', `${api}/user/emails`, GitHubEmails, { headers }),
      ]);
      const primary = emails.find((e) => e.primary && e.verified);
      if (!primary) throw new OAuthError('unverified_email', `GitHub user ${user.id} has no verified primary email`);
      return { providerUserId: String(user.id), email: primary.email, displayName: displayNameFrom(user.name, user.login) };
    },
  };
}
