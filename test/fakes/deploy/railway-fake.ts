/**
 * Railway's public GraphQL API at the wire: a real GraphQL schema (a subset of Railway's, by the names of its docs)
 * executed with `graphql`, so a query the adapter sends that Railway would reject fails here too. It builds from
 * the GitHub fake: a service's repo and a deployment's commit must exist there; deployments carry Railway's
 * `meta.commitHash` / `commitMessage`, which is how `deploymentsFor` counts ours.
 *
 * Refusals are GraphQL errors with HTTP 200 as Railway answers them ("Not Authorized"); rate-limit and
 * server-error are HTTP 429/503 on the next mutation. Each read of `deployment(id)` moves it one step
 * (QUEUED → BUILDING → DEPLOYING → SUCCESS, or FAILED with build-error); a successful one is served at its
 * service's domain (the fake's domains carry their `http://` scheme: they are served by this plain-HTTP server),
 * and the service's previous successful deployment becomes REMOVED.
 */
import { buildSchema, graphql } from 'graphql';
import type { WireFault } from '../../../core/deploy/targets/target-contract';
import type { GithubFake } from './github-fake';
import { json, WireFakeServer, type WireRequest, type WireResponse } from './wire-fake';

const SCHEMA = buildSchema(`
  scalar JSON
  scalar DateTime
  scalar EnvironmentVariables
  type User { id: String! name: String email: String! }
  type Environment { id: String! name: String! }
  type EnvironmentEdge { node: Environment! }
  type EnvironmentConnection { edges: [EnvironmentEdge!]! }
  type Service { id: String! name: String! projectId: String! }
  type ServiceEdge { node: Service! }
  type ServiceConnection { edges: [ServiceEdge!]! }
  type Project { id: String! name: String! description: String environments: EnvironmentConnection! services: ServiceConnection! }
  type ProjectEdge { node: Project! }
  type ProjectConnection { edges: [ProjectEdge!]! }
  enum DeploymentStatus { BUILDING CRASHED DEPLOYING FAILED INITIALIZING NEEDS_APPROVAL QUEUED REMOVED REMOVING SKIPPED SLEEPING SUCCESS WAITING }
  type Deployment {
    id: String! status: DeploymentStatus! createdAt: DateTime! staticUrl: String url: String meta: JSON
    serviceId: String! environmentId: String! projectId: String! canRollback: Boolean!
  }
  type DeploymentEdge { node: Deployment! }
  type DeploymentConnection { edges: [DeploymentEdge!]! }
  type Log { message: String! timestamp: DateTime! severity: String }
  type ServiceDomain { id: String! domain: String! }
  type AllDomains { serviceDomains: [ServiceDomain!]! }
  input DeploymentListInput { projectId: String serviceId: String environmentId: String }
  input ProjectCreateInput { name: String description: String workspaceId: String isPublic: Boolean }
  input ServiceSourceInput { repo: String image: String }
  input ServiceCreateInput { projectId: String! environmentId: String name: String source: ServiceSourceInput branch: String variables: EnvironmentVariables }
  input VariableCollectionUpsertInput { projectId: String! environmentId: String! serviceId: String variables: EnvironmentVariables! replace: Boolean skipDeploys: Boolean }
  input ServiceDomainCreateInput { serviceId: String! environmentId: String! targetPort: Int }
  type Query {
    me: User!
    projects(workspaceId: String): ProjectConnection!
    project(id: String!): Project!
    deployments(input: DeploymentListInput!, first: Int): DeploymentConnection!
    deployment(id: String!): Deployment!
    buildLogs(deploymentId: String!, limit: Int, startDate: DateTime): [Log!]!
    deploymentLogs(deploymentId: String!, limit: Int, startDate: DateTime): [Log!]!
    domains(projectId: String!, environmentId: String!, serviceId: String!): AllDomains!
  }
  type Mutation {
    projectCreate(input: ProjectCreateInput!): Project!
    serviceCreate(input: ServiceCreateInput!): Service!
    variableCollectionUpsert(input: VariableCollectionUpsertInput!): Boolean!
    serviceInstanceDeployV2(serviceId: String!, environmentId: String!, commitSha: String): String!
    serviceDomainCreate(input: ServiceDomainCreateInput!): ServiceDomain!
    deploymentCancel(id: String!): Boolean!
    deploymentRemove(id: String!): Boolean!
    deploymentRollback(id: String!): Boolean!
  }
`);

