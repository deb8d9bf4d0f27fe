import { randomUUID } from 'node:crypto';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';
import { OpenAIFake } from '../../../../test/fakes/openai-fake';
import { CircuitBreaker, DEFAULT_BREAKER } from '../../../../core/models/circuit-breaker';
import { BudgetExceededError } from '../../../../core/models/models.errors';
import { ProjectRun } from '../../../../core/project/project.entity';

/** The models API over HTTP: catalog availability, offline mode, role maps and budgets, usage reports. */
let stack: Stack;
let offlineStack: Stack;
let gql: Gql;
let offlineGql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
const openai = new OpenAIFake();

beforeAll(async () => {
  await openai.start();
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-platform', OPENAI_BASE_URL: openai.baseURL } });
  offlineStack = await createStack();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
  ({ gql: offlineGql } = graphqlOver(await offlineStack.app.listen(0, '127.0.0.1')));
});
afterAll(async () => {
  await Promise.all([stack?.dispose(), offlineStack?.dispose()]);
  await openai.close();
});

type ModelRow = {
  id: string;
  available: boolean;
  unavailableReason: string | null;
  keySource: string | null;
  circuit: string;
  circuitRetryAt: string | null;
  offline: boolean;
};
const MODELS =
  '{ models { id available unavailableReason keySource circuit circuitRetryAt offline pricing { inputPer1kUsd inputPer1kInr } } modelMode { offline message } }';

async function newProject(cookie: string, extra: Record<string, unknown> = {}): Promise<string> {
  const reply = await gql<{ createProject: { id: string } }>(
    cookie,
    'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
    {
      i: { name: `p ${randomUUID().slice(0, 8)}`, framework: 'express', ...extra },
    },
  );
  return reply.data!.createProject.id;
}

test('with no key anywhere the API says offline and only the offline model is available', async () => {
  const reply = await offlineGql<{ models: ModelRow[]; modelMode: { offline: boolean; message: string } }>(undefined, MODELS);
  expect(reply.data!.modelMode.offline).toBe(true);
  expect(reply.data!.modelMode.message).toMatch(/^Offline mode/);
  const available = reply.data!.models.filter((m) => m.available).map((m) => m.id);
  expect(available).toEqual(['offline/blueprint']);
  expect(reply.data!.models.find((m) => m.id === 'openai/gpt-4.1')).toMatchObject({ unavailableReason: 'NO_KEY', keySource: null });
});

test('a platform key makes its vendor available; an open breaker shows; other vendors need a key', async () => {
  const ada = await signUp('Ada');
  const opened = Date.now() - 1_000;
  await new CircuitBreaker(stack.redis, { failureThreshold: 1, windowMs: 60_000, cooldownMs: 60_000, probeTimeoutMs: 1000 }).recordFailure(
    'openai/o4-mini',
  );
  const { data } = await gql<{ models: ModelRow[]; modelMode: { offline: boolean } }>(ada.cookie, MODELS);
  const model = (id: string) => data!.models.find((m) => m.id === id);
  expect(data!.modelMode.offline).toBe(false);
  expect(model('openai/gpt-4.1')).toMatchObject({ available: true, keySource: 'PLATFORM', circuit: 'CLOSED' });
  expect(model('openai/o4-mini')).toMatchObject({ available: false, unavailableReason: 'CIRCUIT_OPEN', circuit: 'OPEN' });
  // When calls resume: after the failure, within the API's own cooldown; a closed breaker has no such time.
  const retryAt = Date.parse(model('openai/o4-mini')!.circuitRetryAt!);
  expect(retryAt).toBeGreaterThan(opened);
  expect(retryAt - opened).toBeLessThanOrEqual(DEFAULT_BREAKER.cooldownMs + 5_000);
  expect(model('openai/gpt-4.1')!.circuitRetryAt).toBeNull();
  expect(model('anthropic/claude-sonnet-4-6')).toMatchObject({ available: false, unavailableReason: 'NO_KEY' });
  expect(model('offline/blueprint')).toMatchObject({ available: false, unavailableReason: 'KEYS_CONFIGURED', offline: true });
  await stack.redis.del(CircuitBreaker.key('openai/o4-mini'));
});

const SETTINGS =
  'mutation($i: ProjectModelSettingsInput!) { setProjectModelSettings(input: $i) { roles { role models source } budgets { scope tokenLimit costUsdLimit } } }';

