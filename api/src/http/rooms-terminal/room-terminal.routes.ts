import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { sameOrigin } from '../sandbox/sandbox-access';
import type { SharedTerminals } from './shared-terminal';
import { mountUpgradeRoute, refuseUpgrade as refuse } from '../upgrade-route';

/** Whether the request's viewer may open the room's terminal, and type in it; or the status to refuse with. */
export type RoomTerminalAccess = { ok: true; userId: string; canType: boolean } | { ok: false; status: 401 | 403 | 404 };

export interface RoomTerminalRoutesDeps {
  readonly terminals: SharedTerminals;
  /** The room membership check: members may watch; participants and above may type. */
  readonly access: (req: IncomingMessage, roomId: string) => Promise<RoomTerminalAccess>;
  readonly logger: Logger;
}

const ROUTE = /^\/rooms\/([0-9a-fA-F-]{36})\/terminal(\?.*)?$/;
/** A frame larger than this closes the socket (1009) before it is parsed. */
const MAX_FRAME_BYTES = 128 * 1024;

/**
 * `/rooms/<roomId>/terminal?cols=&rows=` on the API's port: a WebSocket to the room's shared terminal.
 * Upgrades on other paths go to the listeners attached before (graphql-ws, the sandbox terminal, collab),
 * as mountSandboxRoutes does.
 */
export function mountRoomTerminalRoutes(httpServer: Server, deps: RoomTerminalRoutesDeps): void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  mountUpgradeRoute(httpServer, (url) => ROUTE.exec(url), (req, socket, head, match) => {
    upgrade(req, socket, head, match, sockets, deps).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'room terminal upgrade failed');
      refuse(socket, 502);
    });
  });
}

async function upgrade(
  req: IncomingMessage,
  socket: Socket,
  head: Buffer,
  match: RegExpExecArray,
  sockets: WebSocketServer,
  deps: RoomTerminalRoutesDeps,
): Promise<void> {
  const [, roomId, query] = match;
  if (!sameOrigin(req)) return refuse(socket, 403);
  // Taken before the check: a kick or role change that lands while it runs still applies to this socket.
  const since = deps.terminals.revision();
  const access = await deps.access(req, roomId!.toLowerCase());
  if (!access.ok) return refuse(socket, access.status);
  const params = new URLSearchParams(query?.slice(1) ?? '');
  sockets.handleUpgrade(req, socket, head, (ws) =>
    deps.terminals.attach(roomId!.toLowerCase(), ws, {
      userId: access.userId,
      canType: access.canType,
      cols: Number(params.get('cols') ?? 80),
      rows: Number(params.get('rows') ?? 24),
      since,
    }),
  );
}

