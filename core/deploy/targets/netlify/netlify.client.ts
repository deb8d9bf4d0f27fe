/**
 * Netlify's REST API (`/api/v1`, open-api.netlify.com) over plain fetch: `@netlify/api` needs Node 22. One
 * client per token; every non-2xx answer becomes a `DeployFailure` through `httpFailure` (429 honouring
 * Retry-After or X-RateLimit-Reset), a network failure a retryable one.
 */
import { DeployFailure, httpFailure } from '../target';

export interface NetlifyRequest {
  readonly query?: Record<string, string | undefined>;
  readonly json?: unknown;
  /** A raw body (file uploads), sent as application/octet-stream. */
  readonly bytes?: Buffer;
  readonly signal?: AbortSignal;
}

export interface NetlifyClient {
  /** Answers the parsed JSON body (null for an empty one), or throws a DeployFailure naming `what`. */
  call<T>(method: string, path: string, what: string, request?: NetlifyRequest): Promise<T>;
}

export function netlifyClient(baseUrl: string, token: string, fetcher: typeof fetch = fetch): NetlifyClient {
  const root = `${baseUrl.replace(/\/$/, '')}/api/v1`;
  return {
    async call<T>(method: string, path: string, what: string, request: NetlifyRequest = {}): Promise<T> {
      const query = new URLSearchParams(Object.entries(request.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
      let body: string | Uint8Array | undefined;
      if (request.bytes) {
        headers['content-type'] = 'application/octet-stream';
        body = new Uint8Array(request.bytes);
      } else if (request.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(request.json);
      }
      let response: Response;
      try {
        response = await fetcher(`${root}${path}${query.size ? `?${query}` : ''}`, { method, headers, body, signal: request.signal });
      } catch (error) {
        if (request.signal?.aborted) throw new DeployFailure('DEPLOY_CANCELLED', `Stopped while ${what}: the deployment was cancelled`);
        throw new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', `Netlify could not be reached while ${what}: ${(error as Error).message}`, {
          retryable: true,
        });
      }
      const text = await response.text();
      if (!response.ok) throw netlifyFailure(what, response.status, text, response.headers);
      return (text ? JSON.parse(text) : null) as T;
    },
  };
}

function netlifyFailure(what: string, status: number, text: string, headers: Headers): DeployFailure {
  let message = '';
  try {
    const body = JSON.parse(text) as { message?: string; errors?: Record<string, string[]> };
    const details = Object.entries(body.errors ?? {}).map(([field, errors]) => `${field} ${errors.join(', ')}`);
    message = [body.message, ...details].filter(Boolean).join(': ');
  } catch {
    message = text.slice(0, 200);
  }
  const reset = Number(headers.get('x-ratelimit-reset'));
  const retryAfter = headers.get('retry-after') ?? (reset > 0 ? String(Math.max(1, Math.ceil(reset - Date.now() / 1000))) : null);
  return httpFailure('Netlify', what, status, message, retryAfter);
}

/** HTTP status of a failure, when it came from an answer. */
export const statusOf = (error: unknown): number | undefined => (error instanceof DeployFailure ? error.options.status : undefined);
