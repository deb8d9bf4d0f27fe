import type { LimitsConfig } from '../../core/limits/tiers';

/** What the local app supervisor's activities need beyond the shared deps. */
export interface LocalAppDeps {
  /** ATELIER_DATA_DIR: packages are `deployments/<id>.tgz`, with the build's manifest `deployments/<id>.json` beside. */
  readonly dataDir: string;
  /** The app's env vars and secrets (DeploySecrets.envFor(projectId, 'local')); an app restarted without it gets none. */
  readonly envFor?: (projectId: string) => Promise<Record<string, string>>;
  /** The tiers' app limits (default DEFAULT_LIMITS). */
  readonly limits?: LimitsConfig;
  /** How long a (re)started app may take to listen (default 60 s). */
  readonly readyTimeoutMs?: number;
  /** How long one health probe waits (default 5 s). */
  readonly probeTimeoutMs?: number;
}
