/**
 * Netlify's API (`/api/v1`, open-api.netlify.com) at the wire: the user and accounts, sites (`POST /sites`,
 * `POST /{account_slug}/sites`, `GET /sites/{site_id}` where the id may also be the site's `<name>.netlify.app`
 * domain), the digest deploy (`POST /sites/{site_id}/deploys` answering `required` digests, `PUT
 * /deploys/{id}/files/{path}`), deploy states, the site's deploy list, cancel, delete, restore (publish) and the
 * account env API scoped by `site_id`.
 *
 * A deploy is `uploading` until every required digest arrived, then `uploaded`; each `GET` moves it to
 * `processing`, then `ready` (or `error` after the `build-error` fault). Its `deploy_ssl_url` is served by the fake
 * (`http://127.0.0.1:<port>/__site/<deploy id>/`, 502 after the `unhealthy` fault). A non-draft deploy is published
 * when ready, a draft only by restore. Errors are Netlify's `{code, message}`; a taken site name answers 422.
 */
import { createHash } from 'node:crypto';
import type { WireFault } from '../../../core/deploy/targets/target-contract';
import { json, WireFakeServer, type WireRequest } from './wire-fake';

export interface FakeNetlifySite {
  id: string;
  name: string;
  accountSlug: string;
  publishedDeployId: string | null;
  env: Map<string, { scopes: string[]; values: { value: string; context: string }[] }>;
}

export interface FakeNetlifyDeploy {
  id: string;
  siteId: string;
  title: string | null;
  draft: boolean;
  files: Record<string, string>;
  required: Set<string>;
  state: 'uploading' | 'uploaded' | 'processing' | 'ready' | 'error' | 'cancelled';
  failProcessing: boolean;
  healthy: boolean;
  deleted: boolean;
  createdAt: string;
}

const USER = { id: 'user-fake', full_name: 'Ada Lovelace', email: 'ada@netlify.example', slug: 'ada' };
export const FAKE_NETLIFY_TEAM = 'ada-team';

export class NetlifyFake extends WireFakeServer {
  readonly faults: readonly WireFault[] = ['rate-limit', 'server-error', 'refuse-token', 'build-error', 'name-taken', 'unhealthy'];
  readonly token = { value: 'netlify-token-ok', account: USER.email };
  readonly sites = new Map<string, FakeNetlifySite>();
  readonly deploys = new Map<string, FakeNetlifyDeploy>();
  /** File contents by SHA-1, across sites and resets (Netlify deduplicates content). */
  readonly blobs = new Map<string, Buffer>();
  /** Subdomains held by other accounts. */
  readonly foreignNames = new Set<string>();
  private counter = 0;

  constructor() {
    super();
    this.route('GET', '/api/v1/user', () => json(200, { ...USER, avatar_url: null, created_at: '2026-01-01T00:00:00Z' }));
    this.route('GET', '/api/v1/accounts', () =>
      json(200, [
        { id: 'acct-personal', slug: 'ada', name: 'Ada' },
        { id: 'acct-team', slug: FAKE_NETLIFY_TEAM, name: 'Ada team' },
      ]),
    );
    this.route('GET', '/api/v1/sites/:siteId', (r) => {
      const site = this.site(r.params.siteId!);
      return site ? json(200, this.siteBody(site)) : this.error(404, 'Not Found');
    });
    this.route('POST', '/api/v1/sites', (r) => this.createSite(r, 'ada'));
    this.route('POST', '/api/v1/:accountSlug/sites', (r) => this.createSite(r, r.params.accountSlug!));
    this.route('POST', '/api/v1/sites/:siteId/deploys', (r) => this.createDeploy(r));
    this.route('GET', '/api/v1/sites/:siteId/deploys', (r) => this.listDeploys(r));
    this.route('PUT', '/api/v1/deploys/:id/files/*path', (r) => this.uploadFile(r));
    this.route('GET', '/api/v1/deploys/:id', (r) => this.getDeploy(r.params.id!));
    this.route('POST', '/api/v1/deploys/:id/cancel', (r) => this.cancel(r.params.id!));
    this.route('DELETE', '/api/v1/deploys/:id', (r) => this.remove(r.params.id!));
    this.route('POST', '/api/v1/sites/:siteId/deploys/:id/restore', (r) => this.restore(r.params.siteId!, r.params.id!));
    this.route('GET', '/api/v1/accounts/:accountId/env', (r) => this.listEnv(r));
    this.route('POST', '/api/v1/accounts/:accountId/env', (r) => this.createEnv(r));
    this.route('PUT', '/api/v1/accounts/:accountId/env/:key', (r) => this.updateEnv(r));
  }

  deploymentsFor(deploymentId: string): number {
    return [...this.deploys.values()].filter((d) => !d.deleted && d.title === `atelier:${deploymentId}`).length;
  }

