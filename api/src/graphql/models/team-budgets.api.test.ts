import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

/** `teamModelBudgets` names the owner's tier and its limits, which cap the team's budgets (the team page shows them). */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

const BUDGETS = `query($t: ID!) { teamModelBudgets(teamId: $t) {
  runTokenBudget ownerTier tierCap { runTokens runCostUsd monthlyTokens monthlyCostUsd } } }`;
type Budgets = { teamModelBudgets: { runTokenBudget: number | null; ownerTier: string; tierCap: Record<string, number | null> } };

test("a team's budgets come with its owner's tier and that tier's limits", async () => {
  const owner = await signUp('Olga');
  const created = await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Caps") { id } }');
  const teamId = created.data!.createTeam.id;

  const free = await gql<Budgets>(owner.cookie, BUDGETS, { t: teamId });
  expect(free.data!.teamModelBudgets).toEqual({
    runTokenBudget: null,
    ownerTier: 'free',
    tierCap: { runTokens: 300_000, runCostUsd: 1, monthlyTokens: 2_000_000, monthlyCostUsd: 5 },
  });

  await stack.db.orm.em.fork().getConnection().execute(`update users set tier = 'pro' where id = ?`, [owner.id]);
  const pro = await gql<Budgets>(owner.cookie, BUDGETS, { t: teamId });
  expect(pro.data!.teamModelBudgets.ownerTier).toBe('pro');
  expect(pro.data!.teamModelBudgets.tierCap.runTokens).toBe(3_000_000);

  const outsider = await signUp('Otto');
  expect((await gql(outsider.cookie, BUDGETS, { t: teamId })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
});
