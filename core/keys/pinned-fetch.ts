import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import type { BaseUrlPolicy, ResolvedAddress } from './base-url-policy';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A `lookup` that answers every name with the one address that was checked. */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * A `fetch` for the vendor SDKs (their `fetch` option) that connects only to addresses the policy checked.
 * Each request asks `policy.connectAddress(host)` (one resolution, every answer public) and a new socket
 * dials exactly that address through the socket's `lookup` hook; a kept-alive socket was dialled the same
 * way. TLS still verifies the certificate for the host name (SNI) and the Host header stays the URL's.
 * Node's own fetch takes no agent, hence this small one over node:http: enough for the SDKs' JSON and SSE
 * replies (no redirects, identity encoding).
 */
export function pinnedFetch(policy: BaseUrlPolicy): typeof globalThis.fetch {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) throw new TypeError(`pinnedFetch: unsupported protocol ${url.protocol}`);
    // Resolved and checked once; a refusal is the policy's own error, which the gateway reports as non-retryable.
    const checked = await policy.connectAddress(url.hostname);
    const lookup = pinnedLookup(checked);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.delete('accept-encoding');
    const raw = init?.body ?? (input instanceof Request ? input.body : null);
    const body = raw == null ? undefined : Buffer.from(await new Response(raw as ConstructorParameters<typeof Response>[0]).arrayBuffer());
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise<Response>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: init?.method ?? (input instanceof Request ? input.method : 'GET'),
          headers: Object.fromEntries(headers),
          agent,
          lookup,
          signal: signal ?? undefined,
        },
        (res) => {
          const out = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
          }
          const status = res.statusCode ?? 502;
          const stream = NULL_BODY.has(status) ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
          if (!stream) res.resume();
          resolve(new Response(stream, { status, statusText: res.statusMessage, headers: out }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  };
}
