import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { checkSandboxAccess, sameOrigin, type ViewerResolver } from './sandbox-access';
import type { SandboxManager } from '../../../../core/sandbox/sandbox-manager';
import { attachTerminal } from './terminal-socket';
import { mountUpgradeRoute, refuseUpgrade as refuse } from '../upgrade-route';

export interface SandboxRoutesDeps {
  readonly sandboxes: SandboxManager;
  readonly viewer: ViewerResolver;
  readonly logger: Logger;
}

const ROUTE = /^\/terminal\/([0-9a-fA-F-]{36})(\?.*)?$/;

/**
 * `/terminal/<sandboxId>?cols=&rows=` on the API's port: a WebSocket to a shell on a PTY in the sandbox,
 * for anyone who may run the project. Previews are not served here but on their own origin
 * (preview-server.ts), so a preview's scripts never run on the app's origin.
 * Upgrades on other paths go to the listeners already attached (graphql-ws), which would otherwise
 * answer every foreign path with 400.
 */
export function mountSandboxRoutes(httpServer: Server, deps: SandboxRoutesDeps): void {
  const terminals = new WebSocketServer({ noServer: true });
  mountUpgradeRoute(httpServer, (url) => ROUTE.exec(url), (req, socket, head, match) => {
    upgrade(req, socket, head, match, terminals, deps).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'sandbox upgrade failed');
      refuse(socket, 502);
    });
  });
}

async function upgrade(req: IncomingMessage, socket: Socket, head: Buffer, match: RegExpExecArray, terminals: WebSocketServer, deps: SandboxRoutesDeps): Promise<void> {
  const [, sandboxId, query] = match;
  if (!sameOrigin(req)) return refuse(socket, 403);
  const access = await checkSandboxAccess(req, sandboxId!, 'project:run', deps);
  if (!access.ok) return refuse(socket, access.status);
  const { sandbox } = await deps.sandboxes.open(sandboxId!);
  const params = new URLSearchParams(query?.slice(1) ?? '');
  terminals.handleUpgrade(req, socket, head, (ws) =>
    attachTerminal(ws, sandbox, { cols: Number(params.get('cols') ?? 80), rows: Number(params.get('rows') ?? 24) }, () => {
      deps.sandboxes.touch(sandboxId!).catch(() => undefined);
    }),
  );
}

