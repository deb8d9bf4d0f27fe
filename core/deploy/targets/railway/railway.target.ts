/**
 * Railway: a Railway project per Atelier project (ours when its description names our project id), one service in
 * it built from the exported GitHub repository, env vars as the service's variables, a Railway domain for the URL;
 * each deployment is `serviceInstanceDeployV2` of our exported commit (reusing the deployment Railway starts by
 * itself when the service is created). `find` is "the service's deployment whose meta.commitHash is ours".
 * Logs are polled (`buildLogs`, then `deploymentLogs`) rather than subscribed: one code path with the status
 * polling, and nothing to lose when a worker restarts.
 */
import { exportMarker, GithubExporter, type GithubRepo } from '../github/github-exporter';
import { githubToken } from '../github/github.target';
import { pause, probeUrl } from '../github/failures';
import { DeployFailure, type DeployTargetAdapter, type ProviderEndpoints, type TargetContext } from '../target';
import { isNotFound, RailwayApi } from './railway-api';
import * as Q from './railway-queries';
import type { RailwayDeployment, RailwayLog, RailwayProject } from './railway-queries';

export interface RailwayTargetOptions {
  readonly endpoints: ProviderEndpoints;
  readonly fetch?: typeof fetch;
  /** The exporter Railway deploys from (default: one over the same endpoints and fetch). */
  readonly github?: GithubExporter;
  /** Between two status polls while waiting (default 3 s; tests use a few ms). */
  readonly pollMs?: number;
}

const IN_PROGRESS = ['QUEUED', 'INITIALIZING', 'WAITING', 'NEEDS_APPROVAL', 'BUILDING', 'DEPLOYING'];
const FAILED = ['FAILED', 'CRASHED', 'REMOVED', 'REMOVING', 'SKIPPED'];

interface Place {
  readonly project: RailwayProject;
  readonly environmentId: string;
  readonly serviceId: string | null;
}

