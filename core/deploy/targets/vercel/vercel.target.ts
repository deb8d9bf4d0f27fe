/**
 * The Vercel target: Vercel builds the project itself from its files (install, the build script, the static
 * output folder), so the adapter uploads the package's `files` (without node_modules) and creates a production
 * deployment of the project named `settings.name` (default: the project's slug).
 *
 * - Files go up by SHA-1: the deployment is created with `files: [{file, sha, size}]`; Vercel answers
 *   `missing_files` with the digests it does not hold yet, only those are uploaded (`POST /v2/files`,
 *   `x-vercel-digest`), then the deployment is created again. Unchanged files are never sent twice.
 * - Idempotency: the deployment carries `meta.atelierDeploymentId`; `find` lists the project's deployments by that
 *   metadata, so an attempt killed after the create finds it instead of making a second one.
 * - Env vars and secrets become the project's `encrypted` env (upserted, production and preview) before the
 *   deployment is created, so its build and runtime see them; values are never logged.
 * - A production deployment gets the production domains when it is READY; `promote` asks for a promotion only
 *   when the project's production deployment is another one (Vercel keeps a rolled-back project pinned), and
 *   `discard` of a deployment that took them promotes the previous one back.
 */
import type { DeployArtifact, DeployTargetAdapter, ProviderDeployment, ProviderEndpoints, TargetContext } from '../target';
import { probeHttp } from '../provider-http';
import { DeployFailure } from '../target';
import { deploymentUrl, statusOf, vercelCall, vercelClient, vercelErrorBody, vercelFailure, type VercelClient } from './vercel.client';
import { followVercelDeployment } from './vercel.follow';

export interface VercelTargetOptions {
  readonly endpoints: Pick<ProviderEndpoints, 'vercel'>;
  readonly fetch?: typeof fetch;
  /** Between two polls of a building deployment (default 2 s; tests use a few ms). */
  readonly pollIntervalMs?: number;
  /** A health probe waits this long for an answer (default 10 s). */
  readonly probeTimeoutMs?: number;
}

/** The meta key naming our deployment id on Vercel's deployment. */
export const VERCEL_META_KEY = 'atelierDeploymentId';
const UPLOAD_CONCURRENCY = 4;