  isActive(ref: string): boolean {
    const d = this.deploys.get(ref);
    return !!d && !d.deleted && !['error', 'cancelled'].includes(d.state);
  }

  /** Paths uploaded through `PUT /deploys/{id}/files/{path}` since the last reset, in order. */
  get uploads(): string[] {
    return this.requests.filter((r) => r.method === 'PUT' && r.path.includes('/files/')).map((r) => `/${r.params.path}`);
  }

  protected errorBody(status: number, message: string): unknown {
    return { code: status, message };
  }

  protected override rateLimitHeaders(): Record<string, string> {
    return { ...super.rateLimitHeaders(), 'x-ratelimit-limit': '500', 'x-ratelimit-remaining': '0' };
  }

  protected clearState(): void {
    this.sites.clear();
    this.deploys.clear();
    this.foreignNames.clear();
  }

  private nextId(): string {
    return createHash('sha1').update(String(++this.counter)).digest('hex').slice(0, 24);
  }

  private site(idOrDomain: string): FakeNetlifySite | undefined {
    return this.sites.get(idOrDomain) ?? [...this.sites.values()].find((s) => `${s.name}.netlify.app` === idOrDomain);
  }

  private siteBody(s: FakeNetlifySite) {
    const account = s.accountSlug === FAKE_NETLIFY_TEAM ? 'acct-team' : 'acct-personal';
    return {
      id: s.id,
      site_id: s.id,
      name: s.name,
      url: `http://${s.name}.netlify.app`,
      ssl_url: `https://${s.name}.netlify.app`,
      admin_url: `https://app.netlify.com/sites/${s.name}`,
      account_id: account,
      account_slug: s.accountSlug,
      state: 'current',
      published_deploy: s.publishedDeployId ? this.deployBody(this.deploys.get(s.publishedDeployId)!) : null,
    };
  }

  private createSite(r: WireRequest, accountSlug: string) {
    if (accountSlug !== 'ada' && accountSlug !== FAKE_NETLIFY_TEAM) return this.error(404, 'Not Found');
    const { name } = this.bodyOf<{ name?: string }>(r);
    const chosen = name ?? `site-${this.counter + 1}`;
    if (this.take('name-taken')) this.foreignNames.add(chosen);
    if (this.foreignNames.has(chosen) || [...this.sites.values()].some((s) => s.name === chosen))
      return json(422, { code: 422, message: 'Validation Failed', errors: { subdomain: ['must be unique'] } });
    const site: FakeNetlifySite = { id: this.nextId(), name: chosen, accountSlug, publishedDeployId: null, env: new Map() };
    this.sites.set(site.id, site);
    return json(201, this.siteBody(site));
  }

  private deployBody(d: FakeNetlifyDeploy) {
    const site = this.sites.get(d.siteId);
    return {
      id: d.id,
      site_id: d.siteId,
      state: d.state,
      name: site?.name,
      title: d.title,
      branch: null,
      context: 'production',
      draft: d.draft,
      required: [...d.required],
      required_functions: [],
      deploy_url: this.siteUrl(d.id),
      deploy_ssl_url: this.siteUrl(d.id),
      ssl_url: site ? `https://${site.name}.netlify.app` : null,
      url: site ? `http://${site.name}.netlify.app` : null,
      admin_url: site ? `https://app.netlify.com/sites/${site.name}` : null,
      error_message: d.state === 'error' ? 'Failed to process the deploy: an asset could not be processed' : null,
      created_at: d.createdAt,
      updated_at: d.createdAt,
      published_at: site?.publishedDeployId === d.id ? d.createdAt : null,
    };
  }

  private createDeploy(r: WireRequest) {
    const site = this.site(r.params.siteId!);
    if (!site) return this.error(404, 'Not Found');
    const body = this.bodyOf<{ files?: Record<string, string>; title?: string; draft?: boolean }>(r);
    const files = body.files ?? {};
    const deploy: FakeNetlifyDeploy = {
      id: this.nextId(),
      siteId: site.id,
      title: body.title ?? null,
      draft: body.draft === true,
      files,
      required: new Set(Object.values(files).filter((sha) => !this.blobs.has(sha))),
      state: 'uploading',
      failProcessing: this.take('build-error'),
      healthy: !this.take('unhealthy'),
      deleted: false,
      createdAt: new Date().toISOString(),
    };
    if (deploy.required.size === 0) deploy.state = 'uploaded';
    this.deploys.set(deploy.id, deploy);
    return json(200, this.deployBody(deploy));
  }