test('a project sets role chains and budgets; bad input names its field; strangers see nothing', async () => {
  const ada = await signUp('Grace');
  const eve = await signUp('Eve');
  const projectId = await newProject(ada.cookie);
  const bad = await gql(ada.cookie, SETTINGS, {
    i: { projectId, roles: [{ role: 'wizard', models: ['openai/nope'] }], runTokenBudget: -1 },
  });
  expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  const fields = (bad.errors![0]!.extensions.fieldErrors as { field: string }[]).map((e) => e.field);
  expect(fields).toEqual(['roles.0.role', 'roles.0.models', 'runTokenBudget']);

  type Settings = {
    setProjectModelSettings: {
      roles: { role: string; models: string[]; source: string }[];
      budgets: { scope: string; tokenLimit: number | null; costUsdLimit: number | null }[];
    };
  };
  const ok = await gql<Settings>(ada.cookie, SETTINGS, {
    i: {
      projectId,
      roles: [{ role: 'coder', models: ['openai/gpt-4.1-mini', 'openai/gpt-4.1'] }],
      runTokenBudget: 50_000,
      costBudgetUsd: 2.5,
    },
  });
  const settings = ok.data!.setProjectModelSettings;
  expect(settings.roles.find((r) => r.role === 'coder')).toEqual({
    role: 'coder',
    models: ['openai/gpt-4.1-mini', 'openai/gpt-4.1'],
    source: 'PROJECT',
  });
  expect(settings.roles.find((r) => r.role === 'tester')!.source).toBe('DEFAULT');
  expect(settings.budgets).toEqual([
    { scope: 'RUN', tokenLimit: 50_000, costUsdLimit: null },
    { scope: 'PROJECT', tokenLimit: null, costUsdLimit: 2.5 },
  ]);
  // Clearing: an empty chain drops the override, null drops a budget; fields left out stay.
  const cleared = await gql<Settings>(ada.cookie, SETTINGS, {
    i: { projectId, roles: [{ role: 'coder', models: [] }], runTokenBudget: null },
  });
  expect(cleared.data!.setProjectModelSettings.roles.find((r) => r.role === 'coder')!.source).toBe('DEFAULT');
  expect(cleared.data!.setProjectModelSettings.budgets[1]!.costUsdLimit).toBe(2.5);
  expect(cleared.data!.setProjectModelSettings.budgets[0]!.tokenLimit).toBeNull();

  const stranger = await gql(eve.cookie, SETTINGS, { i: { projectId, runTokenBudget: 1 } });
  expect(stranger.errors![0]!.extensions.code).toBe('NOT_FOUND');
  const read = await gql(eve.cookie, 'query($p: ID!) { projectModelSettings(projectId: $p) { projectId } }', { p: projectId });
  expect(read.errors![0]!.extensions.code).toBe('NOT_FOUND');
});

test("a team's chain applies to its projects; only owners and admins set it", async () => {
  const owner = await signUp('Olga');
  const member = await signUp('Milo');
  const team = await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Models Team") { id } }');
  const teamId = team.data!.createTeam.id;
  const invite = await gql<{ inviteToTeam: { token: string } }>(
    owner.cookie,
    'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }',
    { t: teamId },
  );
  await gql(member.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: invite.data!.inviteToTeam.token });
  const SET_TEAM = 'mutation($t: ID!, $r: [RoleModelInput!]!) { setTeamRoleModels(teamId: $t, roles: $r) { role models source } }';
  const roles = [{ role: 'reviewer', models: ['openai/gpt-4.1-mini'] }];
  expect((await gql(member.cookie, SET_TEAM, { t: teamId, r: roles })).errors![0]!.extensions.code).toBe('FORBIDDEN');
  expect((await gql(owner.cookie, SET_TEAM, { t: teamId, r: roles })).errors).toBeUndefined();
  const projectId = await newProject(member.cookie, { teamId, visibility: 'team' });
  const view = await gql<{ projectModelSettings: { roles: { role: string; models: string[]; source: string }[] } }>(
    member.cookie,
    'query($p: ID!) { projectModelSettings(projectId: $p) { roles { role models source } } }',
    { p: projectId },
  );
  expect(view.data!.projectModelSettings.roles.find((r) => r.role === 'reviewer')).toEqual({
    role: 'reviewer',
    models: ['openai/gpt-4.1-mini'],
    source: 'TEAM',
  });
});