interface FakeProject {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly environmentId: string;
}

interface FakeService {
  readonly id: string;
  readonly name: string;
  readonly projectId: string;
  readonly repo: string;
  readonly branch: string;
  variables: Record<string, string>;
  domain: string | null;
}

interface FakeDeployment {
  readonly id: string;
  readonly serviceId: string;
  readonly projectId: string;
  readonly environmentId: string;
  status: string;
  readonly createdAt: string;
  readonly commitHash: string;
  readonly commitMessage: string;
  readonly failBuild: boolean;
  readonly unhealthy: boolean;
  readonly buildLogs: { message: string; timestamp: string; severity: string }[];
  readonly runtimeLogs: { message: string; timestamp: string; severity: string }[];
}

const STEPS: Record<string, string> = { QUEUED: 'BUILDING', BUILDING: 'DEPLOYING', DEPLOYING: 'SUCCESS' };

export class RailwayFake extends WireFakeServer {
  readonly faults: readonly WireFault[] = ['rate-limit', 'server-error', 'refuse-token', 'build-error', 'name-taken', 'unhealthy'];
  readonly token = { value: 'railway-fake-token-0001', account: 'Ada Lovelace' };
  readonly projects = new Map<string, FakeProject>();
  readonly services = new Map<string, FakeService>();
  readonly deployments = new Map<string, FakeDeployment>();
  private seq = 0;

  constructor(private readonly github: GithubFake) {
    super();
    const isMutation = (r: WireRequest) => /^\s*mutation\b/.test(String(this.bodyOf<{ query?: string }>(r).query ?? ''));
    this.route('POST', '/graphql/v2', (r) => this.execute(r), { auth: false, write: isMutation });
  }

  override get url(): string {
    return `${this.origin}/graphql/v2`;
  }

  /** A project of that name in the account that was not made by Atelier. */
  addForeignProject(name: string): void {
    const id = this.nextId();
    this.projects.set(id, { id, name, description: 'Hand-made', environmentId: this.nextId() });
  }

  /** Variables Railway holds for the service of that name. */
  variablesOf(name: string): Record<string, string> | undefined {
    return [...this.services.values()].find((s) => s.name === name)?.variables;
  }

  deploymentsFor(deploymentId: string): number {
    const trailer = `Atelier-Deployment: ${deploymentId}`;
    return [...this.deployments.values()].filter((d) => d.commitMessage.split('\n').some((line) => line.trim() === trailer)).length;
  }

  isActive(ref: string): boolean {
    const d = this.deployments.get(ref);
    return !!d && ['QUEUED', 'BUILDING', 'DEPLOYING', 'SUCCESS'].includes(d.status);
  }

  protected errorBody(_status: number, message: string): unknown {
    return { errors: [{ message }], data: null };
  }

  protected clearState(): void {
    this.projects.clear();
    this.services.clear();
    this.deployments.clear();
    this.wasLive.clear();
  }

  private nextId(): string {
    return `00000000-0000-4000-8000-${String(++this.seq).padStart(12, '0')}`;
  }

  private async execute(request: WireRequest): Promise<WireResponse> {
    if (!request.token || !this.accepts(request.token)) return json(200, { errors: [{ message: 'Not Authorized' }], data: null });
    const body = this.bodyOf<{ query?: string; variables?: Record<string, unknown> }>(request);
    const result = await graphql({
      schema: SCHEMA,
      source: body.query ?? '',
      rootValue: this.resolvers(),
      variableValues: body.variables ?? {},
    });
    return json(200, result);
  }

