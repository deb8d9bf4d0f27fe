import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, waitFor, type Stack } from '../../../../test/harness';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';

/** The agent team through the API: plan review, pause and resume, records and metrics, cancellation. */
let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  stack = await createStack({ sandboxBackend: local.backend });
  await stack.startWorker();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
});

type Run = {
  status: string;
  error: string | null;
  planStatus: string | null;
  plan: { tasks: unknown[] } | null;
  team: { phase: string; planVersion: number; pausedReason: string | null; tasks: { key: string; role: string; status: string }[] } | null;
  agentTasks: { key: string; role: string; status: string; outcome: string | null; reasoning: string; turns: number; tokens: number }[];
  agentMetrics: { role: string; tasksDone: number; successRate: number | null; tokens: number }[];
  agents: {
    role: string;
    status: string;
    currentTaskKey: string | null;
    tasksDone: number;
    tasksFailed: number;
    turns: number;
    tokens: number;
    costUsd: number;
    timeMs: number;
    successRate: number | null;
    history: { key: string }[];
  }[];
  handoffs: { fromTaskKey: string; fromRole: string; toRole: string; toTaskKey: string | null; reason: string }[];
};
const RUN = `query($id: ID!) { project(id: $id) { latestRun { status error planStatus plan team { phase planVersion pausedReason tasks { key role status } }
  agentTasks { key role status outcome reasoning turns tokens } agentMetrics { role tasksDone successRate tokens }
  agents { role status currentTaskKey tasksDone tasksFailed turns tokens costUsd timeMs successRate history { key } }
  handoffs { fromTaskKey fromRole toRole toTaskKey reason } } } }`;

async function createTeamProject(cookie: string, name: string): Promise<string> {
  const reply = await gql<{ createProject: { id: string; buildMode: string } }>(
    cookie,
    'mutation($i: CreateProjectInput!) { createProject(input: $i) { id buildMode } }',
    {
      i: { name, framework: 'express', description: 'A todo REST API in Express with tests', buildMode: 'team' },
    },
  );
  expect(reply.data!.createProject.buildMode).toBe('team');
  return reply.data!.createProject.id;
}

/** One agent per role that worked, whose totals and history are exactly its tasks; a handoff per task that handed over. */
function expectAgentsMatchTasks(r: Run): void {
  const roles = [...new Set(r.agentTasks.map((t) => t.role))].sort();
  expect(r.agents.map((a) => a.role).sort()).toEqual(roles);
  for (const agent of r.agents) {
    const mine = r.agentTasks.filter((t) => t.role === agent.role);
    const done = mine.filter((t) => t.status === 'done').length;
    const failed = mine.filter((t) => t.status === 'failed').length;
    expect(agent).toMatchObject({
      tasksDone: done,
      tasksFailed: failed,
      turns: mine.reduce((n, t) => n + t.turns, 0),
      tokens: mine.reduce((n, t) => n + t.tokens, 0),
      successRate: done + failed ? done / (done + failed) : null,
    });
    expect(agent.history.map((t) => t.key)).toEqual(mine.map((t) => t.key));
  }
  const handedOver = r.agentTasks.filter((t) => t.outcome === 'handoff');
  const byKey = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
  expect(r.handoffs.map((h) => [h.fromTaskKey, h.fromRole]).sort(byKey)).toEqual(handedOver.map((t) => [t.key, t.role]).sort(byKey));
  for (const h of r.handoffs) expect(r.agentTasks.find((t) => t.key === h.toTaskKey)?.role).toBe(h.toRole);
}

type ProjectState = { status: string; latestRun: { offlineBuild: { blueprintId: string; matched: boolean; note: string } | null } };
const projectState = async (cookie: string, id: string) =>
  (await gql<{ project: ProjectState }>(cookie, 'query($id: ID!) { project(id: $id) { status latestRun { offlineBuild { blueprintId matched note } } } }', { id })).data!
    .project;

const run = async (cookie: string, id: string) => (await gql<{ project: { latestRun: Run } }>(cookie, RUN, { id })).data!.project.latestRun;

