import type { ModelBudget } from './model.models';

/** The four budgets as typed; an empty field means no budget. */
export interface BudgetFormValue {
  readonly runTokenBudget: string;
  readonly runCostBudgetUsd: string;
  readonly tokenBudget: string;
  readonly costBudgetUsd: string;
}

export type BudgetField = keyof BudgetFormValue;

/** What `setProjectModelSettings` takes for them: null clears a budget. */
export type BudgetInput = Record<BudgetField, number | null>;

const INT_MAX = 2_147_483_647;
const INTEGER_FIELDS: ReadonlySet<BudgetField> = new Set(['runTokenBudget', 'tokenBudget']);
const FIELDS: readonly BudgetField[] = [
  'runTokenBudget',
  'runCostBudgetUsd',
  'tokenBudget',
  'costBudgetUsd',
];

/** The form's starting values: the project's own limits. */
export function budgetFormOf(budgets: readonly ModelBudget[]): BudgetFormValue {
  const run = budgets.find((b) => b.scope === 'RUN');
  const project = budgets.find((b) => b.scope === 'PROJECT');
  const text = (n: number | null | undefined) => (n == null ? '' : String(n));
  return {
    runTokenBudget: text(run?.tokenLimit),
    runCostBudgetUsd: text(run?.costUsdLimit),
    tokenBudget: text(project?.tokenLimit),
    costBudgetUsd: text(project?.costUsdLimit),
  };
}

/** The client's mirror of the server's rules: non-negative, whole tokens, a run's tokens fit an Int. */
export function validateBudgets(value: BudgetFormValue): Partial<Record<BudgetField, string>> {
  const errors: Partial<Record<BudgetField, string>> = {};
  for (const field of FIELDS) {
    const raw = value[field].trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0)
      errors[field] = 'Enter a number of 0 or more, or leave empty.';
    else if (INTEGER_FIELDS.has(field) && !Number.isInteger(n))
      errors[field] = 'Enter a whole number of tokens.';
    else if (field === 'runTokenBudget' && n > INT_MAX)
      errors[field] = 'At most 2,147,483,647 tokens per run.';
  }
  return errors;
}

/** The input for a valid form. */
export function toBudgetInput(value: BudgetFormValue): BudgetInput {
  const parse = (raw: string) => (raw.trim() ? Number(raw.trim()) : null);
  return {
    runTokenBudget: parse(value.runTokenBudget),
    runCostBudgetUsd: parse(value.runCostBudgetUsd),
    tokenBudget: parse(value.tokenBudget),
    costBudgetUsd: parse(value.costBudgetUsd),
  };
}
