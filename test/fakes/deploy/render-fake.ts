/**
 * Render's REST API at the wire (`/v1/owners`, `/v1/services`, env vars, deploys, cancel, rollback, suspend,
 * `/v1/logs`), building from the GitHub fake: a service's repository and a deploy's commit must exist there, and a
 * deploy's commit message is read from it (as Render shows it), which is how `deploymentsFor` counts ours.
 *
 * Each GET of a deploy moves it one step (created → build_in_progress → update_in_progress → live), appending
 * Render-like log lines; a live deploy is served at the service's URL (`siteUrl(serviceId)`), the previous live
 * one becomes `deactivated`. Faults: rate-limit, server-error (next write), refuse-token, build-error (the next
 * deploy's build fails), name-taken (the next service looked up by name belongs to another repository),
 * unhealthy (the next deploy goes live answering 502).
 */
import type { WireFault } from '../../../core/deploy/targets/target-contract';
import type { GithubFake } from './github-fake';
import { json, WireFakeServer, type WireRequest, type WireResponse } from './wire-fake';

interface FakeService {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly type: string;
  readonly repo: string;
  readonly branch: string;
  readonly autoDeploy: string;
  readonly serviceDetails: Record<string, unknown>;
  suspended: 'suspended' | 'not_suspended';
  env: Record<string, string>;
}

interface FakeDeploy {
  readonly id: string;
  readonly serviceId: string;
  readonly commit: { id: string; message: string; createdAt: string };
  status: string;
  readonly trigger: string;
  readonly createdAt: string;
  finishedAt: string | null;
  readonly failBuild: boolean;
  readonly unhealthy: boolean;
}

interface FakeLog {
  readonly id: string;
  readonly resource: string;
  readonly message: string;
  readonly timestamp: string;
  readonly type: 'build' | 'app';
}

const OWNER_ID = 'tea-fakeworkspace01';
const STEPS: Record<string, string> = { created: 'build_in_progress', build_in_progress: 'update_in_progress', update_in_progress: 'live' };

export class RenderFake extends WireFakeServer {
  readonly faults: readonly WireFault[] = ['rate-limit', 'server-error', 'refuse-token', 'build-error', 'name-taken', 'unhealthy'];
  readonly token = { value: 'rnd_fakeRenderApiKey0001', account: 'Ada’s workspace' };
  readonly services = new Map<string, FakeService>();
  readonly deploys = new Map<string, FakeDeploy>();
  private readonly logs: FakeLog[] = [];
  private seq = 0;

  constructor(private readonly github: GithubFake) {
    super();
    this.route('GET', '/v1/owners', () =>
      json(200, [{ owner: { id: OWNER_ID, name: this.token.account, email: 'ada@example.com', type: 'team' }, cursor: 'c1' }]),
    );
    this.route('GET', '/v1/services', (r) => this.listServices(r));
    this.route('POST', '/v1/services', (r) => this.createService(r));
    this.route('GET', '/v1/services/:id', (r) => this.withService(r, (s) => json(200, this.serviceJson(s))));
    this.route('PUT', '/v1/services/:id/env-vars', (r) => this.withService(r, (s) => this.setEnv(s, r)));
    this.route('GET', '/v1/services/:id/deploys', (r) => this.withService(r, (s) => this.listDeploys(s)));
    this.route('POST', '/v1/services/:id/deploys', (r) => this.withService(r, (s) => this.triggerDeploy(s, r)));
    this.route('GET', '/v1/services/:id/deploys/:deployId', (r) => this.withDeploy(r, (d) => json(200, this.deployJson(this.advance(d)))));
    this.route('POST', '/v1/services/:id/deploys/:deployId/cancel', (r) => this.withDeploy(r, (d) => this.cancel(d)));
    this.route('POST', '/v1/services/:id/rollback', (r) => this.withService(r, (s) => this.rollback(s, r)));
    this.route('POST', '/v1/services/:id/suspend', (r) => this.withService(r, (s) => this.suspend(s)));
    this.route('GET', '/v1/logs', (r) => this.listLogs(r));
  }

  /** Env vars Render holds for the service of that name. */
  envOf(name: string): Record<string, string> | undefined {
    return [...this.services.values()].find((s) => s.name === name)?.env;
  }

  deploymentsFor(deploymentId: string): number {
    const trailer = `Atelier-Deployment: ${deploymentId}`;
    return [...this.deploys.values()].filter((d) => d.commit.message.split('\n').some((line) => line.trim() === trailer)).length;
  }

  isActive(ref: string): boolean {
    const deploy = this.deploys.get(ref);
    return !!deploy && ['created', 'build_in_progress', 'update_in_progress', 'live'].includes(deploy.status);
  }

  protected errorBody(_status: number, message: string): unknown {
    return { id: 'error', message };
  }

  protected clearState(): void {
    this.services.clear();
    this.deploys.clear();
    this.logs.length = 0;
  }

