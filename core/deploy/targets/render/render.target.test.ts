import { RenderFake } from '../../../../test/fakes/deploy/render-fake';
import { useGithubBacked } from '../../../../test/fixtures/github-targets';
import { contractArtifact, contractContext, expectDiscardRollsBack, findOrCreate } from '../target-contract';
import { createRenderTarget } from './index';

describe('Render target', () => {
  const t = useGithubBacked({ provider: 'render', fake: (github) => new RenderFake(github), adapter: (endpoints) => createRenderTarget({ endpoints, pollMs: 5 }) });

  it('exports to GitHub, creates the service from that repository with the env vars, and deploys our commit once', async () => {
    const { ctx, lines } = contractContext(t.setup, '00000000-0000-4000-b000-000000000001');
    const created = await findOrCreate(t.setup.adapter, ctx, contractArtifact());
    const head = t.github.head(`${t.github.token.account}/todo-app`)!;
    expect(head.message).toContain('Atelier-Deployment: 00000000-0000-4000-b000-000000000001');
    const create = t.fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/services')!;
    expect(JSON.parse(create.body.toString())).toMatchObject({
      type: 'web_service',
      name: 'todo-app',
      repo: `${t.github.gitUrl}/${t.github.token.account}/todo-app`,
      branch: 'main',
      autoDeploy: 'no',
      serviceDetails: { runtime: 'node', envSpecificDetails: { buildCommand: 'npm install', startCommand: 'npm start' } },
    });
    expect(t.fake.envOf('todo-app')).toEqual({ GREETING: 'hello', API_SECRET: 's3cret-value' });
    // Render started the service's first deploy of our commit itself: no second deploy was triggered.
    expect(t.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/deploys'))).toHaveLength(0);
    expect(t.fake.deploys.get(created.ref)?.commit.id).toBe(head.sha);

    const ready = await t.setup.adapter.waitReady(ctx, created);
    expect(ready.url).toBe(created.url);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('Build successful');
    expect(text).toContain('GREETING, API_SECRET');
    expect(text).not.toContain('s3cret-value');
    expect(lines.find((l) => l.text === 'Listening on port 10000')?.stream).toBe('runtime');
  });

  it('deploys the next deployment to the same service with a triggered deploy of the new commit, env vars updated', async () => {
    const first = contractContext(t.setup, '00000000-0000-4000-b000-000000000002');
    const one = await findOrCreate(t.setup.adapter, first.ctx, contractArtifact());
    await t.setup.adapter.waitReady(first.ctx, one);
    const second = contractContext(t.setup, '00000000-0000-4000-b000-000000000003', { env: { GREETING: 'bonjour' } });
    const two = await findOrCreate(t.setup.adapter, second.ctx, contractArtifact());
    expect(two.projectRef).toBe(one.projectRef);
    expect(t.fake.services.size).toBe(1);
    expect(t.fake.envOf('todo-app')).toEqual({ GREETING: 'bonjour' });
    const trigger = t.fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deploys'))!;
    expect(JSON.parse(trigger.body.toString())).toMatchObject({ commitId: t.github.head(`${t.github.token.account}/todo-app`)!.sha });
    await t.setup.adapter.waitReady(second.ctx, two);
    expect(t.fake.isActive(one.ref)).toBe(false); // deactivated: the new deploy is live
    await expect(t.setup.adapter.find(second.ctx)).resolves.toMatchObject({ ref: two.ref });
  });

  it('discarding a live but unhealthy deploy rolls the service back to the previous deploy', async () => {
    await expectDiscardRollsBack(t.setup, '00000000-0000-4000-b000-000000000004', '00000000-0000-4000-b000-000000000005');
    expect(t.fake.requests.some((r) => r.path.endsWith('/rollback'))).toBe(true);
  });

  it('refuses a service of that name deploying another repository with DEPLOY_NAME_TAKEN', async () => {
    t.fake.fail('name-taken');
    const { ctx } = contractContext(t.setup, '00000000-0000-4000-b000-000000000006');
    await expect(findOrCreate(t.setup.adapter, ctx, contractArtifact())).rejects.toMatchObject({ code: 'DEPLOY_NAME_TAKEN' });
    expect(t.fake.deploymentsFor('00000000-0000-4000-b000-000000000006')).toBe(0);
    expect(t.github.hasRepo(`${t.github.token.account}/todo-app`)).toBe(false); // nothing pushed either
  });

  it('after a failure between the push and the service, the retry reuses the pushed commit (one commit, one deploy)', async () => {
    const { ctx } = contractContext(t.setup, '00000000-0000-4000-b000-000000000007');
    t.fake.fail('server-error'); // POST /v1/services answers 503, after the export was pushed
    await expect(findOrCreate(t.setup.adapter, ctx, contractArtifact())).rejects.toMatchObject({
      code: 'DEPLOY_PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect(t.github.deploymentsFor('00000000-0000-4000-b000-000000000007')).toBe(1);
    await findOrCreate(t.setup.adapter, ctx, contractArtifact());
    expect(t.github.deploymentsFor('00000000-0000-4000-b000-000000000007')).toBe(1);
    expect(t.github.log(`${t.github.token.account}/todo-app`)).toHaveLength(1);
    expect(t.fake.deploymentsFor('00000000-0000-4000-b000-000000000007')).toBe(1);
  });

  it('stops waiting with DEPLOY_CANCELLED when the deployment is cancelled, and discard cancels the Render deploy', async () => {
    const upload = contractContext(t.setup, '00000000-0000-4000-b000-000000000008');
    const created = await findOrCreate(t.setup.adapter, upload.ctx, contractArtifact());
    const controller = new AbortController();
    const waiting = contractContext(t.setup, '00000000-0000-4000-b000-000000000008', {
      signal: controller.signal,
      heartbeat: () => controller.abort(),
    });
    await expect(t.setup.adapter.waitReady(waiting.ctx, created)).rejects.toMatchObject({ code: 'DEPLOY_CANCELLED' });
    await t.setup.adapter.discard(upload.ctx, created);
    expect(t.fake.deploys.get(created.ref)?.status).toBe('canceled');
  });

  it('creates a static site publishing the static folder when there is nothing to start', async () => {
    const { ctx } = contractContext(t.setup, '00000000-0000-4000-b000-000000000009');
    await findOrCreate(t.setup.adapter, ctx, {
      ...contractArtifact(),
      startCommand: null,
      packageJson: { scripts: { build: 'vite build' } },
    });
    const create = t.fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/services')!;
    expect(JSON.parse(create.body.toString())).toMatchObject({
      type: 'static_site',
      serviceDetails: { buildCommand: 'npm install && npm run build', publishPath: 'public' },
    });
  });

  it('verifies a GitHub token too (Render deploys from the exported repository)', async () => {
    await expect(t.setup.adapter.verifyToken('github', t.github.token.value, null)).resolves.toEqual({ account: t.github.token.account });
  });
});
