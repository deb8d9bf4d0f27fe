import { Deployment } from '../../../../core/deploy/deploy.entities';
import {
  codeOf,
  DEPLOY,
  DEPLOYMENT_FIELDS,
  seedDeployment,
  SET_TOKEN,
  useVercelDeployKit,
} from '../../../../test/fixtures/deploy';

/**
 * Deployments over GraphQL (DeployService behind the resolvers; no worker runs the workflows here): what a deploy
 * answers, the refusals each with its DEPLOY_* code, the deployment's fields (live, rollback, logs), and who may do
 * what (every query and mutation of deploy.graphql).
 */
const t = useVercelDeployKit();

const DEPLOYMENT = `query($id: ID!, $after: Int, $limit: Int) { deployment(id: $id) { ${DEPLOYMENT_FIELDS} logs(after: $after, limit: $limit) { seq stream text } } }`;
const OVERVIEW = `query($p: ID!) { projectDeployments(projectId: $p) { latest { id status } history(limit: 2) { id } canDeploy canConfigure } }`;

it('deploys, answers a retry with the same deployment, and refuses with DEPLOY_* codes', async () => {
  const ada = await t.kit.person('Ada');
  const project = await t.kit.project(ada);
  await t.kit.ok(SET_TOKEN, { p: 'vercel', t: t.fake.token.value }, ada);

  const first = await t.kit.gql(DEPLOY, { i: { projectId: project, target: 'vercel', idempotencyKey: 'click-1' } }, ada);
  expect(first.data?.deploy).toEqual({
    id: expect.any(String),
    projectId: project,
    target: 'vercel',
    status: 'QUEUED',
    trigger: 'user',
    isLive: false,
    canRollback: false,
    skipTests: false,
    url: null,
    error: null,
    errorCode: null,
    sourceDeploymentId: null,
    createdBy: { id: ada },
    logCount: 0,
  });
  const id = (first.data!.deploy as { id: string }).id;
  const again = await t.kit.gql(DEPLOY, { i: { projectId: project, target: 'vercel', idempotencyKey: 'click-1' } }, ada);
  expect((again.data?.deploy as { id: string }).id).toBe(id);
  expect(await t.kit.stack.events.read(project)).toEqual([expect.objectContaining({ type: 'deploy.created', data: expect.objectContaining({ deploymentId: id }) })]);

  // One deployment in flight per project and target.
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: project, target: 'vercel' } }, ada))).toBe('DEPLOY_IN_PROGRESS');
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: project, target: 'heroku' } }, ada))).toBe('DEPLOY_TARGET_UNAVAILABLE');
  // A known target this platform does not offer (no adapter configured).
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: project, target: 'netlify' } }, ada))).toBe('DEPLOY_TARGET_UNAVAILABLE');
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: project, target: 'vercel', idempotencyKey: 'no spaces!' } }, ada))).toBe('BAD_USER_INPUT');

  const bob = await t.kit.person('Bob');
  const bobs = await t.kit.project(bob);
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: bobs, target: 'vercel' } }, bob))).toBe('DEPLOY_TOKEN_MISSING');
  const archived = await t.kit.project(ada, { archivedAt: new Date() });
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: archived, target: 'vercel' } }, ada))).toBe('PROJECT_ARCHIVED');

  // Rolling back: only to one that went live, is not live now, and kept its package.
  const live = await seedDeployment(t.kit, project, { status: 'LIVE', artifactSha: 'a'.repeat(64), url: 'https://v2.example.com', live: true });
  const older = await seedDeployment(t.kit, project, { status: 'SUPERSEDED', artifactSha: 'b'.repeat(64), logLines: ['npm ci', 'npm run build', 'ready'] });
  const failed = await seedDeployment(t.kit, project, { status: 'FAILED' });
  const ROLLBACK = 'mutation($id: ID!) { rollbackDeployment(deploymentId: $id) { id } }';
  expect(codeOf(await t.kit.gql(ROLLBACK, { id: failed }, ada))).toBe('DEPLOY_ROLLBACK_INVALID');
  expect(codeOf(await t.kit.gql(ROLLBACK, { id: live }, ada))).toBe('DEPLOY_ROLLBACK_INVALID');
  expect(codeOf(await t.kit.gql(ROLLBACK, { id }, ada))).toBe('DEPLOY_ROLLBACK_INVALID');
  // A valid rollback still waits for the deployment in flight.
  expect(codeOf(await t.kit.gql(ROLLBACK, { id: older }, ada))).toBe('DEPLOY_IN_PROGRESS');

  const view = async (deploymentId: string, extra: Record<string, unknown> = {}) =>
    (await t.kit.ok(DEPLOYMENT, { id: deploymentId, ...extra }, ada)).deployment as Record<string, unknown>;
  expect(await view(live)).toMatchObject({ status: 'LIVE', isLive: true, canRollback: false, url: 'https://v2.example.com', logs: [] });
  expect(await view(older)).toMatchObject({ isLive: false, canRollback: true, logCount: 3, logs: [{ seq: 1, stream: 'build', text: 'npm ci' }, { seq: 2 }, { seq: 3 }] });
  expect((await view(older, { after: 1, limit: 1 })).logs).toEqual([{ seq: 2, stream: 'build', text: 'npm run build' }]);
  expect(await view(failed)).toMatchObject({ isLive: false, canRollback: false });
  for (const limit of [0, 5001]) expect(codeOf(await t.kit.gql(DEPLOYMENT, { id: older, limit }, ada))).toBe('BAD_USER_INPUT');
  expect(codeOf(await t.kit.gql(DEPLOYMENT, { id: older, after: -1 }, ada))).toBe('BAD_USER_INPUT');

  const overview = (await t.kit.ok(OVERVIEW, { p: project }, ada)).projectDeployments as { latest: { id: string }[]; history: unknown[] };
  expect(overview).toMatchObject({ canDeploy: true, canConfigure: true, history: [{ id: failed }, { id: older }] });
  expect(overview.latest).toEqual([{ id: failed, status: 'FAILED' }]);

  // Cancelling one in flight asks its workflow to stop; an ended one is answered as it is.
  const CANCEL = 'mutation($id: ID!) { cancelDeployment(deploymentId: $id) { id status } }';
  expect(await t.kit.ok(CANCEL, { id }, ada)).toEqual({ cancelDeployment: { id, status: 'QUEUED' } });
  expect(await t.kit.ok(CANCEL, { id: failed }, ada)).toEqual({ cancelDeployment: { id: failed, status: 'FAILED' } });
  const handle = t.kit.stack.temporal.workflow.getHandle(`deployment:${id}`);
  const history = (await handle.fetchHistory()).events ?? [];
  expect(history.some((e) => e.workflowExecutionCancelRequestedEventAttributes)).toBe(true);
  expect(await t.kit.stack.db.orm.em.fork().count(Deployment, { project })).toBe(4);
});