  private nextId(prefix: string): string {
    return `${prefix}-${String(++this.seq).padStart(20, '0')}`;
  }

  private withService(request: WireRequest, then: (service: FakeService) => WireResponse): WireResponse {
    const service = this.services.get(request.params.id!);
    return service ? then(service) : this.error(404, 'service not found');
  }

  private withDeploy(request: WireRequest, then: (deploy: FakeDeploy) => WireResponse): WireResponse {
    const deploy = this.deploys.get(request.params.deployId!);
    return deploy && deploy.serviceId === request.params.id ? then(deploy) : this.error(404, 'deploy not found');
  }

  private serviceJson(s: FakeService): Record<string, unknown> {
    const { env: _env, ...rest } = s;
    return { ...rest, slug: s.name, notifyOnFail: 'default', createdAt: new Date().toISOString() };
  }

  private deployJson(d: FakeDeploy): Record<string, unknown> {
    const { failBuild: _f, unhealthy: _u, serviceId: _s, ...rest } = d;
    return { ...rest, updatedAt: new Date().toISOString() };
  }

  private listServices(request: WireRequest): WireResponse {
    const name = request.query.get('name');
    if (name && ![...this.services.values()].some((s) => s.name === name) && this.take('name-taken'))
      this.addService({
        name,
        type: 'web_service',
        repo: 'https://github.com/somebody-else/their-app',
        branch: 'main',
        env: {},
        details: {},
      });
    const found = [...this.services.values()].filter((s) => !name || s.name === name);
    return json(
      200,
      found.map((s, i) => ({ service: this.serviceJson(s), cursor: `c${i}` })),
    );
  }

  private addService(input: {
    name: string;
    type: string;
    repo: string;
    branch: string;
    env: Record<string, string>;
    details: Record<string, unknown>;
  }): FakeService {
    const id = this.nextId('srv');
    const service: FakeService = {
      id,
      name: input.name,
      ownerId: OWNER_ID,
      type: input.type,
      repo: input.repo,
      branch: input.branch,
      autoDeploy: 'no',
      serviceDetails: { ...input.details, url: this.siteUrl(id).replace(/\/$/, '') },
      suspended: 'not_suspended',
      env: input.env,
    };
    this.services.set(id, service);
    return service;
  }

  private createService(request: WireRequest): WireResponse {
    const body = this.bodyOf<{
      type?: string;
      name?: string;
      ownerId?: string;
      repo?: string;
      branch?: string;
      envVars?: { key: string; value: string }[];
      serviceDetails?: Record<string, unknown>;
    }>(request);
    if (!body.type || !body.name || body.ownerId !== OWNER_ID || !body.repo)
      return this.error(400, 'type, name, ownerId and repo are required');
    const fullName = this.repoName(body.repo);
    if (!fullName || !this.github.hasRepo(fullName)) return this.error(400, `Render cannot access the repository ${body.repo}`);
    const branch = body.branch ?? 'main';
    const env = Object.fromEntries((body.envVars ?? []).map((v) => [v.key, v.value]));
    const service = this.addService({ name: body.name, type: body.type, repo: body.repo, branch, env, details: body.serviceDetails ?? {} });
    // Like Render, a new service starts its first deploy at once, of the branch's latest commit.
    const head = this.github.head(fullName, branch);
    const deploy = head ? this.addDeploy(service, head.sha, head.message, 'new_commit') : null;
    return json(201, { service: this.serviceJson(service), deployId: deploy?.id });
  }

  private setEnv(service: FakeService, request: WireRequest): WireResponse {
    const vars = this.bodyOf<{ key: string; value: string }[]>(request);
    if (!Array.isArray(vars)) return this.error(400, 'expected an array of env vars');
    service.env = Object.fromEntries(vars.map((v) => [v.key, v.value]));
    return json(
      200,
      vars.map((v) => ({ envVar: { key: v.key, value: v.value }, cursor: v.key })),
    );
  }

  private listDeploys(service: FakeService): WireResponse {
    const deploys = [...this.deploys.values()].filter((d) => d.serviceId === service.id).reverse();
    return json(
      200,
      deploys.map((d, i) => ({ deploy: this.deployJson(d), cursor: `c${i}` })),
    );
  }

  private triggerDeploy(service: FakeService, request: WireRequest): WireResponse {
    const body = this.bodyOf<{ commitId?: string }>(request);
    const commit = body.commitId ? this.github.commit(body.commitId) : this.github.head(this.repoName(service.repo) ?? '', service.branch);
    if (!commit) return this.error(400, `commit ${body.commitId ?? '(head)'} not found in ${service.repo}`);
    return json(201, this.deployJson(this.addDeploy(service, commit.sha, commit.message, 'api')));
  }

