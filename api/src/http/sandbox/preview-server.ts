import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse, serialize } from 'cookie';
import type { Logger } from 'pino';
import { SESSION_COOKIE } from '../auth/session-cookie';
import type { PreviewLinks } from '../../../../core/sandbox/preview-links';
import { PreviewOrigin } from '../../../../core/sandbox/preview-origin';
import { createProxyListener, proxyPreviewRequest, proxyPreviewUpgrade, refuseSocket, type ProxyOptions } from './preview-proxy';
import { fetchedByItself, sessionLives } from './preview-guards';
import { PREVIEW_COOKIE_TTL_MS, PREVIEW_LINK_TTL_MS, type PreviewTokens } from '../../../../core/sandbox/preview-token';
import { checkViewerAccess } from './sandbox-access';
import type { SandboxManager } from '../../../../core/sandbox/sandbox-manager';

/** Query parameter carrying a link token; the preview host trades it for its cookie and drops it. */
export const PREVIEW_TOKEN_PARAM = 'atelier_preview_token';
const SECURE_COOKIE = '__Host-atelier_preview';
const PLAIN_COOKIE = 'atelier_preview';
/** The platform's cookies: never sent to a sandbox's server or a deployed app, never set by one. */
export const PLATFORM_COOKIES: readonly string[] = [SESSION_COOKIE, SECURE_COOKIE, PLAIN_COOKIE];

export interface PreviewSiteDeps {
  readonly sandboxes: SandboxManager;
  readonly tokens: PreviewTokens;
  /** A fresh unit of work per request. */
  readonly em: () => EntityManager;
  /** ATELIER_PREVIEW_ORIGIN, or undefined for `http://*.preview.localhost:<port>`. */
  readonly originPattern?: string;
  /** Origins allowed to frame a preview (the app's). */
  readonly appOrigins: () => readonly string[];
  readonly logger: Logger;
}

