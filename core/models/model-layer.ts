import { readFileSync } from 'node:fs';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { ConfigError, type AppConfig } from '../config';
import { ProviderKeyService } from '../keys/provider-key.service';
import { RateLimiter } from '../limits/rate-limiter';
import type { LimitsConfig } from '../limits/tiers';
import type { SecretBox } from '../keys/secret-box';
import { BaseUrlPolicy, parseHostAllowlist, type Resolver } from '../keys/base-url-policy';
import { pinnedFetch } from '../keys/pinned-fetch';
import { catalogOverrideSchema, ModelCatalog, type CatalogOverride } from './catalog';
import { CircuitBreaker, DEFAULT_BREAKER, type BreakerOptions } from './circuit-breaker';
import { ModelCredentials, type PlatformKeys } from './credentials';
import { ModelGateway } from './model-gateway';
import { createProvider } from './providers/create-provider';
import { localCatalogEntry, type LocalModelFile } from './local-model';
import { LocalProvider } from './providers/local.provider';
import { OfflineProvider } from './providers/offline.provider';
import { roleModelOverrideSchema, type RoleModelOverride } from './role-models';

/** The model layer's parts, built once per process (API and worker) from configuration. */
export interface ModelLayer {
  gateway: ModelGateway;
  catalog: ModelCatalog;
  breaker: CircuitBreaker;
  credentials: ModelCredentials;
  platformKeys: PlatformKeys;
  platformRoleModels: RoleModelOverride;
  /** Where stored keys' base URLs may point; the API checks them with it when they are stored. */
  baseUrls: BaseUrlPolicy;
  /** The local GGUF model's provider (null without one); its thread starts and the model loads on the first call. */
  local: LocalProvider | null;
}

/** The configuration fields the model layer reads. */
export type ModelEnv = Pick<
  AppConfig,
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_BASE_URL'
  | 'GEMINI_API_KEY'
  | 'GOOGLE_API_KEY'
  | 'GOOGLE_GENAI_BASE_URL'
  | 'OPENAI_COMPATIBLE_BASE_URL'
  | 'OPENAI_COMPATIBLE_API_KEY'
  | 'OPENAI_COMPATIBLE_MODELS'
  | 'ATELIER_MODEL_CATALOG'
  | 'ATELIER_ROLE_MODELS'
  | 'ATELIER_MODEL_TIMEOUT_MS'
  | 'ATELIER_PROVIDER_HOST_ALLOWLIST'
  | 'ATELIER_LOCAL_MODEL'
  | 'ATELIER_LOCAL_MODEL_THREADS'
  | 'ATELIER_LOCAL_MODEL_CONTEXT'
>;

/** The platform's vendor keys and endpoints from the environment. */
export function platformKeysOf(env: Partial<ModelEnv>): PlatformKeys {
  return {
    openai: { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL },
    anthropic: { apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL },
    google: { apiKey: env.GEMINI_API_KEY ?? env.GOOGLE_API_KEY, baseURL: env.GOOGLE_GENAI_BASE_URL },
    'openai-compatible': { apiKey: env.OPENAI_COMPATIBLE_API_KEY, baseURL: env.OPENAI_COMPATIBLE_BASE_URL },
  };
}

/** ATELIER_MODEL_CATALOG's file plus the OpenAI-compatible server's models; a readable ConfigError when wrong. */
export function catalogOverrideOf(env: Partial<ModelEnv>): CatalogOverride {
  let override: CatalogOverride = { models: [], remove: [] };
  if (env.ATELIER_MODEL_CATALOG) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(env.ATELIER_MODEL_CATALOG, 'utf8'));
    } catch {
      throw new ConfigError([`ATELIER_MODEL_CATALOG: cannot read JSON from ${env.ATELIER_MODEL_CATALOG}`]);
    }
    const parsed = catalogOverrideSchema.safeParse(raw);
    if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `ATELIER_MODEL_CATALOG ${i.path.join('.')}: ${i.message}`));
    override = parsed.data;
  }
  const local = (env.OPENAI_COMPATIBLE_MODELS ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const free = { inputPer1kUsd: 0, outputPer1kUsd: 0, inputPer1kInr: 0, outputPer1kInr: 0 };
  const added = local.map((name) => ({
    id: `openai-compatible/${name}`,
    provider: 'openai-compatible' as const,
    vendorModel: name,
    displayName: `${name} (OpenAI-compatible)`,
    contextWindow: 32_768,
    maxOutputTokens: 8_192,
    streaming: true,
    vision: false,
    functionCalling: true,
    reasoning: false,
    pricing: free,
  }));
  return { ...override, models: [...added, ...override.models] };
}

export function roleModelsOf(env: Partial<ModelEnv>): RoleModelOverride {
  if (!env.ATELIER_ROLE_MODELS) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(env.ATELIER_ROLE_MODELS);
  } catch {
    throw new ConfigError(['ATELIER_ROLE_MODELS: not valid JSON']);
  }
  const parsed = roleModelOverrideSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `ATELIER_ROLE_MODELS ${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

/**
 * Builds the model layer; `box` opens users' stored keys (null when no master key is configured). With
 * `limits`, every call counts against the user's tier's message windows.
 */
export function createModelLayer(deps: {
  env: Partial<ModelEnv>;
  orm: MikroORM;
  redis: Redis;
  box: SecretBox | null;
  breaker?: BreakerOptions;
  limits?: LimitsConfig;
  /** The process's rate limiter, shared with the rest of it; built from `limits` when not given. */
  rateLimiter?: RateLimiter;
  /** Resolves stored base URLs' host names (the system resolver by default). */
  resolve?: Resolver;
  /** The local GGUF model (`localModelOf`, read before the layer is built); added to the catalog and served in-process. */
  local?: LocalModelFile | null;
}): ModelLayer {
  const { env, orm, redis, box } = deps;
  const timeoutMs = env.ATELIER_MODEL_TIMEOUT_MS ?? 180_000;
  const platformKeys = platformKeysOf(env);
  const platformRoleModels = roleModelsOf(env);
  const override = catalogOverrideOf(env);
  // First, so ATELIER_MODEL_CATALOG can still patch it (a price, a display name).
  if (deps.local) override.models.unshift(localCatalogEntry(deps.local));
  const catalog = new ModelCatalog(redis, override);
  const local = deps.local
    ? new LocalProvider({ path: deps.local.path, contextSize: deps.local.contextWindow, threads: env.ATELIER_LOCAL_MODEL_THREADS, timeoutMs })
    : null;
  const breaker = new CircuitBreaker(redis, deps.breaker ?? DEFAULT_BREAKER);
  const baseUrls = new BaseUrlPolicy({ allowHosts: parseHostAllowlist(env.ATELIER_PROVIDER_HOST_ALLOWLIST), resolve: deps.resolve });
  const pinned = pinnedFetch(baseUrls);
  const credentials = new ModelCredentials(platformKeys, box ? (o) => new ProviderKeyService(o.em.fork(), box, baseUrls) : null, orm);
  const gateway = new ModelGateway({
    orm,
    catalog,
    breaker,
    credentials,
    createProvider: (credential) => createProvider({ ...credential, timeoutMs, fetch: credential.pinned ? pinned : undefined }),
    offline: new OfflineProvider(),
    local,
    platformRoleModels,
    timeoutMs,
    rateLimiter: deps.rateLimiter ?? (deps.limits ? new RateLimiter(redis, { config: deps.limits }) : undefined),
  });
  return { gateway, catalog, breaker, credentials, platformKeys, platformRoleModels, baseUrls, local };
}
