import { GithubFake } from '../../../../test/fakes/deploy/github-fake';
import { DEFAULT_PROVIDER_ENDPOINTS, DeployFailure, type DeployArtifact } from '../target';
import { contractArtifact, contractContext, findOrCreate, type ContractSetup } from '../target-contract';
import { createGithubTarget } from './index';

describe('GitHub export target', () => {
  let fake: GithubFake;
  let setup: ContractSetup;
  beforeAll(async () => {
    fake = await new GithubFake().start();
    const adapter = createGithubTarget({ endpoints: { ...DEFAULT_PROVIDER_ENDPOINTS, github: fake.url, githubGit: fake.gitUrl } });
    setup = { adapter, fake, tokens: { github: fake.token.value }, tokenProvider: 'github' };
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const repo = () => `${fake.token.account}/todo-app`;

  it('pushes the artifact’s files as a commit with our trailer, and a second deployment adds a commit on top', async () => {
    const first = contractContext(setup, '00000000-0000-4000-a000-000000000001');
    const created = await findOrCreate(setup.adapter, first.ctx, contractArtifact());
    expect(created).toMatchObject({ projectRef: repo(), url: `${fake.gitUrl}/${repo()}` });
    expect(fake.files(repo()).sort()).toEqual(['package.json', 'public/index.html', 'src/server.js']);
    expect(fake.readFile(repo(), 'public/index.html')).toContain('<h1>Todos</h1>');
    expect(fake.head(repo())).toMatchObject({
      sha: created.ref,
      message: expect.stringContaining('Atelier-Deployment: 00000000-0000-4000-a000-000000000001'),
    });

    // The next deployment: one file changed, one removed, one added; history continues.
    const base = contractArtifact();
    const changed: DeployArtifact = {
      ...base,
      files: [
        ...base.files.filter((f) => f.path === 'package.json'),
        { path: 'public/index.html', size: 5, sha1: 'x', executable: false, read: async () => Buffer.from('v2!\n') },
        { path: 'bin/run.sh', size: 9, sha1: 'y', executable: true, read: async () => Buffer.from('#!/bin/sh\n') },
      ],
    };
    const second = contractContext(setup, '00000000-0000-4000-a000-000000000002');
    expect(await setup.adapter.find(second.ctx)).toBeNull();
    const next = await setup.adapter.create(second.ctx, changed);
    const log = fake.log(repo());
    expect(log.map((c) => c.sha)).toEqual([next.ref, created.ref]);
    expect(fake.files(repo()).sort()).toEqual(['bin/run.sh', 'package.json', 'public/index.html']);
    expect(fake.readFile(repo(), 'public/index.html')).toBe('v2!\n');
    // find answers each deployment's own commit.
    await expect(setup.adapter.find(first.ctx)).resolves.toMatchObject({ ref: created.ref });
    await expect(setup.adapter.probe(second.ctx, next, next.url!)).resolves.toMatchObject({ healthy: true });
  });

  it('creates a private repository by default, a public one when asked, named by the setting', async () => {
    const { ctx } = contractContext(setup, '00000000-0000-4000-a000-000000000003', { settings: { name: 'my-export', private: 'false' } });
    await findOrCreate(setup.adapter, ctx, contractArtifact());
    const created = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/user/repos');
    expect(JSON.parse(created!.body.toString())).toMatchObject({ name: 'my-export', private: false });
    expect(fake.hasRepo(`${fake.token.account}/my-export`)).toBe(true);
  });

  it('refuses a repository of that name that is not ours with DEPLOY_NAME_TAKEN, and pushes nothing to it', async () => {
    fake.addForeignRepo('todo-app');
    const { ctx } = contractContext(setup, '00000000-0000-4000-a000-000000000004');
    expect(await setup.adapter.find(ctx)).toBeNull();
    const failure = await setup.adapter.create(ctx, contractArtifact()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeployFailure);
    expect(failure).toMatchObject({ code: 'DEPLOY_NAME_TAKEN', retryable: false });
    expect(fake.head(repo())).toBeNull();
  });

  it('reports a push stopped by cancellation as DEPLOY_CANCELLED, and leaves no commit', async () => {
    const controller = new AbortController();
    const { ctx } = contractContext(setup, '00000000-0000-4000-a000-000000000006', {
      signal: controller.signal,
      heartbeat: () => controller.abort(),
    });
    await expect(setup.adapter.create(ctx, contractArtifact())).rejects.toMatchObject({ code: 'DEPLOY_CANCELLED', retryable: false });
    expect(fake.deploymentsFor('00000000-0000-4000-a000-000000000006')).toBe(0);
  });

  it('reports a push with a refused token as DEPLOY_TOKEN_REFUSED', async () => {
    const { ctx } = contractContext(setup, '00000000-0000-4000-a000-000000000005', { tokens: { github: 'ghp_wrong' } });
    await expect(setup.adapter.create(ctx, contractArtifact())).rejects.toMatchObject({ code: 'DEPLOY_TOKEN_REFUSED' });
  });
});
