import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AppsOrigin } from '../../../../core/deploy/targets/local/apps-origin';
import type { SandboxManager } from '../../../../core/sandbox/sandbox-manager';
import type { PreviewInfo } from '../../../../sandbox/types';
import { PLATFORM_COOKIES } from '../sandbox/preview-server';
import { createProxyListener, proxyPreviewRequest, proxyPreviewUpgrade, refuseSocket, type ProxyOptions } from '../sandbox/preview-proxy';

export interface AppsSiteDeps {
  readonly sandboxes: SandboxManager;
  /** A fresh unit of work per request. */
  readonly em: () => EntityManager;
  /** ATELIER_APPS_ORIGIN, or undefined for `http://*.apps.localhost:<port>`. */
  readonly originPattern?: string;
  readonly logger: Logger;
}

/** The apps listener: one host per project deployed to the local target, on its own port and origin. */
export interface AppsSite {
  readonly server: Server;
  origin(): AppsOrigin;
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

/** Where a host's request goes: the app's server, or why there is none. */
type Route = { target: PreviewInfo['target'] } | { status: 404 | 421 | 503; text: string };

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#333"><h1 style="font-size:1.4rem">${title}</h1><p>${text}</p></body>\n`;

/**
 * Serves the live local deployment of each project at `<slug>.<apps origin>`: Host → DeployTarget(local) by its
 * slug → the live deployment's app sandbox → its preview socket, for plain requests and WebSocket upgrades. The
 * platform's cookies never reach an app and an app cannot set them (the preview proxy's filtering). Any host that
 * is not an app's is refused, and the main app refuses app hosts, so the two origins never mix.
 */
export function createAppsSite(deps: AppsSiteDeps): AppsSite {
  let origin = AppsOrigin.from(deps.originPattern, 0);
  const proxyOptions: ProxyOptions = { reservedCookies: PLATFORM_COOKIES, responseHeaders: {} };

  async function route(host: string | undefined): Promise<Route> {
    const slug = origin.slugOf(host);
    if (!slug) return origin.covers(host) ? { status: 404, text: 'No such app.' } : { status: 421, text: 'This listener serves deployed apps only.' };
    const rows = await deps
      .em()
      .getConnection()
      .execute<{ live: string | null; sandbox: string | null }[]>(
        `select t.live_deployment_id as live, d.app_sandbox_id as sandbox from deploy_targets t left join deployments d on d.id = t.live_deployment_id
          where t.target = 'local' and t.provider_project_ref = ?`,
        [slug],
      );
    const row = rows[0];
    if (!row) return { status: 404, text: 'No such app.' };
    if (!row.live) return { status: 503, text: 'No app is deployed here.' };
    const stopped = { status: 503 as const, text: 'This app is stopped.' };
    if (!row.sandbox) return stopped;
    const opened = await deps.sandboxes.open(row.sandbox).catch(() => null);
    const preview = opened ? (await opened.sandbox.status()).preview : null;
    return preview ? { target: preview.target } : stopped;
  }

  const answer = (res: ServerResponse, status: number, text: string) => {
    const html = PAGE(status === 503 ? 'Unavailable' : status === 404 ? 'Not found' : 'Misdirected request', text);
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...(status === 503 ? { 'retry-after': '10' } : {}) }).end(html);
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const found = await route(req.headers.host);
    if ('status' in found) return answer(res, found.status, found.text);
    // The raw request target, never parsed as a URL: `//other.host/x` is a path here.
    proxyPreviewRequest(found.target, req, res, req.url ?? '/', proxyOptions);
  }

  async function upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const found = await route(req.headers.host);
    if ('status' in found) return refuseSocket(socket, found.status);
    proxyPreviewUpgrade(found.target, req, socket, head, req.url ?? '/', proxyOptions);
  }

  const listener = createProxyListener({
    serve,
    upgrade,
    failed: (res) => answer(res, 503, 'This app is not available right now.'),
    failedUpgradeStatus: 503,
    logs: { request: 'app request failed', upgrade: 'app upgrade failed' },
    logger: deps.logger,
    listening: (port) => {
      origin = AppsOrigin.from(deps.originPattern, port);
    },
  });
  return { ...listener, origin: () => origin };
}
