/**
 * The Netlify target: a digest deploy of the package's static folder (Netlify's manual deploys run no build, so a
 * project without a `staticDir` cannot go there: a non-retryable DEPLOY_PROVIDER_FAILED says so).
 *
 * - The site is the one named `settings.name` (default: the project's slug), found by its `<name>.netlify.app`
 *   domain (the API takes a domain wherever it takes a site id) or created; a subdomain somebody else holds
 *   answers 422 "must be unique" → DEPLOY_NAME_TAKEN.
 * - The deploy is created as a draft with `{files: {"/path": sha1}, title: "atelier:<deploymentId>"}`; Netlify
 *   answers the digests it lacks in `required`, only those are uploaded (`PUT /deploys/{id}/files/{path}`).
 *   Being a draft, it never replaces the published deploy by itself: `promote` publishes it (the documented
 *   restore), so a deploy that fails its health check leaves the previous one live.
 * - Idempotency: `find` matches the site's deploys by title. A deploy an earlier attempt left half-uploaded
 *   (still `uploading`) cannot be finished without the package, so `find` deletes it and answers null.
 * - Env vars and secrets are upserted as the site's env (the account env API scoped by `site_id`), all contexts.
 */
import { probeHttp } from '../provider-http';
import type { DeployArtifact, DeployTargetAdapter, ProviderEndpoints, ProviderDeployment, TargetContext } from '../target';
import { DeployFailure } from '../target';
import { netlifyClient, statusOf, type NetlifyClient } from './netlify.client';
import { followNetlifyDeploy, type NetlifyDeploy } from './netlify.follow';

export interface NetlifyTargetOptions {
  readonly endpoints: Pick<ProviderEndpoints, 'netlify'>;
  readonly fetch?: typeof fetch;
  /** Between two polls of a processing deploy (default 2 s; tests use a few ms). */
  readonly pollIntervalMs?: number;
  /** A health probe waits this long for an answer (default 10 s). */
  readonly probeTimeoutMs?: number;
}

interface NetlifySite {
  readonly id: string;
  readonly name: string;
  readonly account_id?: string;
  readonly account_slug?: string;
  readonly published_deploy?: { readonly id?: string } | null;
}

/** The title that names our deployment on Netlify's deploy. */
export const netlifyDeployTitle = (deploymentId: string) => `atelier:${deploymentId}`;
const UNFINISHED = new Set(['new', 'uploading', 'preparing', 'prepared']);
const UPLOAD_CONCURRENCY = 4;