  private resolvers(): Record<string, unknown> {
    const connection = <T>(items: T[]) => ({ edges: items.map((node) => ({ node })) });
    const project = (p: FakeProject) => ({
      ...p,
      environments: connection([{ id: p.environmentId, name: 'production' }]),
      services: connection([...this.services.values()].filter((s) => s.projectId === p.id)),
    });
    const deployment = (id: string) => {
      const d = this.deployments.get(id);
      if (!d) throw new Error('Deployment not found');
      return d;
    };
    return {
      me: () => ({ id: 'user-1', name: this.token.account, email: 'ada@example.com' }),
      projects: () => connection([...this.projects.values()].map(project)),
      project: ({ id }: { id: string }) => {
        const p = this.projects.get(id);
        if (!p) throw new Error('Project not found');
        return project(p);
      },
      projectCreate: ({ input }: { input: { name?: string; description?: string } }) => {
        if (this.take('name-taken')) throw new Error(`A project named "${input.name}" already exists in this workspace`);
        const p: FakeProject = {
          id: this.nextId(),
          name: input.name ?? 'untitled',
          description: input.description ?? '',
          environmentId: this.nextId(),
        };
        this.projects.set(p.id, p);
        return project(p);
      },
      serviceCreate: ({
        input,
      }: {
        input: { projectId: string; name?: string; source?: { repo?: string }; branch?: string; variables?: Record<string, string> };
      }) => {
        const p = this.projects.get(input.projectId);
        if (!p) throw new Error('Project not found');
        const repo = input.source?.repo ?? '';
        if (!this.github.hasRepo(repo)) throw new Error(`Repository ${repo} not found or not accessible`);
        if ([...this.services.values()].some((s) => s.projectId === p.id && s.name === input.name))
          throw new Error('Service name already exists');
        const service: FakeService = {
          id: this.nextId(),
          name: input.name ?? repo,
          projectId: p.id,
          repo,
          branch: input.branch ?? 'main',
          variables: { ...input.variables },
          domain: null,
        };
        this.services.set(service.id, service);
        // Like Railway, a service with a repo source deploys the branch's latest commit at once.
        const head = this.github.head(repo, service.branch);
        if (head) this.addDeployment(service, p, head.sha, head.message);
        return service;
      },
      variableCollectionUpsert: ({ input }: { input: { serviceId?: string; variables: Record<string, string>; replace?: boolean } }) => {
        const service = this.services.get(input.serviceId ?? '');
        if (!service) throw new Error('Service not found');
        service.variables = input.replace ? { ...input.variables } : { ...service.variables, ...input.variables };
        return true;
      },
      serviceInstanceDeployV2: ({ serviceId, commitSha }: { serviceId: string; environmentId: string; commitSha?: string }) => {
        const service = this.services.get(serviceId);
        if (!service) throw new Error('Service not found');
        const commit = commitSha ? this.github.commit(commitSha) : this.github.head(service.repo, service.branch);
        if (!commit) throw new Error(`Commit ${commitSha ?? '(head)'} not found`);
        return this.addDeployment(service, this.projects.get(service.projectId)!, commit.sha, commit.message).id;
      },
      serviceDomainCreate: ({ input }: { input: { serviceId: string } }) => {
        const service = this.services.get(input.serviceId);
        if (!service) throw new Error('Service not found');
        service.domain = this.siteUrl(service.id).replace(/\/$/, '');
        return { id: `domain-${service.id}`, domain: service.domain };
      },
      domains: ({ serviceId }: { serviceId: string }) => {
        const service = this.services.get(serviceId);
        return { serviceDomains: service?.domain ? [{ id: `domain-${service.id}`, domain: service.domain }] : [] };
      },
      deployments: ({ input, first }: { input: { serviceId?: string }; first?: number }) =>
        connection(
          [...this.deployments.values()]
            .filter((d) => !input.serviceId || d.serviceId === input.serviceId)
            .reverse()
            .slice(0, first ?? 50)
            .map((d) => this.deploymentJson(d)),
        ),
      deployment: ({ id }: { id: string }) => this.deploymentJson(this.advance(deployment(id))),
      buildLogs: ({ deploymentId }: { deploymentId: string }) => deployment(deploymentId).buildLogs,
      deploymentLogs: ({ deploymentId }: { deploymentId: string }) => deployment(deploymentId).runtimeLogs,
      deploymentCancel: ({ id }: { id: string }) => {
        const d = deployment(id);
        if (!STEPS[d.status]) throw new Error('Deployment cannot be cancelled');
        d.status = 'REMOVED';
        return true;
      },
      deploymentRemove: ({ id }: { id: string }) => {
        const d = deployment(id);
        if (d.status === 'SUCCESS') this.removeSite(d.serviceId);
        d.status = 'REMOVED';
        return true;
      },
      deploymentRollback: ({ id }: { id: string }) => {
        const target = deployment(id);
        const service = this.services.get(target.serviceId)!;
        const d = this.addDeployment(service, this.projects.get(service.projectId)!, target.commitHash, target.commitMessage);
        this.succeed(service, { ...d, unhealthy: target.unhealthy });
        d.status = 'SUCCESS';
        return true;
      },
    };
  }

