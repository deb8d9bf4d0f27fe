/**
 * Helpers the HTTP provider adapters share (Vercel, Netlify; Render and Railway may use them too): the default
 * health probe and the pause between two polls of a provider's deployment state.
 */
import { DeployFailure } from './target';

/**
 * One GET of the deployment's URL, healthy when it answers below 500 (a 401 of a protected preview or a 404 of an
 * app without `/` still proves it runs). Redirects are not followed; it gives up after `timeoutMs` or when the
 * deployment is cancelled.
 */
export async function probeHttp(
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
  fetcher: typeof fetch = fetch,
): Promise<{ healthy: boolean; detail: string }> {
  try {
    const response = await fetcher(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]), redirect: 'manual' });
    await response.body?.cancel();
    return { healthy: response.status < 500, detail: `GET ${url} answered ${response.status}` };
  } catch (error) {
    return { healthy: false, detail: `GET ${url} failed: ${(error as Error).message}` };
  }
}

/** Waits between two polls; a cancelled deployment ends the wait with DEPLOY_CANCELLED. */
export function pollDelay(ms: number, signal: AbortSignal, provider: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => reject(new DeployFailure('DEPLOY_CANCELLED', `Stopped waiting for ${provider}: the deployment was cancelled`));
    if (signal.aborted) return cancelled();
    const onAbort = () => {
      clearTimeout(timer);
      cancelled();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