export function createNetlifyTarget(options: NetlifyTargetOptions): DeployTargetAdapter {
  const client = (token: string) => netlifyClient(options.endpoints.netlify, token, options.fetch);
  const connect = (ctx: TargetContext): NetlifyClient => {
    const token = ctx.tokens.netlify;
    if (!token) throw new DeployFailure('DEPLOY_TOKEN_MISSING', 'No Netlify token is stored for this project');
    return client(token);
  };
  const siteName = (ctx: TargetContext) => ctx.settings.name || ctx.projectSlug;

  async function lookupSite(api: NetlifyClient, ctx: TargetContext): Promise<NetlifySite | null> {
    for (const ref of [ctx.providerProjectRef, `${siteName(ctx)}.netlify.app`]) {
      if (!ref) continue;
      try {
        return await api.call<NetlifySite>('GET', `/sites/${encodeURIComponent(ref)}`, 'looking up the Netlify site', {
          signal: ctx.signal,
        });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
    return null;
  }

  async function ensureSite(api: NetlifyClient, ctx: TargetContext): Promise<NetlifySite> {
    const existing = await lookupSite(api, ctx);
    if (existing) return existing;
    const name = siteName(ctx);
    const team = ctx.scopes.netlify;
    const path = team ? `/${encodeURIComponent(team)}/sites` : '/sites';
    const what = `creating the Netlify site "${name}"`;
    const site = await api.call<NetlifySite>('POST', path, what, { json: { name }, signal: ctx.signal }).catch((error: unknown) => {
      // Netlify answers a subdomain held by somebody else with 422 "subdomain must be unique".
      if (statusOf(error) === 422 && /unique|taken/i.test((error as Error).message))
        throw new DeployFailure('DEPLOY_NAME_TAKEN', `Netlify: the name ${name}.netlify.app is taken by another account`, { status: 422 });
      throw error;
    });
    ctx.log(`Created the Netlify site ${site.name}`, 'system');
    return site;
  }

  async function upsertEnv(api: NetlifyClient, ctx: TargetContext, site: NetlifySite): Promise<void> {
    const entries = Object.entries(ctx.env);
    if (entries.length === 0) return;
    const account = site.account_id ?? site.account_slug ?? ctx.scopes.netlify;
    if (!account) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Netlify did not say which account holds the site');
    const envPath = `/accounts/${encodeURIComponent(account)}/env`;
    const query = { site_id: site.id };
    const what = 'setting the Netlify site’s environment variables';
    const existing = new Set((await api.call<{ key: string }[]>('GET', envPath, what, { query, signal: ctx.signal })).map((e) => e.key));
    const variable = (key: string, value: string) => ({
      key,
      scopes: ['builds', 'functions', 'runtime', 'post-processing'],
      values: [{ value, context: 'all' }],
    });
    const fresh = entries.filter(([key]) => !existing.has(key));
    if (fresh.length) await api.call('POST', envPath, what, { query, json: fresh.map(([k, v]) => variable(k, v)), signal: ctx.signal });
    for (const [key, value] of entries.filter(([k]) => existing.has(k)))
      await api.call('PUT', `${envPath}/${encodeURIComponent(key)}`, what, { query, json: variable(key, value), signal: ctx.signal });
    ctx.log(`Set ${entries.length} environment variable(s) on the Netlify site: ${entries.map(([k]) => k).join(', ')}`, 'system');
  }

  async function upload(
    api: NetlifyClient,
    ctx: TargetContext,
    deployId: string,
    files: Map<string, DeployArtifact['files'][number]>,
    required: readonly string[],
  ) {
    const bySha = new Map([...files].map(([path, file]) => [file.sha1, { path, file }]));
    const queue = [...new Set(required)];
    const worker = async () => {
      for (let sha = queue.shift(); sha; sha = queue.shift()) {
        const entry = bySha.get(sha);
        if (!entry) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Netlify asked for a file that is not in the package (${sha})`);
        const bytes = await entry.file.read();
        await api.call(
          'PUT',
          `/deploys/${deployId}/files${entry.path.split('/').map(encodeURIComponent).join('/')}`,
          `uploading ${entry.path} to Netlify`,
          {
            bytes,
            signal: ctx.signal,
          },
        );
        ctx.heartbeat();
      }
    };
    await Promise.all(Array.from({ length: UPLOAD_CONCURRENCY }, worker));
  }

  const asDeployment = (deploy: NetlifyDeploy, siteId: string): ProviderDeployment => ({
    ref: deploy.id,
    projectRef: siteId,
    url: deploy.deploy_ssl_url ?? deploy.deploy_url ?? null,
  });

  return {
    name: 'netlify',

    async verifyToken(_provider, token, scope) {
      const api = client(token);
      const user = await api.call<{ email?: string; full_name?: string; slug?: string } | null>('GET', '/user', 'checking the token');
      const account = user?.email ?? user?.full_name ?? user?.slug;
      if (!account) throw new DeployFailure('DEPLOY_TOKEN_REFUSED', 'Netlify did not say whose token this is');
      if (scope) {
        const accounts = await api.call<{ id: string; slug: string }[]>('GET', '/accounts', 'listing the Netlify teams');
        if (!accounts.some((a) => a.slug === scope || a.id === scope))
          throw new DeployFailure('DEPLOY_TOKEN_REFUSED', `This Netlify token has no access to the team ${scope}`);
      }
      return { account };
    },

    async find(ctx) {
      const api = connect(ctx);
      const site = await lookupSite(api, ctx);
      if (!site) return null;
      const deploys = await api.call<NetlifyDeploy[]>('GET', `/sites/${site.id}/deploys`, 'looking for an earlier Netlify deploy', {
        query: { per_page: '50' },
        signal: ctx.signal,
      });
      const found = deploys.find((d) => d.title === netlifyDeployTitle(ctx.deploymentId));
      if (!found) return null;
      if (!UNFINISHED.has(found.state)) return asDeployment(found, site.id);
      await api
        .call('DELETE', `/deploys/${found.id}`, 'deleting an unfinished Netlify deploy', { signal: ctx.signal })
        .catch((error: unknown) => {
          if (statusOf(error) !== 404) throw error;
        });
      ctx.log(`Deleted the Netlify deploy ${found.id} an earlier attempt left unfinished; uploading again`, 'system');
      return null;
    },

    async create(ctx, artifact) {
      if (!artifact.staticDir)
        throw new DeployFailure(
          'DEPLOY_PROVIDER_FAILED',
          'Netlify serves static files and runs no build for these deploys, but the build produced no static folder (dist, build, out, public or an index.html)',
        );
      const files = staticFiles(artifact, artifact.staticDir);
      if (files.size === 0) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `The static folder ${artifact.staticDir} is empty`);
      const api = connect(ctx);
      const site = await ensureSite(api, ctx);
      await upsertEnv(api, ctx, site);
      const digests = Object.fromEntries([...files].map(([path, file]) => [path, file.sha1]));
      const deploy = await api.call<NetlifyDeploy>('POST', `/sites/${site.id}/deploys`, 'creating the Netlify deploy', {
        json: { files: digests, title: netlifyDeployTitle(ctx.deploymentId), draft: true },
        signal: ctx.signal,
      });
      const required = deploy.required ?? [];
      await upload(api, ctx, deploy.id, files, required);
      ctx.log(
        `Netlify deploy ${deploy.id} created (${new Set(required).size} of ${files.size} files uploaded, the rest already at Netlify)`,
        'system',
      );
      return asDeployment(deploy, site.id);
    },

    waitReady(ctx, deployment) {
      return followNetlifyDeploy(connect(ctx), ctx, deployment, options.pollIntervalMs ?? 2000);
    },

    probe(ctx, _deployment, url) {
      return probeHttp(url, ctx.signal, options.probeTimeoutMs ?? 10_000, options.fetch);
    },

    async promote(ctx, deployment) {
      const api = connect(ctx);
      const siteId = deployment.projectRef ?? (await lookupSite(api, ctx))?.id;
      if (!siteId) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'The Netlify site of this deploy is gone');
      const site = await api.call<NetlifySite>('GET', `/sites/${siteId}`, 'reading the Netlify site', { signal: ctx.signal });
      if (site.published_deploy?.id === deployment.ref) return;
      await api.call('POST', `/sites/${siteId}/deploys/${deployment.ref}/restore`, 'publishing the Netlify deploy', { signal: ctx.signal });
      ctx.log(`Published the Netlify deploy ${deployment.ref}`, 'system');
    },

    async discard(ctx, deployment) {
      const api = connect(ctx);
      const gone = (error: unknown) => {
        if (statusOf(error) !== 404) throw error;
        return null;
      };
      const deploy = await api
        .call<NetlifyDeploy>('GET', `/deploys/${deployment.ref}`, 'reading the Netlify deploy', { signal: ctx.signal })
        .catch(gone);
      if (!deploy) return;
      if (!['ready', 'error', 'rejected'].includes(deploy.state))
        await api.call('POST', `/deploys/${deployment.ref}/cancel`, 'cancelling the Netlify deploy', { signal: ctx.signal }).catch(gone);
      await api.call('DELETE', `/deploys/${deployment.ref}`, 'deleting the Netlify deploy', { signal: ctx.signal }).catch(gone);
    },
  };
}

/** The static folder's files by their site path (`/index.html`). */
function staticFiles(artifact: DeployArtifact, staticDir: string): Map<string, DeployArtifact['files'][number]> {
  const prefix = staticDir === '.' ? '' : `${staticDir.replace(/\/+$/, '')}/`;
  return new Map(artifact.files.filter((f) => f.path.startsWith(prefix)).map((f) => [`/${f.path.slice(prefix.length)}`, f]));
}