export function createRailwayTarget(options: RailwayTargetOptions): DeployTargetAdapter {
  const fetchImpl = options.fetch ?? fetch;
  const exporter = options.github ?? new GithubExporter({ endpoints: options.endpoints, fetch: fetchImpl });
  const pollMs = options.pollMs ?? 3000;
  const api = (ctx: TargetContext | null, token?: string) => {
    const key = token ?? ctx?.tokens.railway;
    if (!key) throw new DeployFailure('DEPLOY_TOKEN_MISSING', 'A Railway token is needed to deploy to Railway');
    return new RailwayApi(options.endpoints.railway, fetchImpl, key, ctx?.signal);
  };

  /** Our Railway project (by the stored ref, else by name), or null; a project of that name not ours is a clash. */
  async function findProject(ctx: TargetContext, railway: RailwayApi): Promise<RailwayProject | null> {
    const marker = exportMarker(ctx.projectId);
    if (ctx.providerProjectRef) {
      try {
        const { project } = await railway.query<{ project: RailwayProject }>('reading the project', Q.PROJECT, {
          id: ctx.providerProjectRef,
        });
        if ((project.description ?? '').includes(marker)) return project;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    const name = exporter.repoName(ctx);
    const { projects } = await railway.query<{ projects: { edges: { node: RailwayProject }[] } }>('listing the projects', Q.PROJECTS, {
      workspaceId: ctx.scopes.railway ?? null,
    });
    const named = projects.edges.map((e) => e.node).filter((p) => p.name === name);
    const ours = named.find((p) => (p.description ?? '').includes(marker));
    if (ours) return ours;
    if (named.length > 0)
      throw new DeployFailure(
        'DEPLOY_NAME_TAKEN',
        `A Railway project named ${name} already exists and is not this project's; choose another name`,
      );
    return null;
  }

  function placeIn(ctx: TargetContext, project: RailwayProject): Place {
    const environments = project.environments.edges.map((e) => e.node);
    const environment = environments.find((e) => e.name === (ctx.settings.environment || 'production')) ?? environments[0];
    if (!environment) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `The Railway project ${project.name} has no environment`);
    const service = project.services.edges.map((e) => e.node).find((s) => s.name === exporter.repoName(ctx));
    return { project, environmentId: environment.id, serviceId: service?.id ?? null };
  }

  async function deploymentOf(railway: RailwayApi, place: Place, sha: string): Promise<RailwayDeployment | null> {
    if (!place.serviceId) return null;
    const input = { projectId: place.project.id, serviceId: place.serviceId, environmentId: place.environmentId };
    const { deployments } = await railway.query<{ deployments: { edges: { node: RailwayDeployment }[] } }>(
      'listing the deployments',
      Q.DEPLOYMENTS,
      { input, first: 20 },
    );
    return deployments.edges.map((e) => e.node).find((d) => d.meta?.commitHash === sha) ?? null;
  }

  async function serviceUrl(railway: RailwayApi, place: Place, create: boolean): Promise<string | null> {
    if (!place.serviceId) return null;
    const ids = { projectId: place.project.id, environmentId: place.environmentId, serviceId: place.serviceId };
    const { domains } = await railway.query<{ domains: { serviceDomains: { domain: string }[] } }>('reading the domains', Q.DOMAINS, ids);
    let domain = domains.serviceDomains[0]?.domain;
    if (!domain && create) {
      const input = { serviceId: place.serviceId, environmentId: place.environmentId };
      domain = (await railway.query<{ serviceDomainCreate: { domain: string } }>('creating the domain', Q.DOMAIN_CREATE, { input }))
        .serviceDomainCreate.domain;
    }
    return domain ? (/^https?:\/\//.test(domain) ? domain : `https://${domain}`) : null;
  }

  async function ensureService(ctx: TargetContext, railway: RailwayApi, place: Place, repo: GithubRepo): Promise<Place> {
    const variables = { ...ctx.env };
    if (place.serviceId) {
      const input = {
        projectId: place.project.id,
        environmentId: place.environmentId,
        serviceId: place.serviceId,
        variables,
        replace: true,
        skipDeploys: true,
      };
      await railway.query('setting the variables', Q.VARIABLES_UPSERT, { input });
      return place;
    }
    const input = {
      projectId: place.project.id,
      environmentId: place.environmentId,
      name: exporter.repoName(ctx),
      source: { repo: repo.fullName },
      branch: repo.defaultBranch,
      variables,
    };
    const { serviceCreate } = await railway.query<{ serviceCreate: { id: string } }>('creating the service', Q.SERVICE_CREATE, { input });
    ctx.log(`Created the Railway service ${exporter.repoName(ctx)} from ${repo.fullName}`, 'system');
    return { ...place, serviceId: serviceCreate.id };
  }

  return {
    name: 'railway',

    async verifyToken(provider, token) {
      if (provider === 'github') return { account: await exporter.account(token) };
      const { me } = await api(null, token).query<{ me: { name: string | null; email: string } }>('checking the token', Q.ME);
      return { account: me.name || me.email };
    },

    async find(ctx) {
      const gh = githubToken(ctx);
      const repo = await exporter.findRepo(ctx, gh);
      const sha = repo && (await exporter.findCommit(ctx, gh, repo));
      if (!repo || !sha) return null;
      const railway = api(ctx);
      const project = await findProject(ctx, railway);
      if (!project) return null;
      const place = placeIn(ctx, project);
      const deployment = await deploymentOf(railway, place, sha);
      return deployment ? { ref: deployment.id, projectRef: project.id, url: await serviceUrl(railway, place, false) } : null;
    },

    async create(ctx, artifact) {
      const railway = api(ctx);
      // The project first: a name clash is found before anything is pushed.
      let project = await findProject(ctx, railway);
      if (!project) {
        const input = { name: exporter.repoName(ctx), description: exportMarker(ctx.projectId), workspaceId: ctx.scopes.railway ?? null };
        project = (await railway.query<{ projectCreate: RailwayProject }>('creating the project', Q.PROJECT_CREATE, { input }))
          .projectCreate;
        ctx.log(`Created the Railway project ${project.name}`, 'system');
      }
      const { repo, sha } = await exporter.export(ctx, githubToken(ctx), artifact);
      const place = await ensureService(ctx, railway, placeIn(ctx, project), repo);
      const url = await serviceUrl(railway, place, true);
      let deployment = await deploymentOf(railway, place, sha);
      if (!deployment) {
        const vars = { serviceId: place.serviceId, environmentId: place.environmentId, commitSha: sha };
        const { serviceInstanceDeployV2: id } = await railway.query<{ serviceInstanceDeployV2: string }>(
          'triggering the deployment',
          Q.DEPLOY,
          vars,
        );
        deployment = { id, status: 'QUEUED' };
      }
      ctx.log(`Railway deployment ${deployment.id} of commit ${sha.slice(0, 12)} started`, 'provider');
      return { ref: deployment.id, projectRef: project.id, url };
    },

    async waitReady(ctx, deployment) {
      const railway = api(ctx);
      const logs = logReader(railway, ctx, deployment.ref);
      let last = '';
      for (;;) {
        const { deployment: now } = await railway.query<{ deployment: RailwayDeployment }>('following the deployment', Q.DEPLOYMENT, {
          id: deployment.ref,
        });
        await logs.read(now.status);
        if (now.status !== last) ctx.log(`Railway: deployment ${now.status.toLowerCase()}`, 'provider');
        last = now.status;
        if (now.status === 'SUCCESS') {
          const url =
            deployment.url ?? (now.staticUrl ? (/^https?:\/\//.test(now.staticUrl) ? now.staticUrl : `https://${now.staticUrl}`) : null);
          if (!url) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Railway reports no domain for the service');
          return { url };
        }
        if (FAILED.includes(now.status))
          throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Railway's deployment ended ${now.status.toLowerCase()}; its log is above`);
        ctx.heartbeat();
        await pause(pollMs, ctx.signal);
      }
    },

    probe: (_ctx, _deployment, url) => probeUrl(fetchImpl, url),

    async promote() {
      // A successful deployment is the service's active one already.
    },

    async discard(ctx, deployment) {
      const railway = api(ctx);
      let current: RailwayDeployment;
      try {
        current = (await railway.query<{ deployment: RailwayDeployment }>('reading the deployment', Q.DEPLOYMENT, { id: deployment.ref }))
          .deployment;
      } catch (error) {
        if (isNotFound(error)) return;
        throw error;
      }
      if (IN_PROGRESS.includes(current.status)) {
        await railway.query('cancelling the deployment', Q.CANCEL, { id: current.id });
        ctx.log(`Cancelled the Railway deployment ${current.id}`, 'system');
      } else if (current.status === 'SUCCESS') await rollBack(ctx, railway, current);
    },
  };

  /** A successful but unhealthy deployment: back to the previous one that can be rolled back to, else removed. */
  async function rollBack(ctx: TargetContext, railway: RailwayApi, current: RailwayDeployment): Promise<void> {
    const input = { projectId: current.projectId, serviceId: current.serviceId, environmentId: current.environmentId };
    const { deployments } = await railway.query<{ deployments: { edges: { node: RailwayDeployment }[] } }>(
      'listing the deployments',
      Q.DEPLOYMENTS,
      { input, first: 20 },
    );
    const previous = deployments.edges.map((e) => e.node).find((d) => d.id !== current.id && d.canRollback);
    if (previous) {
      await railway.query('rolling back', Q.ROLLBACK, { id: previous.id });
      ctx.log(`Rolled the Railway service back to its previous deployment ${previous.id}`, 'system');
    } else {
      await railway.query('removing the deployment', Q.REMOVE, { id: current.id });
      ctx.log(`Removed the Railway deployment ${current.id}: there is no earlier one to go back to`, 'system');
    }
  }
}

/** New build lines while it builds, then the deployment's runtime lines; each line once (by time and text). */
function logReader(railway: RailwayApi, ctx: TargetContext, deploymentId: string) {
  const seen = new Set<string>();
  const take = (lines: readonly RailwayLog[], stream: 'provider' | 'runtime') => {
    for (const line of lines) {
      const key = `${stream}\u0000${line.timestamp}\u0000${line.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.log(line.message, stream);
    }
  };
  return {
    async read(status: string): Promise<void> {
      const { buildLogs } = await railway.query<{ buildLogs: RailwayLog[] }>('reading the build logs', Q.BUILD_LOGS, {
        deploymentId,
        limit: 500,
      });
      take(buildLogs, 'provider');
      if (['QUEUED', 'INITIALIZING', 'WAITING', 'BUILDING'].includes(status)) return;
      const { deploymentLogs } = await railway.query<{ deploymentLogs: RailwayLog[] }>('reading the deployment logs', Q.DEPLOYMENT_LOGS, {
        deploymentId,
        limit: 500,
      });
      take(deploymentLogs, 'runtime');
    },
  };
}
