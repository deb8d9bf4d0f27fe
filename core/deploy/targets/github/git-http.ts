/**
 * isomorphic-git's HTTP client over a `fetch` function, so a push travels through the same (injectable) fetch as
 * the REST calls: tests point it at the wire fake, production at github.com.
 */
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

async function collect(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer | undefined> {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function* once(bytes: Uint8Array): AsyncIterableIterator<Uint8Array> {
  yield bytes;
}

export function fetchHttpClient(fetchImpl: typeof fetch, signal?: AbortSignal): HttpClient {
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      const response = await fetchImpl(request.url, {
        method: request.method ?? 'GET',
        headers: request.headers,
        body: await collect(request.body),
        signal: request.signal ?? signal,
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      return {
        url: response.url || request.url,
        method: request.method,
        statusCode: response.status,
        statusMessage: response.statusText,
        headers,
        body: once(new Uint8Array(await response.arrayBuffer())),
      };
    },
  };
}
