import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Package registries an install step may reach by default (npm and PyPI). */
export const DEFAULT_REGISTRY_HOSTS = ['registry.npmjs.org', 'pypi.org', 'files.pythonhosted.org'] as const;

/** The gateway process's script: plain CommonJS, started with the bare node binary. */
const SCRIPT = join(__dirname, 'registry-gateway.process.cjs');
/** The gateway process drops root: it needs only its socket folder and outbound TCP. */
const NOBODY = 65_534;
/** How long a session's close may take before the whole process is killed instead. */
const CLOSE_TIMEOUT_MS = 2_000;

export interface RegistryGatewayOptions {
  /** Folder of the per-install sockets (`<root>/.gateway`); sandboxes never see it, only their own socket. */
  readonly dir: string;
  /** Hosts a CONNECT may reach, always on port 443. */
  readonly allowedHosts: readonly string[];
  /** Where an allow-listed host is really reached, as `host:port` (tests point one at a loopback fake); default `<host>:443`. */
  readonly upstreams?: Readonly<Record<string, string>>;
  /** Connections one sandbox may hold at once; more are closed as they arrive. */
  readonly maxConnectionsPerSandbox?: number;
  /** A connection with no traffic for this long is closed, in ms. */
  readonly idleTimeoutMs?: number;
  /** Told about every refused request or connection (tests, audit). */
  readonly onRefused?: (target: string) => void;
}

/** One install's own gateway socket; `close` ends its listener and every connection it accepted. */
export interface GatewaySession {
  readonly socketPath: string;
  close(): Promise<void>;
}

type Message = { op: 'opened' | 'closed'; id: string } | { op: 'error'; id: string; message: string } | { op: 'refused'; target: string };

/**
 * The only way out of a sandbox: an HTTP CONNECT proxy that tunnels to a short allow-list of registry
 * hosts on 443 and refuses everything else. It runs in a child process of its own (respawned on the next
 * install if it died, killed with the backend), and each install gets a socket of its own that is closed,
 * with every connection it accepted, the moment the install ends: nothing the install leaves behind (a relay
 * in the workspace, an escaped process) can reach a registry afterwards.
 */
export class RegistryGateway {
  private child?: ChildProcess;
  private readonly waiting = new Map<string, { resolve(): void; reject(error: Error): void }>();
  /** Sockets of open sessions, removed by the supervisor if the process dies without doing it. */
  private readonly sockets = new Map<string, string>();

  constructor(private readonly options: RegistryGatewayOptions) {}

  /** Pid of the gateway process while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Opens a socket for one install of `sandboxId`; it closes by itself after `lifetimeMs` at the latest. */
  async open(sandboxId: string, lifetimeMs: number): Promise<GatewaySession> {
    const id = randomBytes(8).toString('hex');
    const socketPath = join(this.options.dir, `${id}.sock`);
    const child = this.process();
    this.sockets.set(id, socketPath);
    try {
      await this.request(child, { op: 'open', id, sandboxId, socketPath, lifetimeMs });
    } catch (error) {
      this.forget(id);
      throw error;
    }
    return { socketPath, close: () => this.closeSession(child, id) };
  }

  /** Kills the gateway process; every session ends with it. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.ref();
      child.kill('SIGKILL');
    });
  }

  private async closeSession(child: ChildProcess, id: string): Promise<void> {
    if (!this.sockets.has(id)) return;
    // A gateway that cannot answer in time is killed: the install's socket must be gone when this returns.
    const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
    await this.request(child, { op: 'close', id }).catch(() => undefined);
    clearTimeout(timer);
    this.forget(id);
  }

  private forget(id: string): void {
    const path = this.sockets.get(id);
    this.sockets.delete(id);
    if (path) unlinkQuietly(path);
  }

  private process(): ChildProcess {
    if (this.child) return this.child;
    const root = process.getuid?.() === 0;
    // 0711: bubblewrap, running as a sandbox's uid, must reach the one socket it binds, but not list the others.
    mkdirSync(this.options.dir, { recursive: true, mode: 0o711 });
    chmodSync(this.options.dir, 0o711);
    if (root) chownSync(this.options.dir, NOBODY, NOBODY);
    const config = {
      allowedHosts: this.options.allowedHosts.map((h) => h.toLowerCase()),
      upstreams: this.options.upstreams ?? {},
      maxConnections: this.options.maxConnectionsPerSandbox ?? 64,
      idleTimeoutMs: this.options.idleTimeoutMs ?? 60_000,
    };
    const child = spawn(process.execPath, [SCRIPT, JSON.stringify(config)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: {},
      ...(root ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    child.on('message', (message: Message) => this.receive(message));
    // A spawn failure emits 'error' without 'exit': either way, whoever waits gets an error, not a hang.
    const gone = () => {
      if (this.child === child) this.child = undefined;
      for (const [id, waiter] of this.waiting) {
        this.waiting.delete(id);
        waiter.reject(new Error('The registry gateway process exited'));
      }
      for (const id of [...this.sockets.keys()]) this.forget(id);
    };
    child.on('exit', gone);
    child.on('error', () => {
      child.kill('SIGKILL');
      gone();
    });
    child.unref();
    this.child = child;
    this.hold(false);
    return child;
  }

  private request(child: ChildProcess, message: { op: string; id: string } & Record<string, unknown>): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null || !child.connected) return Promise.reject(new Error('The registry gateway process exited'));
    return new Promise((resolve, reject) => {
      this.waiting.set(message.id, { resolve, reject });
      this.hold(true);
      child.send(message);
    });
  }

  private receive(message: Message): void {
    if (message.op === 'refused') {
      this.options.onRefused?.(message.target);
      return;
    }
    const waiter = this.waiting.get(message.id);
    this.waiting.delete(message.id);
    this.hold(this.waiting.size > 0);
    if (message.op === 'error') waiter?.reject(new Error(`The registry gateway could not open a socket: ${message.message}`));
    else waiter?.resolve();
  }

  /** Keeps the event loop alive only while an answer is awaited, so an idle gateway never holds the worker open. */
  private hold(waiting: boolean): void {
    const channel = this.child?.channel;
    if (waiting) channel?.ref();
    else channel?.unref();
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already removed by the gateway process.
  }
}
