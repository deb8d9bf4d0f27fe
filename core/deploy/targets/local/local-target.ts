import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { SandboxPreviewError } from '../../../../sandbox/sandbox.errors';
import type { Sandbox } from '../../../../sandbox/types';
import type { TierLimits } from '../../../limits/tiers';
import { Project } from '../../../project/project.entity';
import { runPayerId } from '../../../project/run-payer';
import { SandboxRecord } from '../../../sandbox/sandbox.entity';
import { AppLimitExceededError } from '../../../sandbox/sandbox.errors';
import type { SandboxManager } from '../../../sandbox/sandbox-manager';
import { NotFoundError } from '../../../shared/domain.errors';
import { DeployFailure, type DeployTargetAdapter, type ProviderDeployment, type TargetContext } from '../target';
import { APP_PORT, AppUnpackError, appCommand, installApp, probeApp, startApp } from './app-launch';
import type { AppsOrigin } from './apps-origin';
import { claimAppSlug } from './local-slug';
import type { LocalAppSupervisor } from './supervisor';

export interface LocalTargetOptions {
  readonly sandboxes: SandboxManager;
  readonly orm: MikroORM;
  /** Where apps are served (the API's apps listener): ATELIER_APPS_ORIGIN or `http://*.apps.localhost:<port>`. */
  readonly appsOrigin: AppsOrigin | (() => AppsOrigin);
  /** The project's app supervisor, told to serve a deployment on promote. */
  readonly supervisor: LocalAppSupervisor;
  /** The data folder holding `deployments/<id>.tgz` (the supervisor's); the adapter itself uses the artifact's path. */
  readonly dataDir?: string;
  /** How long a started app may take to accept connections (default 60 s). */
  readonly readyTimeoutMs?: number;
  /** How long one health probe waits for an answer (default 5 s). */
  readonly probeTimeoutMs?: number;
}

/** The sandbox limits of one deployed app on `tier`. */
export function appLimits(tier: Pick<TierLimits, 'appMemoryMb' | 'appCpus'>): TargetContext['limits'] {
  return { memoryMb: tier.appMemoryMb, cpus: tier.appCpus, maxProcesses: 256 };
}

/** The idempotency key of a deployment's app sandbox: a retried create finds the first one. */
export const appSandboxKey = (deploymentId: string) => `deploy-app:${deploymentId}`;

/**
 * The local target (the embedded default, no account): each deployment runs in an app sandbox of its own (purpose
 * `app`, the tier's limits), unpacked from the deployment's package and started as the sandbox's preview server;
 * the API's apps listener serves the project's live one at `<slug>.<apps origin>`. The previous deployment keeps
 * serving until the supervisor (localAppWorkflow) is told to serve the new one, which then destroys the old sandbox.
 */
export function createLocalTarget(options: LocalTargetOptions): DeployTargetAdapter {
  const { sandboxes, orm } = options;
  const origin = () => (typeof options.appsOrigin === 'function' ? options.appsOrigin() : options.appsOrigin);
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;

  const slugOf = async (ctx: TargetContext) => ctx.providerProjectRef ?? (await claimAppSlug(orm.em.fork() as EntityManager, ctx.projectId, ctx.projectSlug));
  const described = (ctx: TargetContext, ref: string, slug: string): ProviderDeployment => ({ ref, projectRef: slug, url: origin().urlFor(slug) });
  const running = async (sandbox: Sandbox) => (await sandbox.status()).preview;

  return {
    name: 'local',

    async verifyToken() {
      throw new DeployFailure('DEPLOY_TOKEN_REFUSED', 'The local target takes no token');
    },

    async find(ctx) {
      const row = await orm.em.fork().findOne(SandboxRecord, { idempotencyKey: appSandboxKey(ctx.deploymentId) });
      if (row?.status !== 'RUNNING') return null;
      // A sandbox whose app is not running yet (the attempt that made it stopped before starting it) is finished by create.
      const opened = await sandboxes.open(row.id).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));
      if (!opened || !(await running(opened.sandbox))) return null;
      return described(ctx, row.id, await slugOf(ctx));
    },

    async create(ctx, artifact) {
      const slug = await slugOf(ctx);
      const em = orm.em.fork() as EntityManager;
      const project = await em.findOne(Project, { id: ctx.projectId });
      if (!project) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The project no longer exists');
      const made = await sandboxes
        .create({
          projectId: ctx.projectId,
          ownerId: await runPayerId(em, project),
          runtime: artifact.runtime,
          idempotencyKey: appSandboxKey(ctx.deploymentId),
          purpose: 'app',
          limits: ctx.limits,
        })
        .catch((error: unknown) => {
          if (error instanceof AppLimitExceededError) throw new DeployFailure('LIMIT_EXCEEDED', error.message);
          if (error instanceof NotFoundError) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The app sandbox of this deployment was already removed');
          throw error;
        });
      const { record, sandbox } = made;
      ctx.log(`Unpacking the package into app sandbox ${record.id} (${ctx.limits.memoryMb} MiB, ${ctx.limits.cpus} CPU)`, 'system');
      try {
        await installApp(sandbox, artifact.tarballPath, { signal: ctx.signal });
        ctx.log(`Starting \`${artifact.startCommand ?? `static files from ${artifact.staticDir ?? '.'}`}\` on port ${APP_PORT}`, 'system');
        ctx.heartbeat();
        await startApp(sandbox, artifact, ctx.env, readyTimeoutMs);
      } catch (error) {
        if (!(error instanceof AppUnpackError || error instanceof SandboxPreviewError)) throw error;
        for (const line of error.message.split('\n').slice(-40)) if (line.trim()) ctx.log(line, 'runtime');
        await sandboxes.destroy(record.id, 'failed');
        throw new DeployFailure(error instanceof AppUnpackError ? 'DEPLOY_PROVIDER_FAILED' : 'DEPLOY_UNHEALTHY', error instanceof AppUnpackError ? error.message : `The app did not start: ${appCommand(artifact)} exited or never listened on PORT`);
      }
      return described(ctx, record.id, slug);
    },

    async waitReady(ctx, deployment) {
      const { sandbox } = await sandboxes.open(deployment.ref).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw new DeployFailure('DEPLOY_UNHEALTHY', 'The app sandbox is gone');
        throw error;
      });
      if (!(await running(sandbox))) throw new DeployFailure('DEPLOY_UNHEALTHY', 'The app stopped right after it started');
      const url = deployment.url ?? origin().urlFor(await slugOf(ctx));
      ctx.log(`The app accepts connections; it will answer at ${url}`, 'system');
      return { url };
    },

    async probe(ctx, deployment, url) {
      const opened = await sandboxes.open(deployment.ref).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));
      if (!opened) return { healthy: false, detail: 'the app sandbox is gone' };
      const preview = await running(opened.sandbox);
      if (!preview) return { healthy: false, detail: 'the app is not running' };
      return probeApp(preview.target, new URL(url).host, probeTimeoutMs);
    },

    async promote(ctx) {
      await options.supervisor.command(ctx.projectId, { kind: 'serve', deploymentId: ctx.deploymentId });
    },

    async discard(_ctx, deployment) {
      await sandboxes.destroy(deployment.ref, 'discarded');
    },
  };
}
