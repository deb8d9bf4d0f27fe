/**
 * Render: the project is exported to GitHub first (GithubExporter), then a Render web service (a static site when
 * there is nothing to start) builds that repository; each deployment is a Render deploy of our exported commit.
 *
 * Idempotency: the commit carries our deployment id, so `find` is "the service's deploy whose commit is ours".
 * The service is created with `autoDeploy: no` (we trigger deploys of exact commits); Render starts the first
 * deploy itself when the service is created, which we then reuse instead of triggering a second one.
 * Logs are polled from `GET /v1/logs` (Render also offers a WebSocket subscribe; polling keeps one code path with
 * the status polling and survives a worker restart without a lost subscription).
 */
import type { DeployLogStream } from '../../../../contracts/deploy';
import { GithubExporter, type GithubRepo } from '../github/github-exporter';
import { githubToken } from '../github/github.target';
import { pause, probeUrl } from '../github/failures';
import {
  DeployFailure,
  type DeployArtifact,
  type DeployTargetAdapter,
  type ProviderDeployment,
  type ProviderEndpoints,
  type TargetContext,
} from '../target';
import { RenderApi, type RenderDeploy, type RenderLog, type RenderService } from './render-api';

export interface RenderTargetOptions {
  readonly endpoints: ProviderEndpoints;
  readonly fetch?: typeof fetch;
  /** The exporter Render deploys from (default: one over the same endpoints and fetch). */
  readonly github?: GithubExporter;
  /** Between two status polls while waiting (default 3 s; tests use a few ms). */
  readonly pollMs?: number;
}

const IN_PROGRESS = ['created', 'queued', 'build_in_progress', 'update_in_progress', 'pre_deploy_in_progress'];
const FAILED = ['build_failed', 'update_failed', 'pre_deploy_failed', 'canceled', 'deactivated'];

