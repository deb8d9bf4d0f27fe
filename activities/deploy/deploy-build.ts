import { ApplicationFailure, Context } from '@temporalio/activity';
import { ErrorCode } from '../../contracts/errors';
import type { ArtifactManifest } from '../../core/deploy/artifact';
import { Deployment } from '../../core/deploy/deploy.entities';
import { ProjectFile } from '../../core/project/project.entity';
import { runPayerId } from '../../core/project/run-payer';
import { SandboxRecord } from '../../core/sandbox/sandbox.entity';
import { SandboxLimitExceededError } from '../../core/sandbox/sandbox.errors';
import { User } from '../../core/user/user.entity';
import type { ExecResult, Sandbox, SandboxRuntime } from '../../sandbox/types';
import type { ActivityDeps } from '../deps';
import { moveTo, type DeployStepScope } from './deploy-context';

/** The package's size and digest, as the deployment row keeps them. */
export interface PackageSummary {
  sha256: string;
  bytes: number;
  fileCount: number;
}

/** Made before tar starts and excluded from it: the workspace root itself never changes while tar reads it. */
const PACKAGE_DIR = '.atelier-deploy';
const PACKAGE = `${PACKAGE_DIR}/package.tgz`;
/** Read out of the sandbox in parts below the backend's largest file read (32 MiB locally). */
const PART_BYTES = 24 * 1024 * 1024;
/** npm's placeholder test script: a project with it has no tests. */
const NO_TESTS = /no test specified/;

export const summaryOf = (m: ArtifactManifest): PackageSummary => ({ sha256: m.sha256, bytes: m.bytes, fileCount: m.files.length });

/**
 * Builds the project in a sandbox of its own (purpose `deploy-build`) and stores the package: the project's files
 * (PostgreSQL plus unflushed live edits, as the agents' sandboxes get them), install, the tests unless skipped,
 * the build script, then the whole workspace as a tarball read out of the sandbox. A package already stored (an
 * earlier attempt finished it) is kept as it is. Every attempt has its own sandbox (keyed by the attempt), and
 * destroys the ones earlier attempts left behind.
 */
export async function buildPackage(deps: ActivityDeps, scope: DeployStepScope): Promise<PackageSummary> {
  const { deployment, project, store, log, em } = scope;
  const manager = deps.sandboxes;
  if (!manager) throw ApplicationFailure.nonRetryable('Sandboxes are not configured on this worker', ErrorCode.SERVICE_UNAVAILABLE);
  const ctx = Context.current();
  const keyPrefix = `deploy-build:${deployment.id}:`;
  await destroyBuildSandboxes(deps, deployment.id, `${keyPrefix}${ctx.info.attempt}`);
  const runtime: SandboxRuntime = project.framework === 'fastapi' || project.framework === 'django' ? 'python' : 'node';
  let sandboxId: string | null = null;
  try {
    const payer = await runPayerId(em, project);
    const created = await manager
      .create({ projectId: project.id, ownerId: payer, runtime, idempotencyKey: `${keyPrefix}${ctx.info.attempt}`, purpose: 'deploy-build' })
      .catch((error: unknown) => {
        if (error instanceof SandboxLimitExceededError)
          throw ApplicationFailure.nonRetryable(`Every sandbox of the project's owner is in use (${error.limit}); close one and deploy again`, ErrorCode.DEPLOY_BUILD_FAILED);
        throw error;
      });
    sandboxId = created.record.id;
    const sandbox = created.sandbox;
    log.line(`Building ${project.name} for ${deployment.target} in a fresh sandbox`);
    const written = await writeProjectFiles(deps, sandbox, project.id);
    log.line(`Copied ${written} files`);
    const signal = ctx.cancellationSignal;
    const step = (name: string, code: ErrorCode, run: (o: { onStdout(c: string): void; onStderr(c: string): void; signal: AbortSignal }) => Promise<ExecResult>) =>
      runLogged(scope, name, code, run, signal);

    await step('install', ErrorCode.DEPLOY_BUILD_FAILED, (o) => sandbox.installDependencies(o));
    if (deployment.skipTests) {
      const who = deployment.createdBy ? await em.findOne(User, { id: deployment.createdBy.id }) : null;
      log.line(`Tests skipped for this deployment by ${who?.displayName ?? 'its requester'}`);
    } else if (await hasTests(sandbox, runtime)) {
      await step('tests', ErrorCode.DEPLOY_TESTS_FAILED, (o) => sandbox.runTests(o));
    } else {
      log.line('The project has no tests to run');
    }
    await step('build', ErrorCode.DEPLOY_BUILD_FAILED, (o) => sandbox.build(o));

    await moveTo(deps, deployment.id, 'PACKAGING');
    log.line('Packaging the built workspace');
    const tarball = await readPackage(sandbox, signal);
    const manifest = await store.save(deployment.id, tarball);
    log.line(`Package: ${manifest.files.length} files, ${(manifest.bytes / 1024 / 1024).toFixed(1)} MiB with dependencies`);
    return summaryOf(manifest);
  } finally {
    if (sandboxId) await manager.destroy(sandboxId).catch(() => undefined);
  }
}

