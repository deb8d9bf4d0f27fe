import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { liveblocksAuthRouter, type LiveblocksAuthDeps } from './liveblocks-auth.routes';
import { createLiveblocksProxy, isSocketPath, restTarget } from './liveblocks-proxy';

export interface CollabRoutesDeps extends LiveblocksAuthDeps {
  /** LIVEBLOCKS_BASE_URL: the embedded dev server, reached through this origin; unset with Liveblocks Cloud. */
  proxyTarget: string | undefined;
}

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * `POST /liveblocks-auth`, and with the dev server the Liveblocks proxy: `/v2/c/…` over HTTP and `/v8` upgrades.
 * The host guard runs first for both (its middleware, and its wrapper around the server's upgrade event, which
 * also checks the Origin). Without the proxy those paths answer 404. Upgrades on other paths go on to the
 * listeners already attached (graphql-ws, the terminal). Mount before the web client's catch-all route.
 */
export function mountCollabRoutes(app: express.Express, httpServer: Server, deps: CollabRoutesDeps): void {
  const proxy = deps.live && deps.proxyTarget ? createLiveblocksProxy(deps.proxyTarget) : null;
  app.use(liveblocksAuthRouter(deps));
  app.use((req, res, next) => {
    if (!req.url.startsWith('/v2/c/')) return next();
    const target = restTarget(req.url);
    if (!proxy || !target) return void res.status(404).type('text/plain').send('Not found\n');
    proxy.http(req, res, target);
  });

  const others = httpServer.listeners('upgrade') as UpgradeListener[];
  httpServer.removeAllListeners('upgrade');
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isSocketPath(req.url)) {
      for (const listener of others) listener.call(httpServer, req, socket, head);
      return;
    }
    if (proxy) return proxy.upgrade(req, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
