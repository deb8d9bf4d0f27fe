/**
 * The contract suite every deploy target passes (the sandbox pattern): `describeTargetContract` is called from
 * each adapter's `*.contract.test.ts` with the adapter pointed at its wire fake (test/fakes/deploy/*), which
 * follows the provider's documented API and lets the suite inject the provider's failures.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create as createTar } from 'tar';
import { DEPLOY_TARGET_INFO, type DeployLogStream } from '../../../contracts/deploy';
import { DeployFailure, type ArtifactFile, type DeployArtifact, type DeployTargetAdapter, type ProviderDeployment, type TargetContext } from './target';

/** Failures a fake can be told to produce at its next matching call. */
export type WireFault =
  /** 429 with Retry-After on the next write call. */
  | 'rate-limit'
  /** 503 on the next write call. */
  | 'server-error'
  /** 401/403 on every call made with the token until reset. */
  | 'refuse-token'
  /** The provider's own build of the next deployment fails (its state ends in ERROR/error/FAILED). */
  | 'build-error'
  /** The name (project, site, repository, service) belongs to somebody else. */
  | 'name-taken'
  /** The next deployment becomes ready but its URL answers 502. */
  | 'unhealthy';

/** A provider faked at the HTTP wire. */
export interface WireFake {
  /** Base URL(s) the adapter is built with. */
  readonly url: string;
  /** The faults this fake can produce (the suite skips the others). */
  readonly faults: readonly WireFault[];
  fail(fault: WireFault): void;
  /** Deployments the provider holds that were made for our deployment id (the idempotency check). */
  deploymentsFor(deploymentId: string): number;
  /** Whether the provider still runs (or would serve) that deployment after `discard`. */
  isActive(ref: string): boolean;
  /** A token the fake accepts and the account name it answers for it. */
  readonly token: { readonly value: string; readonly account: string };
  reset(): void;
  close(): Promise<void>;
}

export interface ContractSetup {
  adapter: DeployTargetAdapter;
  fake: WireFake;
  /** Tokens by provider for the context (e.g. Render needs render and github). */
  tokens: Record<string, string>;
  /** The provider whose token `verifyToken` checks first. */
  tokenProvider: string;
  settings?: Record<string, string>;
}

/** A small built Node app with a static page: what the todo blueprint looks like after its build. */
export function contractArtifact(): DeployArtifact {
  const sources: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'todo', version: '1.0.0', scripts: { start: 'node src/server.js', test: 'node --test' } }),
    'src/server.js': "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT || 3000);\n",
    'public/index.html': '<!doctype html><title>Todos</title><h1>Todos</h1>\n',
  };
  const files = Object.entries(sources).map(([path, text]) => artifactFile(path, text));
  // The whole built workspace as the build packs it (the local target unpacks and runs it).
  const dir = mkdtempSync(join(tmpdir(), 'deploy-contract-'));
  for (const [path, text] of Object.entries(sources)) {
    mkdirSync(dirname(join(dir, 'workspace', path)), { recursive: true });
    writeFileSync(join(dir, 'workspace', path), text);
  }
  const tarballPath = join(dir, 'artifact.tgz');
  createTar({ gzip: true, file: tarballPath, cwd: join(dir, 'workspace'), sync: true, portable: true }, Object.keys(sources));
  return { files, staticDir: 'public', tarballPath, startCommand: 'npm start', runtime: 'node', packageJson: JSON.parse(sources['package.json']!) };
}

/** One file of an artifact, holding `text`. */
export function artifactFile(path: string, text: string): ArtifactFile {
  return { path, size: Buffer.byteLength(text), sha1: createHash('sha1').update(text).digest('hex'), executable: false, read: async () => Buffer.from(text) };
}

/** The artifact with `path` added, or replaced, holding `text`. */
export function withFile(artifact: DeployArtifact, path: string, text: string): DeployArtifact {
  return { ...artifact, files: [...artifact.files.filter((f) => f.path !== path), artifactFile(path, text)] };
}

/** A deployment id for a target's tests: `group` keeps one adapter's ids apart from another's (e.g. `a000`). */
export const testDeploymentId = (group: string, n: number): string => `00000000-0000-4000-${group}-${String(n).padStart(12, '0')}`;

