import { GithubFake } from '../../../../test/fakes/deploy/github-fake';
import { RenderFake } from '../../../../test/fakes/deploy/render-fake';
import { DEFAULT_PROVIDER_ENDPOINTS } from '../target';
import { contractArtifact, contractContext, findOrCreate, type ContractSetup } from '../target-contract';
import { createRenderTarget } from './index';

describe('Render target', () => {
  let github: GithubFake;
  let fake: RenderFake;
  let setup: ContractSetup;
  beforeAll(async () => {
    github = await new GithubFake().start();
    fake = await new RenderFake(github).start();
    const adapter = createRenderTarget({
      endpoints: { ...DEFAULT_PROVIDER_ENDPOINTS, render: fake.url, github: github.url, githubGit: github.gitUrl },
      pollMs: 5,
    });
    setup = { adapter, fake, tokens: { render: fake.token.value, github: github.token.value }, tokenProvider: 'render' };
  });
  afterAll(async () => {
    await fake.close();
    await github.close();
  });
  beforeEach(() => {
    github.reset();
    fake.reset();
  });

  it('exports to GitHub, creates the service from that repository with the env vars, and deploys our commit once', async () => {
    const { ctx, lines } = contractContext(setup, '00000000-0000-4000-b000-000000000001');
    const created = await findOrCreate(setup.adapter, ctx, contractArtifact());
    const head = github.head(`${github.token.account}/todo-app`)!;
    expect(head.message).toContain('Atelier-Deployment: 00000000-0000-4000-b000-000000000001');
    const create = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/services')!;
    expect(JSON.parse(create.body.toString())).toMatchObject({
      type: 'web_service',
      name: 'todo-app',
      repo: `${github.gitUrl}/${github.token.account}/todo-app`,
      branch: 'main',
      autoDeploy: 'no',
      serviceDetails: { runtime: 'node', envSpecificDetails: { buildCommand: 'npm install', startCommand: 'npm start' } },
    });
    expect(fake.envOf('todo-app')).toEqual({ GREETING: 'hello', API_SECRET: 's3cret-value' });
    // Render started the service's first deploy of our commit itself: no second deploy was triggered.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deploys'))).toHaveLength(0);
    expect(fake.deploys.get(created.ref)?.commit.id).toBe(head.sha);

    const ready = await setup.adapter.waitReady(ctx, created);
    expect(ready.url).toBe(created.url);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('Build successful');
    expect(text).toContain('GREETING, API_SECRET');
    expect(text).not.toContain('s3cret-value');
    expect(lines.find((l) => l.text === 'Listening on port 10000')?.stream).toBe('runtime');
  });

  it('deploys the next deployment to the same service with a triggered deploy of the new commit, env vars updated', async () => {
    const first = contractContext(setup, '00000000-0000-4000-b000-000000000002');
    const one = await findOrCreate(setup.adapter, first.ctx, contractArtifact());
    await setup.adapter.waitReady(first.ctx, one);
    const second = contractContext(setup, '00000000-0000-4000-b000-000000000003', { env: { GREETING: 'bonjour' } });
    const two = await findOrCreate(setup.adapter, second.ctx, contractArtifact());
    expect(two.projectRef).toBe(one.projectRef);
    expect(fake.services.size).toBe(1);
    expect(fake.envOf('todo-app')).toEqual({ GREETING: 'bonjour' });
    const trigger = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deploys'))!;
    expect(JSON.parse(trigger.body.toString())).toMatchObject({ commitId: github.head(`${github.token.account}/todo-app`)!.sha });
    await setup.adapter.waitReady(second.ctx, two);
    expect(fake.isActive(one.ref)).toBe(false); // deactivated: the new deploy is live
    await expect(setup.adapter.find(second.ctx)).resolves.toMatchObject({ ref: two.ref });
  });

  it('discarding a live but unhealthy deploy rolls the service back to the previous deploy', async () => {
    const first = contractContext(setup, '00000000-0000-4000-b000-000000000004');
    const one = await findOrCreate(setup.adapter, first.ctx, contractArtifact());
    await setup.adapter.waitReady(first.ctx, one);
    fake.fail('unhealthy');
    const second = contractContext(setup, '00000000-0000-4000-b000-000000000005');
    const two = await findOrCreate(setup.adapter, second.ctx, contractArtifact());
    const ready = await setup.adapter.waitReady(second.ctx, two);
    await expect(setup.adapter.probe(second.ctx, two, ready.url)).resolves.toMatchObject({ healthy: false });
    await setup.adapter.discard(second.ctx, two);
    expect(fake.isActive(two.ref)).toBe(false);
    await expect(setup.adapter.probe(first.ctx, one, ready.url)).resolves.toMatchObject({ healthy: true });
    expect(fake.requests.some((r) => r.path.endsWith('/rollback'))).toBe(true);
  });

  it('refuses a service of that name deploying another repository with DEPLOY_NAME_TAKEN', async () => {
    fake.fail('name-taken');
    const { ctx } = contractContext(setup, '00000000-0000-4000-b000-000000000006');
    await expect(findOrCreate(setup.adapter, ctx, contractArtifact())).rejects.toMatchObject({ code: 'DEPLOY_NAME_TAKEN' });
    expect(fake.deploymentsFor('00000000-0000-4000-b000-000000000006')).toBe(0);
    expect(github.hasRepo(`${github.token.account}/todo-app`)).toBe(false); // nothing pushed either
  });

  it('after a failure between the push and the service, the retry reuses the pushed commit (one commit, one deploy)', async () => {
    const { ctx } = contractContext(setup, '00000000-0000-4000-b000-000000000007');
    fake.fail('server-error'); // POST /v1/services answers 503, after the export was pushed
    await expect(findOrCreate(setup.adapter, ctx, contractArtifact())).rejects.toMatchObject({
      code: 'DEPLOY_PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect(github.deploymentsFor('00000000-0000-4000-b000-000000000007')).toBe(1);
    await findOrCreate(setup.adapter, ctx, contractArtifact());
    expect(github.deploymentsFor('00000000-0000-4000-b000-000000000007')).toBe(1);
    expect(github.log(`${github.token.account}/todo-app`)).toHaveLength(1);
    expect(fake.deploymentsFor('00000000-0000-4000-b000-000000000007')).toBe(1);
  });

  it('stops waiting with DEPLOY_CANCELLED when the deployment is cancelled, and discard cancels the Render deploy', async () => {
    const upload = contractContext(setup, '00000000-0000-4000-b000-000000000008');
    const created = await findOrCreate(setup.adapter, upload.ctx, contractArtifact());
    const controller = new AbortController();
    const waiting = contractContext(setup, '00000000-0000-4000-b000-000000000008', {
      signal: controller.signal,
      heartbeat: () => controller.abort(),
    });
    await expect(setup.adapter.waitReady(waiting.ctx, created)).rejects.toMatchObject({ code: 'DEPLOY_CANCELLED' });
    await setup.adapter.discard(upload.ctx, created);
    expect(fake.deploys.get(created.ref)?.status).toBe('canceled');
  });

  it('creates a static site publishing the static folder when there is nothing to start', async () => {
    const { ctx } = contractContext(setup, '00000000-0000-4000-b000-000000000009');
    await findOrCreate(setup.adapter, ctx, {
      ...contractArtifact(),
      startCommand: null,
      packageJson: { scripts: { build: 'vite build' } },
    });
    const create = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/services')!;
    expect(JSON.parse(create.body.toString())).toMatchObject({
      type: 'static_site',
      serviceDetails: { buildCommand: 'npm install && npm run build', publishPath: 'public' },
    });
  });

  it('verifies a GitHub token too (Render deploys from the exported repository)', async () => {
    await expect(setup.adapter.verifyToken('github', github.token.value, null)).resolves.toEqual({ account: github.token.account });
  });
});
