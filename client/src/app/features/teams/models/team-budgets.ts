import type { TeamModelBudgetsFragment as TeamModelBudgets } from '../../../generated/team-settings';
import type { FormErrors } from '../../../shared/form-state';

/** `teamModelBudgets` as the API returns it: null budgets are none of the team's own. */
export type { TeamModelBudgets };
/** A tier's model limits per run and per calendar month; null: unlimited. */
export type TierModelBudget = TeamModelBudgets['tierCap'];

/** The four budgets as typed; an empty field means no budget of the team's own. */
export type TeamBudgetValue = {
  runTokenBudget: string;
  runCostBudgetUsd: string;
  monthlyTokenBudget: string;
  monthlyCostBudgetUsd: string;
};
export type TeamBudgetField = keyof TeamBudgetValue;

/** What `setTeamModelBudgets` takes besides `teamId`: null clears a budget. */
export type TeamBudgetInput = Record<TeamBudgetField, number | null>;

/** Each field with its label and the tier limit that caps it. */
export const TEAM_BUDGET_FIELDS: readonly {
  readonly field: TeamBudgetField;
  readonly label: string;
  readonly cap: keyof TierModelBudget;
  readonly usd: boolean;
}[] = [
  { field: 'runTokenBudget', label: 'Tokens per run', cap: 'runTokens', usd: false },
  { field: 'runCostBudgetUsd', label: 'USD per run', cap: 'runCostUsd', usd: true },
  { field: 'monthlyTokenBudget', label: 'Tokens per month', cap: 'monthlyTokens', usd: false },
  { field: 'monthlyCostBudgetUsd', label: 'USD per month', cap: 'monthlyCostUsd', usd: true },
];

const INT_MAX = 2_147_483_647;
/** The server refuses anything larger. */
const MAX = 1e12;

export function teamBudgetFormOf(b: TeamModelBudgets | null): TeamBudgetValue {
  const text = (n: number | null | undefined) => (n == null ? '' : String(n));
  return {
    runTokenBudget: text(b?.runTokenBudget),
    runCostBudgetUsd: text(b?.runCostBudgetUsd),
    monthlyTokenBudget: text(b?.monthlyTokenBudget),
    monthlyCostBudgetUsd: text(b?.monthlyCostBudgetUsd),
  };
}

/** The client mirror of `setTeamModelBudgets`' rules: non-negative, whole tokens, within range. */
export function validateTeamBudgets(v: TeamBudgetValue): FormErrors<TeamBudgetValue> {
  const errors: FormErrors<TeamBudgetValue> = {};
  for (const { field, usd } of TEAM_BUDGET_FIELDS) {
    const raw = v[field].trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
      errors[field] = 'Enter a number of 0 or more, or leave empty.';
    else if (!usd && !Number.isInteger(n)) errors[field] = 'Enter a whole number of tokens.';
    else if (field === 'runTokenBudget' && n > INT_MAX)
      errors[field] = 'At most 2,147,483,647 tokens per run.';
    else if (n > MAX) errors[field] = 'That is more than any tier allows.';
  }
  return errors;
}

export function toTeamBudgetInput(v: TeamBudgetValue): TeamBudgetInput {
  const parse = (raw: string) => (raw.trim() ? Number(raw.trim()) : null);
  return {
    runTokenBudget: parse(v.runTokenBudget),
    runCostBudgetUsd: parse(v.runCostBudgetUsd),
    monthlyTokenBudget: parse(v.monthlyTokenBudget),
    monthlyCostBudgetUsd: parse(v.monthlyCostBudgetUsd),
  };
}