export interface ContextRecorder {
  ctx: TargetContext;
  lines: { text: string; stream: DeployLogStream }[];
}

export function contractContext(setup: ContractSetup, deploymentId: string, overrides: Partial<TargetContext> = {}): ContextRecorder {
  const lines: ContextRecorder['lines'] = [];
  const ctx: TargetContext = {
    deploymentId,
    projectId: '00000000-0000-4000-8000-000000000001',
    projectSlug: 'todo-app',
    tokens: setup.tokens,
    scopes: {},
    settings: setup.settings ?? {},
    providerProjectRef: null,
    env: { GREETING: 'hello', API_SECRET: 's3cret-value' },
    log: (text, stream = 'provider') => void lines.push({ text, stream }),
    heartbeat: () => undefined,
    signal: new AbortController().signal,
    limits: { memoryMb: 512, cpus: 1, maxProcesses: 128 },
    ...overrides,
  };
  return { ctx, lines };
}

async function failureOf(promise: Promise<unknown>): Promise<DeployFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DeployFailure) return error;
    throw error;
  }
  throw new Error('expected a DeployFailure, but the call succeeded');
}

let counter = 0;
const nextId = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;

/** find-or-create as the upload activity does it. */
export async function findOrCreate(adapter: DeployTargetAdapter, ctx: TargetContext, artifact: DeployArtifact): Promise<ProviderDeployment> {
  return (await adapter.find(ctx)) ?? (await adapter.create(ctx, artifact));
}

/**
 * A healthy deployment, then one the fake makes unhealthy: the second probes unhealthy, and once discarded it is
 * no longer active and the first answers healthy again (the provider rolled back to it).
 */
export async function expectDiscardRollsBack(setup: ContractSetup, firstId: string, secondId: string): Promise<void> {
  const first = contractContext(setup, firstId);
  const one = await findOrCreate(setup.adapter, first.ctx, contractArtifact());
  await setup.adapter.waitReady(first.ctx, one);
  setup.fake.fail('unhealthy');
  const second = contractContext(setup, secondId);
  const two = await findOrCreate(setup.adapter, second.ctx, contractArtifact());
  const ready = await setup.adapter.waitReady(second.ctx, two);
  await expect(setup.adapter.probe(second.ctx, two, ready.url)).resolves.toMatchObject({ healthy: false });
  await setup.adapter.discard(second.ctx, two);
  expect(setup.fake.isActive(two.ref)).toBe(false);
  await expect(setup.adapter.probe(first.ctx, one, ready.url)).resolves.toMatchObject({ healthy: true });
}

