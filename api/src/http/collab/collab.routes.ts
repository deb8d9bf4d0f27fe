import type { Server } from 'node:http';
import type express from 'express';
import type { Redis } from 'ioredis';
import { LiveblocksGrants } from './liveblocks-grants';
import { liveblocksAuthRouter, type LiveblocksAuthDeps } from './liveblocks-auth.routes';
import { createLiveblocksProxy, isSocketPath, type WatchSocket } from './liveblocks-proxy';
import { projectIdOfRoom } from '../../../../contracts/collab';
import type { LiveAccess } from '../../live-access';
import { mountUpgradeRoute } from '../upgrade-route';

export interface CollabRoutesDeps extends Omit<LiveblocksAuthDeps, 'grants'> {
  /** LIVEBLOCKS_BASE_URL: the embedded dev server, reached through this origin; unset with Liveblocks Cloud. */
  proxyTarget: string | undefined;
  /** Where the proxy keeps the tokens it will admit. */
  redis: Redis;
  /** Re-checks open room sockets (a removed member, an archived project, a revoked session). */
  liveAccess?: LiveAccess;
}

/**
 * `POST /liveblocks-auth`, and with the dev server the Liveblocks proxy: `/v2/c/…` over HTTP and `/v8` upgrades.
 * The host guard runs first for both (its middleware, and its wrapper around the server's upgrade event, which
 * also checks the Origin). Without the proxy those paths answer 404. Upgrades on other paths go on to the
 * listeners already attached (graphql-ws, the terminal). Mount before the web client's catch-all route.
 */
export function mountCollabRoutes(app: express.Express, httpServer: Server, deps: CollabRoutesDeps): void {
  const { live, proxyTarget, logger } = deps;
  const grants = live && proxyTarget ? new LiveblocksGrants(deps.redis) : null;
  // A socket whose access is gone is closed (4001) and its token forgotten; the app enters the room anew and
  // gets what it may have now (read-only, or nothing).
  const watch: WatchSocket | undefined =
    grants && deps.liveAccess
      ? ({ grant, token, socket, close }) => {
          const projectId = projectIdOfRoom(grant.room);
          if (!projectId || grant.viewerId === undefined) return;
          const held = {
            sessionId: grant.sessionId ?? null,
            needs: grant.access === 'write' ? ('edit' as const) : ('read' as const),
            subscription: {
              get ended() {
                return socket.destroyed;
              },
              fail: () => {
                grants.revoke(token).catch((error: unknown) => logger.warn({ err: error }, 'could not revoke a Liveblocks grant'));
                close(4001, grant.codingRoomId ? 'Your place in this room changed' : 'Your access to this project changed');
              },
            },
          };
          // A room member's socket lasts as long as their place in the room, whatever their access to the project.
          if (grant.codingRoomId && grant.viewerId)
            deps.liveAccess!.watch({ ...held, viewerId: grant.viewerId, codingRoomId: grant.codingRoomId });
          else deps.liveAccess!.watch({ ...held, viewerId: grant.viewerId, projectId });
        }
      : undefined;
  const proxy = grants && proxyTarget ? createLiveblocksProxy(proxyTarget, grants, logger, watch) : null;
  app.use(liveblocksAuthRouter({ ...deps, grants }));
  app.use((req, res, next) => {
    if (!req.url.startsWith('/v2/c/')) return next();
    if (!proxy) return void res.status(404).type('text/plain').send('Not found\n');
    proxy.http(req, res).catch(next);
  });

  mountUpgradeRoute(httpServer, (url) => isSocketPath(url), (req, socket, head) => {
    if (!proxy) return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    proxy.upgrade(req, socket, head).catch((error: unknown) => {
      logger.warn({ err: error }, 'Liveblocks upgrade failed');
      socket.destroy();
    });
  });
}