export function createRenderTarget(options: RenderTargetOptions): DeployTargetAdapter {
  const fetchImpl = options.fetch ?? fetch;
  const exporter = options.github ?? new GithubExporter({ endpoints: options.endpoints, fetch: fetchImpl });
  const pollMs = options.pollMs ?? 3000;
  const api = (ctx: TargetContext | null, token?: string) => {
    const key = token ?? ctx?.tokens.render;
    if (!key) throw new DeployFailure('DEPLOY_TOKEN_MISSING', 'A Render API key is needed to deploy to Render');
    return new RenderApi(options.endpoints.render, fetchImpl, key, ctx?.signal);
  };

  async function ownerId(ctx: TargetContext, render: RenderApi): Promise<string> {
    if (ctx.scopes.render) return ctx.scopes.render;
    const owners = (await render.call<{ owner: { id: string } }[]>('GET', '/owners?limit=20', 'listing the workspaces')) ?? [];
    const first = owners[0]?.owner.id;
    if (!first) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The Render API key has no workspace');
    return first;
  }

  /** The service of that name in the workspace: ours when it builds our repository, else the name is taken. */
  async function findService(ctx: TargetContext, render: RenderApi, owner: string, repo: GithubRepo | null): Promise<RenderService | null> {
    const name = exporter.repoName(ctx);
    const query = new URLSearchParams({ name, ownerId: owner, limit: '20' });
    const found = (await render.call<{ service: RenderService }[]>('GET', `/services?${query}`, 'looking up the service')) ?? [];
    const service = found.map((s) => s.service).find((s) => s.name === name);
    if (!service) return null;
    if (repo && sameRepo(service.repo, repo.htmlUrl)) return service;
    throw new DeployFailure(
      'DEPLOY_NAME_TAKEN',
      `A Render service named ${name} already exists and does not deploy this project's repository; choose another name`,
    );
  }

  async function deployOf(render: RenderApi, serviceId: string, sha: string): Promise<RenderDeploy | null> {
    const deploys =
      (await render.call<{ deploy: RenderDeploy }[]>('GET', `/services/${serviceId}/deploys?limit=20`, 'listing the deploys')) ?? [];
    return deploys.map((d) => d.deploy).find((d) => d.commit?.id === sha) ?? null;
  }

  async function createService(
    ctx: TargetContext,
    render: RenderApi,
    owner: string,
    repo: GithubRepo,
    artifact: DeployArtifact,
  ): Promise<RenderService> {
    const staticOnly = !artifact.startCommand && artifact.staticDir !== null;
    const build = buildCommand(artifact);
    const created = await render.call<{ service: RenderService; deployId?: string }>('POST', '/services', 'creating the service', {
      type: staticOnly ? 'static_site' : 'web_service',
      name: exporter.repoName(ctx),
      ownerId: owner,
      repo: repo.htmlUrl,
      branch: repo.defaultBranch,
      autoDeploy: 'no',
      envVars: envVars(ctx),
      serviceDetails: staticOnly
        ? { buildCommand: build, publishPath: artifact.staticDir }
        : {
            runtime: artifact.runtime,
            plan: ctx.settings.plan || 'free',
            region: ctx.settings.region || 'oregon',
            envSpecificDetails: { buildCommand: build, startCommand: artifact.startCommand ?? 'npm start' },
          },
    });
    if (!created) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Render answered no service');
    ctx.log(`Created the Render service ${created.service.name}`, 'system');
    return created.service;
  }

  return {
    name: 'render',

    async verifyToken(provider, token) {
      if (provider === 'github') return { account: await exporter.account(token) };
      const owners =
        (await api(null, token).call<{ owner: { name: string; email?: string } }[]>('GET', '/owners?limit=20', 'checking the API key')) ??
        [];
      const owner = owners[0]?.owner;
      return { account: owner?.name || owner?.email || 'Render' };
    },

    async find(ctx) {
      const gh = githubToken(ctx);
      const repo = await exporter.findRepo(ctx, gh);
      const sha = repo && (await exporter.findCommit(ctx, gh, repo));
      if (!repo || !sha) return null;
      const render = api(ctx);
      const service = await findService(ctx, render, await ownerId(ctx, render), repo);
      const deploy = service && (await deployOf(render, service.id, sha));
      return service && deploy ? { ref: deploy.id, projectRef: service.id, url: service.serviceDetails?.url ?? null } : null;
    },

    async create(ctx, artifact) {
      const render = api(ctx);
      const owner = await ownerId(ctx, render);
      // A service of that name deploying another repository is a clash: found before anything is pushed.
      let service = await findService(ctx, render, owner, await exporter.findRepo(ctx, githubToken(ctx)));
      const { repo, sha } = await exporter.export(ctx, githubToken(ctx), artifact);
      if (service) await render.call('PUT', `/services/${service.id}/env-vars`, 'setting the environment variables', envVars(ctx));
      else service = await createService(ctx, render, owner, repo, artifact);
      let deploy = await deployOf(render, service.id, sha);
      if (!deploy) {
        const triggered = await render.call<RenderDeploy>('POST', `/services/${service.id}/deploys`, 'triggering the deploy', {
          commitId: sha,
          clearCache: 'do_not_clear',
        });
        deploy = triggered?.id ? triggered : await deployOf(render, service.id, sha);
      }
      if (!deploy) throw new DeployFailure('DEPLOY_PROVIDER_UNAVAILABLE', 'Render has not listed the deploy yet', { retryable: true });
      ctx.log(`Render deploy ${deploy.id} of commit ${sha.slice(0, 12)} started`, 'provider');
      return { ref: deploy.id, projectRef: service.id, url: service.serviceDetails?.url ?? null };
    },

    async waitReady(ctx, deployment) {
      const render = api(ctx);
      const serviceId = serviceOf(deployment);
      const service = await render.call<RenderService>('GET', `/services/${serviceId}`, 'reading the service');
      const owner = service?.ownerId ?? (await ownerId(ctx, render));
      let logs: ReturnType<typeof logReader> | undefined;
      let last = '';
      for (;;) {
        const deploy = await render.call<RenderDeploy>('GET', `/services/${serviceId}/deploys/${deployment.ref}`, 'following the deploy');
        logs ??= logReader(render, ctx, owner, serviceId, deploy?.createdAt);
        await logs.read();
        const status = deploy?.status ?? 'missing';
        if (status !== last) ctx.log(`Render: deploy ${status.replace(/_/g, ' ')}`, 'provider');
        last = status;
        if (status === 'live') {
          const url = service?.serviceDetails?.url ?? deployment.url;
          if (!url) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Render reports no URL for the service');
          return { url };
        }
        if (FAILED.includes(status) || status === 'missing')
          throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Render's deploy ended ${status.replace(/_/g, ' ')}; its log is above`);
        ctx.heartbeat();
        await pause(pollMs, ctx.signal);
      }
    },

    probe: (_ctx, _deployment, url) => probeUrl(fetchImpl, url),

    async promote() {
      // A deploy that is live is the service's live deploy already.
    },

    async discard(ctx, deployment) {
      const render = api(ctx);
      const serviceId = serviceOf(deployment);
      const deploy = await render.call<RenderDeploy>(
        'GET',
        `/services/${serviceId}/deploys/${deployment.ref}`,
        'reading the deploy',
        undefined,
        [404],
      );
      if (!deploy) return;
      if (IN_PROGRESS.includes(deploy.status)) {
        await render.call(
          'POST',
          `/services/${serviceId}/deploys/${deploy.id}/cancel`,
          'cancelling the deploy',
          undefined,
          [400, 404, 409],
        );
        ctx.log(`Cancelled the Render deploy ${deploy.id}`, 'system');
      } else if (deploy.status === 'live') {
        // It went live but is not healthy: put the service back on its previous deploy (or stop it).
        const deploys =
          (await render.call<{ deploy: RenderDeploy }[]>('GET', `/services/${serviceId}/deploys?limit=20`, 'listing the deploys')) ?? [];
        const previous = deploys.map((d) => d.deploy).find((d) => d.id !== deploy.id && d.status === 'deactivated');
        if (previous) {
          await render.call('POST', `/services/${serviceId}/rollback`, 'rolling back to the previous deploy', { deployId: previous.id });
          ctx.log(`Rolled the Render service back to its previous deploy ${previous.id}`, 'system');
        } else {
          await render.call('POST', `/services/${serviceId}/suspend`, 'suspending the service', undefined, [404]);
          ctx.log('Suspended the Render service: it has no earlier deploy to go back to', 'system');
        }
      }
    },
  };
}

