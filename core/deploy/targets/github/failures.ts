/**
 * Failure helpers shared by the GitHub, Render and Railway adapters: a connection that never answered is as
 * retryable as a 503; waiting between polls stops when the deployment is cancelled.
 */
import { DeployFailure, httpFailure } from '../target';

/** A fetch that threw (connection refused or reset, DNS, timeout): retryable, unless we aborted it ourselves. */
export function networkFailure(provider: string, what: string, error: unknown, signal?: AbortSignal): DeployFailure {
  if (error instanceof DeployFailure) return error;
  if (signal?.aborted) return new DeployFailure('DEPLOY_CANCELLED', `Stopped while ${what}: the deployment was cancelled`);
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', `${provider} could not be reached while ${what}: ${reason.slice(0, 200)}`, {
    retryable: true,
  });
}

/** Maps a provider's HTTP answer; a 403 that is GitHub's rate limit counts as a 429. */
export function statusFailure(
  provider: string,
  what: string,
  status: number,
  detail: string,
  headers: { get(name: string): string | null },
): DeployFailure {
  const rateLimited = status === 403 && (headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(detail));
  let retryAfter = headers.get('retry-after');
  const reset = headers.get('x-ratelimit-reset');
  if (rateLimited && !retryAfter && reset) retryAfter = String(Math.max(1, Number(reset) - Math.floor(Date.now() / 1000)));
  return httpFailure(provider, what, rateLimited ? 429 : status, detail, retryAfter);
}

/** One provider call gives up after 30 s (then retried as unavailable), or at once when the deployment is cancelled. */
export function requestSignal(signal: AbortSignal | undefined, timeoutMs = 30_000): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Waits `ms`, or throws DEPLOY_CANCELLED as soon as the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => reject(new DeployFailure('DEPLOY_CANCELLED', 'The deployment was cancelled while waiting for the provider'));
    if (signal.aborted) return cancelled();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      cancelled();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The default health probe of an HTTP target: any answer below 500 means the app answers. */
export async function probeUrl(fetchImpl: typeof fetch, url: string): Promise<{ healthy: boolean; detail: string }> {
  try {
    const response = await fetchImpl(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer().catch(() => undefined);
    return { healthy: response.status < 500, detail: `GET ${url} answered ${response.status}` };
  } catch (error) {
    return { healthy: false, detail: `GET ${url} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
