/**
 * Vercel's REST API at the wire, as documented (vercel.com/docs/rest-api) and in the shapes `@vercel/sdk` parses:
 * the user and team, projects (`/v9/projects/{idOrName}`, `POST /v11/projects`), project env (`POST
 * /v10/projects/{id}/env?upsert=true`), file uploads by SHA-1 (`POST /v2/files` with `x-vercel-digest`),
 * deployments (`POST /v13/deployments` answering 400 `missing_files` with the digests it lacks, `GET
 * /v13/deployments/{id}`, `GET /v6/deployments` with `meta-<key>` filters, cancel, delete), build events
 * (`GET /v3/deployments/{id}/events`) and promotion (`POST /v10/projects/{id}/promote/{deploymentId}`).
 *
 * A deployment's `readyState` walks QUEUED → BUILDING → READY (or ERROR after the `build-error` fault) one step per
 * `GET`, adding build events as it goes; when READY its output folder is served at its `url`, which (unlike
 * Vercel's host names) is an absolute `http://127.0.0.1:<port>/__site/<id>/` URL so the health probe reaches it.
 * Unknown tokens get Vercel's 403 `forbidden`; 429s carry Vercel's `X-RateLimit-*` headers.
 */
import { createHash } from 'node:crypto';
import type { WireFault } from '../../../core/deploy/targets/target-contract';
import { json, WireFakeServer, type WireRequest } from './wire-fake';

export interface FakeVercelDeployment {
  id: string;
  projectId: string;
  name: string;
  meta: Record<string, string>;
  files: { file: string; sha: string; size: number }[];
  outputDirectory: string | null;
  readyState: 'QUEUED' | 'BUILDING' | 'READY' | 'ERROR' | 'CANCELED';
  failBuild: boolean;
  healthy: boolean;
  deleted: boolean;
  createdAt: number;
  events: {
    type: string;
    created: number;
    payload: { id: string; text: string; date: number; created: number; deploymentId: string; serial: string };
  }[];
}

export interface FakeVercelProject {
  id: string;
  name: string;
  env: Map<string, { value: string; type: string; target: string[] }>;
  productionId: string | null;
}

const USER = { id: 'usr_fake', username: 'ada-vercel', email: 'ada@example.com', name: 'Ada' };
export const FAKE_VERCEL_TEAM = 'team_fake';

export class VercelFake extends WireFakeServer {
  readonly faults: readonly WireFault[] = ['rate-limit', 'server-error', 'refuse-token', 'build-error', 'name-taken', 'unhealthy'];
  readonly token = { value: 'vercel-token-ok', account: USER.username };
  readonly projects = new Map<string, FakeVercelProject>();
  readonly deployments = new Map<string, FakeVercelDeployment>();
  /** Uploaded file contents by SHA-1 (kept across reset, like Vercel's content-addressed store). */
  readonly blobs = new Map<string, Buffer>();
  /** Names that belong to another account (the `name-taken` fault adds the next name asked for). */
  readonly foreignNames = new Set<string>();
  private counter = 0;

