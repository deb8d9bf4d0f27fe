import { GithubFake } from '../../../../test/fakes/deploy/github-fake';
import { RailwayFake } from '../../../../test/fakes/deploy/railway-fake';
import { DEFAULT_PROVIDER_ENDPOINTS } from '../target';
import { contractArtifact, contractContext, findOrCreate, type ContractSetup } from '../target-contract';
import { createRailwayTarget } from './index';

describe('Railway target', () => {
  let github: GithubFake;
  let fake: RailwayFake;
  let setup: ContractSetup;
  beforeAll(async () => {
    github = await new GithubFake().start();
    fake = await new RailwayFake(github).start();
    const adapter = createRailwayTarget({
      endpoints: { ...DEFAULT_PROVIDER_ENDPOINTS, railway: fake.url, github: github.url, githubGit: github.gitUrl },
      pollMs: 5,
    });
    setup = { adapter, fake, tokens: { railway: fake.token.value, github: github.token.value }, tokenProvider: 'railway' };
  });
  afterAll(async () => {
    await fake.close();
    await github.close();
  });
  beforeEach(() => {
    github.reset();
    fake.reset();
  });
  const repo = () => `${github.token.account}/todo-app`;

  it('creates a project marked as ours and a service from the exported repository with the variables, deploying our commit once', async () => {
    const { ctx, lines } = contractContext(setup, '00000000-0000-4000-c000-000000000001');
    const created = await findOrCreate(setup.adapter, ctx, contractArtifact());
    const [project] = [...fake.projects.values()];
    expect(project).toMatchObject({ name: 'todo-app', description: expect.stringContaining(ctx.projectId) });
    expect(created.projectRef).toBe(project!.id);
    expect([...fake.services.values()][0]).toMatchObject({ repo: repo(), branch: 'main' });
    expect(fake.variablesOf('todo-app')).toEqual({ GREETING: 'hello', API_SECRET: 's3cret-value' });
    // Railway deployed the new service's head (our commit) by itself: no second deployment was triggered.
    expect(fake.deployments.size).toBe(1);
    expect(fake.deployments.get(created.ref)?.commitHash).toBe(github.head(repo())!.sha);

    const ready = await setup.adapter.waitReady(ctx, created);
    expect(ready.url).toBe(created.url);
    await expect(setup.adapter.probe(ctx, created, ready.url)).resolves.toMatchObject({ healthy: true });
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('variables: GREETING, API_SECRET');
    expect(text).not.toContain('s3cret-value');
    expect(lines.find((l) => l.text === 'Listening on port 8080')?.stream).toBe('runtime');
  });

  it('deploys the next deployment into the same service (serviceInstanceDeployV2 with our commit), variables replaced', async () => {
    const first = contractContext(setup, '00000000-0000-4000-c000-000000000002');
    const one = await findOrCreate(setup.adapter, first.ctx, contractArtifact());
    await setup.adapter.waitReady(first.ctx, one);
    const second = contractContext(setup, '00000000-0000-4000-c000-000000000003', {
      env: { GREETING: 'hola' },
      providerProjectRef: one.projectRef,
    });
    const two = await findOrCreate(setup.adapter, second.ctx, contractArtifact());
    expect(two.projectRef).toBe(one.projectRef);
    expect(fake.services.size).toBe(1);
    expect(fake.variablesOf('todo-app')).toEqual({ GREETING: 'hola' });
    expect(fake.deployments.get(two.ref)?.commitHash).toBe(github.head(repo())!.sha);
    await setup.adapter.waitReady(second.ctx, two);
    expect(fake.isActive(one.ref)).toBe(false);
    expect(fake.deploymentsFor('00000000-0000-4000-c000-000000000003')).toBe(1);
  });

  it('discarding a successful but unhealthy deployment rolls the service back to the previous one', async () => {
    const first = contractContext(setup, '00000000-0000-4000-c000-000000000004');
    const one = await findOrCreate(setup.adapter, first.ctx, contractArtifact());
    await setup.adapter.waitReady(first.ctx, one);
    fake.fail('unhealthy');
    const second = contractContext(setup, '00000000-0000-4000-c000-000000000005');
    const two = await findOrCreate(setup.adapter, second.ctx, contractArtifact());
    const ready = await setup.adapter.waitReady(second.ctx, two);
    await expect(setup.adapter.probe(second.ctx, two, ready.url)).resolves.toMatchObject({ healthy: false });
    await setup.adapter.discard(second.ctx, two);
    expect(fake.isActive(two.ref)).toBe(false);
    await expect(setup.adapter.probe(first.ctx, one, ready.url)).resolves.toMatchObject({ healthy: true });
  });

  it('refuses a project of that name that is not ours with DEPLOY_NAME_TAKEN before pushing anything', async () => {
    fake.addForeignProject('todo-app');
    const { ctx } = contractContext(setup, '00000000-0000-4000-c000-000000000006');
    await expect(findOrCreate(setup.adapter, ctx, contractArtifact())).rejects.toMatchObject({
      code: 'DEPLOY_NAME_TAKEN',
      retryable: false,
    });
    expect(github.hasRepo(repo())).toBe(false);
  });

  it('maps Railway’s "Not Authorized" GraphQL error to DEPLOY_TOKEN_REFUSED', async () => {
    await expect(setup.adapter.verifyToken('railway', 'nope', null)).rejects.toMatchObject({ code: 'DEPLOY_TOKEN_REFUSED' });
    await expect(setup.adapter.verifyToken('github', github.token.value, null)).resolves.toEqual({ account: github.token.account });
  });
});
