/** OAuth sign-in as the client sees it: the providers' labels and the server's `/log-in?error=` codes. */

const PROVIDER_LABELS: Record<string, string> = { github: 'GitHub', google: 'Google' };

export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider] ?? provider;
}

/** Where the browser goes to sign in with `provider`; the server redirects back to `returnUrl`. */
export function oauthStartUrl(provider: string, returnUrl: string): string {
  return `/auth/oauth/${encodeURIComponent(provider)}/start?returnUrl=${encodeURIComponent(returnUrl)}`;
}

const OAUTH_ERRORS: Record<string, string> = {
  access_denied: 'Sign-in was cancelled at the provider. Nothing was changed.',
  invalid_state: 'That sign-in attempt expired or was started in another tab. Please try again.',
  provider_error:
    'The sign-in provider could not be reached or refused the request. Please try again.',
  unverified_email:
    'Your account at the provider has no verified email address. Verify one there, then try again.',
  rate_limited: 'Too many sign-in attempts from this network. Wait a few minutes, then try again.',
};

/** A sentence for an `error` code the OAuth callback put in the URL; unknown codes get a generic one. */
export function oauthErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return OAUTH_ERRORS[code] ?? 'Signing in did not work. Please try again.';
}