test('a person reviews the plan, pauses and resumes the team, and reads its records', async () => {
  const ada = await signUp('TeamAda');
  const eve = await signUp('TeamEve');
  const id = await createTeamProject(ada.cookie, 'Todo team');
  await waitFor('the plan to await approval', async () => (await run(ada.cookie, id)).team?.phase === 'awaiting_approval');
  expect((await run(ada.cookie, id)).planStatus).toBe('proposed');

  const REVIEW = 'mutation($p: ID!, $a: Boolean!, $f: String) { reviewPlan(projectId: $p, approve: $a, feedback: $f) }';
  const TEAM_MESSAGE = 'mutation($p: ID!, $t: String!) { messageTeam(projectId: $p, text: $t) }';
  expect((await gql(ada.cookie, TEAM_MESSAGE, { p: id, t: 'Use ES modules' })).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT' });
  expect((await gql(ada.cookie, TEAM_MESSAGE, { p: id, t: '  ' })).errors![0]!.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'text',
  });
  expect((await gql(eve.cookie, REVIEW, { p: id, a: true })).errors![0]!.extensions.code).toBe('NOT_FOUND');
  expect((await gql(ada.cookie, REVIEW, { p: id, a: false })).errors![0]!.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'feedback',
  });
  expect((await gql(ada.cookie, 'mutation($p: ID!) { pauseRun(projectId: $p, reason: "Lunch") }', { p: id })).data).toEqual({
    pauseRun: true,
  });
  expect((await gql<{ reviewPlan: boolean }>(ada.cookie, REVIEW, { p: id, a: true })).data!.reviewPlan).toBe(true);
  const paused = await waitFor('the team to pause', async () => {
    const r = await run(ada.cookie, id);
    return r.team?.phase === 'paused' ? r : null;
  });
  expect(paused.team!.pausedReason).toBe('Lunch');
  expect(paused.agentTasks).toEqual([]);
  // initializeAgents: once the plan is approved the team exists, one idle agent per role the plan routes work to.
  expect(paused.handoffs).toEqual([]);
  expect(paused.agents.map((a) => a.role).sort()).toEqual([...new Set(paused.team!.tasks.map((t) => t.role))].sort());
  expect(paused.agents.every((a) => a.status === 'idle' && a.tasksDone === 0 && a.history.length === 0)).toBe(true);
  await gql(ada.cookie, 'mutation($p: ID!) { resumeRun(projectId: $p) }', { p: id });

  const done = await waitFor(
    'the team to finish',
    async () => {
      const r = await run(ada.cookie, id);
      return r.status === 'SUCCEEDED' || r.status === 'FAILED' ? r : null;
    },
    120_000,
  );
  expect(done).toMatchObject({ status: 'SUCCEEDED', planStatus: 'approved', team: null });
  expect(done.plan!.tasks.length).toBe(done.agentTasks.length);
  expect(done.agentTasks.every((t) => t.status === 'done' && t.reasoning && t.turns > 0)).toBe(true);
  const backend = done.agentMetrics.find((m) => m.role === 'backend')!;
  expect(backend).toMatchObject({ tasksDone: 2, successRate: 1 });
  expect(backend.tokens).toBeGreaterThan(0);
  expectAgentsMatchTasks(done);
  expect(done.agents.every((a) => a.status === 'done' && a.currentTaskKey === null && a.timeMs > 0)).toBe(true);
  expect(done.agentMetrics).toEqual(
    [...done.agents].sort((a, b) => a.role.localeCompare(b.role)).map(({ role, tasksDone, successRate, tokens }) => ({ role, tasksDone, successRate, tokens })),
  );
  // A stranger reaches no run, so none of its agents or handoffs: the project's own policy check answers.
  expect((await gql(eve.cookie, RUN, { id })).data).toEqual({ project: null });
  expect((await gql(ada.cookie, REVIEW, { p: id, a: true })).errors![0]!.extensions.code).toBe('CONFLICT');
});

test('cancelling a run marks it (and its project) cancelled, not failed, and leaves no sandbox', async () => {
  const ada = await signUp('CancelAda');
  const id = await createTeamProject(ada.cookie, 'Cancelled team');
  await waitFor('the plan to await approval', async () => (await run(ada.cookie, id)).team?.phase === 'awaiting_approval');
  expect((await projectState(ada.cookie, id)).status).toBe('AWAITING_APPROVAL');
  expect((await gql(ada.cookie, 'mutation($p: ID!) { cancelRun(projectId: $p) }', { p: id })).data).toEqual({ cancelRun: true });
  const cancelled = await waitFor('the run to stop', async () => {
    const r = await run(ada.cookie, id);
    return r.status === 'CANCELLED' ? r : null;
  });
  expect(cancelled.error).toBe('The build was cancelled');
  expect((await projectState(ada.cookie, id)).status).toBe('CANCELLED');
  await waitFor('the sandbox to be destroyed', async () => (await local.backend.list()).length === 0);
});

