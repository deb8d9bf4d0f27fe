/**
 * The target registry: builds every deploy target's adapter once per process (worker, API) with its provider's
 * base URL. Each adapter lives in its own folder (core/deploy/targets/<name>/index.ts) and exports a factory
 * `create<Name>Target(options)`; the registry knows them through {@link DEFAULT_TARGET_FACTORIES}.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { DeployTargetName } from '../../../contracts/deploy';
import type { SandboxManager } from '../../sandbox/sandbox-manager';
import { AppsOrigin } from './local/apps-origin';
import { createLocalTarget } from './local/local-target';
import { temporalAppSupervisor } from './local/supervisor';
import { createGithubTarget } from './github';
import { createNetlifyTarget } from './netlify';
import { createRailwayTarget } from './railway';
import { createRenderTarget } from './render';
import { createVercelTarget } from './vercel';
import { DEFAULT_PROVIDER_ENDPOINTS, type DeployTargetAdapter, type DeployTargets, type ProviderEndpoints } from './target';

/** What every factory receives; `services` carries what a target needs of the process (the local target: sandboxes). */
export interface DeployTargetFactoryOptions {
  readonly endpoints: ProviderEndpoints;
  /** Overrides the global fetch (tests, proxies). */
  readonly fetch?: typeof fetch;
  /** Process services some targets need (the local target's SandboxManager, ORM, Temporal client …). */
  readonly services?: Readonly<Record<string, unknown>>;
}

/** Builds a target's adapter; null when the process lacks what the target needs (no sandboxes: no local target). */
export type DeployTargetFactory = (options: DeployTargetFactoryOptions) => DeployTargetAdapter | null;

/** The factories of every target this build ships (a target whose factory answers null is not offered). */
export const DEFAULT_TARGET_FACTORIES: Partial<Record<DeployTargetName, DeployTargetFactory>> = {
  local: localTargetFactory,
  vercel: ({ endpoints, fetch }) => createVercelTarget({ endpoints, fetch }),
  netlify: ({ endpoints, fetch }) => createNetlifyTarget({ endpoints, fetch }),
  github: ({ endpoints, fetch }) => createGithubTarget({ endpoints, fetch }),
  render: ({ endpoints, fetch }) => createRenderTarget({ endpoints, fetch }),
  railway: ({ endpoints, fetch }) => createRailwayTarget({ endpoints, fetch }),
};

/**
 * The local target from the process's services: `sandboxes` (absent: no local target), `orm`, `temporal` and
 * `taskQueue` (its app supervisor), `dataDir`, and `config` (ATELIER_APPS_ORIGIN / ATELIER_APPS_PORT) or `appsOrigin`.
 */
function localTargetFactory({ services = {} }: DeployTargetFactoryOptions): DeployTargetAdapter | null {
  const s = services as {
    sandboxes?: SandboxManager;
    orm?: MikroORM;
    temporal?: Client;
    taskQueue?: string;
    dataDir?: string;
    appsOrigin?: AppsOrigin;
    config?: { ATELIER_APPS_ORIGIN?: string; ATELIER_APPS_PORT?: number };
  };
  if (!s.sandboxes || !s.orm || !s.temporal || !s.taskQueue) return null;
  const temporal = s.temporal;
  return createLocalTarget({
    sandboxes: s.sandboxes,
    orm: s.orm,
    appsOrigin: s.appsOrigin ?? AppsOrigin.from(s.config?.ATELIER_APPS_ORIGIN, s.config?.ATELIER_APPS_PORT ?? 4002),
    supervisor: temporalAppSupervisor(() => temporal, s.taskQueue),
    dataDir: s.dataDir,
  });
}

export interface CreateDeployTargetsOptions {
  /** Overrides of {@link DEFAULT_PROVIDER_ENDPOINTS} (config or tests). */
  readonly endpoints?: Partial<ProviderEndpoints>;
  readonly fetch?: typeof fetch;
  readonly services?: Readonly<Record<string, unknown>>;
  /** Factories to use instead of the defaults, by target (null turns a target off). */
  readonly factories?: Partial<Record<DeployTargetName, DeployTargetFactory | null>>;
  /** Adapters built elsewhere (tests), used as they are; they win over factories. */
  readonly adapters?: readonly DeployTargetAdapter[];
}

/** Every available target's adapter, by name; a target whose factory is absent is simply not offered. */
export function createDeployTargets(options: CreateDeployTargetsOptions = {}): DeployTargets {
  const endpoints: ProviderEndpoints = { ...DEFAULT_PROVIDER_ENDPOINTS, ...definedOnly(options.endpoints ?? {}) };
  const factories = { ...DEFAULT_TARGET_FACTORIES, ...options.factories };
  const targets: Partial<Record<DeployTargetName, DeployTargetAdapter>> = {};
  for (const [name, factory] of Object.entries(factories) as Array<[DeployTargetName, DeployTargetFactory | null | undefined]>) {
    const adapter = factory?.({ endpoints, fetch: options.fetch, services: options.services });
    if (adapter) targets[name] = adapter;
  }
  for (const adapter of options.adapters ?? []) targets[adapter.name] = adapter;
  return targets;
}

/** The providers' endpoints from the process's config (`ATELIER_<PROVIDER>_API_URL`), defaults for the rest. */
export function providerEndpointsFromConfig(config: {
  ATELIER_VERCEL_API_URL?: string;
  ATELIER_NETLIFY_API_URL?: string;
  ATELIER_GITHUB_DEPLOY_API_URL?: string;
  ATELIER_GITHUB_GIT_URL?: string;
  ATELIER_RENDER_API_URL?: string;
  ATELIER_RAILWAY_API_URL?: string;
}): ProviderEndpoints {
  return {
    ...DEFAULT_PROVIDER_ENDPOINTS,
    ...definedOnly({
      vercel: config.ATELIER_VERCEL_API_URL,
      netlify: config.ATELIER_NETLIFY_API_URL,
      github: config.ATELIER_GITHUB_DEPLOY_API_URL,
      githubGit: config.ATELIER_GITHUB_GIT_URL,
      render: config.ATELIER_RENDER_API_URL,
      railway: config.ATELIER_RAILWAY_API_URL,
    }),
  };
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
