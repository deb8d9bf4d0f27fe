import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

/** What a settings row applies to. Platform-wide settings come from configuration, not from a row. */
export type SettingsScope = 'team' | 'project' | 'user';

/**
 * Model choices and budgets for one team, project or user. Every field is optional: an unset one falls
 * through to the next scope (project → team → platform → built-in defaults; budgets to the tier).
 */
export class ModelSettings {
  [OptionalProps]?: 'roleModels' | 'updatedAt';
  id: string = randomUUID();
  scope!: SettingsScope;
  scopeId!: string;
  /** Role → model chain (catalog ids, first preferred, the rest fallbacks). */
  roleModels: Record<string, string[]> = {};
  /** Tokens one run may spend (project scope). */
  runTokenBudget?: number | null;
  /** US dollars one run may spend, in nano-USD (project scope). */
  runCostBudgetUsdNanos?: string | null;
  /** Total tokens: for a project over its life, for a user per calendar month (UTC). */
  tokenBudget?: number | null;
  /** Total money in nano-USD, same periods as `tokenBudget`. */
  costBudgetUsdNanos?: string | null;
  updatedAt: Date = new Date();
}

export const ModelSettingsSchema = new EntitySchema<ModelSettings>({
  class: ModelSettings,
  tableName: 'model_settings',
  uniques: [{ name: 'model_settings_scope_unique', properties: ['scope', 'scopeId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    scope: { type: 'string', length: 16 },
    scopeId: { type: 'uuid' },
    roleModels: { type: 'json', default: '{}' },
    runTokenBudget: { type: 'integer', nullable: true },
    runCostBudgetUsdNanos: { type: 'bigint', nullable: true },
    tokenBudget: { type: 'bigint', nullable: true, runtimeType: 'number' },
    costBudgetUsdNanos: { type: 'bigint', nullable: true },
    updatedAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date(), onUpdate: () => new Date() },
  },
});
