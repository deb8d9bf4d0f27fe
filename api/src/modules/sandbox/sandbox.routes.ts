import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { checkSandboxAccess, sameOrigin, type ViewerResolver } from './sandbox-access';
import type { SandboxManager } from './sandbox-manager';
import { proxyPreviewRequest, proxyPreviewUpgrade } from './preview-proxy';
import { attachTerminal } from './terminal-socket';

export interface SandboxRoutesDeps {
  readonly sandboxes: SandboxManager;
  readonly viewer: ViewerResolver;
  readonly logger: Logger;
}

const ROUTE = /^\/(preview|terminal)\/([0-9a-fA-F-]{36})(\/[^?]*)?(\?.*)?$/;

/**
 * People's view into a sandbox, on the API's own port:
 * - `/preview/<sandboxId>/…` proxies HTTP and WebSocket upgrades (hot reload) to the sandbox's dev
 *   server, for anyone who may read the project;
 * - `/terminal/<sandboxId>?cols=&rows=` is a WebSocket to a shell on a PTY in the sandbox, for
 *   anyone who may run the project.
 * Upgrades on other paths go to the listeners already attached (graphql-ws), which would otherwise
 * answer every foreign path with 400.
 */
export function mountSandboxRoutes(app: Express, httpServer: Server, deps: SandboxRoutesDeps): void {
  app.use('/preview', (req: Request, res: Response) => void servePreview(req, res, deps));

  const terminals = new WebSocketServer({ noServer: true });
  const others = httpServer.listeners('upgrade') as Array<(req: IncomingMessage, socket: Socket, head: Buffer) => void>;
  httpServer.removeAllListeners('upgrade');
  httpServer.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const match = ROUTE.exec(req.url ?? '');
    if (!match) {
      for (const listener of others) listener.call(httpServer, req, socket, head);
      return;
    }
    upgrade(req, socket, head, match, terminals, deps).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'sandbox upgrade failed');
      refuse(socket, 502);
    });
  });
}

async function servePreview(req: Request, res: Response, deps: SandboxRoutesDeps): Promise<void> {
  const match = ROUTE.exec(req.originalUrl);
  if (!match) return void res.status(404).type('text/plain').send(refusalText(404));
  const [, , sandboxId, rest, query] = match;
  if (!rest) return void res.redirect(308, `/preview/${sandboxId}/${query ?? ''}`);
  try {
    const access = await checkSandboxAccess(req, sandboxId!, 'project:read', deps);
    if (!access.ok) return void res.status(access.status).type('text/plain').send(refusalText(access.status));
    const { sandbox } = await deps.sandboxes.open(sandboxId!);
    const preview = (await sandbox.status()).preview;
    if (!preview) return void res.status(502).type('text/plain').send('No preview server is running in this sandbox.\n');
    proxyPreviewRequest(preview.target, req, res, `${rest}${query ?? ''}`, `/preview/${sandboxId}`);
  } catch (error) {
    deps.logger.warn({ err: error, sandboxId }, 'preview failed');
    if (!res.headersSent) res.status(502).type('text/plain').send('The preview is not available.\n');
  }
}

async function upgrade(req: IncomingMessage, socket: Socket, head: Buffer, match: RegExpExecArray, terminals: WebSocketServer, deps: SandboxRoutesDeps): Promise<void> {
  const [, kind, sandboxId, rest, query] = match;
  // The app shows previews in a sandboxed iframe, whose opaque origin sends `Origin: null`; the terminal
  // takes only its own origin.
  const previewFromFrame = kind === 'preview' && req.headers.origin === 'null';
  if (!sameOrigin(req) && !previewFromFrame) return refuse(socket, 403);
  const access = await checkSandboxAccess(req, sandboxId!, kind === 'terminal' ? 'project:run' : 'project:read', deps);
  if (!access.ok) return refuse(socket, access.status);
  const { sandbox } = await deps.sandboxes.open(sandboxId!);
  if (kind === 'preview') {
    const preview = (await sandbox.status()).preview;
    if (!preview) return refuse(socket, 502);
    return proxyPreviewUpgrade(preview.target, req, socket, head, `${rest ?? '/'}${query ?? ''}`, `/preview/${sandboxId}`);
  }
  const params = new URLSearchParams(query?.slice(1) ?? '');
  terminals.handleUpgrade(req, socket, head, (ws) =>
    attachTerminal(ws, sandbox, { cols: Number(params.get('cols') ?? 80), rows: Number(params.get('rows') ?? 24) }, () => {
      deps.sandboxes.touch(sandboxId!).catch(() => undefined);
    }),
  );
}

function refuse(socket: Socket, status: number): void {
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 502: 'Bad Gateway' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function refusalText(status: number): string {
  return status === 401 ? 'Sign in to open this preview.\n' : status === 403 ? 'You may not open this preview.\n' : 'No such sandbox.\n';
}