function serviceOf(deployment: ProviderDeployment): string {
  if (!deployment.projectRef) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The Render deploy has no service');
  return deployment.projectRef;
}

function envVars(ctx: TargetContext): { key: string; value: string }[] {
  return Object.entries(ctx.env).map(([key, value]) => ({ key, value }));
}

function buildCommand(artifact: DeployArtifact): string {
  if (artifact.runtime === 'python') return 'pip install -r requirements.txt';
  const scripts = (artifact.packageJson?.scripts ?? {}) as Record<string, unknown>;
  return typeof scripts.build === 'string' ? 'npm install && npm run build' : 'npm install';
}

function sameRepo(a: string | null | undefined, b: string): boolean {
  const norm = (url: string) =>
    url
      .toLowerCase()
      .replace(/\.git$/, '')
      .replace(/\/$/, '');
  return !!a && norm(a) === norm(b);
}

/** Reads the service's new log lines since the last read (by id), build lines as provider, app lines as runtime. */
function logReader(render: RenderApi, ctx: TargetContext, owner: string, serviceId: string, from: string | undefined) {
  const seen = new Set<string>();
  let since = from ?? new Date(Date.now() - 60_000).toISOString();
  return {
    async read(): Promise<void> {
      for (let page = 0; page < 10; page++) {
        const query = new URLSearchParams({ ownerId: owner, resource: serviceId, startTime: since, direction: 'forward', limit: '100' });
        const answer = await render.call<{ logs: RenderLog[]; hasMore?: boolean; nextStartTime?: string }>(
          'GET',
          `/logs?${query}`,
          'reading the logs',
        );
        for (const line of answer?.logs ?? []) {
          if (seen.has(line.id)) continue;
          seen.add(line.id);
          since = line.timestamp;
          const type = line.labels?.find((l) => l.name === 'type')?.value;
          if (type !== 'request') ctx.log(line.message, (type === 'app' ? 'runtime' : 'provider') satisfies DeployLogStream);
        }
        if (!answer?.hasMore || !answer.nextStartTime) return;
        since = answer.nextStartTime;
      }
    },
  };
}