/** The preview listener: one host per sandbox, with its own cookie, on its own port. */
export interface PreviewSite extends PreviewLinks {
  readonly server: Server;
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

export function createPreviewSite(deps: PreviewSiteDeps): PreviewSite {
  let origin = PreviewOrigin.from(deps.originPattern, 0);
  const cookieName = () => (origin.secureCookies ? SECURE_COOKIE : PLAIN_COOKIE);
  const proxyOptions = (): ProxyOptions => ({
    reservedCookies: PLATFORM_COOKIES,
    responseHeaders: { 'content-security-policy': `frame-ancestors ${deps.appOrigins().join(' ') || "'none'"}` },
  });
  const refuse = (res: ServerResponse, status: number, text: string, extra: OutgoingHttpHeaders = {}) =>
    void res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...proxyOptions().responseHeaders, ...extra }).end(text);

  /** Who the request is, from this host's own cookie (never the platform's), while the session behind it lives. */
  const viewerOf = async (req: IncomingMessage, sandboxId: string, em: EntityManager) => {
    const grant = deps.tokens.verify('cookie', parse(req.headers.cookie ?? '')[cookieName()], sandboxId);
    return grant && (await sessionLives(em, grant)) ? grant.userId : null;
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sandboxId = origin.sandboxIdOf(req.headers.host);
    if (!sandboxId) return refuse(res, 404, 'No such preview.\n');
    if (!fetchedByItself(req)) return refuse(res, 403, 'Other sites (sibling previews included) may only open this preview, not call it.\n');
    // The raw request target, never parsed as a URL: `//other.host/x` is a path here.
    const raw = req.url ?? '/';
    const [path, query = ''] = raw.includes('?') ? [raw.slice(0, raw.indexOf('?')), raw.slice(raw.indexOf('?') + 1)] : [raw, ''];
    const params = new URLSearchParams(query);
    const em = deps.em();
    if (params.has(PREVIEW_TOKEN_PARAM)) {
      const grant = deps.tokens.verify('link', params.get(PREVIEW_TOKEN_PARAM), sandboxId);
      if (!grant || !(await sessionLives(em, grant))) return refuse(res, 401, 'This preview link is invalid or has expired. Open the preview again from the project page.\n');
      const access = await checkViewerAccess(grant.userId, em, sandboxId, 'project:read', deps.sandboxes);
      if (!access.ok) return refuse(res, access.status, refusalText(access.status));
      params.delete(PREVIEW_TOKEN_PARAM);
      const rest = params.toString();
      const cookie = deps.tokens.sign('cookie', { ...grant, expiresAt: Date.now() + PREVIEW_COOKIE_TTL_MS });
      // In the app's iframe this host is a third party: only SameSite=None reaches it, and Partitioned
      // (keyed to the embedding site) keeps it working where third-party cookies are blocked.
      const attributes = origin.secureCookies ? { secure: true, sameSite: 'none' as const, partitioned: true } : { sameSite: 'lax' as const };
      return refuse(res, 303, '', {
        location: `${origin.originOf(sandboxId)}${path}${rest ? `?${rest}` : ''}`,
        'set-cookie': serialize(cookieName(), cookie, { httpOnly: true, path: '/', maxAge: PREVIEW_COOKIE_TTL_MS / 1000, ...attributes }),
        'referrer-policy': 'no-referrer',
      });
    }
    const access = await checkViewerAccess(await viewerOf(req, sandboxId, em), em, sandboxId, 'project:read', deps.sandboxes);
    if (!access.ok) return refuse(res, access.status, refusalText(access.status));
    const { sandbox } = await deps.sandboxes.open(sandboxId);
    const preview = (await sandbox.status()).preview;
    if (!preview) return refuse(res, 502, 'No preview server is running in this sandbox.\n');
    proxyPreviewRequest(preview.target, req, res, raw, proxyOptions());
  }

  async function upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const sandboxId = origin.sandboxIdOf(req.headers.host);
    if (!sandboxId) return refuseSocket(socket, 404);
    // Browsers send Origin on every WebSocket; only the preview's own pages may open its sockets.
    if (req.headers.origin !== undefined && req.headers.origin !== origin.originOf(sandboxId)) return refuseSocket(socket, 403);
    const em = deps.em();
    const access = await checkViewerAccess(await viewerOf(req, sandboxId, em), em, sandboxId, 'project:read', deps.sandboxes);
    if (!access.ok) return refuseSocket(socket, access.status);
    const { sandbox } = await deps.sandboxes.open(sandboxId);
    const preview = (await sandbox.status()).preview;
    if (!preview) return refuseSocket(socket, 502);
    proxyPreviewUpgrade(preview.target, req, socket, head, req.url ?? '/', proxyOptions());
  }

  const listener = createProxyListener({
    serve,
    upgrade,
    failed: (res) => refuse(res, 502, 'The preview is not available.\n'),
    failedUpgradeStatus: 502,
    logs: { request: 'preview failed', upgrade: 'preview upgrade failed' },
    logger: deps.logger,
    listening: (port) => {
      origin = PreviewOrigin.from(deps.originPattern, port);
    },
  });

  return {
    ...listener,
    origin: () => origin,
    link(sandboxId, userId, sessionId) {
      if (!userId) return { url: origin.urlFor(sandboxId), expiresAt: null };
      // Five minutes: enough to load the frame; the link is useless once its cookie is set.
      const expiresAt = Date.now() + Math.min(5 * 60_000, PREVIEW_LINK_TTL_MS);
      const token = deps.tokens.sign('link', { sandboxId, userId, sessionId, expiresAt });
      return { url: `${origin.urlFor(sandboxId)}?${PREVIEW_TOKEN_PARAM}=${encodeURIComponent(token)}`, expiresAt: new Date(expiresAt) };
    },
  };
}

function refusalText(status: number): string {
  return status === 401 ? 'Open this preview from its project page (signed in).\n' : status === 403 ? 'You may not open this preview.\n' : 'No such sandbox.\n';
}
