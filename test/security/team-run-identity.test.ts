import { randomUUID } from 'node:crypto';
import { OpenAIFake } from '../fakes/openai-fake';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, silentLogger, waitFor, type Stack } from '../harness';
import { TEST_MASTER_KEYS, ask } from '../fixtures/model-gateway';
import { BudgetExceededError } from '../../core/models/models.errors';
import { ModelSettings } from '../../core/models/model-settings.entity';
import { createAgentRecordActivities } from '../../activities/agents/agent-records.activities';

/**
 * Issue 11, item 5: a team project's runs are the team's. A creator removed from the team neither pays for
 * them (keys, budgets, message windows) nor controls them, and the run records who acted on it.
 */
const AGENTS_OFFLINE = JSON.stringify(
  Object.fromEntries(
    ['architect', 'coder', 'frontend', 'backend', 'debugger', 'reviewer', 'devops', 'tester', 'documentation', 'optimizer'].map((r) => [
      r,
      ['offline/blueprint'],
    ]),
  ),
);
let stack: Stack;
let openai: OpenAIFake;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  openai = await new OpenAIFake().start();
  openai.defaultReply = { text: 'ok', usage: { inputTokens: 10, outputTokens: 5 } };
  stack = await createStack({
    masterKeys: TEST_MASTER_KEYS,
    // The team's build itself plans offline; the model calls under test go to the wire fake.
    config: { OPENAI_API_KEY: 'sk-platform-openai', OPENAI_BASE_URL: openai.baseURL, ATELIER_ROLE_MODELS: AGENTS_OFFLINE },
  });
  await stack.startWorker();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(async () => {
  await stack?.dispose();
  await openai?.close();
});

const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';
const PHASE = 'query($id: ID!) { project(id: $id) { latestRun { team { phase } } } }';
const RUN = `query($id: ID!) { project(id: $id) { latestRun { team { phase } startedBy { id displayName } approvedBy { id }
  pausedBy { id } cancelledBy { id } } } }`;
type Run = {
  team: { phase: string } | null;
  startedBy: { id: string; displayName: string } | null;
  approvedBy: { id: string } | null;
  pausedBy: { id: string } | null;
  cancelledBy: { id: string } | null;
};

