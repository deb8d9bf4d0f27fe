import type { z } from 'zod';

/** The providers Atelier can sign in with. */
export const OAUTH_PROVIDERS = ['github', 'google'] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDERS)[number];

/**
 * Why an OAuth sign-in ended without a session; the code goes into `/log-in?error=…`, where the client
 * turns it into a sentence. Provider details stay in the server log.
 */
export type OAuthErrorCode = 'access_denied' | 'invalid_state' | 'provider_error' | 'unverified_email' | 'rate_limited' | 'login_failed';

/** Thrown when an OAuth sign-in cannot go on; `detail` is for the log, never for the visitor. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly code: OAuthErrorCode,
    readonly detail: string,
  ) {
    super(`OAuth sign-in failed (${code}): ${detail}`);
  }
}

/** Who the provider says the visitor is. Only verified emails get this far. */
export interface ProviderIdentity {
  providerUserId: string;
  email: string;
  displayName: string;
}

export interface OAuthProvider {
  readonly id: OAuthProviderId;
  /** Whether the provider sends an OpenID Connect id token that must carry the nonce. */
  readonly usesNonce: boolean;
  authorizeUrl(request: { redirectUri: string; state: string; codeChallenge: string; nonce: string }): Promise<string>;
  /** Exchanges the code (with the PKCE verifier) and reads the account's identity. */
  identify(callback: { code: string; redirectUri: string; codeVerifier: string; nonce: string }): Promise<ProviderIdentity>;
}

const TIMEOUT_MS = 10_000;

/** fetch + JSON + schema: a network failure, a non-2xx answer or an unexpected body is a provider error. */
export async function fetchJson<T>(what: string, url: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json', 'user-agent': 'Atelier', ...init.headers } });
  } catch (error) {
    throw new OAuthError('provider_error', `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await res.text();
  if (!res.ok) throw new OAuthError('provider_error', `${what}: HTTP ${res.status} ${text.slice(0, 200)}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError('provider_error', `${what}: the answer is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new OAuthError('provider_error', `${what}: unexpected answer ${text.slice(0, 200)}`);
  return parsed.data;
}

export function formPost(fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}

/** A display name within the account rules (1 to 80 characters). */
export function displayNameFrom(...candidates: (string | null | undefined)[]): string {
  const name = candidates.map((c) => c?.trim()).find(Boolean) ?? 'New user';
  return name.slice(0, 80);
}