export function createVercelTarget(options: VercelTargetOptions): DeployTargetAdapter {
  const connect = (ctx: Pick<TargetContext, 'tokens' | 'scopes'>) => {
    const token = ctx.tokens.vercel;
    if (!token) throw new DeployFailure('DEPLOY_TOKEN_MISSING', 'No Vercel token is stored for this project');
    return vercelClient({ baseUrl: options.endpoints.vercel, fetch: options.fetch }, token, ctx.scopes.vercel);
  };
  const projectName = (ctx: TargetContext) => ctx.settings.name || ctx.projectSlug;

  /** The project's id, or null when it does not exist yet. */
  async function lookupProject(client: VercelClient, ctx: TargetContext): Promise<string | null> {
    for (const idOrName of [ctx.providerProjectRef, projectName(ctx)]) {
      if (!idOrName) continue;
      try {
        const project = await vercelCall(
          'looking up the Vercel project',
          () => client.sdk.projects.getProject({ idOrName, teamId: client.teamId }),
          ctx.signal,
        );
        return project.id;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return null;
  }

  async function ensureProject(client: VercelClient, ctx: TargetContext): Promise<string> {
    const existing = await lookupProject(client, ctx);
    if (existing) return existing;
    const name = projectName(ctx);
    const created = await vercelCall(
      `creating the Vercel project "${name}"`,
      () => client.sdk.projects.createProject({ teamId: client.teamId, requestBody: { name } }),
      ctx.signal,
    );
    ctx.log(`Created the Vercel project ${name}`, 'system');
    return created.id;
  }

  async function upsertEnv(client: VercelClient, ctx: TargetContext, projectId: string): Promise<void> {
    const entries = Object.entries(ctx.env);
    if (entries.length === 0) return;
    const answer = await vercelCall(
      'setting the Vercel project’s environment variables',
      () =>
        client.sdk.projects.createProjectEnv({
          idOrName: projectId,
          upsert: 'true',
          teamId: client.teamId,
          requestBody: entries.map(([key, value]) => ({
            key,
            value,
            type: 'encrypted' as const,
            target: ['production' as const, 'preview' as const],
          })),
        }),
      ctx.signal,
    );
    const failed = (answer.failed ?? []).map((f) => f.error.envVarKey ?? f.error.key ?? '?');
    if (failed.length) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Vercel refused the environment variables ${failed.join(', ')}`);
    ctx.log(`Set ${entries.length} environment variable(s) on the Vercel project: ${entries.map(([k]) => k).join(', ')}`, 'system');
  }

  async function upload(client: VercelClient, ctx: TargetContext, artifact: DeployArtifact, digests: readonly string[]): Promise<void> {
    const bySha = new Map(artifact.files.map((f) => [f.sha1, f]));
    const queue = [...new Set(digests)];
    const worker = async () => {
      for (let sha = queue.shift(); sha; sha = queue.shift()) {
        const file = bySha.get(sha);
        if (!file) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Vercel asked for a file that is not in the package (${sha})`);
        const content = await file.read();
        await vercelCall(
          `uploading ${file.path} to Vercel`,
          () =>
            client.sdk.deployments.uploadFile({
              xVercelDigest: sha,
              contentLength: content.length,
              teamId: client.teamId,
              requestBody: new Uint8Array(content),
            }),
          ctx.signal,
        );
        ctx.heartbeat();
      }
    };
    await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
  }

  /**
   * Vercel gives a production deployment the production domains as soon as it is READY, before our health check:
   * when the one being discarded holds them, the latest other READY production deployment (the live one) is
   * promoted back, so a failed deployment leaves the previous one serving.
   */
  async function restorePreviousProduction(client: VercelClient, ctx: TargetContext, deployment: ProviderDeployment): Promise<void> {
    const projectId = deployment.projectRef ?? (await lookupProject(client, ctx));
    if (!projectId) return;
    const project = await vercelCall(
      'reading the Vercel project',
      () => client.sdk.projects.getProject({ idOrName: projectId, teamId: client.teamId }),
      ctx.signal,
    );
    if (project.targets?.production?.id !== deployment.ref) return;
    const { deployments } = await vercelCall(
      'listing the Vercel production deployments',
      () => client.sdk.deployments.getDeployments({ projectId, target: 'production', state: 'READY', limit: 20, teamId: client.teamId }),
      ctx.signal,
    );
    const previous = deployments.find((d) => d.uid !== deployment.ref);
    if (!previous) return;
    await vercelCall(
      'promoting the previous Vercel deployment back',
      () => client.sdk.projects.requestPromote({ projectId, deploymentId: previous.uid, teamId: client.teamId }),
      ctx.signal,
    );
    ctx.log(`Vercel had given ${deployment.ref} the production domains; ${previous.uid} serves production again`, 'system');
  }

  return {
    name: 'vercel',

    async verifyToken(_provider, token, scope) {
      const client = await vercelClient({ baseUrl: options.endpoints.vercel, fetch: options.fetch }, token, scope);
      const answer = await vercelCall('checking the token', () => client.sdk.user.getAuthUser());
      const username = answer?.user.username;
      if (!username) throw new DeployFailure('DEPLOY_TOKEN_REFUSED', 'Vercel did not say whose token this is');
      if (scope) await vercelCall(`opening the Vercel team ${scope}`, () => client.sdk.teams.getTeam({ teamId: scope }));
      return { account: username };
    },

    async find(ctx) {
      const client = await connect(ctx);
      const projectId = await lookupProject(client, ctx);
      if (!projectId) return null;
      const found = await vercelCall(
        'looking for an earlier Vercel deployment',
        () => client.listDeploymentsByMeta({ projectId, key: VERCEL_META_KEY, value: ctx.deploymentId }, ctx.signal),
        ctx.signal,
      );
      const deployment = found[0];
      return deployment ? { ref: deployment.uid, projectRef: projectId, url: deploymentUrl(deployment.url) } : null;
    },

    async create(ctx, artifact) {
      const client = await connect(ctx);
      const projectId = await ensureProject(client, ctx);
      await upsertEnv(client, ctx, projectId);
      const requestBody = {
        name: projectName(ctx),
        project: projectId,
        target: 'production',
        files: artifact.files.map((f) => ({ file: f.path, sha: f.sha1, size: f.size })),
        meta: { [VERCEL_META_KEY]: ctx.deploymentId },
        projectSettings: {
          framework: null,
          ...(artifact.staticDir && artifact.staticDir !== '.' ? { outputDirectory: artifact.staticDir } : {}),
        },
      };
      const createDeployment = () =>
        client.sdk.deployments.createDeployment({ teamId: client.teamId, skipAutoDetectionConfirmation: '1', requestBody });
      let uploaded = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          const deployment = await createDeployment();
          ctx.log(
            `Vercel deployment ${deployment.id} created (${uploaded} of ${artifact.files.length} files uploaded, the rest already at Vercel)`,
            'system',
          );
          return { ref: deployment.id, projectRef: projectId, url: deploymentUrl((deployment as { url?: string }).url) };
        } catch (error) {
          const missing = missingFiles(error);
          if (!missing || attempt > 0) throw vercelFailure(error, 'creating the Vercel deployment', ctx.signal);
          await upload(client, ctx, artifact, missing);
          uploaded = missing.length;
        }
      }
    },

    async waitReady(ctx, deployment) {
      const client = await connect(ctx);
      return followVercelDeployment(client, ctx, deployment, options.pollIntervalMs ?? 2000);
    },

    probe(ctx, _deployment, url) {
      return probeHttp(url, ctx.signal, options.probeTimeoutMs ?? 10_000, options.fetch);
    },

    async promote(ctx, deployment) {
      const client = await connect(ctx);
      const projectId = deployment.projectRef ?? (await lookupProject(client, ctx));
      if (!projectId) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The Vercel project of this deployment is gone');
      const project = await vercelCall(
        'reading the Vercel project',
        () => client.sdk.projects.getProject({ idOrName: projectId, teamId: client.teamId }),
        ctx.signal,
      );
      if (project.targets?.production?.id === deployment.ref) return;
      await vercelCall(
        'promoting the Vercel deployment to production',
        () => client.sdk.projects.requestPromote({ projectId, deploymentId: deployment.ref, teamId: client.teamId }),
        ctx.signal,
      );
      ctx.log(`Promoted the Vercel deployment ${deployment.ref} to production`, 'system');
    },

    async discard(ctx, deployment) {
      const client = await connect(ctx);
      const ignoreGone = (error: unknown) => {
        if (statusOf(error) !== 404) throw error;
      };
      const current = await vercelCall('reading the Vercel deployment', () =>
        client.sdk.deployments.getDeployment({ idOrUrl: deployment.ref, teamId: client.teamId }),
      ).catch(ignoreGone);
      if (!current) return;
      if (['QUEUED', 'BUILDING', 'INITIALIZING'].includes(current.readyState ?? ''))
        await vercelCall('cancelling the Vercel deployment', () =>
          client.sdk.deployments.cancelDeployment({ id: deployment.ref, teamId: client.teamId }),
        ).catch(ignoreGone);
      else await restorePreviousProduction(client, ctx, deployment);
      await vercelCall('deleting the Vercel deployment', () =>
        client.sdk.deployments.deleteDeployment({ id: deployment.ref, teamId: client.teamId }),
      ).catch(ignoreGone);
    },
  };
}

/** The digests Vercel says it lacks (400 `missing_files`), or null for any other failure. */
function missingFiles(error: unknown): string[] | null {
  const e = error as { statusCode?: number; body?: string };
  if (e?.statusCode !== 400 || typeof e.body !== 'string') return null;
  const body = vercelErrorBody(e.body);
  return body.code === 'missing_files' && Array.isArray(body.missing) ? [...body.missing] : null;
}
