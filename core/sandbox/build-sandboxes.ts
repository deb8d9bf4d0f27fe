import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createSandboxBackend, SandboxUnsupportedError } from '../../sandbox';
import type { AppConfig } from '../config';
import type { LimitsConfig } from '../limits/tiers';
import { SandboxManager } from './sandbox-manager';

/** The configuration keys sandboxes read. */
export type SandboxConfig = Pick<AppConfig, 'ATELIER_SANDBOX_BACKEND' | 'ATELIER_SANDBOX_ROOT' | 'ATELIER_SANDBOX_IDLE_MINUTES' | 'ATELIER_DATA_DIR' | 'E2B_API_KEY'>;

/**
 * The process's sandbox manager (worker and API each build one), or undefined, logged, when this host
 * cannot run the configured backend (the local one needs root and cgroups): the rest still runs.
 */
export function buildSandboxManager(config: SandboxConfig, deps: { orm: MikroORM; limits: LimitsConfig; logger: Logger }): SandboxManager | undefined {
  try {
    return new SandboxManager({
      orm: deps.orm,
      backend: createSandboxBackend({ backend: config.ATELIER_SANDBOX_BACKEND, root: config.ATELIER_SANDBOX_ROOT ?? join(config.ATELIER_DATA_DIR, 'sandboxes'), e2bApiKey: config.E2B_API_KEY }),
      limits: deps.limits,
      idleMs: config.ATELIER_SANDBOX_IDLE_MINUTES * 60_000,
      logger: deps.logger.child({ component: 'sandboxes' }),
    });
  } catch (error) {
    if (!(error instanceof SandboxUnsupportedError)) throw error;
    deps.logger.warn({ reason: error.message }, 'sandboxes are off in this process');
    return undefined;
  }
}