  constructor() {
    super();
    this.refusedStatus = 403;
    this.route('GET', '/v2/user', () =>
      json(200, {
        user: {
          ...USER,
          avatar: null,
          defaultTeamId: null,
          limited: false,
          createdAt: 1,
          softBlock: null,
          billing: null,
          resourceConfig: {},
          stagingPrefix: 'ada',
          version: 'northstar',
        },
      }),
    );
    this.route('GET', '/v2/teams/:teamId', (r) =>
      r.params.teamId === FAKE_VERCEL_TEAM
        ? json(200, { id: FAKE_VERCEL_TEAM, slug: 'ada-team', name: 'Ada team' })
        : this.error(403, 'Not authorized', 'forbidden'),
    );
    this.route('GET', '/v9/projects/:idOrName', (r) => {
      const project = this.project(r.params.idOrName!);
      return project ? json(200, this.projectBody(project)) : this.error(404, 'Project not found', 'not_found');
    });
    this.route('POST', '/v11/projects', (r) => this.createProject(r));
    this.route('POST', '/v10/projects/:idOrName/env', (r) => this.upsertEnv(r));
    this.route('POST', '/v2/files', (r) => this.uploadFile(r));
    this.route('POST', '/v13/deployments', (r) => this.createDeployment(r));
    this.route('GET', '/v13/deployments/:id', (r) => this.getDeployment(r.params.id!));
    this.route('GET', '/v6/deployments', (r) => this.listDeployments(r));
    this.route('GET', '/v7/deployments', (r) => this.listDeployments(r));
    this.route('GET', '/v3/deployments/:id/events', (r) => this.events(r));
    this.route('PATCH', '/v12/deployments/:id/cancel', (r) => this.cancel(r.params.id!));
    this.route('DELETE', '/v13/deployments/:id', (r) => this.remove(r.params.id!));
    this.route('POST', '/v10/projects/:projectId/promote/:deploymentId', (r) => this.promote(r.params.projectId!, r.params.deploymentId!));
  }

  deploymentsFor(deploymentId: string): number {
    return [...this.deployments.values()].filter((d) => d.meta.atelierDeploymentId === deploymentId).length;
  }

  isActive(ref: string): boolean {
    const d = this.deployments.get(ref);
    return !!d && !d.deleted && !['ERROR', 'CANCELED'].includes(d.readyState);
  }

  /** SHA-1 digests uploaded through `POST /v2/files` since the last reset, in order. */
  get uploads(): string[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v2/files').map((r) => String(r.headers['x-vercel-digest']));
  }

  protected errorBody(status: number, message: string, code?: string): unknown {
    return { error: { code: code ?? String(status), message } };
  }

