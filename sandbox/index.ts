/** The sandbox package's entry: the interface, its errors, and the factory composition roots call. */
import { resolve } from 'node:path';
import { E2BSandboxBackend } from './e2b/e2b-backend';
import { SandboxUnsupportedError } from './sandbox.errors';
import { LocalSandboxBackend } from './local/local-backend';
import type { SandboxBackend } from './types';

export type * from './types';
export * from './sandbox.errors';

/** What a composition root knows from its validated configuration. */
export interface SandboxBackendConfig {
  /** `local` (bubblewrap on this host) or `e2b`. */
  readonly backend: 'local' | 'e2b';
  /** Folder of the local backend's workspaces and sockets. */
  readonly root: string;
  /** E2B API key; required for the e2b backend. */
  readonly e2bApiKey?: string;
}

/** Builds the configured backend once per process. */
export function createSandboxBackend(config: SandboxBackendConfig): SandboxBackend {
  if (config.backend === 'e2b') {
    if (!config.e2bApiKey) throw new SandboxUnsupportedError('ATELIER_SANDBOX_BACKEND=e2b needs E2B_API_KEY');
    return new E2BSandboxBackend({ apiKey: config.e2bApiKey });
  }
  return new LocalSandboxBackend({ root: resolve(config.root) });
}
