import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

type UpgradeListener = (req: IncomingMessage, socket: Socket, head: Buffer) => void;

/**
 * Takes the WebSocket upgrades whose URL `claims` (a match: the handler gets it) and hands every other one to the
 * listeners attached before (graphql-ws, the other routes), which would otherwise answer a foreign path with 400.
 * Routes mount in any order, each wrapping those before it.
 */
export function mountUpgradeRoute<M>(
  httpServer: Server,
  claims: (url: string) => M | null | undefined,
  handle: (req: IncomingMessage, socket: Socket, head: Buffer, match: M) => void,
): void {
  const others = httpServer.listeners('upgrade') as UpgradeListener[];
  httpServer.removeAllListeners('upgrade');
  httpServer.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const match = claims(req.url ?? '');
    if (match === null || match === undefined || (match as unknown) === false) {
      for (const listener of others) listener.call(httpServer, req, socket, head);
      return;
    }
    handle(req, socket, head, match);
  });
}

/** Ends a socket with a bare HTTP status (before any WebSocket handshake). */
export function refuseUpgrade(socket: Socket, status: number): void {
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 502: 'Bad Gateway' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
