import { ProjectRun } from '../../../../core/project/project.entity';
import { createStack, waitFor, type Stack } from '../../../../test/harness';

const CREATE = `mutation Create($input: CreateProjectInput!) {
  createProject(input: $input) { id name framework status features database styling visibility latestRun { workflowId status } }
}`;
const PROJECT = `query Project($id: ID!) {
  project(id: $id) { id status runs { status startedAt finishedAt error } files { path language size content } }
}`;

let stack: Stack;
beforeAll(async () => {
  stack = await createStack();
});
afterAll(() => stack?.dispose());

async function execute(query: string, variables: Record<string, unknown>) {
  const response = await stack.app.apollo.executeOperation({ query, variables }, { contextValue: stack.app.createContext() });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('createProject validation', () => {
  it('names every bad field with BAD_USER_INPUT and saves nothing', async () => {
    const result = await execute(CREATE, {
      input: { name: '9lives', framework: 'rails', description: 'x'.repeat(501), features: ['Bad Tag'], visibility: 'secret' },
    });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.field).toBe('name');
    const fields = (error?.extensions?.fieldErrors as { field: string }[]).map((e) => e.field);
    expect(fields.sort()).toEqual(['description', 'features', 'framework', 'name', 'visibility']);
    expect(error?.message).toContain('Framework must be one of nextjs, react, vue, express, fastapi, django');
    expect(await stack.db.orm.em.fork().count('Project')).toBe(0);
  });

  it('refuses a second project with the same name for the same owner', async () => {
    const first = await execute(CREATE, { input: { name: 'Twice', framework: 'express' } });
    expect(first.errors).toBeUndefined();
    const second = await execute(CREATE, { input: { name: 'Twice', framework: 'fastapi' } });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('rejects a missing required field at the GraphQL layer without leaking internals', async () => {
    const result = await execute(CREATE, { input: { name: 'No framework' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stack|at Object|node_modules/);
  });
});

describe('createProject idempotency and the build', () => {
  it('returns the same project for a retried key, starts one run, and the run completes', async () => {
    const { stop } = await stack.startWorker();
    const input = { name: 'Shop API', framework: 'express', features: ['auth', 'auth'], idempotencyKey: 'retry-key-0001' };
    const attempts = await Promise.all([execute(CREATE, { input }), execute(CREATE, { input }), execute(CREATE, { input })]);
    const ids = attempts.map((r) => (r.data?.createProject as { id: string }).id);
    expect(new Set(ids).size).toBe(1);
    const created = attempts[0]!.data!.createProject as { features: string[]; visibility: string; latestRun: { workflowId: string } };
    expect(created.features).toEqual(['auth']);
    expect(created.visibility).toBe('private');
    expect(created.latestRun.workflowId).toBe(`project-build:${ids[0]}`);

    const done = await waitFor('the run to finish', async () => {
      const result = await execute(PROJECT, { id: ids[0] });
      const project = result.data?.project as { status: string; runs: unknown[]; files: { path: string; content: string }[] };
      return project.status === 'READY' ? project : undefined;
    });
    expect(done.runs).toHaveLength(1);
    expect(done.files.map((f) => f.path)).toEqual([
      '.gitignore',
      'README.md',
      'package.json',
      'src/app.js',
      'src/server.js',
      'test/app.test.js',
    ]);
    expect(JSON.parse(done.files.find((f) => f.path === 'package.json')!.content).name).toBe('shop-api');
    expect(await stack.db.orm.em.fork().count(ProjectRun, {})).toBeGreaterThanOrEqual(1);
    const again = await execute(CREATE, { input });
    expect((again.data?.createProject as { id: string }).id).toBe(ids[0]);
    expect(await stack.db.orm.em.fork().count(ProjectRun, { project: ids[0] })).toBe(1);
    await stop();
  });

  it('answers null for an unknown or malformed project id', async () => {
    for (const id of ['00000000-0000-4000-8000-00000000ffff', 'not-a-uuid']) {
      const result = await execute(PROJECT, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data?.project).toBeNull();
    }
  });

  it('lists the frameworks, marking which have a starter', async () => {
    const result = await execute('{ frameworks { id scaffolded } }', {});
    expect(result.data?.frameworks).toEqual(
      expect.arrayContaining([
        { id: 'express', scaffolded: true },
        { id: 'fastapi', scaffolded: true },
        { id: 'nextjs', scaffolded: false },
      ]),
    );
  });
});
