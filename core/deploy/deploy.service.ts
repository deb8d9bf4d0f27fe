import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  DEPLOY_TARGET_INFO,
  DEPLOY_TARGETS,
  DEPLOYMENT_ENDED,
  DEPLOYMENT_SUCCEEDED,
  localAppCommandSignal,
  localAppStatusQuery,
  type DeployLogLine,
  type DeployTargetName,
  type DeploymentTrigger,
  type LocalAppState,
} from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { EventType } from '../../contracts/events';
import { workflowIds } from '../../contracts/workflow-ids';
import { can, type Actor, type DeployAction, type Visibility } from '../access/policy';
import type { ProjectEventStream } from '../events/project-event-stream';
import { Project } from '../project/project.entity';
import { assertNotArchived } from '../project/project.errors';
import { ConflictError, ForbiddenError, NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { User } from '../user/user.entity';
import type { DeploySecretsSource } from './deploy-secrets.port';
import { parseTargetSettings, targetView, type TargetView } from './deploy-targets-view';
import { Deployment, DeploymentLog, DeployTarget } from './deploy.entities';
import { deployInProgress, deployRollbackInvalid, deployTargetUnavailable, deployTokenMissing } from './deploy.errors';
import type { DeployTargets } from './targets/target';

export type { TargetView } from './deploy-targets-view';

export interface DeployServiceDeps {
  orm: MikroORM;
  temporal: () => Client | Promise<Client>;
  events: ProjectEventStream;
  /** Idempotency keys (`deploy:idem:<user>:<key>`); without it a key is refused as unsupported. */
  redis?: Redis;
  secrets: DeploySecretsSource;
  targets: DeployTargets;
  logger: Logger;
  /** The worker task queue deploymentWorkflow runs on. */
  taskQueue: string;
}

/**
 * The policy's view of a project (as ProjectService's `asResource`; not imported from there: the agent's deploy
 * activity reaches this service from workflow code's activity types, and project.service imports workflow types).
 */
const asResource = (project: Project) => ({
  kind: 'project' as const,
  ownerUserId: project.owner.id,
  ownerTeamId: project.ownerTeam?.id ?? null,
  visibility: project.visibility as Visibility,
  id: project.id,
});

/** How long a deploy's idempotency key answers with its first deployment. */
const IDEMPOTENCY_TTL_SECONDS = 600;
const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;

/**
 * Deployments for the API (DEPLOY.md "DeployService interface"): every call asks `can()` (deploy:read, create or
 * configure on the project; people who may not read deployments get NOT_FOUND, as if nothing existed), writes the
 * deployment row and starts its workflow (`workflowIds.deployment(id)`). One deployment per project and target is
 * in flight at a time (the partial unique index `deployments_in_flight_unique` → DEPLOY_IN_PROGRESS).
 */
export class DeployService {
  constructor(private readonly deps: DeployServiceDeps) {}

  private em(): EntityManager {
    return this.deps.orm.em.fork() as EntityManager;
  }

  deploy(actor: Actor, input: { projectId: string; target: string; skipTests?: boolean | null; idempotencyKey?: string | null }, trigger: 'user' | 'agent' = 'user'): Promise<Deployment> {
    return this.create(actor, input, trigger, null);
  }

  /** Builds and deploys the project again to `deploymentId`'s target. */
  async redeploy(actor: Actor, deploymentId: string, skipTests?: boolean | null): Promise<Deployment> {
    const source = await this.get(actor, deploymentId);
    return this.create(actor, { projectId: source.project.id, target: source.target, skipTests }, 'redeploy', source);
  }

  /** Makes an earlier successful deployment live again from its kept package. */
  async rollback(actor: Actor, deploymentId: string): Promise<Deployment> {
    const source = await this.get(actor, deploymentId);
    if (!DEPLOYMENT_SUCCEEDED.includes(source.status)) throw deployRollbackInvalid(source.id, 'Only a deployment that went live can be rolled back to');
    if (source.status === 'LIVE') throw deployRollbackInvalid(source.id, 'This deployment is live already');
    if (!source.artifactSha) throw deployRollbackInvalid(source.id, "This deployment's package is no longer kept; deploy again instead");
    return this.create(actor, { projectId: source.project.id, target: source.target }, 'rollback', source);
  }

  /** Cancels a deployment in flight; one that already ended is returned as it is. */
  async cancel(actor: Actor, deploymentId: string): Promise<Deployment> {
    const deployment = await this.get(actor, deploymentId);
    await this.require(actor, deployment.project.id, 'deploy:create');
    if (DEPLOYMENT_ENDED.includes(deployment.status)) return deployment;
    const client = await this.client();
    try {
      await client.workflow.getHandle(workflowIds.deployment(deployment.id)).cancel();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw new ServiceUnavailableError('The deployment service', { cause: error });
      // Its workflow never started (Temporal was down at deploy): nothing ran, so the row alone ends it.
      await this.em().nativeUpdate(
        Deployment,
        { id: deployment.id, status: 'QUEUED' },
        { status: 'CANCELLED', error: 'The deployment was cancelled', errorCode: ErrorCode.DEPLOY_CANCELLED, finishedAt: new Date() },
      );
    }
    return this.em().findOneOrFail(Deployment, { id: deployment.id });
  }

  /** A deployment the actor may read (deploy:read), or NOT_FOUND. */
  async get(actor: Actor, deploymentId: string): Promise<Deployment> {
    const em = this.em();
    const deployment = isUuid(deploymentId) ? await em.findOne(Deployment, { id: deploymentId }) : null;
    const project = deployment ? await em.findOne(Project, { id: deployment.project.id }) : null;
    if (!deployment || !project || !can(actor, 'deploy:read', asResource(project))) throw new NotFoundError('Deployment', deploymentId);
    return deployment;
  }

  /** A project's deployments, newest first. */
  async list(actor: Actor, projectId: string, options: { target?: string | null; limit?: number | null } = {}): Promise<Deployment[]> {
    await this.require(actor, projectId, 'deploy:read');
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
    return this.em().find(
      Deployment,
      { project: projectId, ...(options.target ? { target: options.target as DeployTargetName } : {}) },
      { orderBy: { createdAt: 'desc' }, limit },
    );
  }

  /** Log lines after seq `after`, oldest first. */
  async logs(actor: Actor, deploymentId: string, after = 0, limit = 1000): Promise<DeployLogLine[]> {
    await this.get(actor, deploymentId);
    const rows = await this.em().find(
      DeploymentLog,
      { deployment: deploymentId, seq: { $gt: Math.max(0, after) } },
      { orderBy: { seq: 'asc' }, limit: Math.min(Math.max(limit, 1), 5000) },
    );
    return rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), stream: r.stream, text: r.text }));
  }

  /** Every target this platform offers, with the project's settings, tokens and live deployment for each. */
  async targets(actor: Actor, projectId: string): Promise<TargetView[]> {
    await this.require(actor, projectId, 'deploy:read');
    const names = DEPLOY_TARGETS.filter((t) => this.deps.targets[t]);
    return Promise.all(names.map((t) => this.view(projectId, t)));
  }

  async setTargetSettings(
    actor: Actor,
    input: { projectId: string; target: string; settings?: unknown; allowAgentDeploys?: boolean | null },
  ): Promise<TargetView> {
    const project = await this.require(actor, input.projectId, 'deploy:configure');
    assertNotArchived(project);
    const target = this.knownTarget(input.target);
    const settings = input.settings === undefined ? undefined : parseTargetSettings(target, input.settings);
    await this.em().transactional(async (em) => {
      const row = (await em.findOne(DeployTarget, { project: project.id, target })) ?? em.create(DeployTarget, { project: project.id, target });
      if (settings !== undefined) row.settings = settings;
      if (input.allowAgentDeploys != null) row.allowAgentDeploys = input.allowAgentDeploys;
    });
    return this.view(project.id, target);
  }

  /** Stops, starts or deletes the project's local app: a signal to its supervisor (workflowIds.localApp). */
  async localApp(actor: Actor, projectId: string, command: 'stop' | 'start' | 'delete'): Promise<TargetView> {
    const project = await this.require(actor, projectId, command === 'delete' ? 'deploy:configure' : 'deploy:create');
    if (command !== 'delete') assertNotArchived(project);
    try {
      await (await this.client()).workflow.getHandle(workflowIds.localApp(projectId)).signal(localAppCommandSignal, { kind: command });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw new ServiceUnavailableError('The deployment service', { cause: error });
      if (command !== 'delete') throw new ConflictError('This project has no local app yet: deploy it to the local target first');
    }
    return this.view(projectId, 'local');
  }

  private async create(
    actor: Actor,
    input: { projectId: string; target: string; skipTests?: boolean | null; idempotencyKey?: string | null },
    trigger: DeploymentTrigger,
    source: Deployment | null,
  ): Promise<Deployment> {
    const project = await this.require(actor, input.projectId, 'deploy:create');
    assertNotArchived(project);
    const target = this.knownTarget(input.target);
    if (trigger === 'agent') {
      const row = await this.em().findOne(DeployTarget, { project: project.id, target });
      if (!row?.allowAgentDeploys) throw new ForbiddenError('This project does not allow agent deploys to this target');
    }
    const { tokens } = await this.deps.secrets.tokensFor(project.id, target);
    const missing = DEPLOY_TARGET_INFO[target].tokens.filter((p) => !tokens[p]);
    if (missing.length) throw deployTokenMissing(missing);

    const id = randomUUID();
    const key = input.idempotencyKey ? this.idempotencyKey(actor, input.idempotencyKey) : null;
    const redis = this.deps.redis;
    if (key && !redis) throw new ValidationError([{ field: 'idempotencyKey', message: 'Not supported here' }]);
    if (key && redis) {
      const claimed = await redis.set(key, id, 'EX', IDEMPOTENCY_TTL_SECONDS, 'NX');
      if (claimed !== 'OK') return this.byKey(redis, key);
    }
    const em = this.em();
    let deployment: Deployment;
    try {
      deployment = em.create(Deployment, {
        id,
        project: project.id,
        target,
        trigger,
        skipTests: input.skipTests === true,
        sourceDeployment: source?.id ?? null,
        createdBy: actor.userId ? em.getReference(User, actor.userId) : null,
      });
      await em.flush();
    } catch (error) {
      if (key) await redis?.del(key);
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      const running = await this.em().findOne(Deployment, { project: project.id, target, status: { $nin: [...DEPLOYMENT_ENDED] } });
      throw deployInProgress(running?.id ?? null);
    }
    await this.deps.events.append({
      projectId: project.id,
      type: EventType.DEPLOY_CREATED,
      message: `Deployment to ${DEPLOY_TARGET_INFO[target].label} queued`,
      data: { deploymentId: id, target, trigger, sourceDeploymentId: source?.id ?? null },
      dedupeKey: `deploy-created:${id}`,
    });
    await this.start(deployment);
    return deployment;
  }

  private async start(deployment: Deployment): Promise<void> {
    try {
      await (await this.client()).workflow.start('deploymentWorkflow', {
        taskQueue: this.deps.taskQueue,
        workflowId: workflowIds.deployment(deployment.id),
        args: [{ deploymentId: deployment.id }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      // Nothing will run it: end it now, or it would hold the target's one in-flight place.
      await this.em().nativeUpdate(
        Deployment,
        { id: deployment.id, status: 'QUEUED' },
        { status: 'FAILED', error: 'The deployment service is unavailable; try again shortly', errorCode: ErrorCode.SERVICE_UNAVAILABLE, finishedAt: new Date() },
      );
      throw new ServiceUnavailableError('The deployment service', { cause: error });
    }
  }

  /** The deployment a concurrent or earlier request with the same key created (it may still be inserting it). */
  private async byKey(redis: Redis, key: string): Promise<Deployment> {
    for (let i = 0; i < 50; i++) {
      const id = await redis.get(key);
      const found = id ? await this.em().findOne(Deployment, { id }) : null;
      if (found) return found;
      if (!id) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new ConflictError('A deployment with this idempotency key could not be started; try again');
  }

  private idempotencyKey(actor: Actor, key: string): string {
    if (!IDEMPOTENCY_KEY.test(key)) throw new ValidationError([{ field: 'idempotencyKey', message: 'Letters, digits and ._:- only, at most 128' }]);
    return `deploy:idem:${actor.userId ?? 'anonymous'}:${key}`;
  }

  private knownTarget(target: string): DeployTargetName {
    if (!(DEPLOY_TARGETS as readonly string[]).includes(target) || !this.deps.targets[target as DeployTargetName]) throw deployTargetUnavailable(target);
    return target as DeployTargetName;
  }

  /** The project, if the actor may do `action` on its deployments: NOT_FOUND when they may not even read them. */
  private async require(actor: Actor, projectId: string, action: DeployAction): Promise<Project> {
    const project = isUuid(projectId) ? await this.em().findOne(Project, { id: projectId }) : null;
    if (!project || !can(actor, 'deploy:read', asResource(project))) throw new NotFoundError('Project', projectId);
    if (!can(actor, action, asResource(project)))
      throw new ForbiddenError(action === 'deploy:configure' ? "Only the project's owners change its deploy settings" : "Only the project's editors deploy it");
    return project;
  }

  private async view(projectId: string, target: DeployTargetName): Promise<TargetView> {
    const em = this.em();
    const row = await em.findOne(DeployTarget, { project: projectId, target });
    const live = row?.liveDeployment ? await em.findOne(Deployment, { id: row.liveDeployment.id }) : null;
    const { tokens } = await this.deps.secrets.tokensFor(projectId, target);
    const missing = DEPLOY_TARGET_INFO[target].tokens.filter((p) => !tokens[p]);
    return targetView(target, row, live, missing, target === 'local' && live ? await this.appState(projectId) : null);
  }

  /** The local app's state from its supervisor; null when it does not answer within two seconds. */
  private async appState(projectId: string): Promise<LocalAppState | null> {
    try {
      const client = await this.client();
      const status = await client.withAbortSignal(AbortSignal.timeout(2000), () =>
        client.workflow.getHandle(workflowIds.localApp(projectId)).query(localAppStatusQuery),
      );
      return status.state;
    } catch {
      return null;
    }
  }

  private async client(): Promise<Client> {
    return this.deps.temporal();
  }
}
