import { FAKE_VERCEL_TEAM, VercelFake } from '../../../../test/fakes/deploy/vercel-fake';
import { contractArtifact, contractContext, findOrCreate, testDeploymentId, withFile, type ContractSetup } from '../target-contract';
import { createVercelTarget } from './index';

const id = (n: number) => testDeploymentId('a000', n);

describe('Vercel target', () => {
  let fake: VercelFake;
  let setup: ContractSetup;
  beforeAll(async () => {
    fake = await new VercelFake().start();
    setup = {
      adapter: createVercelTarget({ endpoints: { vercel: fake.url }, pollIntervalMs: 5 }),
      fake,
      tokens: { vercel: fake.token.value },
      tokenProvider: 'vercel',
    };
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.blobs.clear();
  });

  it('uploads only the files Vercel says are missing', async () => {
    const artifact = contractArtifact();
    await findOrCreate(setup.adapter, contractContext(setup, id(1)).ctx, artifact);
    expect(fake.uploads.sort()).toEqual(artifact.files.map((f) => f.sha1).sort());

    const changed = withFile(artifact, 'public/index.html', '<!doctype html><h1>Todos v2</h1>\n');
    const before = fake.uploads.length;
    await findOrCreate(setup.adapter, contractContext(setup, id(2)).ctx, changed);
    expect(fake.uploads.slice(before)).toEqual([changed.files.find((f) => f.path === 'public/index.html')!.sha1]);
    // Each deployment was created once with every file listed.
    const creates = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v13/deployments' && r.body.length > 0);
    expect(creates.map((r) => (JSON.parse(r.body.toString()) as { files: unknown[] }).files.length)).toEqual([3, 3, 3, 3]);
  });

  it('sets env vars and secrets as encrypted project env, and never logs or sends them elsewhere', async () => {
    const { ctx, lines } = contractContext(setup, id(3));
    const created = await findOrCreate(setup.adapter, ctx, contractArtifact());
    await setup.adapter.waitReady(ctx, created);
    const project = [...fake.projects.values()][0]!;
    expect(Object.fromEntries([...project.env].map(([k, v]) => [k, [v.value, v.type, v.target]]))).toEqual({
      GREETING: ['hello', 'encrypted', ['production', 'preview']],
      API_SECRET: ['s3cret-value', 'encrypted', ['production', 'preview']],
    });
    const carrying = fake.requests.filter((r) => r.body.toString().includes('s3cret-value')).map((r) => r.path);
    expect(carrying).toEqual([`/v10/projects/${project.id}/env`]);
    expect(lines.some((l) => l.text.includes('GREETING'))).toBe(true);
    expect(lines.map((l) => l.text).join('\n')).not.toMatch(/s3cret-value|hello/);
  });

  it('turns X-RateLimit-Reset into the retry delay', async () => {
    fake.retryAfter = '30';
    fake.fail('rate-limit');
    const failure = await findOrCreate(setup.adapter, contractContext(setup, id(4)).ctx, contractArtifact()).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
    expect((failure as { options: { retryAfterMs: number } }).options.retryAfterMs).toBeGreaterThanOrEqual(28_000);
  });

  it('promotes a deployment that is not the production one (a rollback) and leaves the production one alone', async () => {
    const a = contractContext(setup, id(5));
    const first = await findOrCreate(setup.adapter, a.ctx, contractArtifact());
    await setup.adapter.waitReady(a.ctx, first);
    const b = contractContext(setup, id(6), { providerProjectRef: first.projectRef });
    const second = await findOrCreate(setup.adapter, b.ctx, contractArtifact());
    await setup.adapter.waitReady(b.ctx, second);
    const project = fake.projects.get(first.projectRef!)!;
    expect(project.productionId).toBe(second.ref);

    await setup.adapter.promote(b.ctx, second);
    expect(fake.requests.some((r) => r.path.includes('/promote/'))).toBe(false);
    await setup.adapter.promote(a.ctx, first);
    expect(project.productionId).toBe(first.ref);
  });

  it('gives production back to the previous deployment when it discards one Vercel had already promoted', async () => {
    const a = contractContext(setup, id(10));
    const live = await findOrCreate(setup.adapter, a.ctx, contractArtifact());
    await setup.adapter.waitReady(a.ctx, live);
    fake.fail('unhealthy');
    const b = contractContext(setup, id(11), { providerProjectRef: live.projectRef });
    const bad = await findOrCreate(setup.adapter, b.ctx, contractArtifact());
    const ready = await setup.adapter.waitReady(b.ctx, bad);
    await expect(setup.adapter.probe(b.ctx, bad, ready.url)).resolves.toMatchObject({ healthy: false });
    const project = fake.projects.get(live.projectRef!)!;
    expect(project.productionId).toBe(bad.ref); // Vercel promoted it when READY

    await setup.adapter.discard(b.ctx, bad);
    expect(project.productionId).toBe(live.ref);
    expect(fake.isActive(bad.ref)).toBe(false);
    expect(b.lines.some((l) => l.text.includes('serves production again'))).toBe(true);
  });

  it('cancels and deletes a deployment still building; a gone one is no error', async () => {
    const { ctx } = contractContext(setup, id(7));
    const created = await findOrCreate(setup.adapter, ctx, contractArtifact());
    await setup.adapter.discard(ctx, created);
    expect(fake.requests.filter((r) => ['PATCH', 'DELETE'].includes(r.method)).map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
    expect(fake.isActive(created.ref)).toBe(false);
    await expect(setup.adapter.discard(ctx, created)).resolves.toBeUndefined();
    await expect(setup.adapter.find(ctx)).resolves.toBeNull();
  });

  it('scopes every call to the team stored with the token', async () => {
    await expect(setup.adapter.verifyToken('vercel', fake.token.value, FAKE_VERCEL_TEAM)).resolves.toEqual({ account: fake.token.account });
    await expect(setup.adapter.verifyToken('vercel', fake.token.value, 'team_other')).rejects.toMatchObject({
      code: 'DEPLOY_TOKEN_REFUSED',
    });
    fake.reset();
    const { ctx } = contractContext(setup, id(8), { scopes: { vercel: FAKE_VERCEL_TEAM } });
    await findOrCreate(setup.adapter, ctx, contractArtifact());
    expect(fake.requests.every((r) => r.query.get('teamId') === FAKE_VERCEL_TEAM)).toBe(true);
  });

  it('reports a missing token without calling Vercel', async () => {
    const { ctx } = contractContext(setup, id(9), { tokens: {} });
    await expect(setup.adapter.find(ctx)).rejects.toMatchObject({ code: 'DEPLOY_TOKEN_MISSING' });
    expect(fake.requests).toHaveLength(0);
  });
});
