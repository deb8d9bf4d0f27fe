import { budgetFormOf, toBudgetInput, validateBudgets } from './budget-form';

const empty = { runTokenBudget: '', runCostBudgetUsd: '', tokenBudget: '', costBudgetUsd: '' };

/** What the gateway enforces; the form edits only the project's own limits. */
const inForce = { effectiveTokenLimit: 300_000, tokenLimitSource: 'TIER', effectiveCostUsdLimit: 1, costUsdLimitSource: 'TIER' } as const;

describe('budget form', () => {
  it('starts from the project limits, empty where there is none', () => {
    expect(
      budgetFormOf([
        { scope: 'RUN', tokensUsed: 10, tokenLimit: 50_000, costUsdUsed: 0, costUsdLimit: null, ...inForce },
        { scope: 'PROJECT', tokensUsed: 10, tokenLimit: null, costUsdUsed: 0, costUsdLimit: 2.5, ...inForce },
      ]),
    ).toEqual({ ...empty, runTokenBudget: '50000', costBudgetUsd: '2.5' });
  });

  it('turns empty fields into null and numbers into numbers', () => {
    expect(toBudgetInput({ ...empty, runTokenBudget: ' 1200 ', costBudgetUsd: '0.75' })).toEqual({
      runTokenBudget: 1200,
      runCostBudgetUsd: null,
      tokenBudget: null,
      costBudgetUsd: 0.75,
    });
  });

  it('rejects negatives, fractions of tokens, words and runs over an Int', () => {
    expect(
      validateBudgets({
        runTokenBudget: '3000000000',
        runCostBudgetUsd: '-1',
        tokenBudget: '1.5',
        costBudgetUsd: 'lots',
      }),
    ).toEqual({
      runTokenBudget: 'At most 2,147,483,647 tokens per run.',
      runCostBudgetUsd: 'Enter a number of 0 or more, or leave empty.',
      tokenBudget: 'Enter a whole number of tokens.',
      costBudgetUsd: 'Enter a number of 0 or more, or leave empty.',
    });
    expect(validateBudgets({ ...empty, runCostBudgetUsd: '0.5' })).toEqual({});
  });
});