test('offline, a plan for a description no blueprint fits says it builds the fallback blueprint instead', async () => {
  const ada = await signUp('OfflineAda');
  const created = await gql<{ createProject: { id: string } }>(ada.cookie, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
    i: { name: 'Short links', framework: 'express', description: 'A URL shortener with click statistics', buildMode: 'team' },
  });
  const id = created.data!.createProject.id;
  await waitFor('the plan to await approval', async () => (await run(ada.cookie, id)).team?.phase === 'awaiting_approval');
  const unmatched = await projectState(ada.cookie, id);
  expect(unmatched.status).toBe('AWAITING_APPROVAL');
  expect(unmatched.latestRun.offlineBuild).toMatchObject({ blueprintId: 'minimal-node', matched: false });
  expect(unmatched.latestRun.offlineBuild!.note).toMatch(/not what the description asks for/);
  await gql(ada.cookie, 'mutation($p: ID!) { cancelRun(projectId: $p) }', { p: id });
  await waitFor('the run to stop', async () => (await run(ada.cookie, id)).status === 'CANCELLED');

  // The todo description fits a blueprint: the run names it, without the warning.
  const todo = await createTeamProject(ada.cookie, 'Todo offline');
  await waitFor('the plan to await approval', async () => (await run(ada.cookie, todo)).team?.phase === 'awaiting_approval');
  expect((await projectState(ada.cookie, todo)).latestRun.offlineBuild).toMatchObject({ blueprintId: 'express-todo-api', matched: true });
  await gql(ada.cookie, 'mutation($p: ID!) { cancelRun(projectId: $p) }', { p: todo });
  await waitFor('the run to stop', async () => (await run(ada.cookie, todo)).status === 'CANCELLED');
});

test('a person starts another team build of a project whose last build ended', async () => {
  const ada = await signUp('AgainAda');
  const eve = await signUp('AgainEve');
  const id = await createTeamProject(ada.cookie, 'Built twice');
  const START = 'mutation($p: ID!, $d: String, $a: Boolean) { startTeamRun(projectId: $p, description: $d, autoApprovePlan: $a) { id status } }';
  // While the first build waits for approval, a second one is refused; strangers and bad input are refused.
  await waitFor('the plan to await approval', async () => (await run(ada.cookie, id)).team?.phase === 'awaiting_approval');
  expect((await gql(ada.cookie, START, { p: id })).errors![0]!.extensions.code).toBe('CONFLICT');
  expect((await gql(eve.cookie, START, { p: id })).errors![0]!.extensions.code).toBe('NOT_FOUND');
  expect((await gql(ada.cookie, START, { p: id, d: '   ' })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  await gql(ada.cookie, 'mutation($p: ID!) { cancelRun(projectId: $p) }', { p: id });
  await waitFor('the first build to stop', async () => (await run(ada.cookie, id)).status === 'CANCELLED');

  const started = await gql<{ startTeamRun: { id: string; status: string } }>(ada.cookie, START, {
    p: id,
    d: 'A todo REST API in Express with tests, again',
    a: true,
  });
  expect(started.errors).toBeUndefined();
  const second = await waitFor(
    'the second build to finish',
    async () => {
      const r = await run(ada.cookie, id);
      return r.status === 'SUCCEEDED' || r.status === 'FAILED' ? r : null;
    },
    120_000,
  );
  expect({ status: second.status, error: second.error }).toEqual({ status: 'SUCCEEDED', error: null });
  expect(second.agentTasks.length).toBe(second.plan!.tasks.length);
  const runs = await gql<{ project: { description: string; autoApprovePlan: boolean; runs: { id: string; status: string }[] } }>(
    ada.cookie,
    'query($id: ID!) { project(id: $id) { description autoApprovePlan runs { id status } } }',
    { id },
  );
  expect(runs.data!.project).toEqual({
    description: 'A todo REST API in Express with tests, again',
    autoApprovePlan: true,
    runs: [
      { id: started.data!.startTeamRun.id, status: 'SUCCEEDED' },
      { id: expect.any(String), status: 'CANCELLED' },
    ],
  });
}, 180_000);
