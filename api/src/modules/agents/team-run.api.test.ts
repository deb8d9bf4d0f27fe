import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, waitFor, type Stack } from '../../../../test/harness';
import { testLocalBackend } from '../../../../sandbox/test-backends';

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
  agentTasks: { key: string; role: string; status: string; reasoning: string; turns: number }[];
  agentMetrics: { role: string; tasksDone: number; successRate: number | null; tokens: number }[];
};
const RUN = `query($id: ID!) { project(id: $id) { latestRun { status error planStatus plan team { phase planVersion pausedReason tasks { key role status } }
  agentTasks { key role status reasoning turns } agentMetrics { role tasksDone successRate tokens } } } }`;

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
  expect((await gql(ada.cookie, REVIEW, { p: id, a: true })).errors![0]!.extensions.code).toBe('CONFLICT');
});

test('cancelling a run marks it failed as cancelled and leaves no sandbox', async () => {
  const ada = await signUp('CancelAda');
  const id = await createTeamProject(ada.cookie, 'Cancelled team');
  await waitFor('the plan to await approval', async () => (await run(ada.cookie, id)).team?.phase === 'awaiting_approval');
  expect((await gql(ada.cookie, 'mutation($p: ID!) { cancelRun(projectId: $p) }', { p: id })).data).toEqual({ cancelRun: true });
  const cancelled = await waitFor('the run to stop', async () => {
    const r = await run(ada.cookie, id);
    return r.status === 'FAILED' ? r : null;
  });
  expect(cancelled.error).toBe('The build was cancelled');
  await waitFor('the sandbox to be destroyed', async () => (await local.backend.list()).length === 0);
});
