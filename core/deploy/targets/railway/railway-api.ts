/**
 * A small client of Railway's public GraphQL API (`https://backboard.railway.com/graphql/v2`). Railway answers
 * most refusals as GraphQL errors with HTTP 200, so their messages are mapped too: an authorisation message →
 * DEPLOY_TOKEN_REFUSED, a name clash → DEPLOY_NAME_TAKEN, a rate limit → retryable.
 */
import { DeployFailure } from '../target';
import { networkFailure, requestSignal, statusFailure } from '../github/failures';

export class RailwayApi {
  constructor(
    private readonly endpoint: string,
    private readonly fetchImpl: typeof fetch,
    private readonly token: string,
    private readonly signal?: AbortSignal,
  ) {}

  async query<T>(what: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: requestSignal(this.signal),
      });
    } catch (error) {
      throw networkFailure('Railway', what, error, this.signal);
    }
    const text = await response.text();
    let body: { data?: T | null; errors?: { message?: string }[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Not JSON (a proxy's error page): the status says enough.
    }
    const message = body.errors?.map((e) => e.message ?? '').join('; ') ?? '';
    if (!response.ok) throw statusFailure('Railway', what, response.status, message || text.slice(0, 300), response.headers);
    if (message) throw graphqlFailure(what, message);
    if (!body.data) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Railway answered no data while ${what}`);
    return body.data;
  }
}

/** Maps a GraphQL error message (Railway gives no stable codes) to our failure. */
export function graphqlFailure(what: string, message: string): DeployFailure {
  const said = message.slice(0, 300);
  if (/not authori[sz]ed|unauthori[sz]ed|unauthenticated|invalid (api )?token|authentication/i.test(message))
    return new DeployFailure('DEPLOY_TOKEN_REFUSED', `Railway refused the token while ${what}: ${said}`);
  if (/already (exists|taken|in use)|name .*taken/i.test(message))
    return new DeployFailure('DEPLOY_NAME_TAKEN', `Railway: the name is taken (${what}): ${said}`);
  if (/rate.?limit|too many requests/i.test(message))
    return new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', `Railway is rate limiting while ${what}: ${said}`, { retryable: true });
  return new DeployFailure('DEPLOY_PROVIDER_FAILED', `Railway refused ${what}: ${said}`);
}

/** Whether a failure is Railway's "not found" (a deployment or project that is gone). */
export function isNotFound(error: unknown): boolean {
  return error instanceof DeployFailure && error.code === 'DEPLOY_PROVIDER_FAILED' && /not found/i.test(error.message);
}
