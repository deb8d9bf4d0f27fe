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

/** Whose setting a limit in force comes from: the project's, the team's, the paying user's, or the tier's cap. */
export type BudgetLimitSource = 'project' | 'team' | 'user' | 'tier';

/** One measure of a budget: what has been used against the least of the limits that apply, and whose limit that is. */
export interface BudgetMeasure<T extends number | bigint> {
  used: T;
  limit: T | null;
  /** Null when no limit applies. */
  source: BudgetLimitSource | null;
}

/** One budget in force: its limits and what has been used. */
export interface BudgetLine {
  scope: BudgetScope;
  tokens: BudgetMeasure<number>;
  costUsdNanos: BudgetMeasure<bigint>;
}

type Candidate<T> = [T | null, BudgetLimitSource];

/** The least of the limits set, and its source; on a tie the first listed wins (a setting before the tier's cap). */
function least<T extends number | bigint>(used: T, ...candidates: Candidate<T>[]): BudgetMeasure<T> {
  let best: BudgetMeasure<T> = { used, limit: null, source: null };
  for (const [limit, source] of candidates) if (limit !== null && (best.limit === null || limit < best.limit)) best = { used, limit, source };
  return best;
}

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
  const payer: BudgetLimitSource = scopes.team ? 'team' : 'user';
  const lines: BudgetLine[] = [];
  if (scopes.run) {
    lines.push({
      scope: 'run',
      tokens: least(spent.runTokens, [num(project?.runTokenBudget), 'project'], [num(user?.runTokenBudget), payer], [tier.runTokens, 'tier']),
      costUsdNanos: least(
        spent.runCostNanos,
        [big(project?.runCostBudgetUsdNanos), 'project'],
        [big(user?.runCostBudgetUsdNanos), payer],
        [usd(tier.runCostUsd), 'tier'],
      ),
    });
  }
  if (scopes.project) {
    lines.push({
      scope: 'project',
      tokens: least(spent.projectTokens, [num(project?.tokenBudget), 'project']),
      costUsdNanos: least(spent.projectCostNanos, [big(project?.costBudgetUsdNanos), 'project']),
    });
  }
  lines.push({
    scope: payer,
    tokens: least(spent.userTokens, [num(user?.tokenBudget), payer], [tier.monthlyTokens, 'tier']),
    costUsdNanos: least(spent.userCostNanos, [big(user?.costBudgetUsdNanos), payer], [usd(tier.monthlyCostUsd), 'tier']),
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
