/** Shapes of the model layer as the GraphQL API returns them (see api/src/modules/models/models.graphql). */

/** Prices per 1k tokens in both billing currencies. */
export interface ModelPricing {
  readonly inputPer1kUsd: number;
  readonly outputPer1kUsd: number;
  readonly inputPer1kInr: number;
  readonly outputPer1kInr: number;
}

/** NO_KEY, CIRCUIT_OPEN, OFFLINE_MODE or KEYS_CONFIGURED (the offline row while real keys exist). */
export type UnavailableReason = 'NO_KEY' | 'CIRCUIT_OPEN' | 'OFFLINE_MODE' | 'KEYS_CONFIGURED';

/** A catalog entry and whether the caller's agents can use it now. */
export interface CatalogModel {
  readonly id: string;
  readonly provider: string;
  readonly displayName: string;
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
  readonly streaming: boolean;
  readonly vision: boolean;
  readonly functionCalling: boolean;
  readonly reasoning: boolean;
  readonly pricing: ModelPricing;
  readonly offline: boolean;
  readonly available: boolean;
  /** Kept open so a newer server's reasons still render. */
  readonly unavailableReason: string | null;
  /** USER or PLATFORM; null without a key. */
  readonly keySource: string | null;
  /** CLOSED, OPEN or HALF_OPEN. */
  readonly circuit: string;
  /** While OPEN: when a call is tried again. */
  readonly circuitRetryAt?: string | null;
}

/** How the caller's agents reach models right now. */
export interface ModelMode {
  readonly offline: boolean;
  readonly message: string;
}

export type ModelUsageGroup = 'MODEL' | 'ROLE' | 'DAY';

/** Whose usage and how grouped; no ids means the caller's own. */
export interface ModelUsageQuery {
  readonly projectId?: string;
  readonly teamId?: string;
  readonly from?: string;
  readonly groupBy: readonly ModelUsageGroup[];
}

export interface ModelUsageRow {
  readonly model: string | null;
  readonly role: string | null;
  readonly day: string | null;
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
  readonly costUsd: number;
  readonly costInr: number;
}

export interface ModelUsage {
  readonly rows: readonly ModelUsageRow[];
  readonly total: ModelUsageRow;
}

/** PROJECT, TEAM, PLATFORM or DEFAULT: which scope the chain comes from. */
export interface RoleModelChain {
  readonly role: string;
  readonly models: readonly string[];
  readonly source: string;
}

/** A budget for a project: RUN (the latest run's use) or PROJECT (its whole life); null limit = none. */
export interface ModelBudget {
  readonly scope: string;
  readonly tokensUsed: number;
  readonly tokenLimit: number | null;
  readonly costUsdUsed: number;
  readonly costUsdLimit: number | null;
}

export interface ProjectModelSettings {
  readonly projectId: string;
  readonly roles: readonly RoleModelChain[];
  readonly budgets: readonly ModelBudget[];
}

/** What `setProjectModelSettings` takes: fields left out stay, null clears a budget. */
export interface ProjectModelSettingsInput {
  readonly projectId: string;
  readonly roles?: readonly { readonly role: string; readonly models: readonly string[] }[];
  readonly runTokenBudget?: number | null;
  readonly runCostBudgetUsd?: number | null;
  readonly tokenBudget?: number | null;
  readonly costBudgetUsd?: number | null;
}