  private deploymentJson(d: FakeDeployment): Record<string, unknown> {
    const service = this.services.get(d.serviceId);
    return {
      ...d,
      staticUrl: service?.domain ?? null,
      url: service?.domain ?? null,
      meta: { commitHash: d.commitHash, commitMessage: d.commitMessage, branch: service?.branch, repo: service?.repo },
      canRollback: d.status === 'REMOVED' && this.wasLive.has(d.id),
    };
  }

  private readonly wasLive = new Set<string>();

  private addDeployment(service: FakeService, project: FakeProject, sha: string, message: string): FakeDeployment {
    const d: FakeDeployment = {
      id: this.nextId(),
      serviceId: service.id,
      projectId: project.id,
      environmentId: project.environmentId,
      status: 'QUEUED',
      createdAt: new Date().toISOString(),
      commitHash: sha,
      commitMessage: message,
      failBuild: this.take('build-error'),
      unhealthy: this.take('unhealthy'),
      buildLogs: [],
      runtimeLogs: [],
    };
    this.deployments.set(d.id, d);
    return d;
  }

  private advance(d: FakeDeployment): FakeDeployment {
    const next = STEPS[d.status];
    if (!next) return d;
    const service = this.services.get(d.serviceId)!;
    const log = (lines: FakeDeployment['buildLogs'], message: string, severity = 'info') =>
      lines.push({ message, timestamp: new Date().toISOString(), severity });
    if (next === 'BUILDING') {
      log(d.buildLogs, `Using Nixpacks; variables: ${Object.keys(service.variables).join(', ') || '(none)'}`);
      log(d.buildLogs, '$ npm ci');
    } else if (next === 'DEPLOYING' && d.failBuild) {
      log(d.buildLogs, 'npm ERR! missing script: build', 'error');
      log(d.buildLogs, 'Build failed', 'error');
      d.status = 'FAILED';
      return d;
    } else if (next === 'DEPLOYING') {
      log(d.buildLogs, 'Build time: 3.2 seconds');
    } else {
      log(d.runtimeLogs, 'Listening on port 8080');
      this.succeed(service, d);
    }
    d.status = next;
    return d;
  }

  private succeed(service: FakeService, d: FakeDeployment): void {
    for (const other of this.deployments.values())
      if (other.serviceId === service.id && other.status === 'SUCCESS' && other.id !== d.id) {
        other.status = 'REMOVED';
        this.wasLive.add(other.id);
      }
    this.wasLive.add(d.id);
    this.publishSite(service.id, new Map([['index.html', Buffer.from(`<!doctype html><h1>${service.name}</h1>\n`)]]), !d.unhealthy);
  }
}
