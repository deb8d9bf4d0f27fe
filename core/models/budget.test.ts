import { assertWithinBudget, budgetLines, DEFAULT_MODEL_BUDGETS, type Spent } from './budget';
import { toNanos } from './cost';
import { BudgetExceededError } from './models.errors';

const none: Spent = { runTokens: 0, runCostNanos: 0n, projectTokens: 0, projectCostNanos: 0n, userTokens: 0, userCostNanos: 0n };
const both = { run: true, project: true };

function refusal(run: () => void): BudgetExceededError {
  try {
    run();
  } catch (error) {
    if (error instanceof BudgetExceededError) return error;
    throw error;
  }
  throw new Error('expected BUDGET_EXCEEDED');
}

describe('budgets', () => {
  test('nothing spent passes on every tier', () => {
    for (const tier of Object.values(DEFAULT_MODEL_BUDGETS))
      expect(() => assertWithinBudget(budgetLines(both, none, tier, {}))).not.toThrow();
  });

  test('a run at its token budget is refused with the scope, the measure and the numbers', () => {
    const lines = budgetLines(both, { ...none, runTokens: 1000 }, DEFAULT_MODEL_BUDGETS.free, { project: { runTokenBudget: 1000 } });
    const error = refusal(() => assertWithinBudget(lines));
    expect(error).toMatchObject({ code: 'BUDGET_EXCEEDED', scope: 'run', measure: 'tokens', used: 1000, limit: 1000 });
  });

  test("a project's settings may lower the tier's run budget but never raise it", () => {
    const raised = budgetLines(both, none, DEFAULT_MODEL_BUDGETS.free, { project: { runTokenBudget: 10_000_000 } });
    expect(raised[0]!.tokens.limit).toBe(DEFAULT_MODEL_BUDGETS.free.runTokens);
    const lowered = budgetLines(both, none, DEFAULT_MODEL_BUDGETS.free, { project: { runTokenBudget: 5 } });
    expect(lowered[0]!.tokens.limit).toBe(5);
  });

  test('each limit in force names whose it is: a setting, the team, or the tier cap', () => {
    const unset = budgetLines(both, none, DEFAULT_MODEL_BUDGETS.free, {});
    expect(unset[0]!.tokens).toEqual({ used: 0, limit: 300_000, source: 'tier' });
    expect(unset[1]!.tokens).toEqual({ used: 0, limit: null, source: null });
    expect(budgetLines(both, none, DEFAULT_MODEL_BUDGETS.free, { project: { runTokenBudget: 5 } })[0]!.tokens.source).toBe('project');
    const team = budgetLines({ ...both, team: true }, none, DEFAULT_MODEL_BUDGETS.pro, { team: { runTokenBudget: 7, tokenBudget: 9 } });
    expect(team.map((l) => [l.scope, l.tokens.limit, l.tokens.source])).toEqual([
      ['run', 7, 'team'],
      ['project', null, null],
      ['team', 9, 'team'],
    ]);
  });

  test('money budgets are compared in nano-USD', () => {
    const settings = { project: { costBudgetUsdNanos: toNanos(0.5).toString() } };
    expect(() =>
      assertWithinBudget(budgetLines(both, { ...none, projectCostNanos: toNanos(0.499999999) }, DEFAULT_MODEL_BUDGETS.pro, settings)),
    ).not.toThrow();
    const error = refusal(() =>
      assertWithinBudget(budgetLines(both, { ...none, projectCostNanos: toNanos(0.5) }, DEFAULT_MODEL_BUDGETS.pro, settings)),
    );
    expect(error).toMatchObject({ scope: 'project', measure: 'costUsd', used: 0.5, limit: 0.5 });
  });

  test("a user's monthly budget applies without a project; enterprise is unlimited unless the user set one", () => {
    const spent = { ...none, userTokens: DEFAULT_MODEL_BUDGETS.free.monthlyTokens! };
    expect(
      refusal(() => assertWithinBudget(budgetLines({ run: false, project: false }, spent, DEFAULT_MODEL_BUDGETS.free, {}))).scope,
    ).toBe('user');
    expect(() =>
      assertWithinBudget(budgetLines({ run: false, project: false }, spent, DEFAULT_MODEL_BUDGETS.enterprise, {})),
    ).not.toThrow();
    const capped = budgetLines({ run: false, project: false }, { ...none, userTokens: 10 }, DEFAULT_MODEL_BUDGETS.enterprise, {
      user: { tokenBudget: '10' },
    });
    expect(refusal(() => assertWithinBudget(capped)).limit).toBe(10);
  });
});
