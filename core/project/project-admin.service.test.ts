/**
 * ProjectAdminService.delete against real Temporal and PostgreSQL: workflows that ignore cancellation are
 * terminated, workflows known only to Temporal's visibility are found, and a retry after a failure part-way
 * finishes the job. The API-level tests: api/src/graphql/project/project-admin.api.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { workflowIds } from '../../contracts/workflow-ids';
import { createStack, waitFor, type Stack } from '../../test/harness';
import type { LiveDocs } from '../files/live-docs';
import { User } from '../user/user.entity';
import { ProjectAdminService } from './project-admin.service';
import { Project, ProjectRun } from './project.entity';
import { ProjectArchivedError } from './project.errors';
import { ProjectService } from './project.service';

let stack: Stack;
beforeAll(async () => {
  stack = await createStack({ live: false });
});
afterAll(() => stack?.dispose());

function services(live: LiveDocs | null = null): { em: EntityManager; projects: ProjectService; admin: ProjectAdminService } {
  const em = stack.db.orm.em.fork() as EntityManager;
  const projects = new ProjectService(em, stack.temporal, stack.events, stack.taskQueue);
  return {
    em,
    projects,
    admin: new ProjectAdminService(em, { projects, events: stack.events, temporal: stack.temporal, live, cancelGraceMs: 300 }),
  };
}

async function seedProject(): Promise<{ owner: string; project: Project }> {
  const em = stack.db.orm.em.fork();
  const owner = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Owner' });
  const project = em.create(Project, { owner, name: 'Stubborn', framework: 'express', buildMode: 'team' });
  await em.flush();
  return { owner: owner.id, project };
}

/** Starts a workflow no worker ever runs: a cancellation is never acknowledged, only a terminate ends it. */
const startIdle = (type: string, workflowId: string) =>
  stack.temporal.workflow.start(type, { taskQueue: `nobody-${randomUUID()}`, workflowId, args: [] });
const status = async (workflowId: string) => (await stack.temporal.workflow.getHandle(workflowId).describe()).status.name;

it('terminates workflows that do not end when cancelled, including ones only Temporal knows of', async () => {
  const { owner, project } = await seedProject();
  const build = workflowIds.projectBuild(project.id);
  const em = stack.db.orm.em.fork();
  em.create(ProjectRun, { project: project.id, workflowId: build, status: 'RUNNING' });
  await em.flush();
  await startIdle('projectBuildWorkflow', build);
  // No row names a sandbox verification: it is found through visibility.
  const verify = workflowIds.sandboxVerify(project.id, randomUUID());
  await startIdle('sandboxVerifyWorkflow', verify);
  const other = workflowIds.sandboxVerify(randomUUID(), randomUUID());
  await startIdle('sandboxVerifyWorkflow', other);
  await waitFor('visibility to list the verification', async () => {
    for await (const w of stack.temporal.workflow.list({ query: `WorkflowId = '${verify}'` })) return w;
    return null;
  });

  expect(await services().admin.delete(owner, project.id, 'Stubborn')).toBe(true);
  expect(await status(build)).toBe('TERMINATED');
  expect(await status(verify)).toBe('TERMINATED');
  expect(await status(other)).toBe('RUNNING'); // another project's
  await stack.temporal.workflow.getHandle(other).terminate('test over');
  expect(await stack.db.orm.em.fork().count(Project, { id: project.id })).toBe(0);
}, 30_000);

it('leaves the project archived when a step fails, refuses new builds meanwhile, and a retry finishes the job', async () => {
  const { owner, project } = await seedProject();
  let failures = 1;
  const flaky = {
    deleteRoom: async () => {
      if (failures-- > 0) throw new Error('Liveblocks is unreachable');
    },
  } as unknown as LiveDocs;

  await expect(services(flaky).admin.delete(owner, project.id, 'Stubborn')).rejects.toThrow('Liveblocks is unreachable');
  const left = await stack.db.orm.em.fork().findOneOrFail(Project, { id: project.id });
  expect(left.archivedAt).toBeInstanceOf(Date);
  await expect(services().projects.startTeamRun(owner, project.id, {})).rejects.toBeInstanceOf(ProjectArchivedError);

  expect(await services(flaky).admin.delete(owner, project.id, 'Stubborn')).toBe(true);
  expect(await stack.db.orm.em.fork().count(Project, { id: project.id })).toBe(0);
  expect((await stack.events.read(project.id)).filter((e) => e.type === 'project.deleted')).toHaveLength(1);
});