  private uploadFile(r: WireRequest) {
    const d = this.deploys.get(r.params.id!);
    if (!d || d.deleted) return this.error(404, 'Not Found');
    const path = `/${r.params.path}`;
    const expected = d.files[path];
    if (!expected) return this.error(422, `The file ${path} is not part of the deploy`);
    if (createHash('sha1').update(r.body).digest('hex') !== expected)
      return this.error(422, `The content of ${path} does not match its digest`);
    this.blobs.set(expected, r.body);
    d.required.delete(expected);
    if (d.state === 'uploading' && d.required.size === 0) d.state = 'uploaded';
    return json(200, { id: expected, path, sha: expected, mime_type: 'text/html', size: r.body.length, deploy_id: d.id });
  }

  /** Each read moves an uploaded deploy one step, the way Netlify processes it between polls. */
  private getDeploy(id: string) {
    const d = this.deploys.get(id);
    if (!d || d.deleted) return this.error(404, 'Not Found');
    if (d.state === 'uploaded') d.state = 'processing';
    else if (d.state === 'processing') {
      d.state = d.failProcessing ? 'error' : 'ready';
      if (d.state === 'ready') {
        const site = this.sites.get(d.siteId)!;
        this.publishSite(
          d.id,
          new Map(Object.entries(d.files).map(([p, sha]) => [p.slice(1), this.blobs.get(sha) ?? Buffer.alloc(0)])),
          d.healthy,
        );
        if (!d.draft) site.publishedDeployId = d.id;
      }
    }
    return json(200, this.deployBody(d));
  }

  private listDeploys(r: WireRequest) {
    const site = this.site(r.params.siteId!);
    if (!site) return this.error(404, 'Not Found');
    const perPage = Number(r.query.get('per_page') ?? 100);
    const list = [...this.deploys.values()].filter((d) => d.siteId === site.id && !d.deleted).reverse();
    return json(
      200,
      list.slice(0, perPage).map((d) => this.deployBody(d)),
    );
  }

  private cancel(id: string) {
    const d = this.deploys.get(id);
    if (!d || d.deleted) return this.error(404, 'Not Found');
    if (['ready', 'error'].includes(d.state)) return this.error(422, 'The deploy cannot be cancelled in its state');
    d.state = 'cancelled';
    return json(200, this.deployBody(d));
  }

  private remove(id: string) {
    const d = this.deploys.get(id);
    if (!d || d.deleted) return this.error(404, 'Not Found');
    if (this.sites.get(d.siteId)?.publishedDeployId === id) return this.error(422, 'The published deploy cannot be deleted');
    d.deleted = true;
    this.removeSite(id);
    return { status: 204 };
  }

  private restore(siteId: string, id: string) {
    const site = this.site(siteId);
    const d = this.deploys.get(id);
    if (!site || !d || d.deleted || d.siteId !== site.id) return this.error(404, 'Not Found');
    if (d.state !== 'ready') return this.error(422, 'Only ready deploys can be published');
    site.publishedDeployId = d.id;
    return json(200, this.deployBody(d));
  }

  private envSite(r: WireRequest): FakeNetlifySite | undefined {
    const site = this.site(r.query.get('site_id') ?? '');
    const accountId = site?.accountSlug === FAKE_NETLIFY_TEAM ? 'acct-team' : 'acct-personal';
    return site && r.params.accountId === accountId ? site : undefined;
  }

  private envBody(key: string, v: { scopes: string[]; values: { value: string; context: string }[] }) {
    return {
      key,
      scopes: v.scopes,
      values: v.values.map((x, i) => ({ id: `${key}-${i}`, ...x })),
      is_secret: false,
      updated_at: new Date().toISOString(),
    };
  }

  private listEnv(r: WireRequest) {
    const site = this.envSite(r);
    if (!site) return this.error(404, 'Not Found');
    return json(
      200,
      [...site.env].map(([k, v]) => this.envBody(k, v)),
    );
  }

  private createEnv(r: WireRequest) {
    const site = this.envSite(r);
    if (!site) return this.error(404, 'Not Found');
    const vars = this.bodyOf<{ key: string; scopes: string[]; values: { value: string; context: string }[] }[]>(r);
    if (vars.some((v) => site.env.has(v.key))) return this.error(422, 'Environment variable already exists');
    for (const { key, scopes, values } of vars) site.env.set(key, { scopes, values });
    return json(
      201,
      vars.map((v) => this.envBody(v.key, v)),
    );
  }

  private updateEnv(r: WireRequest) {
    const site = this.envSite(r);
    if (!site || !site.env.has(r.params.key!)) return this.error(404, 'Not Found');
    const v = this.bodyOf<{ scopes: string[]; values: { value: string; context: string }[] }>(r);
    site.env.set(r.params.key!, { scopes: v.scopes, values: v.values });
    return json(200, this.envBody(r.params.key!, v));
  }
}
