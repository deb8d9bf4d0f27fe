import { FAKE_NETLIFY_TEAM, NetlifyFake } from '../../../../test/fakes/deploy/netlify-fake';
import type { DeployTargetAdapter } from '../target';
import { contractArtifact, contractContext, findOrCreate, testDeploymentId, withFile, type ContractSetup } from '../target-contract';
import { createNetlifyTarget } from './index';

const id = (n: number) => testDeploymentId('b000', n);

describe('Netlify target', () => {
  let fake: NetlifyFake;
  let setup: ContractSetup;
  const adapter = (fetcher?: typeof fetch): DeployTargetAdapter =>
    createNetlifyTarget({ endpoints: { netlify: fake.url }, pollIntervalMs: 5, fetch: fetcher });
  beforeAll(async () => {
    fake = await new NetlifyFake().start();
    setup = { adapter: adapter(), fake, tokens: { netlify: fake.token.value }, tokenProvider: 'netlify' };
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.blobs.clear();
  });

  it('deploys the static folder only, uploading just the digests Netlify lists as required', async () => {
    const artifact = withFile(withFile(contractArtifact(), 'public/app.js', 'console.log(1)\n'), 'public/img/a b#1.txt', 'odd name\n');
    await findOrCreate(setup.adapter, contractContext(setup, id(1)).ctx, artifact);
    const created = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deploys'))!;
    expect(Object.keys((JSON.parse(created.body.toString()) as { files: object }).files).sort()).toEqual([
      '/app.js',
      '/img/a b#1.txt',
      '/index.html',
    ]);
    expect(fake.uploads.sort()).toEqual(['/app.js', '/img/a b#1.txt', '/index.html']);

    const before = fake.uploads.length;
    await findOrCreate(setup.adapter, contractContext(setup, id(2)).ctx, withFile(artifact, 'public/app.js', 'console.log(2)\n'));
    expect(fake.uploads.slice(before)).toEqual(['/app.js']);
  });

  it('refuses a project without a static folder before calling Netlify', async () => {
    const { ctx } = contractContext(setup, id(3));
    const failure = await setup.adapter.create(ctx, { ...contractArtifact(), staticDir: null }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'DEPLOY_PROVIDER_FAILED', retryable: false });
    expect((failure as Error).message).toMatch(/no static folder/);
    expect(fake.requests).toHaveLength(0);
  });

  it('upserts env vars and secrets as site env, never logging a value', async () => {
    const first = contractContext(setup, id(4));
    await findOrCreate(setup.adapter, first.ctx, contractArtifact());
    const second = contractContext(setup, id(5), { env: { GREETING: 'bonjour', API_SECRET: 's3cret-value', EXTRA: 'x-value' } });
    await findOrCreate(setup.adapter, second.ctx, contractArtifact());
    const site = [...fake.sites.values()][0]!;
    expect(Object.fromEntries([...site.env].map(([k, v]) => [k, v.values]))).toEqual({
      GREETING: [{ value: 'bonjour', context: 'all' }],
      API_SECRET: [{ value: 's3cret-value', context: 'all' }],
      EXTRA: [{ value: 'x-value', context: 'all' }],
    });
    expect(
      fake.requests
        .filter((r) => r.method === 'PUT' && r.path.includes('/env/'))
        .map((r) => r.params.key)
        .sort(),
    ).toEqual(['API_SECRET', 'GREETING']);
    const logged = [...first.lines, ...second.lines].map((l) => l.text).join('\n');
    expect(logged).toContain('API_SECRET');
    expect(logged).not.toMatch(/s3cret-value|bonjour|hello|x-value/);
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    fake.retryAfter = new Date(Date.now() + 45_000).toUTCString();
    fake.fail('rate-limit');
    const failure = await findOrCreate(setup.adapter, contractContext(setup, id(6)).ctx, contractArtifact()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
    const { retryAfterMs } = (failure as { options: { retryAfterMs: number } }).options;
    expect(retryAfterMs).toBeGreaterThan(40_000);
    expect(retryAfterMs).toBeLessThanOrEqual(45_000);
  });

  it('keeps the published deploy until promote publishes the new one', async () => {
    const a = contractContext(setup, id(7));
    const first = await findOrCreate(setup.adapter, a.ctx, contractArtifact());
    await setup.adapter.waitReady(a.ctx, first);
    const site = fake.sites.get(first.projectRef!)!;
    expect(site.publishedDeployId).toBeNull(); // a draft until promoted
    await setup.adapter.promote(a.ctx, first);
    expect(site.publishedDeployId).toBe(first.ref);

    fake.fail('unhealthy');
    const b = contractContext(setup, id(8), { providerProjectRef: first.projectRef });
    const second = await findOrCreate(setup.adapter, b.ctx, contractArtifact());
    const ready = await setup.adapter.waitReady(b.ctx, second);
    await expect(setup.adapter.probe(b.ctx, second, ready.url)).resolves.toMatchObject({ healthy: false });
    await setup.adapter.discard(b.ctx, second);
    expect(site.publishedDeployId).toBe(first.ref);
    expect(fake.isActive(second.ref)).toBe(false);

    const restores = () => fake.requests.filter((r) => r.path.endsWith('/restore')).length;
    const before = restores();
    await setup.adapter.promote(a.ctx, first); // already published: nothing to do
    expect(restores()).toBe(before);
  });

  it('replaces a deploy an attempt killed mid-upload left behind, keeping one deploy at Netlify', async () => {
    const killed: typeof fetch = async (input, init) => {
      if (String(input).includes('/files/')) throw new TypeError('fetch failed: the worker died');
      return fetch(input, init);
    };
    const { ctx, lines } = contractContext(setup, id(9));
    await expect(findOrCreate(adapter(killed), ctx, contractArtifact())).rejects.toMatchObject({
      code: 'DEPLOY_PROVIDER_UNAVAILABLE',
      retryable: true,
    });
    expect(fake.deploymentsFor(id(9))).toBe(1);
    const created = await findOrCreate(setup.adapter, ctx, contractArtifact());
    expect(lines.some((l) => l.text.includes('left unfinished'))).toBe(true);
    expect(fake.deploymentsFor(id(9))).toBe(1);
    await expect(setup.adapter.waitReady(ctx, created)).resolves.toMatchObject({ url: expect.stringMatching(/^http/) });
  });

  it('creates the site in the team stored with the token', async () => {
    await expect(setup.adapter.verifyToken('netlify', fake.token.value, FAKE_NETLIFY_TEAM)).resolves.toEqual({
      account: fake.token.account,
    });
    await expect(setup.adapter.verifyToken('netlify', fake.token.value, 'someone-else')).rejects.toMatchObject({
      code: 'DEPLOY_TOKEN_REFUSED',
    });
    const { ctx } = contractContext(setup, id(10), { scopes: { netlify: FAKE_NETLIFY_TEAM } });
    await findOrCreate(setup.adapter, ctx, contractArtifact());
    expect([...fake.sites.values()].map((s) => s.accountSlug)).toEqual([FAKE_NETLIFY_TEAM]);
  });
});
