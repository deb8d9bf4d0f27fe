import type { Sandbox as E2BSandbox, SandboxOpts } from 'e2b';
import { SandboxNotFoundError, SandboxUnsupportedError } from '../sandbox.errors';
import type { CreateSandboxOptions, SandboxBackend, SandboxRuntime } from '../types';
import { E2BSandboxHandle } from './e2b-sandbox';

/** Configuration of the E2B backend. */
export interface E2BBackendOptions {
  readonly apiKey: string;
  /** E2B template per runtime; a runtime without one is not offered. `base` has node and python. */
  readonly templates?: Partial<Record<SandboxRuntime, string>>;
  /** How long E2B keeps an idle sandbox alive; every operation pushes it forward again. */
  readonly keepAliveMs?: number;
  /** Wall-clock limit of one exec, in ms. */
  readonly execTimeoutMs?: number;
  /** Output kept per stream and exec, in bytes. */
  readonly maxOutputBytes?: number;
  /** Another E2B deployment (self-hosted), e.g. `e2b.example.com`. */
  readonly domain?: string;
}

/**
 * The SDK, loaded on first use: it pulls in ESM-only dependencies that plain Node 20.19+ requires fine
 * but jest's module loader cannot, so a suite that never reaches E2B must not load it.
 */
async function sdk(): Promise<typeof E2BSandbox> {
  return (await import('e2b')).Sandbox;
}

/** The metadata label that marks sandboxes this platform created (the orphan sweep lists by it). */
const LABEL = 'atelier';

/** Sandboxes in E2B's cloud (or a self-hosted E2B) through the `e2b` SDK, behind the same interface. */
export class E2BSandboxBackend implements SandboxBackend {
  readonly name = 'e2b' as const;
  readonly runtimes: readonly SandboxRuntime[];
  private readonly templates: Partial<Record<SandboxRuntime, string>>;

  constructor(private readonly options: E2BBackendOptions) {
    this.templates = options.templates ?? { node: 'base', python: 'base' };
    this.runtimes = Object.keys(this.templates) as SandboxRuntime[];
  }

  private get connection(): Pick<SandboxOpts, 'apiKey' | 'domain'> {
    return { apiKey: this.options.apiKey, domain: this.options.domain };
  }

  async create(options: CreateSandboxOptions): Promise<E2BSandboxHandle> {
    const template = this.templates[options.runtime];
    if (!template) throw new SandboxUnsupportedError(`No E2B template is configured for ${options.runtime}`);
    const sandbox = await (await sdk()).create(template, {
      ...this.connection,
      timeoutMs: this.keepAliveMs,
      metadata: { ...options.metadata, [LABEL]: 'true', runtime: options.runtime },
    });
    const handle = this.handle(sandbox, options.runtime);
    await sandbox.files.makeDir(handle.root);
    return handle;
  }

  async connect(id: string): Promise<E2BSandboxHandle> {
    try {
      const Sdk = await sdk();
      const info = await Sdk.getInfo(id, this.connection);
      const sandbox = await Sdk.connect(id, { ...this.connection, timeoutMs: this.keepAliveMs });
      return this.handle(sandbox, (info.metadata.runtime as SandboxRuntime | undefined) ?? 'node');
    } catch (error) {
      if (error instanceof Error && error.name === 'NotFoundError') throw new SandboxNotFoundError(id);
      throw error;
    }
  }

  async list(): Promise<string[]> {
    const paginator = (await sdk()).list({ ...this.connection, query: { metadata: { [LABEL]: 'true' } } });
    const ids: string[] = [];
    while (paginator.hasNext) ids.push(...(await paginator.nextItems()).map((s) => s.sandboxId));
    return ids;
  }

  private get keepAliveMs(): number {
    return this.options.keepAliveMs ?? 15 * 60_000;
  }

  private handle(sandbox: E2BSandbox, runtime: SandboxRuntime): E2BSandboxHandle {
    return new E2BSandboxHandle(sandbox, runtime, {
      keepAliveMs: this.keepAliveMs,
      execTimeoutMs: this.options.execTimeoutMs ?? 60_000,
      maxOutputBytes: this.options.maxOutputBytes ?? 1024 * 1024,
    });
  }
}
