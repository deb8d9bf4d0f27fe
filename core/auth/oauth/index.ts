import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config';
import { gitHubProvider } from './github.provider';
import { googleProvider } from './google.provider';
import type { OAuthProvider, OAuthProviderId } from './oauth-provider';
import { CookieSealer } from './sealed-cookie';

/** The OAuth settings createApp takes; every field is optional and a provider is on only with its id and secret. */
export type OAuthConfig = Partial<
  Pick<
    AppConfig,
    | 'ATELIER_SESSION_SECRET'
    | 'GITHUB_CLIENT_ID'
    | 'GITHUB_CLIENT_SECRET'
    | 'GITHUB_OAUTH_BASE_URL'
    | 'GITHUB_API_BASE_URL'
    | 'GOOGLE_CLIENT_ID'
    | 'GOOGLE_CLIENT_SECRET'
    | 'GOOGLE_OIDC_ISSUER'
  >
>;

/** The enabled providers and the sealer for their state cookie. */
export function oauthFromConfig(config: OAuthConfig): { providers: Map<OAuthProviderId, OAuthProvider>; sealer: CookieSealer } {
  const providers = new Map<OAuthProviderId, OAuthProvider>();
  if (config.GITHUB_CLIENT_ID && config.GITHUB_CLIENT_SECRET) {
    providers.set(
      'github',
      gitHubProvider({
        clientId: config.GITHUB_CLIENT_ID,
        clientSecret: config.GITHUB_CLIENT_SECRET,
        oauthBaseUrl: config.GITHUB_OAUTH_BASE_URL ?? 'https://github.com',
        apiBaseUrl: config.GITHUB_API_BASE_URL ?? 'https://api.github.com',
      }),
    );
  }
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET) {
    providers.set(
      'google',
      googleProvider({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET, issuer: config.GOOGLE_OIDC_ISSUER ?? 'https://accounts.google.com' }),
    );
  }
  // Without a configured secret, a per-process key: a restart invalidates sign-ins that are in flight.
  const sealer = new CookieSealer(config.ATELIER_SESSION_SECRET ?? randomBytes(32), 'oauth-state');
  return { providers, sealer };
}
