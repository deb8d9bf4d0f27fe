/**
 * The base of the deploy providers' wire fakes (vercel-fake.ts, netlify-fake.ts, github-fake.ts, render-fake.ts,
 * railway-fake.ts): a node:http server on 127.0.0.1:0 with a small router, the provider's bearer-token check, the
 * one-shot fault queue behind `WireFake.fail`, a log of every request, and "deployed sites" served by the fake
 * itself so the adapter's health probe of a deployment URL really travels over HTTP.
 *
 * Faults: `rate-limit` and `server-error` are answered by the base at the next write call (a route whose `write`
 * says so; by default every method but GET and HEAD); `refuse-token` makes every authenticated route refuse the
 * token until `reset()`; the others (`build-error`, `name-taken`, `unhealthy`) are provider behaviour, so the
 * subclass consumes them with `take(fault)` where the provider would show them.
 *
 * Sites: `publishSite(ref, files)` serves `files` at `siteUrl(ref)` (`http://127.0.0.1:<port>/__site/<ref>/`);
 * `/` answers `index.html`; a site published with `healthy: false` answers 502 everywhere; `removeSite` makes it
 * answer 404 like a provider's deleted deployment.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WireFake, WireFault } from '../../../core/deploy/targets/target-contract';

/** One request the fake received. */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  /** The raw body (empty for raw routes, which read the request themselves). */
  readonly body: Buffer;
  /** The bearer token sent (`Authorization: Bearer …` or GitHub's `token …`), or null. */
  readonly token: string | null;
  /** Path parameters of the matched route (`:id`, and `*rest` for the remainder of the path), decoded. */
  readonly params: Record<string, string>;
}

/** What a handler answers; a handler that wrote to `res` itself (streams, git) answers undefined. */
export interface WireResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface RouteOptions {
  /** Check the bearer token (default true). */
  readonly auth?: boolean;
  /** Whether this call is a write, where `rate-limit` and `server-error` faults strike (default: not GET/HEAD). */
  readonly write?: boolean | ((request: WireRequest) => boolean);
  /** Hand the handler the unread request (smart-HTTP git, uploads it streams itself); `body` is then empty. */
  readonly raw?: boolean;
}

export type WireHandler = (
  request: WireRequest,
  res: http.ServerResponse,
  req: http.IncomingMessage,
) => WireResponse | undefined | Promise<WireResponse | undefined>;

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: WireHandler;
  readonly options: RouteOptions;
}

interface Site {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly healthy: boolean;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): WireResponse => ({ status, body, headers });

export abstract class WireFakeServer implements WireFake {
  abstract readonly faults: readonly WireFault[];
  abstract readonly token: { readonly value: string; readonly account: string };
  /** Every request received since the last reset, in order (site requests included). */
  readonly requests: WireRequest[] = [];
  /** Status a provider answers for a token it does not know (Vercel 403, Netlify/GitHub/Render 401). */
  protected refusedStatus = 401;
  /** Retry-After sent with the `rate-limit` fault: seconds, or an HTTP date (tests set either). */
  retryAfter = '2';
  readonly #routes: Route[] = [];
  readonly #queued: WireFault[] = [];
  #tokenRefused = false;
  readonly #sites = new Map<string, Site>();
  readonly #server = http.createServer((req, res) => void this.#handle(req, res));
  #port = 0;