  protected override rateLimitHeaders(): Record<string, string> {
    const reset = Math.ceil(Date.now() / 1000) + (Number(this.retryAfter) || 2);
    return { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) };
  }

  protected clearState(): void {
    this.projects.clear();
    this.deployments.clear();
    this.foreignNames.clear();
  }

  private id(prefix: string): string {
    return `${prefix}_${(++this.counter).toString(36).padStart(8, '0')}`;
  }

  private project(idOrName: string): FakeVercelProject | undefined {
    return this.projects.get(idOrName) ?? [...this.projects.values()].find((p) => p.name === idOrName);
  }

  private projectBody(p: FakeVercelProject): unknown {
    const production = p.productionId ? this.deployments.get(p.productionId) : undefined;
    const targets = production
      ? {
          production: {
            ...this.deploymentBody(production),
            alias: [],
            aliasAssigned: 1,
            userId: USER.id,
            private: true,
            deploymentHostname: production.id,
            creator: { uid: USER.id, username: USER.username, email: USER.email },
          },
        }
      : {};
    return {
      id: p.id,
      name: p.name,
      accountId: USER.id,
      createdAt: 1,
      updatedAt: 1,
      framework: null,
      nodeVersion: '22.x',
      alias: [],
      latestDeployments: [],
      targets,
      env: [],
      live: false,
      directoryListing: false,
      defaultResourceConfig: { fluid: false, functionDefaultRegions: ['iad1'] },
      resourceConfig: { fluid: false, functionDefaultRegions: ['iad1'] },
      deploymentExpiration: {},
    };
  }

  private createProject(r: WireRequest) {
    const { name } = this.bodyOf<{ name?: string }>(r);
    if (!name) return this.error(400, 'Invalid request: should have required property "name"', 'bad_request');
    if (this.take('name-taken')) this.foreignNames.add(name);
    if (this.foreignNames.has(name) || this.project(name))
      return this.error(409, `A project with the name "${name}" already exists`, 'conflict');
    const project: FakeVercelProject = { id: this.id('prj'), name, env: new Map(), productionId: null };
    this.projects.set(project.id, project);
    return json(200, this.projectBody(project));
  }

  private upsertEnv(r: WireRequest) {
    const project = this.project(r.params.idOrName!);
    if (!project) return this.error(404, 'Project not found', 'not_found');
    const body = this.bodyOf<unknown>(r);
    const entries = (Array.isArray(body) ? body : [body]) as { key: string; value: string; type: string; target: string[] }[];
    const created = entries.map(({ key, value, type, target }) => {
      if (!r.query.get('upsert') && project.env.has(key)) throw new Error('env exists without upsert');
      project.env.set(key, { value, type, target });
      return { key, type, target, id: this.id('env'), createdAt: 1, updatedAt: 1, value: type === 'encrypted' ? 'encrypted:…' : value };
    });
    return json(201, { created, failed: [] });
  }

  private uploadFile(r: WireRequest) {
    const digest = String(r.headers['x-vercel-digest'] ?? r.headers['x-now-digest'] ?? '');
    if (createHash('sha1').update(r.body).digest('hex') !== digest)
      return this.error(400, 'The file digest does not match its content', 'incorrect_file_digest');
    this.blobs.set(digest, r.body);
    return json(200, {});
  }

  private createDeployment(r: WireRequest) {
    const body = this.bodyOf<{
      name?: string;
      project?: string;
      target?: string;
      files?: FakeVercelDeployment['files'];
      meta?: Record<string, string>;
      projectSettings?: { outputDirectory?: string };
    }>(r);
    const project = this.project(body.project ?? body.name ?? '');
    if (!project) return this.error(404, 'Project not found', 'not_found');
    const files = body.files ?? [];
    const missing = [...new Set(files.map((f) => f.sha).filter((sha) => !this.blobs.has(sha)))];
    if (missing.length) return json(400, { error: { code: 'missing_files', message: 'Missing files', missing } });
    const createdAt = Date.now();
    const deployment: FakeVercelDeployment = {
      id: this.id('dpl'),
      projectId: project.id,
      name: project.name,
      meta: body.meta ?? {},
      files,
      outputDirectory: body.projectSettings?.outputDirectory ?? null,
      readyState: 'QUEUED',
      failBuild: this.take('build-error'),
      healthy: !this.take('unhealthy'),
      deleted: false,
      createdAt,
      events: [],
    };
    this.deployments.set(deployment.id, deployment);
    return json(200, this.deploymentBody(deployment));
  }

  private deploymentBody(d: FakeVercelDeployment) {
    return {
      id: d.id,
      url: this.siteUrl(d.id),
      name: d.name,
      meta: d.meta,
      readyState: d.readyState,
      status: d.readyState,
      target: 'production',
      type: 'LAMBDAS',
      version: 2,
      createdAt: d.createdAt,
      buildingAt: d.createdAt,
      bootedAt: d.createdAt,
      createdIn: 'sfo1',
      public: false,
      plan: 'hobby',
      regions: ['iad1'],
      projectId: d.projectId,
      ownerId: USER.id,
      projectSettings: {},
      env: [],
      build: { env: [] },
      creator: { uid: USER.id, username: USER.username },
      alias: d.readyState === 'READY' ? [`${d.name}.vercel.app`] : [],
      aliasAssigned: d.readyState === 'READY',
      aliasError: null,
      routes: null,
      inspectorUrl: null,
      isInConcurrentBuildsQueue: false,
      isInSystemBuildsQueue: false,
      buildSkipped: false,
      errorMessage: d.readyState === 'ERROR' ? 'Command "npm run build" exited with 1' : null,
    };
  }

  /** Each read moves a building deployment one step, the way a build progresses between polls. */
  private getDeployment(id: string) {
    const d = this.deployments.get(id);
    if (!d || d.deleted) return this.error(404, 'The deployment could not be found', 'not_found');
    if (d.readyState === 'QUEUED') {
      d.readyState = 'BUILDING';
      this.event(d, 'command', 'Running "npm install"');
      this.event(d, 'stdout', 'added 3 packages in 1s');
    } else if (d.readyState === 'BUILDING') {
      if (d.failBuild) {
        this.event(d, 'stderr', 'Error: Command "npm run build" exited with 1');
        d.readyState = 'ERROR';
      } else {
        this.event(d, 'stdout', 'Build Completed in /vercel/output');
        d.readyState = 'READY';
        this.publishSite(d.id, this.output(d), d.healthy);
        const project = this.projects.get(d.projectId);
        if (project) project.productionId = d.id;
      }
    }
    return json(200, this.deploymentBody(d));
  }

  private output(d: FakeVercelDeployment): Map<string, Buffer> {
    const names = d.files.map((f) => f.file);
    const dir = d.outputDirectory ?? (names.some((n) => n.startsWith('public/')) ? 'public' : '');
    const prefix = dir && dir !== '.' ? `${dir.replace(/\/$/, '')}/` : '';
    return new Map(
      d.files.filter((f) => f.file.startsWith(prefix)).map((f) => [f.file.slice(prefix.length), this.blobs.get(f.sha) ?? Buffer.alloc(0)]),
    );
  }

  private event(d: FakeVercelDeployment, type: string, text: string): void {
    const created = Date.now();
    const id = `${d.id}-${d.events.length + 1}`;
    d.events.push({
      type,
      created,
      payload: { id, text, date: created, created, deploymentId: d.id, serial: String(d.events.length + 1) },
    });
  }

  private events(r: WireRequest) {
    const d = this.deployments.get(r.params.id!);
    if (!d || d.deleted) return this.error(404, 'The deployment could not be found', 'not_found');
    const since = Number(r.query.get('since') ?? 0);
    return json(
      200,
      d.events.filter((e) => e.created >= since),
    );
  }

  private listDeployments(r: WireRequest) {
    const metaFilters = [...r.query.entries()].filter(([k]) => k.startsWith('meta-')).map(([k, v]) => [k.slice(5), v] as const);
    const projectId = r.query.get('projectId');
    const states = r.query.get('state')?.split(',');
    const found = [...this.deployments.values()]
      .filter((d) => !d.deleted && (!projectId || d.projectId === projectId) && metaFilters.every(([k, v]) => d.meta[k] === v))
      .filter((d) => !states || states.includes(d.readyState))
      .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
      .slice(0, Number(r.query.get('limit') ?? 20));
    const deployments = found.map((d) => ({
      uid: d.id,
      name: d.name,
      projectId: d.projectId,
      url: this.siteUrl(d.id),
      created: d.createdAt,
      createdAt: d.createdAt,
      state: d.readyState,
      readyState: d.readyState,
      type: 'LAMBDAS',
      target: 'production',
      meta: d.meta,
      creator: { uid: USER.id, username: USER.username },
      inspectorUrl: null,
    }));
    return json(200, { deployments, pagination: { count: deployments.length, next: null, prev: null } });
  }

  private cancel(id: string) {
    const d = this.deployments.get(id);
    if (!d || d.deleted) return this.error(404, 'The deployment could not be found', 'not_found');
    if (!['QUEUED', 'BUILDING'].includes(d.readyState)) return this.error(400, 'The deployment is not building', 'bad_request');
    d.readyState = 'CANCELED';
    return json(200, this.deploymentBody(d));
  }

  private remove(id: string) {
    const d = this.deployments.get(id);
    if (!d || d.deleted) return this.error(404, 'The deployment could not be found', 'not_found');
    d.deleted = true;
    this.removeSite(id);
    return json(200, { uid: id, state: 'DELETED' });
  }

  private promote(projectId: string, deploymentId: string) {
    const project = this.project(projectId);
    const d = this.deployments.get(deploymentId);
    if (!project || !d || d.deleted || d.projectId !== project.id) return this.error(404, 'The deployment could not be found', 'not_found');
    if (d.readyState !== 'READY') return this.error(400, 'Only READY deployments can be promoted', 'bad_request');
    project.productionId = d.id;
    return { status: 201 };
  }
}
