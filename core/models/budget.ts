import type { Tier } from '../limits/tiers';
import { fromNanos, toNanos } from './cost';
import { BudgetExceededError, type BudgetScope } from './models.errors';

/** The most a tier may spend on models; `null` is unlimited. Settings may lower these, never raise them. */
export interface TierModelBudget {
  runTokens: number | null;
  runCostUsd: number | null;
  monthlyTokens: number | null;
  monthlyCostUsd: number | null;
}

export const DEFAULT_MODEL_BUDGETS: Readonly<Record<Tier, TierModelBudget>> = {
  free: { runTokens: 300_000, runCostUsd: 1, monthlyTokens: 2_000_000, monthlyCostUsd: 5 },
  pro: { runTokens: 3_000_000, runCostUsd: 15, monthlyTokens: 40_000_000, monthlyCostUsd: 150 },
  team: { runTokens: 10_000_000, runCostUsd: 50, monthlyTokens: 200_000_000, monthlyCostUsd: 1_000 },
  enterprise: { runTokens: null, runCostUsd: null, monthlyTokens: null, monthlyCostUsd: null },
};

/**
 * What usage_logs holds for the subject: tokens and nano-USD per scope. `user*` is the paying subject's
 * calendar month (UTC): the user's for a personal project, the team's for a team project.
 */
export interface Spent {
  runTokens: number;
  runCostNanos: bigint;
  projectTokens: number;
  projectCostNanos: bigint;
  userTokens: number;
  userCostNanos: bigint;
}

/** Budget fields of the project's and the user's settings rows (strings are nano-USD bigints). */
export interface BudgetSettings {
  runTokenBudget?: number | null;
  runCostBudgetUsdNanos?: string | null;
  tokenBudget?: number | string | null;
  costBudgetUsdNanos?: string | null;
}

/** One budget in force: its limits and what has been used. */
export interface BudgetLine {
  scope: BudgetScope;
  tokens: { used: number; limit: number | null };
  costUsdNanos: { used: bigint; limit: bigint | null };
}

const minOf = <T extends number | bigint>(a: T | null, b: T | null): T | null => (a === null ? b : b === null ? a : a < b ? a : b);
const num = (v: number | string | null | undefined) => (v == null ? null : Number(v));
const big = (v: string | null | undefined) => (v == null ? null : BigInt(v));
const usd = (v: number | null) => (v === null ? null : toNanos(v));

/**
 * The budgets in force for a call: per run and per project (from the project's settings, the run's capped by
 * the tier and, for a team project, by the team's run budget), and per month for the paying subject: the
 * user (their settings capped by the tier) or, for a team project (`scopes.team`), the team (the team's
 * settings capped by its owner's tier). A scope the call has no id for has no line.
 */
export function budgetLines(
  scopes: { run: boolean; project: boolean; team?: boolean },
  spent: Spent,
  tier: TierModelBudget,
  settings: { project?: BudgetSettings | null; user?: BudgetSettings | null; team?: BudgetSettings | null },
): BudgetLine[] {
  const { project } = settings;
  const user = scopes.team ? settings.team : settings.user;
  const lines: BudgetLine[] = [];
  if (scopes.run) {
    lines.push({
      scope: 'run',
      tokens: { used: spent.runTokens, limit: minOf(minOf(num(project?.runTokenBudget), num(user?.runTokenBudget)), tier.runTokens) },
      costUsdNanos: {
        used: spent.runCostNanos,
        limit: minOf(minOf(big(project?.runCostBudgetUsdNanos), big(user?.runCostBudgetUsdNanos)), usd(tier.runCostUsd)),
      },
    });
  }
  if (scopes.project) {
    lines.push({
      scope: 'project',
      tokens: { used: spent.projectTokens, limit: num(project?.tokenBudget) },
      costUsdNanos: { used: spent.projectCostNanos, limit: big(project?.costBudgetUsdNanos) },
    });
  }
  lines.push({
    scope: scopes.team ? 'team' : 'user',
    tokens: { used: spent.userTokens, limit: minOf(num(user?.tokenBudget), tier.monthlyTokens) },
    costUsdNanos: { used: spent.userCostNanos, limit: minOf(big(user?.costBudgetUsdNanos), usd(tier.monthlyCostUsd)) },
  });
  return lines;
}

/**
 * Refuses with BudgetExceededError when any budget is used up. Checked before each call from what is
 * already recorded: concurrent calls of one subject may each pass and overshoot by one call each; the
 * next call is refused.
 */
export function assertWithinBudget(lines: readonly BudgetLine[]): void {
  for (const line of lines) {
    if (line.tokens.limit !== null && line.tokens.used >= line.tokens.limit) {
      throw new BudgetExceededError(line.scope, 'tokens', line.tokens.used, line.tokens.limit);
    }
    const cost = line.costUsdNanos;
    if (cost.limit !== null && cost.used >= cost.limit)
      throw new BudgetExceededError(line.scope, 'costUsd', fromNanos(cost.used), fromNanos(cost.limit));
  }
}