test('modelUsage groups tokens and cost by model, role and day; others cannot read it', async () => {
  const ada = await signUp('UsageAda');
  const eve = await signUp('UsageEve');
  const projectId = await newProject(ada.cookie);
  const { gateway } = stack.app.createContext(ada.id).models;
  openai.defaultReply = { text: 'ok', usage: { inputTokens: 1000, outputTokens: 500 } };
  const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };
  for (const role of ['coder', 'coder', 'tester'] as const) {
    await gateway.call({ callKey: `usage/${randomUUID()}`, userId: ada.id, projectId, runId: randomUUID(), role, request: ask });
  }
  type Usage = { modelUsage: { rows: Record<string, unknown>[]; total: Record<string, unknown> } };
  const USAGE =
    'query($i: ModelUsageInput!) { modelUsage(input: $i) { rows { model role day calls totalTokens costUsd costInr } total { calls promptTokens completionTokens totalTokens costUsd costInr } } }';
  const byRole = await gql<Usage>(ada.cookie, USAGE, { i: { projectId, groupBy: ['ROLE', 'MODEL', 'DAY'] } });
  const today = new Date().toISOString().slice(0, 10);
  // claude is keyless here, so coder's chain falls to gpt-4.1 and tester's to gpt-4.1-mini.
  expect(byRole.data!.modelUsage.rows).toEqual([
    { role: 'coder', model: 'openai/gpt-4.1', day: today, calls: 2, totalTokens: 3000, costUsd: 0.012, costInr: 1.056 },
    { role: 'tester', model: 'openai/gpt-4.1-mini', day: today, calls: 1, totalTokens: 1500, costUsd: 0.0012, costInr: 0.1056 },
  ]);
  expect(byRole.data!.modelUsage.total).toEqual({
    calls: 3,
    promptTokens: 3000,
    completionTokens: 1500,
    totalTokens: 4500,
    costUsd: 0.0132,
    costInr: 1.1616,
  });
  const mine = await gql<Usage>(ada.cookie, USAGE, { i: {} });
  expect(mine.data!.modelUsage.total.calls).toBe(3);
  expect((await gql(eve.cookie, USAGE, { i: { userId: ada.id } })).errors![0]!.extensions.code).toBe('FORBIDDEN');
  expect((await gql(eve.cookie, USAGE, { i: { projectId } })).errors![0]!.extensions.code).toBe('NOT_FOUND');
  expect((await gql(eve.cookie, USAGE, { i: { projectId, userId: ada.id } })).errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
});

test('a free project shows the budget it is held to, the tier cap, and its run is refused exactly there', async () => {
  const ada = await signUp('FreeTier');
  const projectId = await newProject(ada.cookie);
  const run = await stack.db.orm.em.fork().findOneOrFail(ProjectRun, { project: projectId });
  type Budget = {
    scope: string;
    tokensUsed: number;
    tokenLimit: number | null;
    effectiveTokenLimit: number | null;
    tokenLimitSource: string | null;
    effectiveCostUsdLimit: number | null;
    costUsdLimitSource: string | null;
  };
  const BUDGETS =
    'query($p: ID!) { projectModelSettings(projectId: $p) { tier budgets { scope tokensUsed tokenLimit effectiveTokenLimit tokenLimitSource effectiveCostUsdLimit costUsdLimitSource } } }';
  const shown = async () => (await gql<{ projectModelSettings: { tier: string; budgets: Budget[] } }>(ada.cookie, BUDGETS, { p: projectId })).data!.projectModelSettings;
  const before = await shown();
  expect(before.tier).toBe('free');
  const runBudget = before.budgets.find((b) => b.scope === 'RUN')!;
  // The project set nothing: the run is held to the free tier's caps, and says so.
  expect(runBudget).toMatchObject({ tokenLimit: null, effectiveTokenLimit: 300_000, tokenLimitSource: 'TIER', effectiveCostUsdLimit: 1, costUsdLimitSource: 'TIER' });
  expect(before.budgets.find((b) => b.scope === 'PROJECT')).toMatchObject({ effectiveTokenLimit: null, tokenLimitSource: null });

  // Spend up to the shown limit through the gateway the worker calls models with (gpt-4.1-mini: well under $1).
  const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };
  const spend = (inputTokens: number) => {
    openai.defaultReply = { text: 'ok', usage: { inputTokens, outputTokens: 0 } };
    return stack.models.gateway.call({ callKey: `free/${randomUUID()}`, userId: ada.id, projectId, runId: run.id, role: 'tester', request: ask });
  };
  await spend(runBudget.effectiveTokenLimit! - 1);
  await spend(1);
  const refusal = await spend(1).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(BudgetExceededError);
  expect(refusal).toMatchObject({ scope: 'run', measure: 'tokens', limit: runBudget.effectiveTokenLimit });
  expect((await shown()).budgets.find((b) => b.scope === 'RUN')).toMatchObject({ tokensUsed: 300_000, effectiveTokenLimit: 300_000 });
});
