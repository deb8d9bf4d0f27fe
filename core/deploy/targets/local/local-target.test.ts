/** The local target beyond the contract: the tier's apps limit, an app that does not start, a static-only project. */
import { request } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { appSources, deployLive, packApp, seedProject } from '../../../../test/fixtures/local-apps';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { createTestDatabase, silentLogger, testLimits } from '../../../../test/harness';
import { DEFAULT_LIMITS } from '../../../limits/tiers';
import { Project } from '../../../project/project.entity';
import { SandboxManager } from '../../../sandbox/sandbox-manager';
import { SandboxRecord } from '../../../sandbox/sandbox.entity';
import { DeployFailure, type DeployArtifact, type TargetContext } from '../target';
import { AppsOrigin } from './apps-origin';
import { appLimits, appSandboxKey, createLocalTarget } from './local-target';

let db: { orm: MikroORM; dispose(): Promise<void> };
let local: ReturnType<typeof testLocalBackend>;
let sandboxes: SandboxManager;

beforeAll(async () => {
  db = await createTestDatabase();
  local = testLocalBackend();
  sandboxes = new SandboxManager({ orm: db.orm, backend: local.backend, limits: testLimits, idleMs: 60_000, logger: silentLogger });
});
afterAll(async () => {
  await local?.dispose();
  await db?.dispose();
});

const adapter = () => createLocalTarget({ sandboxes, orm: db.orm, appsOrigin: AppsOrigin.from(undefined, 4002), supervisor: { command: async () => undefined }, readyTimeoutMs: 5_000 });

function context(projectId: string, deploymentId: string, lines: string[] = []): TargetContext {
  return {
    deploymentId,
    projectId,
    projectSlug: 'x',
    tokens: {},
    scopes: {},
    settings: {},
    providerProjectRef: null,
    env: { API_SECRET: 's3cret' },
    log: (text) => void lines.push(text),
    heartbeat: () => undefined,
    signal: new AbortController().signal,
    limits: appLimits(DEFAULT_LIMITS.tiers.free),
  };
}

const artifact = (tarballPath: string, overrides: Partial<DeployArtifact> = {}): DeployArtifact => ({ files: [], staticDir: 'public', tarballPath, startCommand: 'npm start', runtime: 'node', packageJson: null, ...overrides });

async function failureOf(promise: Promise<unknown>): Promise<DeployFailure> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DeployFailure)) throw new Error(`expected a DeployFailure, got ${String(error)}`);
  return error;
}

test("a free owner's second project cannot go live locally while the first one's app runs (LIMIT_EXCEEDED)", async () => {
  const first = await seedProject(db.orm, { tier: 'free', name: 'First' });
  await deployLive(db.orm, sandboxes, { projectId: first.projectId, tier: 'free' });
  const em = db.orm.em.fork();
  const second = em.create(Project, { owner: first.userId, name: 'Second', framework: 'express' });
  await em.flush();
  const failure = await failureOf(adapter().create(context(second.id, '00000000-0000-4000-a000-000000000001'), artifact(packApp(appSources()))));
  expect(failure).toMatchObject({ code: 'LIMIT_EXCEEDED', retryable: false });
  expect(failure.message).toMatch(/At most 1 deployed app/);
});

test('an app that exits at start fails DEPLOY_UNHEALTHY with its output in the log, and leaves no sandbox', async () => {
  const { projectId } = await seedProject(db.orm, { tier: 'pro', name: 'Crashy' });
  const crashing = packApp({ 'package.json': JSON.stringify({ name: 'c', scripts: { start: 'node crash.js' } }), 'crash.js': "console.error('boom: missing DATABASE_URL'); process.exit(3);\n" });
  const lines: string[] = [];
  const id = '00000000-0000-4000-a000-000000000002';
  const failure = await failureOf(adapter().create(context(projectId, id, lines), artifact(crashing)));
  expect(failure).toMatchObject({ code: 'DEPLOY_UNHEALTHY', retryable: false });
  expect(lines.join('\n')).toContain('boom: missing DATABASE_URL');
  expect(lines.join('\n')).not.toContain('s3cret');
  expect(await db.orm.em.fork().findOne(SandboxRecord, { idempotencyKey: appSandboxKey(id) })).toMatchObject({ status: 'DESTROYED' });
});

test('a static-only project (no start script) is served from its static folder', async () => {
  const { projectId } = await seedProject(db.orm, { tier: 'pro', name: 'Static site' });
  const target = adapter();
  const ctx = context(projectId, '00000000-0000-4000-a000-000000000003');
  const site = packApp({ 'dist/index.html': '<h1>Static home</h1>\n', 'dist/app.js': 'console.log(1)\n' });
  const made = await target.create(ctx, artifact(site, { startCommand: null, staticDir: 'dist' }));
  const ready = await target.waitReady(ctx, made);
  expect(ready.url).toBe('http://static-site.apps.localhost:4002/'.replace('static-site', made.projectRef!));
  await expect(target.probe(ctx, made, ready.url)).resolves.toMatchObject({ healthy: true, detail: 'HTTP 200' });
  const preview = (await (await sandboxes.open(made.ref)).sandbox.status()).preview!;
  const fetchPath = (path: string) =>
    new Promise<string>((resolve, reject) => {
      const socketPath = (preview.target as { socketPath: string }).socketPath;
      request({ socketPath, path, headers: { host: 'localhost' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(`${res.statusCode} ${body.trim()}`));
      })
        .on('error', reject)
        .end();
    });
  // A client-side route gets the home page; a missing asset is a 404; nothing outside the folder is reachable.
  expect(await fetchPath('/some/route')).toBe('200 <h1>Static home</h1>');
  expect(await fetchPath('/app.js')).toBe('200 console.log(1)');
  expect(await fetchPath('/missing.css')).toMatch(/^404/);
  expect(await fetchPath('/../package.tgz')).not.toMatch(/^200 [^<]/);
  await target.discard(ctx, made);
});
