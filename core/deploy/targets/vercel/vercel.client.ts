/**
 * The Vercel REST API as the adapter uses it: the official `@vercel/sdk` (ES-module only, so it is loaded with a
 * dynamic `import()` from our CommonJS build), built per token with the SDK's own retries off (Temporal retries
 * the activity), plus `listDeploymentsByMeta`, the one call the SDK cannot make (below). Every failure becomes a
 * `DeployFailure` through `vercelFailure`.
 */
import type { DeployFailure as DeployFailureType } from '../target';
import { DeployFailure, httpFailure } from '../target';

const loadSdk = () => import('@vercel/sdk');
const loadHttp = () => import('@vercel/sdk/lib/http.js');
type Sdk = Awaited<ReturnType<typeof loadSdk>>;
/** The SDK client (`new Vercel(…)`). */
export type VercelSdk = InstanceType<Sdk['Vercel']>;

export interface VercelClientOptions {
  /** The API's base URL (`https://api.vercel.com`; tests: the wire fake). */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
}

/** A client for one token; `teamId` scopes every call to a team (the scope stored with the token). */
export interface VercelClient {
  readonly sdk: VercelSdk;
  readonly teamId: string | undefined;
  listDeploymentsByMeta(query: { projectId: string; key: string; value: string }, signal?: AbortSignal): Promise<VercelListedDeployment[]>;
}

/** A deployment as `GET /v6/deployments` lists it. */
export interface VercelListedDeployment {
  readonly uid: string;
  readonly url?: string | null;
  readonly state?: string;
  readonly readyState?: string;
  readonly meta?: Record<string, string>;
}

export async function vercelClient(options: VercelClientOptions, token: string, teamId: string | null | undefined): Promise<VercelClient> {
  const [{ Vercel }, { HTTPClient }] = await Promise.all([loadSdk(), loadHttp()]);
  const fetcher = options.fetch ?? fetch;
  const sdk = new Vercel({
    bearerToken: token,
    serverURL: options.baseUrl,
    retryConfig: { strategy: 'none' },
    httpClient: new HTTPClient({ fetcher: (input, init) => fetcher(input, init) }),
  });
  const scope = teamId ?? undefined;
  return {
    sdk,
    teamId: scope,
    /**
     * The SDK's `getDeployments` has no way to pass Vercel's metadata filter (`meta-<key>=<value>`, what
     * `vercel list --meta key=value` sends), so this call is a plain fetch of the documented list endpoint.
     * The filter is re-checked here in case the API ignores it.
     */
    async listDeploymentsByMeta({ projectId, key, value }, signal) {
      const query = new URLSearchParams({ projectId, limit: '20', [`meta-${key}`]: value });
      if (scope) query.set('teamId', scope);
      const response = await fetcher(`${options.baseUrl.replace(/\/$/, '')}/v6/deployments?${query}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal,
      });
      const text = await response.text();
      if (!response.ok) throw failureOfResponse('listing the Vercel deployments', response.status, text, response.headers);
      const body = JSON.parse(text) as { deployments?: VercelListedDeployment[] };
      return (body.deployments ?? []).filter((d) => d.meta?.[key] === value);
    },
  };
}

/** The `{ error: { code, message } }` body Vercel answers failures with. */
export interface VercelErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly missing?: readonly string[];
}

export function vercelErrorBody(text: string): VercelErrorBody {
  try {
    const parsed = JSON.parse(text) as { error?: VercelErrorBody };
    return parsed.error ?? {};
  } catch {
    return {};
  }
}

/**
 * Vercel's 429s carry `X-RateLimit-Reset` (epoch seconds) and not always Retry-After: the reset time becomes a
 * Retry-After in seconds so `httpFailure` honours it.
 */
function retryAfterOf(headers: Headers): string | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) return retryAfter;
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return null;
  return String(Math.max(1, Math.ceil(reset - Date.now() / 1000)));
}

function failureOfResponse(what: string, status: number, text: string, headers: Headers): DeployFailureType {
  const body = vercelErrorBody(text);
  return httpFailure('Vercel', what, status, body.message ?? '', retryAfterOf(headers));
}

/** Maps anything a Vercel call threw to a DeployFailure (a DeployFailure passes through). */
export function vercelFailure(error: unknown, what: string, signal?: AbortSignal): DeployFailureType {
  if (error instanceof DeployFailure) return error;
  if (signal?.aborted) return new DeployFailure('DEPLOY_CANCELLED', `Stopped while ${what}: the deployment was cancelled`);
  const e = error as { name?: string; statusCode?: number; body?: string; headers?: Headers; message?: string };
  if (e?.name === 'ResponseValidationError')
    return new DeployFailure('DEPLOY_PROVIDER_FAILED', `Vercel answered something unexpected while ${what}`, { status: e.statusCode });
  if (typeof e?.statusCode === 'number' && e.headers instanceof Headers)
    return failureOfResponse(what, e.statusCode, e.body ?? '', e.headers);
  if (['ConnectionError', 'RequestTimeoutError', 'RequestAbortedError', 'TypeError'].includes(e?.name ?? ''))
    return new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', `Vercel could not be reached while ${what}`, { retryable: true });
  return new DeployFailure('DEPLOY_PROVIDER_FAILED', `Vercel failed while ${what}: ${e?.message ?? String(error)}`);
}

/** Runs one API call, mapping its failure. */
export async function vercelCall<T>(what: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw vercelFailure(error, what, signal);
  }
}

/** HTTP status of a failure, when it came from an answer. */
export const statusOf = (error: unknown): number | undefined => (error instanceof DeployFailure ? error.options.status : undefined);

/** Vercel answers deployment URLs as host names; an absolute URL (a local fake) is kept as it is. */
export function deploymentUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//.test(url) ? url : `https://${url}`;
}