test('a removed creator neither pays for nor controls a team project’s runs, and the run records who acted', async () => {
  const owner = await signUp('TeamOwner');
  const mallory = await signUp('Mallory');
  const teamId = (await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Makers") { id } }')).data!
    .createTeam.id;
  const token = (
    await gql<{ inviteToTeam: { token: string } }>(
      owner.cookie,
      'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }',
      { t: teamId },
    )
  ).data!.inviteToTeam.token;
  await gql(mallory.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: token });

  // Mallory creates the team's projects and stores her own OpenAI key.
  const built = (
    await gql<{ createProject: { id: string } }>(mallory.cookie, CREATE, {
      i: {
        name: 'Team build',
        framework: 'express',
        description: 'A todo REST API in Express with tests',
        buildMode: 'team',
        teamId,
        visibility: 'team',
      },
    })
  ).data!.createProject.id;
  const project = (
    await gql<{ createProject: { id: string } }>(mallory.cookie, CREATE, {
      i: { name: 'Team app', framework: 'express', teamId, visibility: 'team' },
    })
  ).data!.createProject.id;
  await gql(mallory.cookie, 'mutation { setProviderKey(provider: "openai", key: "sk-mallory-own-key-0001") { hint } }');
  const em = stack.db.orm.em.fork();
  em.create(ModelSettings, { scope: 'project', scopeId: project, roleModels: { coder: ['openai/gpt-4.1'] } });
  await em.flush();

  await waitFor('the plan to await approval', async () => {
    const r = (await gql<{ project: { latestRun: Run } }>(owner.cookie, PHASE, { id: built })).data?.project.latestRun;
    return r?.team?.phase === 'awaiting_approval';
  });
  expect((await gql(mallory.cookie, 'mutation($p: ID!) { pauseRun(projectId: $p, reason: "mine") }', { p: built })).data).toEqual({
    pauseRun: true,
  });

  const removed = await gql(owner.cookie, 'mutation($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) }', {
    t: teamId,
    u: mallory.id,
  });
  expect(removed.data).toEqual({ removeTeamMember: true });

  // The worker calls models with the project's creator as the caller (brief.ownerId): her key is not used.
  const callAs = (text: string) =>
    stack.models.gateway.call({
      callKey: `test/${randomUUID()}`,
      userId: mallory.id,
      projectId: project,
      runId: randomUUID(),
      role: 'coder',
      request: ask(text),
    });
  const auth = () => openai.requests.at(-1)!.headers.authorization;
  await callAs('platform key, please');
  expect(auth()).toBe('Bearer sk-platform-openai');

  // The team's key, set by its owner, comes before the platform's.
  const KEY = 'mutation($t: ID!, $k: String!) { setTeamProviderKey(teamId: $t, provider: "openai", key: $k) { provider hint } }';
  expect((await gql(mallory.cookie, KEY, { t: teamId, k: 'sk-mallory-sneaks-in-0002' })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  expect((await gql(owner.cookie, KEY, { t: teamId, k: 'sk-team-makers-key-0003' })).data).toEqual({
    setTeamProviderKey: { provider: 'openai', hint: 'sk-…0003' },
  });
  await callAs('team key, please');
  expect(auth()).toBe('Bearer sk-team-makers-key-0003');
  expect(openai.requests.map((r) => r.headers.authorization)).not.toContain('Bearer sk-mallory-own-key-0001');

  // The team's monthly budget stops its runs; the spend is the team's, not Mallory's.
  const BUDGET = 'mutation($i: TeamModelBudgetsInput!) { setTeamModelBudgets(input: $i) { monthlyTokenBudget monthTokensUsed } }';
  expect((await gql(mallory.cookie, BUDGET, { i: { teamId, monthlyTokenBudget: 1 } })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  const budget = await gql<{ setTeamModelBudgets: { monthlyTokenBudget: number; monthTokensUsed: number } }>(owner.cookie, BUDGET, {
    i: { teamId, monthlyTokenBudget: 20 },
  });
  // The two calls above (15 tokens each) plus the architect's offline planning of the other project.
  expect(budget.data!.setTeamModelBudgets.monthlyTokenBudget).toBe(20);
  expect(budget.data!.setTeamModelBudgets.monthTokensUsed).toBeGreaterThanOrEqual(30);
  const refused = await callAs('over budget').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(BudgetExceededError);
  expect(refused).toMatchObject({ scope: 'team', measure: 'tokens' });
  const [mine] = await em
    .getConnection()
    .execute(`select count(*)::int as n from usage_totals where scope = 'user' and scope_id = ?`, [mallory.id]);
  expect(mine).toEqual({ n: 0 });

  // The run's sandbox slots (and the user its calls are attributed to) are the team owner's, not Mallory's.
  const records = createAgentRecordActivities({ orm: stack.db.orm, events: stack.events, logger: silentLogger, scaffoldFileDelayMs: 0 });
  expect((await records.loadProjectBrief({ projectId: built })).ownerId).toBe(owner.id);

  // Mallory controls none of the team's runs any more.
  for (const [mutation, vars] of [
    ['mutation($p: ID!) { pauseRun(projectId: $p) }', {}],
    ['mutation($p: ID!) { resumeRun(projectId: $p) }', {}],
    ['mutation($p: ID!) { cancelRun(projectId: $p) }', {}],
    ['mutation($p: ID!) { reviewPlan(projectId: $p, approve: true) }', {}],
    ['mutation($p: ID!) { messageTeam(projectId: $p, text: "hi") }', {}],
    ['mutation($p: ID!) { startTeamRun(projectId: $p) { id } }', {}],
  ] as const) {
    const reply = await gql(mallory.cookie, mutation, { p: built, ...vars });
    expect([mutation, reply.errors?.[0]?.extensions.code]).toEqual([mutation, expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/)]);
  }

  // The owner approves and cancels; the run keeps who did what.
  expect((await gql(owner.cookie, 'mutation($p: ID!) { reviewPlan(projectId: $p, approve: true) }', { p: built })).data).toEqual({
    reviewPlan: true,
  });
  expect((await gql(owner.cookie, 'mutation($p: ID!) { cancelRun(projectId: $p) }', { p: built })).data).toEqual({ cancelRun: true });
  const last = (await gql<{ project: { latestRun: Run } }>(owner.cookie, RUN, { id: built })).data!.project.latestRun;
  expect(last).toMatchObject({
    startedBy: { id: mallory.id, displayName: 'Mallory' },
    approvedBy: { id: owner.id },
    pausedBy: { id: mallory.id },
    cancelledBy: { id: owner.id },
  });
});
