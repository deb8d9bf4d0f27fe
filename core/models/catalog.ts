import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { BUILT_IN_MODELS } from './catalog.data';
import type { ModelInfo } from './model-info';
import { PROVIDER_IDS } from './model-types';

const price = z.number().min(0).max(1000);
const modelSchema = z.object({
  id: z.string().regex(/^[a-z-]+\/[\w.:@/-]+$/, 'id must be provider/model'),
  provider: z.enum(PROVIDER_IDS),
  vendorModel: z.string().min(1),
  displayName: z.string().min(1),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive(),
  streaming: z.boolean(),
  vision: z.boolean(),
  functionCalling: z.boolean(),
  reasoning: z.boolean(),
  pricing: z.object({ inputPer1kUsd: price, outputPer1kUsd: price, inputPer1kInr: price, outputPer1kInr: price }),
});

/** ATELIER_MODEL_CATALOG: models to add or replace (by id, fields merged) and ids to remove. */
export const catalogOverrideSchema = z.object({
  models: z
    .array(modelSchema.partial().extend({ id: modelSchema.shape.id, pricing: modelSchema.shape.pricing.partial().optional() }))
    .default([]),
  remove: z.array(z.string()).default([]),
});
export type CatalogOverride = z.infer<typeof catalogOverrideSchema>;

/** Thrown when a catalog override names a new model without every field a model needs. */
export class CatalogOverrideError extends Error {
  override readonly name = 'CatalogOverrideError';
  constructor(readonly problems: readonly string[]) {
    super(`ATELIER_MODEL_CATALOG: ${problems.join('; ')}`);
  }
}

/** The built-in models with the platform's override applied; validated, so a bad override fails at start-up. */
export function buildCatalog(override: CatalogOverride = { models: [], remove: [] }): ModelInfo[] {
  const byId = new Map(BUILT_IN_MODELS.map((m) => [m.id, m]));
  for (const id of override.remove) byId.delete(id);
  const problems: string[] = [];
  for (const patch of override.models) {
    const merged = { ...byId.get(patch.id), ...patch, pricing: { ...byId.get(patch.id)?.pricing, ...patch.pricing } };
    const parsed = modelSchema.safeParse(merged);
    if (parsed.success) byId.set(patch.id, parsed.data);
    else problems.push(`${patch.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`);
  }
  if (problems.length) throw new CatalogOverrideError(problems);
  return [...byId.values()];
}

const CACHE_KEY = 'atelier:models:catalog';

/**
 * The catalog every process reads. The configured catalog is published to Redis under its content hash, so
 * all API and worker processes agree on one version (the newest deploy wins) and readers pay one GET, memoised
 * in-process for `memoMs`.
 */
export class ModelCatalog {
  private memo: { at: number; models: ModelInfo[] } | null = null;
  private readonly configured: ModelInfo[];
  private readonly hash: string;

  constructor(
    private readonly redis: Redis,
    override?: CatalogOverride,
    private readonly memoMs = 30_000,
  ) {
    this.configured = buildCatalog(override);
    this.hash = createHash('sha256').update(JSON.stringify(this.configured)).digest('hex').slice(0, 16);
  }

  async list(): Promise<ModelInfo[]> {
    if (this.memo && Date.now() - this.memo.at < this.memoMs) return this.memo.models;
    let models = this.configured;
    try {
      const cached = await this.redis.get(CACHE_KEY);
      const parsed = cached ? (JSON.parse(cached) as { hash: string; models: ModelInfo[] }) : null;
      if (parsed?.hash === this.hash) models = parsed.models;
      else await this.redis.set(CACHE_KEY, JSON.stringify({ hash: this.hash, models: this.configured }));
    } catch {
      // Redis down: the configured catalog is the same data; serve it.
    }
    this.memo = { at: Date.now(), models };
    return models;
  }

  async get(id: string): Promise<ModelInfo | undefined> {
    return (await this.list()).find((m) => m.id === id);
  }
}