  /** The server's origin, `http://127.0.0.1:<port>`; subclasses override when the adapter needs a base path. */
  get url(): string {
    return this.origin;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  abstract deploymentsFor(deploymentId: string): number;
  abstract isActive(ref: string): boolean;

  /** The provider's error body for a status (`{ error: { code, message } }` for Vercel …). */
  protected abstract errorBody(status: number, message: string, code?: string): unknown;

  /** Forgets the provider's state (projects, deployments …); called by `reset()`. */
  protected abstract clearState(): void;

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  fail(fault: WireFault): void {
    if (!this.faults.includes(fault)) throw new Error(`this fake cannot produce the fault ${fault}`);
    if (fault === 'refuse-token') this.#tokenRefused = true;
    else this.#queued.push(fault);
  }

  reset(): void {
    this.#queued.length = 0;
    this.#tokenRefused = false;
    this.requests.length = 0;
    this.retryAfter = '2';
    this.#sites.clear();
    this.clearState();
  }

  /** Consumes a queued fault of this kind: true when the provider should show it now. */
  protected take(fault: WireFault): boolean {
    const index = this.#queued.indexOf(fault);
    if (index < 0) return false;
    this.#queued.splice(index, 1);
    return true;
  }

  /** Registers a route: `/v13/deployments/:id`, `/api/v1/deploys/:id/files/*path`. */
  protected route(method: string, pattern: string, handler: WireHandler, options: RouteOptions = {}): void {
    this.#routes.push({ method: method.toUpperCase(), segments: pattern.split('/').filter(Boolean), handler, options });
  }

  /** Answers the provider's error for a status. */
  protected error(status: number, message: string, code?: string, headers: Record<string, string> = {}): WireResponse {
    return json(status, this.errorBody(status, message, code), headers);
  }

  /** Headers of a 429 (the provider's own rate-limit headers may be added by overriding this). */
  protected rateLimitHeaders(): Record<string, string> {
    return { 'retry-after': this.retryAfter };
  }

  /** Whether a token is the fake's account token (subclasses may accept more). */
  protected accepts(token: string): boolean {
    return token === this.token.value && !this.#tokenRefused;
  }

  /** The parsed JSON body, or an empty object for none; a malformed body throws (answered as 400). */
  protected bodyOf<T = Record<string, unknown>>(request: WireRequest): T {
    if (request.body.length === 0) return {} as T;
    try {
      return JSON.parse(request.body.toString('utf8')) as T;
    } catch {
      throw new BadRequest('the body is not valid JSON');
    }
  }

  /** Serves `files` (path → content, no leading `/`) at `siteUrl(ref)`. */
  publishSite(ref: string, files: ReadonlyMap<string, Buffer>, healthy = true): void {
    this.#sites.set(ref, { files, healthy });
  }

  removeSite(ref: string): void {
    this.#sites.delete(ref);
  }

  hasSite(ref: string): boolean {
    return this.#sites.has(ref);
  }

  siteUrl(ref: string): string {
    return `${this.origin}/__site/${encodeURIComponent(ref)}/`;
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://fake');
      const segments = url.pathname.split('/').filter(Boolean);
      const matched = this.#match(req.method ?? 'GET', segments);
      const raw = matched?.route.options.raw === true;
      const body = raw ? Buffer.alloc(0) : await readBody(req);
      const request: WireRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        token: bearer(req.headers.authorization),
        params: matched?.params ?? {},
      };
      this.requests.push(request);
      if (segments[0] === '__site') return send(res, this.#serveSite(segments.slice(1)), true);
      if (!matched) return send(res, this.error(404, `fake: no route ${request.method} ${request.path}`, 'not_found'));
      const { route } = matched;
      if (route.options.auth !== false) {
        if (!request.token) return send(res, this.error(401, 'Authentication required', 'unauthorized'));
        if (!this.accepts(request.token)) return send(res, this.error(this.refusedStatus, 'Not authorized', 'forbidden'));
      }
      const write =
        typeof route.options.write === 'function'
          ? route.options.write(request)
          : (route.options.write ?? !['GET', 'HEAD'].includes(request.method));
      if (write && this.take('rate-limit'))
        return send(res, this.error(429, 'Rate limit exceeded', 'rate_limited', this.rateLimitHeaders()));
      if (write && this.take('server-error')) return send(res, this.error(503, 'Service unavailable', 'internal_server_error'));
      const answer = await route.handler(request, res, req);
      if (answer) send(res, answer);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BadRequest) send(res, this.error(400, error.message, 'bad_request'));
      else send(res, this.error(500, `fake failed: ${String(error)}`, 'internal_server_error'));
    }
  }

  #match(method: string, segments: readonly string[]): { route: Route; params: Record<string, string> } | null {
    for (const route of this.#routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = matchSegments(route.segments, segments);
      if (params) return { route, params };
    }
    return null;
  }

  #serveSite([ref, ...rest]: string[]): WireResponse {
    const site = ref === undefined ? undefined : this.#sites.get(decodeURIComponent(ref));
    if (!site) return { status: 404, body: 'The deployment could not be found.', headers: { 'content-type': 'text/plain' } };
    if (!site.healthy) return { status: 502, body: 'Bad gateway: the app does not answer.', headers: { 'content-type': 'text/plain' } };
    const path = rest.map(decodeURIComponent).join('/');
    const file = site.files.get(path || 'index.html') ?? site.files.get(path ? `${path}/index.html` : 'index.html');
    if (!file) return { status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } };
    return { status: 200, body: file, headers: { 'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' } };
  }
}

class BadRequest extends Error {}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.startsWith('*')) {
      if (i >= segments.length) return null;
      params[part.slice(1)] = segments.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return null;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return null;
  }
  return pattern.length === segments.length ? params : null;
}

function bearer(header: string | undefined): string | null {
  const match = /^(?:bearer|token)\s+(.+)$/i.exec(header ?? '');
  return match ? match[1]!.trim() : null;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes an answer: Buffers and strings as they are (`plain`), anything else as JSON. */
function send(res: http.ServerResponse, answer: WireResponse, plain = false): void {
  const isRaw = plain || Buffer.isBuffer(answer.body) || typeof answer.body === 'string';
  const payload =
    answer.body === undefined
      ? Buffer.alloc(0)
      : isRaw
        ? Buffer.from(answer.body as Buffer | string)
        : Buffer.from(JSON.stringify(answer.body));
  const type = isRaw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(answer.status, { 'content-type': type, 'content-length': payload.length, ...answer.headers });
  res.end(payload);
}
