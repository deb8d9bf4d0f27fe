/**
 * DNS-rebinding defence. A page on a name the attacker controls, re-pointed at this machine, is same-origin
 * with the API in the victim's browser; only the `Host` header it sends (its own name) gives it away. So every
 * request and WebSocket upgrade must name this server: a loopback name with the listening port, the bound IP,
 * the host of ATELIER_PUBLIC_URL or one of ATELIER_ALLOWED_HOSTS. A browser WebSocket must also come from one of
 * those origins: comparing Origin with Host, as before, is exactly what a rebound page satisfies.
 */
import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import type { RequestHandler } from 'express';

export interface HostGuardOptions {
  /** The port the server listens on, once it does (port 0 in tests picks one). */
  port(): number | undefined;
  /** The address it is bound to; a specific IP is allowed as a Host too. */
  bindHost(): string | undefined;
  /** ATELIER_PUBLIC_URL: its host (and scheme, for Origin) is allowed. */
  publicUrl?: string;
  /** ATELIER_ALLOWED_HOSTS: `name` (any port) or `name:port`, comma-separated. */
  allowedHosts?: string;
  /** Names that are never this app's, whatever else allows them: the deployed apps' origin (`*.apps.localhost`). */
  foreignHost?: (host: string) => boolean;
}

export interface HostGuard {
  /** Whether a `Host` header names this server. */
  allowsHost(host: string | undefined): boolean;
  /** Whether a WebSocket may come from `origin`; no Origin (a non-browser client) passes. */
  allowsOrigin(origin: string | undefined): boolean;
  /** Express middleware: 421 for a foreign Host. Mount it first. */
  middleware: RequestHandler;
  /** Refuses foreign upgrades before any 'upgrade' listener, present or future, sees them. */
  guardUpgrades(server: Server): void;
}

interface Name {
  hostname: string;
  /** Explicit port, or '' for the scheme's default. */
  port: string;
}

const UNSPECIFIED = new Set(['0.0.0.0', '::']);
const HOST_HEADER = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const REFUSED_HOST =
  'This server does not answer to that host name. Open it by its own address; an operator can add a name with ATELIER_ALLOWED_HOSTS.\n';

/** Parses a Host header or a `host[:port]` entry; null for anything that is not a plain name or IP. */
function parseName(value: string | undefined): Name | null {
  if (!value || !HOST_HEADER.test(value.trim())) return null;
  try {
    const url = new URL(`http://${value.trim()}`);
    return { hostname: url.hostname.toLowerCase(), port: url.port };
  } catch {
    return null;
  }
}

/** Names that always mean this machine: they cannot be re-pointed by an attacker's DNS. */
export function isLoopbackName(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^::ffff:127\./.test(bare);
}

/** An IP as URL.hostname spells it (`[…]` around IPv6, compressed, lower case). */
const ipHostname = (ip: string) => parseName(isIP(ip) === 6 ? `[${ip}]` : ip)?.hostname;

let interfaces: { at: number; hostnames: Set<string> } | undefined;
/** The IPs of this machine's interfaces, re-read at most once a minute (DHCP renews, VPNs come and go). */
function interfaceHostnames(): Set<string> {
  if (!interfaces || Date.now() - interfaces.at > 60_000) {
    const ips = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => ipHostname(i.address)));
    interfaces = { at: Date.now(), hostnames: new Set(ips.filter((ip): ip is string => Boolean(ip))) };
  }
  return interfaces.hostnames;
}

export function createHostGuard(options: HostGuardOptions): HostGuard {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  const extra = (options.allowedHosts ?? '')
    .split(',')
    .map((entry) => parseName(entry))
    .filter((name): name is Name => name !== null);
  const listening = () => String(options.port() ?? '');
  /**
   * This machine by an address no attacker's DNS can re-point, on our port: a loopback name, the bound IP, or
   * on a wildcard bind (0.0.0.0, ::) the IP of any of its interfaces, so a LAN install answers to its address.
   */
  const isOwnAddress = (name: Name) => {
    if ((name.port || '80') !== listening()) return false;
    if (isLoopbackName(name.hostname)) return true;
    const bound = options.bindHost();
    if (!bound || !isIP(bound)) return false;
    return UNSPECIFIED.has(bound) ? interfaceHostnames().has(name.hostname) : ipHostname(bound) === name.hostname;
  };
  const isExtra = (name: Name) =>
    extra.some((entry) => entry.hostname === name.hostname && (entry.port === '' || entry.port === name.port));

  // Behind a proxy the port in Host varies with its setup; the name is what a rebinding attacker cannot forge.
  const allowsHost = (host: string | undefined) => {
    const name = parseName(host);
    if (host && options.foreignHost?.(host)) return false;
    return name !== null && (isOwnAddress(name) || publicUrl?.hostname.toLowerCase() === name.hostname || isExtra(name));
  };
  const allowsOrigin = (origin: string | undefined) => {
    if (origin === undefined) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    const name = parseName(url.host);
    if (!name || url.origin !== origin || options.foreignHost?.(url.host)) return false;
    if (publicUrl && url.origin === publicUrl.origin) return true;
    return (url.protocol === 'http:' && isOwnAddress(name)) || ((url.protocol === 'http:' || url.protocol === 'https:') && isExtra(name));
  };

  return {
    allowsHost,
    allowsOrigin,
    middleware: (req, res, next) => {
      if (allowsHost(req.headers.host)) return next();
      res.status(421).type('text/plain').set('Connection', 'close').send(REFUSED_HOST);
    },
    guardUpgrades(server) {
      const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
      server.emit = ((event: string, ...args: unknown[]) => {
        if (event !== 'upgrade') return emit(event, ...args);
        const [req, socket] = args as [IncomingMessage, Duplex];
        if (!allowsHost(req.headers.host)) return refuse(socket, 421, 'Misdirected Request', REFUSED_HOST);
        // Previews live on their own origin and listener now, so no opaque-origin exemption is left here.
        if (!allowsOrigin(req.headers.origin))
          return refuse(socket, 403, 'Forbidden', 'WebSockets are accepted only from this site.\n');
        return emit(event, ...args);
      }) as Server['emit'];
    },
  };
}

function refuse(socket: Duplex, status: number, reason: string, text: string): true {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
  return true;
}
