import { RailwayFake } from '../../../../test/fakes/deploy/railway-fake';
import { useGithubBacked } from '../../../../test/fixtures/github-targets';
import { contractArtifact, contractContext, expectDiscardRollsBack, findOrCreate } from '../target-contract';
import { createRailwayTarget } from './index';

describe('Railway target', () => {
  const t = useGithubBacked({ provider: 'railway', fake: (github) => new RailwayFake(github), adapter: (endpoints) => createRailwayTarget({ endpoints, pollMs: 5 }) });
  const repo = () => `${t.github.token.account}/todo-app`;

  it('creates a project marked as ours and a service from the exported repository with the variables, deploying our commit once', async () => {
    const { ctx, lines } = contractContext(t.setup, '00000000-0000-4000-c000-000000000001');
    const created = await findOrCreate(t.setup.adapter, ctx, contractArtifact());
    const [project] = [...t.fake.projects.values()];
    expect(project).toMatchObject({ name: 'todo-app', description: expect.stringContaining(ctx.projectId) });
    expect(created.projectRef).toBe(project!.id);
    expect([...t.fake.services.values()][0]).toMatchObject({ repo: repo(), branch: 'main' });
    expect(t.fake.variablesOf('todo-app')).toEqual({ GREETING: 'hello', API_SECRET: 's3cret-value' });
    // Railway deployed the new service's head (our commit) by itself: no second deployment was triggered.
    expect(t.fake.deployments.size).toBe(1);
    expect(t.fake.deployments.get(created.ref)?.commitHash).toBe(t.github.head(repo())!.sha);

    const ready = await t.setup.adapter.waitReady(ctx, created);
    expect(ready.url).toBe(created.url);
    await expect(t.setup.adapter.probe(ctx, created, ready.url)).resolves.toMatchObject({ healthy: true });
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('variables: GREETING, API_SECRET');
    expect(text).not.toContain('s3cret-value');
    expect(lines.find((l) => l.text === 'Listening on port 8080')?.stream).toBe('runtime');
  });

  it('deploys the next deployment into the same service (serviceInstanceDeployV2 with our commit), variables replaced', async () => {
    const first = contractContext(t.setup, '00000000-0000-4000-c000-000000000002');
    const one = await findOrCreate(t.setup.adapter, first.ctx, contractArtifact());
    await t.setup.adapter.waitReady(first.ctx, one);
    const second = contractContext(t.setup, '00000000-0000-4000-c000-000000000003', {
      env: { GREETING: 'hola' },
      providerProjectRef: one.projectRef,
    });
    const two = await findOrCreate(t.setup.adapter, second.ctx, contractArtifact());
    expect(two.projectRef).toBe(one.projectRef);
    expect(t.fake.services.size).toBe(1);
    expect(t.fake.variablesOf('todo-app')).toEqual({ GREETING: 'hola' });
    expect(t.fake.deployments.get(two.ref)?.commitHash).toBe(t.github.head(repo())!.sha);
    await t.setup.adapter.waitReady(second.ctx, two);
    expect(t.fake.isActive(one.ref)).toBe(false);
    expect(t.fake.deploymentsFor('00000000-0000-4000-c000-000000000003')).toBe(1);
  });

  it('discarding a successful but unhealthy deployment rolls the service back to the previous one', async () => {
    await expectDiscardRollsBack(t.setup, '00000000-0000-4000-c000-000000000004', '00000000-0000-4000-c000-000000000005');
  });

  it('refuses a project of that name that is not ours with DEPLOY_NAME_TAKEN before pushing anything', async () => {
    t.fake.addForeignProject('todo-app');
    const { ctx } = contractContext(t.setup, '00000000-0000-4000-c000-000000000006');
    await expect(findOrCreate(t.setup.adapter, ctx, contractArtifact())).rejects.toMatchObject({
      code: 'DEPLOY_NAME_TAKEN',
      retryable: false,
    });
    expect(t.github.hasRepo(repo())).toBe(false);
  });

  it('maps Railway’s "Not Authorized" GraphQL error to DEPLOY_TOKEN_REFUSED', async () => {
    await expect(t.setup.adapter.verifyToken('railway', 'nope', null)).rejects.toMatchObject({ code: 'DEPLOY_TOKEN_REFUSED' });
    await expect(t.setup.adapter.verifyToken('github', t.github.token.value, null)).resolves.toEqual({ account: t.github.token.account });
  });
});