it('answers every deploy query and mutation by role: strangers, public readers and room guests NOT_FOUND, members FORBIDDEN to configure', async () => {
  const [olga, adam, mia, sten, gus] = await Promise.all(['Olga', 'Adam', 'Mia', 'Sten', 'Gus'].map((n) => t.kit.person(n)));
  const team = await t.kit.team(olga, { [adam]: 'admin', [mia]: 'member' });
  const teamOnly = await t.kit.project(mia, { teamId: team, visibility: 'team' });
  const open = await t.kit.project(mia, { teamId: team, visibility: 'public' });
  await t.kit.roomGuest(teamOnly, mia, gus);

  const operations = (projectId: string, deploymentId: string) => ({
    read: {
      projectDeployments: [OVERVIEW, { p: projectId }],
      deployment: [DEPLOYMENT, { id: deploymentId }],
    },
    create: {
      deploy: [DEPLOY, { i: { projectId, target: 'vercel' } }],
      redeploy: ['mutation($id: ID!) { redeploy(deploymentId: $id) { id } }', { id: deploymentId }],
      rollbackDeployment: ['mutation($id: ID!) { rollbackDeployment(deploymentId: $id) { id } }', { id: deploymentId }],
      cancelDeployment: ['mutation($id: ID!) { cancelDeployment(deploymentId: $id) { id } }', { id: deploymentId }],
      stopLocalApp: ['mutation($p: ID!) { stopLocalApp(projectId: $p) { target } }', { p: projectId }],
      startLocalApp: ['mutation($p: ID!) { startLocalApp(projectId: $p) { target } }', { p: projectId }],
    },
    configure: {
      setDeployEnvVar: ['mutation($i: DeployEnvVarInput!) { setDeployEnvVar(input: $i) { key } }', { i: { projectId, target: '*', key: 'K', value: 'v' } }],
      deleteDeployEnvVar: ['mutation($p: ID!) { deleteDeployEnvVar(projectId: $p, target: "*", key: "K") }', { p: projectId }],
      setDeployTargetSettings: [
        'mutation($i: DeployTargetSettingsInput!) { setDeployTargetSettings(input: $i) { target settings allowAgentDeploys } }',
        { i: { projectId, target: 'vercel', settings: { name: 'crew-app' }, allowAgentDeploys: true } },
      ],
      deleteLocalApp: ['mutation($p: ID!) { deleteLocalApp(projectId: $p) { target appState } }', { p: projectId }],
    },
  });
  type Ops = ReturnType<typeof operations>;
  const codes = async (ops: Ops[keyof Ops], viewerId: string) => {
    const out: Record<string, unknown> = {};
    for (const [name, [query, variables]] of Object.entries(ops) as [string, [string, Record<string, unknown>]][]) {
      const result = await t.kit.gql(query, variables, viewerId);
      out[name] = codeOf(result) ?? (result.data?.[name] === null ? 'null' : 'ok');
    }
    return out;
  };
  const every = (ops: Record<string, unknown>, code: string) => Object.fromEntries(Object.keys(ops).map((k) => [k, code]));

  for (const [projectId, outsiders] of [
    [teamOnly, [sten, gus]],
    [open, [sten]],
  ] as const) {
    const ops = operations(projectId, await seedDeployment(t.kit, projectId, { status: 'FAILED', createdBy: mia }));
    for (const who of outsiders) {
      // deployment(id) is nullable: like project(id), one the caller may not read is answered as missing.
      expect(await codes(ops.read, who)).toEqual({ projectDeployments: 'NOT_FOUND', deployment: 'null' });
      expect(await codes(ops.create, who)).toEqual(every(ops.create, 'NOT_FOUND'));
      expect(await codes(ops.configure, who)).toEqual(every(ops.configure, 'NOT_FOUND'));
    }
    expect(await codes(ops.read, mia)).toEqual(every(ops.read, 'ok'));
    // A member deploys (refused here only for the deployment's own reasons), but does not configure.
    expect(await codes(ops.create, mia)).toEqual({
      deploy: 'DEPLOY_TOKEN_MISSING',
      redeploy: 'DEPLOY_TOKEN_MISSING',
      rollbackDeployment: 'DEPLOY_ROLLBACK_INVALID',
      cancelDeployment: 'ok',
      stopLocalApp: 'CONFLICT',
      startLocalApp: 'CONFLICT',
    });
    expect(await codes(ops.configure, mia)).toEqual(every(ops.configure, 'FORBIDDEN'));
    for (const who of [adam, olga]) expect(await codes(ops.configure, who)).toEqual(every(ops.configure, 'ok'));
  }
  const overview = async (who: string) => ((await t.kit.ok(OVERVIEW, { p: teamOnly }, who)).projectDeployments as Record<string, unknown>);
  expect(await overview(mia)).toMatchObject({ canDeploy: true, canConfigure: false });
  expect(await overview(adam)).toMatchObject({ canDeploy: true, canConfigure: true });
  expect(codeOf(await t.kit.gql(OVERVIEW, { p: teamOnly }, null))).toBe('NOT_FOUND');
  expect(codeOf(await t.kit.gql(DEPLOY, { i: { projectId: teamOnly, target: 'vercel' } }, null))).toBe('UNAUTHENTICATED');
});
