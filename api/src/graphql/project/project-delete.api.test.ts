/**
 * deleteProject with live work, against real Temporal (a worker building the project), a bubblewrap sandbox,
 * the Liveblocks dev server and PostgreSQL: everything the project runs stops, then its rows go.
 */
import { randomUUID } from 'node:crypto';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { projectRoomId } from '../../../../contracts/collab';
import { Project, ProjectFile, ProjectRun } from '../../../../core/project/project.entity';
import { SandboxRecord } from '../../../../core/sandbox/sandbox.entity';
import { User } from '../../../../core/user/user.entity';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { createStack, testLimits, waitFor, type Stack } from '../../../../test/harness';
import { ConcurrencyLimiter } from '../../../../core/limits/concurrency-limiter';

let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let owner: string;

beforeAll(async () => {
  local = testLocalBackend();
  stack = await createStack({ sandboxBackend: local.backend });
  // Slow scaffolding keeps the build running while the test deletes the project.
  await stack.startWorker({ scaffoldFileDelayMs: 3_000 });
  const em = stack.db.orm.em.fork();
  owner = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Deleter', tier: 'pro' }).id;
  await em.flush();
});
afterAll(async () => {
  await stack?.dispose();
  await local?.dispose();
});

async function as(query: string, variables: Record<string, unknown>) {
  const response = await stack.app.apollo.executeOperation({ query, variables }, { contextValue: stack.app.createContext(owner) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

const status = async (workflowId: string) => (await stack.temporal.workflow.getHandle(workflowId).describe()).status.name;

it('stops the running build, destroys the sandbox, ends the room workflow, deletes the live room and the rows', async () => {
  const created = await as('mutation($i: CreateProjectInput!) { createProject(input: $i) { id name } }', {
    i: { name: 'Busy App', framework: 'express' },
  });
  const { id, name } = created.data!.createProject as { id: string; name: string };
  const build = workflowIds.projectBuild(id);
  await waitFor('the build to write its first file', async () => (await stack.db.orm.em.fork().count(ProjectFile, { project: id })) > 0);
  expect(await status(build)).toBe('RUNNING');

  const { record } = await stack.sandboxes!.create({ projectId: id, ownerId: owner, runtime: 'node' });
  expect(await local.backend.list()).toContain(record.backendId);
  // The room workflow's stand-in: nothing polls this queue, so only a terminate ends it.
  const room = workflowIds.projectRoom(id);
  await stack.temporal.workflow.start('projectRoomWorkflow', { taskQueue: `nobody-${randomUUID()}`, workflowId: room, args: [] });
  await stack.live!.ensure(id, randomUUID(), 'console.log(1)\n');
  await expect(stack.live!.client.getRoom(projectRoomId(id))).resolves.toBeTruthy();

  const deleted = await as('mutation($id: ID!, $c: String!) { deleteProject(id: $id, confirmName: $c) }', { id, c: name });
  expect(deleted.errors).toBeUndefined();
  expect(deleted.data?.deleteProject).toBe(true);

  expect(await status(build)).not.toBe('RUNNING');
  expect(await status(room)).toBe('TERMINATED');
  expect(await local.backend.list()).not.toContain(record.backendId);
  await expect(stack.live!.client.getRoom(projectRoomId(id))).rejects.toMatchObject({ status: 404 });
  const em = stack.db.orm.em.fork();
  for (const entity of [ProjectRun, ProjectFile, SandboxRecord] as const) expect(await em.count(entity, { project: id })).toBe(0);
  expect(await em.count(Project, { id })).toBe(0);
}, 60_000);

it('refuses a sandbox for an archived project', async () => {
  const created = await as('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
    i: { name: 'Shelved App', framework: 'express' },
  });
  const { id } = created.data!.createProject as { id: string };
  await waitFor('the starter build', async () => (await stack.db.orm.em.fork().findOneOrFail(Project, { id })).status === 'READY', 60_000);
  expect((await as('mutation($id: ID!) { archiveProject(id: $id) { id } }', { id })).errors).toBeUndefined();
  const started = await as('mutation($id: ID!) { startProjectSandbox(projectId: $id) }', { id });
  expect(started.errors?.[0]?.extensions?.code).toBe('PROJECT_ARCHIVED');
}, 90_000);

it('frees the agent-run slot of a build it had to terminate (a terminated build never releases its own)', async () => {
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner, name: `Stuck ${randomUUID().slice(0, 6)}`, framework: 'express', status: 'BUILDING' });
  const run = em.create(ProjectRun, { project, workflowId: workflowIds.projectRebuild(project.id, randomUUID()), status: 'RUNNING' });
  await em.flush();
  // The build holds its payer's slot, on a queue nobody polls: cancel never reaches it, only terminate ends it.
  const leases = new ConcurrencyLimiter(stack.redis, { config: testLimits });
  await leases.acquire({ id: owner, tier: 'pro' }, 'agent-runs', run.id, 30 * 60_000);
  await stack.temporal.workflow.start('projectRoomWorkflow', { taskQueue: `nobody-${randomUUID()}`, workflowId: run.workflowId, args: [] });
  expect(await leases.holders(owner, 'agent-runs')).toContain(run.id);

  const deleted = await as('mutation($id: ID!, $c: String!) { deleteProject(id: $id, confirmName: $c) }', { id: project.id, c: project.name });
  expect(deleted.errors).toBeUndefined();
  expect(await status(run.workflowId)).toBe('TERMINATED');
  expect(await leases.holders(owner, 'agent-runs')).not.toContain(run.id);
});
