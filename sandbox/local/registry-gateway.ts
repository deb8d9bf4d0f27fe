import { chmod, mkdir, unlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { dirname } from 'node:path';

/** Package registries an install step may reach by default (npm and PyPI). */
export const DEFAULT_REGISTRY_HOSTS = ['registry.npmjs.org', 'pypi.org', 'files.pythonhosted.org'] as const;

export interface RegistryGatewayOptions {
  /** Unix socket the gateway listens on; bound read-only into install steps only. */
  readonly socketPath: string;
  /** Hosts a CONNECT may reach, always on port 443. */
  readonly allowedHosts: readonly string[];
  /** Told about every refused request (tests, audit). */
  readonly onRefused?: (target: string) => void;
}

/**
 * The only way out of a sandbox: an HTTP CONNECT proxy on a Unix socket that tunnels to a short
 * allow-list of registry hosts on 443 and refuses everything else (plain HTTP requests included).
 * Inside an install step, bridge.cjs exposes the socket as 127.0.0.1:4873 and npm/pip use it as
 * their https proxy; the sandbox itself still has no network interface but loopback.
 */
export class RegistryGateway {
  private server?: Server;

  constructor(private readonly options: RegistryGatewayOptions) {}

  get socketPath(): string {
    return this.options.socketPath;
  }

  /** Starts listening; a second call is a no-op. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((req, res) => {
      this.options.onRefused?.(`${req.method} ${req.url}`);
      res.writeHead(403).end('Only CONNECT to a package registry is allowed\n');
    });
    server.on('connect', (req, client, head) => {
      const target = req.url ?? '';
      const [host, port] = target.split(':');
      if (!host || port !== '443' || !this.options.allowedHosts.includes(host.toLowerCase())) {
        this.options.onRefused?.(`CONNECT ${target}`);
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      const upstream = connect({ host, port: 443 }, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      const close = () => {
        upstream.destroy();
        client.destroy();
      };
      upstream.on('error', () => {
        if (!client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
        close();
      });
      client.on('error', close);
    });
    await mkdir(dirname(this.options.socketPath), { recursive: true });
    await unlink(this.options.socketPath).catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.socketPath, resolve);
    });
    // Sandboxes run as unprivileged uids; the socket is the one thing of the host they may connect to.
    await chmod(this.options.socketPath, 0o666);
    server.unref();
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await unlink(this.options.socketPath).catch(() => undefined);
  }
}