/** Destroys the build sandboxes of a deployment (all of them, or all but `keep`'s). */
export async function destroyBuildSandboxes(deps: ActivityDeps, deploymentId: string, keepKey?: string): Promise<void> {
  if (!deps.sandboxes) return;
  const rows = await deps.orm.em.fork().find(SandboxRecord, {
    idempotencyKey: { $like: `deploy-build:${deploymentId}:%` },
    status: { $in: ['CREATING', 'RUNNING'] },
  });
  for (const row of rows) if (row.idempotencyKey !== keepKey) await deps.sandboxes.destroy(row.id, 'destroyed');
}

async function writeProjectFiles(deps: ActivityDeps, sandbox: Sandbox, projectId: string): Promise<number> {
  const ctx = Context.current();
  const files = await deps.orm.em.fork().find(ProjectFile, { project: projectId }, { orderBy: { path: 'asc' }, populate: ['data'] });
  // People's edits a room has not flushed yet are part of what they deploy, as of their tests.
  const live = deps.live ? await deps.live.liveTexts(projectId) : new Map<string, string>();
  for (const file of files) {
    await sandbox.writeFile(file.path, file.binary ? (file.data ?? Buffer.alloc(0)) : (live.get(file.id) ?? file.content));
    ctx.heartbeat();
  }
  return files.length;
}

async function hasTests(sandbox: Sandbox, runtime: SandboxRuntime): Promise<boolean> {
  if (runtime === 'python') return (await sandbox.exec('ls tests test_*.py */test_*.py 2>/dev/null | head -1')).stdout.trim() !== '';
  const raw = await sandbox.readFile('package.json').catch(() => null);
  if (!raw) return false;
  try {
    const test = (JSON.parse(raw.toString('utf8')) as { scripts?: Record<string, string> }).scripts?.test;
    return typeof test === 'string' && !NO_TESTS.test(test);
  } catch {
    return false;
  }
}

async function runLogged(
  scope: DeployStepScope,
  name: string,
  code: ErrorCode,
  run: (o: { onStdout(c: string): void; onStderr(c: string): void; signal: AbortSignal }) => Promise<ExecResult>,
  signal: AbortSignal,
): Promise<void> {
  const { log } = scope;
  log.line(`Running ${name}`);
  const out = log.stream('build');
  const err = log.stream('build');
  const result = await run({ onStdout: out.write, onStderr: err.write, signal });
  out.end();
  err.end();
  if (signal.aborted) return;
  if (result.exitCode !== 0 || result.timedOut) {
    const why = result.timedOut ? 'ran out of time' : `exited with code ${result.exitCode}`;
    log.line(`The ${name} step ${why}`);
    await log.flush();
    const message = code === ErrorCode.DEPLOY_TESTS_FAILED ? `The project's tests failed (${why}); see the log` : `The ${name} step ${why}; see the log`;
    throw ApplicationFailure.nonRetryable(message, code);
  }
  log.line(`The ${name} step finished in ${(result.durationMs / 1000).toFixed(1)} s`);
}

/** Tars the workspace (without VCS folders) inside the sandbox and reads it out in parts. */
async function readPackage(sandbox: Sandbox, signal: AbortSignal): Promise<Buffer> {
  const pack = await sandbox.exec(
    `rm -rf ${PACKAGE_DIR} && mkdir ${PACKAGE_DIR} && tar czf ${PACKAGE} --exclude=./${PACKAGE_DIR} --exclude=./.git --exclude=./.atelier-installing . && split -b ${PART_BYTES} -d -a 3 ${PACKAGE} ${PACKAGE}.part. && ls ${PACKAGE}.part.*`,
    { timeoutMs: 300_000, signal },
  );
  if (pack.exitCode !== 0) throw ApplicationFailure.nonRetryable(`Packaging failed: ${pack.stderr.slice(-500)}`, ErrorCode.DEPLOY_BUILD_FAILED);
  const parts = pack.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(await sandbox.readFile(part));
    Context.current().heartbeat();
  }
  await sandbox.exec(`rm -rf ${PACKAGE_DIR}`).catch(() => undefined);
  return Buffer.concat(chunks);
}

/** Records the package on the deployment row. */
export async function recordPackage(deps: ActivityDeps, deploymentId: string, summary: PackageSummary): Promise<void> {
  await deps.orm.em
    .fork()
    .nativeUpdate(Deployment, { id: deploymentId }, { artifactSha: summary.sha256, artifactBytes: summary.bytes, fileCount: summary.fileCount });
}