  private addDeploy(service: FakeService, sha: string, message: string, trigger: string): FakeDeploy {
    const now = new Date().toISOString();
    const deploy: FakeDeploy = {
      id: this.nextId('dep'),
      serviceId: service.id,
      commit: { id: sha, message, createdAt: now },
      status: 'created',
      trigger,
      createdAt: now,
      finishedAt: null,
      failBuild: this.take('build-error'),
      unhealthy: this.take('unhealthy'),
    };
    this.deploys.set(deploy.id, deploy);
    service.suspended = 'not_suspended';
    this.log(service.id, 'build', `==> Cloning from ${service.repo}`);
    this.log(service.id, 'build', `==> Checking out commit ${sha} in branch ${service.branch}`);
    return deploy;
  }

  /** One step of the deploy per read, with its log lines. */
  private advance(deploy: FakeDeploy): FakeDeploy {
    const next = STEPS[deploy.status];
    if (!next) return deploy;
    const service = this.services.get(deploy.serviceId)!;
    const env = Object.keys(service.env);
    if (next === 'build_in_progress') {
      this.log(service.id, 'build', `==> Using environment variables ${env.join(', ') || '(none)'}`);
      this.log(
        service.id,
        'build',
        `==> Running build command '${String((service.serviceDetails.envSpecificDetails as Record<string, unknown> | undefined)?.buildCommand ?? 'npm install')}'...`,
      );
    } else if (next === 'update_in_progress' && deploy.failBuild) {
      this.log(service.id, 'build', 'npm error code E404');
      this.log(service.id, 'build', '==> Build failed 😞');
      return this.finish(deploy, 'build_failed');
    } else if (next === 'update_in_progress') {
      this.log(service.id, 'build', '==> Build successful 🎉');
      this.log(service.id, 'build', '==> Deploying...');
    } else if (next === 'live') {
      this.log(service.id, 'app', 'Listening on port 10000');
      this.log(service.id, 'build', '==> Your service is live 🎉');
      this.goLive(service, deploy);
      return this.finish(deploy, 'live');
    }
    deploy.status = next;
    return deploy;
  }

  private goLive(service: FakeService, deploy: FakeDeploy): void {
    for (const other of this.deploys.values()) if (other.serviceId === service.id && other.status === 'live') other.status = 'deactivated';
    this.publishSite(service.id, new Map([['index.html', Buffer.from(`<!doctype html><h1>${service.name}</h1>\n`)]]), !deploy.unhealthy);
  }

  private finish(deploy: FakeDeploy, status: string): FakeDeploy {
    deploy.status = status;
    deploy.finishedAt = new Date().toISOString();
    return deploy;
  }

  private cancel(deploy: FakeDeploy): WireResponse {
    if (!STEPS[deploy.status]) return this.error(400, `deploy is ${deploy.status} and cannot be canceled`);
    this.log(deploy.serviceId, 'build', '==> Deploy canceled');
    return json(200, this.deployJson(this.finish(deploy, 'canceled')));
  }

  private rollback(service: FakeService, request: WireRequest): WireResponse {
    const target = this.deploys.get(this.bodyOf<{ deployId?: string }>(request).deployId ?? '');
    if (!target || target.serviceId !== service.id) return this.error(404, 'deploy not found');
    const deploy = this.addDeploy(service, target.commit.id, target.commit.message, 'rollback');
    this.goLive(service, { ...deploy, unhealthy: target.unhealthy });
    return json(201, this.deployJson(this.finish(deploy, 'live')));
  }

  private suspend(service: FakeService): WireResponse {
    service.suspended = 'suspended';
    for (const deploy of this.deploys.values())
      if (deploy.serviceId === service.id && deploy.status === 'live') deploy.status = 'deactivated';
    this.removeSite(service.id);
    return json(202, null);
  }

  private listLogs(request: WireRequest): WireResponse {
    if (request.query.get('ownerId') !== OWNER_ID) return this.error(400, 'ownerId is required');
    const resources = request.query.getAll('resource');
    const start = request.query.get('startTime') ?? '';
    const limit = Number(request.query.get('limit') ?? 20);
    const matching = this.logs.filter((l) => resources.includes(l.resource) && l.timestamp >= start);
    const page = matching.slice(0, limit);
    const more = matching.length > limit;
    return json(200, {
      hasMore: more,
      nextStartTime: more ? matching[limit]!.timestamp : undefined,
      logs: page.map((l) => ({
        id: l.id,
        message: l.message,
        timestamp: l.timestamp,
        labels: [
          { name: 'resource', value: l.resource },
          { name: 'type', value: l.type },
        ],
      })),
    });
  }

  private log(resource: string, type: FakeLog['type'], message: string): void {
    this.logs.push({ id: this.nextId('log'), resource, type, message, timestamp: new Date().toISOString() });
  }

  /** `https://github.com/owner/repo` (or the fake's origin) → `owner/repo`. */
  private repoName(url: string): string | null {
    const match = /^https?:\/\/[^/]+\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url);
    return match ? match[1]! : null;
  }
}