/** Registers the contract's tests for one adapter. `setup` runs once; the fake is reset before each test. */
export function describeTargetContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`deploy target contract: ${name}`, () => {
    let s: ContractSetup;
    beforeAll(async () => {
      s = await setup();
    });
    beforeEach(() => s.fake.reset());
    afterAll(async () => s?.fake.close());
    const withFault = (fault: WireFault) => (s.fake.faults.includes(fault) ? s : null);

    it('verifies a good token and refuses a bad one', async () => {
      // A target that needs no account (local) takes no token at all.
      if (DEPLOY_TARGET_INFO[s.adapter.name].tokens.length === 0) {
        await expect(failureOf(s.adapter.verifyToken(s.tokenProvider, 'any-token', null))).resolves.toMatchObject({ code: 'DEPLOY_TOKEN_REFUSED', retryable: false });
        return;
      }
      await expect(s.adapter.verifyToken(s.tokenProvider, s.fake.token.value, null)).resolves.toEqual({ account: s.fake.token.account });
      const failure = await failureOf(s.adapter.verifyToken(s.tokenProvider, 'not-a-token', null));
      expect(failure.code).toBe('DEPLOY_TOKEN_REFUSED');
      expect(failure.retryable).toBe(false);
    });

    it('runs the whole sequence once: find, create, wait ready with logs, probe, promote', async () => {
      const id = nextId();
      const { ctx, lines } = contractContext(s, id);
      const artifact = contractArtifact();
      expect(await s.adapter.find(ctx)).toBeNull();
      const created = await s.adapter.create(ctx, artifact);
      expect(created.ref).toBeTruthy();
      const ready = await s.adapter.waitReady(ctx, created);
      expect(ready.url).toMatch(/^https?:\/\//);
      expect(lines.length).toBeGreaterThan(0);
      await expect(s.adapter.probe(ctx, created, ready.url)).resolves.toMatchObject({ healthy: true });
      await s.adapter.promote(ctx, created);
      expect(s.fake.deploymentsFor(id)).toBe(1);
      // No secret value ever reaches a log line.
      expect(lines.map((l) => l.text).join('\n')).not.toContain('s3cret-value');
    });

    it('finds what an earlier attempt created instead of creating a second one', async () => {
      const id = nextId();
      const { ctx } = contractContext(s, id);
      const first = await findOrCreate(s.adapter, ctx, contractArtifact());
      const again = await findOrCreate(s.adapter, ctx, contractArtifact());
      expect(again.ref).toBe(first.ref);
      expect(s.fake.deploymentsFor(id)).toBe(1);
    });

    it('reports a 429 as retryable with the provider’s Retry-After, then succeeds', async () => {
      if (!withFault('rate-limit')) return;
      const id = nextId();
      const { ctx } = contractContext(s, id);
      s.fake.fail('rate-limit');
      const failure = await failureOf(findOrCreate(s.adapter, ctx, contractArtifact()));
      expect(failure).toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
      expect(failure.options.retryAfterMs).toBeGreaterThan(0);
      await findOrCreate(s.adapter, ctx, contractArtifact());
      expect(s.fake.deploymentsFor(id)).toBe(1);
    });

    it('reports a 5xx as retryable', async () => {
      if (!withFault('server-error')) return;
      const { ctx } = contractContext(s, nextId());
      s.fake.fail('server-error');
      await expect(failureOf(findOrCreate(s.adapter, ctx, contractArtifact()))).resolves.toMatchObject({ code: 'DEPLOY_PROVIDER_UNAVAILABLE', retryable: true });
    });

    it('reports a refused token as DEPLOY_TOKEN_REFUSED, not retryable', async () => {
      if (!withFault('refuse-token')) return;
      const { ctx } = contractContext(s, nextId());
      s.fake.fail('refuse-token');
      await expect(failureOf(findOrCreate(s.adapter, ctx, contractArtifact()))).resolves.toMatchObject({ code: 'DEPLOY_TOKEN_REFUSED', retryable: false });
    });

    it('reports a name clash as DEPLOY_NAME_TAKEN', async () => {
      if (!withFault('name-taken')) return;
      const { ctx } = contractContext(s, nextId(), { settings: { ...s.settings, name: 'taken-name' } });
      s.fake.fail('name-taken');
      await expect(failureOf(findOrCreate(s.adapter, ctx, contractArtifact()))).resolves.toMatchObject({ code: 'DEPLOY_NAME_TAKEN', retryable: false });
    });

    it('fails waitReady with the provider’s build logs when its build fails, and discards it', async () => {
      if (!withFault('build-error')) return;
      const id = nextId();
      const { ctx, lines } = contractContext(s, id);
      s.fake.fail('build-error');
      const created = await findOrCreate(s.adapter, ctx, contractArtifact());
      const failure = await failureOf(s.adapter.waitReady(ctx, created));
      expect(failure).toMatchObject({ code: 'DEPLOY_PROVIDER_FAILED', retryable: false });
      expect(lines.length).toBeGreaterThan(0);
      await s.adapter.discard(ctx, created);
      await s.adapter.discard(ctx, created); // twice is not an error
      expect(s.fake.isActive(created.ref)).toBe(false);
    });

    it('probes an app that never answers as unhealthy', async () => {
      if (!withFault('unhealthy')) return;
      const { ctx } = contractContext(s, nextId());
      s.fake.fail('unhealthy');
      const created = await findOrCreate(s.adapter, ctx, contractArtifact());
      const ready = await s.adapter.waitReady(ctx, created);
      await expect(s.adapter.probe(ctx, created, ready.url)).resolves.toMatchObject({ healthy: false });
    });
  });
}
