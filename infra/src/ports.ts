import net from 'node:net';
import { PortInUseError, StackError } from './errors';

/** True when nothing listens on `host:port` (we could bind it ourselves). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws a {@link PortInUseError} naming the service and the env variable that moves it. */
export async function assertPortFree(port: number, service: string, envHint: string, host = '127.0.0.1'): Promise<void> {
  if (!(await isPortFree(port, host))) throw new PortInUseError(port, service, envHint);
}

/** A port the kernel just handed out on 127.0.0.1; for tests and throwaway servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when a TCP connection to `host:port` succeeds. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls `check` until it returns true. `abort` is consulted between tries so a child that died stops
 * the wait with its own error instead of a timeout.
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 100, abort }: { timeoutMs?: number; intervalMs?: number; abort?: () => void } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    abort?.();
    if (await check().catch(() => false)) return;
    abort?.();
    if (Date.now() > deadline) throw new StackError(`Timed out after ${timeoutMs / 1000}s waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
