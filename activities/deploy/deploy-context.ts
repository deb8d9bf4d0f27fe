import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEPLOY_TARGET_INFO, type DeploymentStatus, type DeployTargetName } from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { EventType } from '../../contracts/events';
import { artifactStore, ArtifactMissingError, type ArtifactStore } from '../../core/deploy/artifact';
import { Deployment, DeployTarget } from '../../core/deploy/deploy.entities';
import { DeployLogWriter } from '../../core/deploy/deploy-logs';
import { deploySlug } from '../../core/deploy/deploy-slug';
import { DeployFailure, type DeployTargetAdapter, type TargetContext } from '../../core/deploy/targets/target';
import { appLimits } from '../../core/deploy/targets/local/local-target';
import { DEFAULT_LIMITS } from '../../core/limits/tiers';
import { Project } from '../../core/project/project.entity';
import { payerTier } from '../../core/project/run-payer';
import type { ActivityDeps } from '../deps';

/** How often a deployment step heartbeats (the preset's heartbeatTimeout is well above it). */
export const DEPLOY_HEARTBEAT_MS = 2000;
/** Statuses a deployment is still moving through (the only ones a step may change). */
export const IN_FLIGHT: readonly DeploymentStatus[] = ['QUEUED', 'BUILDING', 'PACKAGING', 'UPLOADING', 'DEPLOYING', 'CHECKING'];

/** What each deployment step starts from: the row, its project, the target's settings row, and the adapter. */
export interface DeployStepScope {
  em: EntityManager;
  deployment: Deployment;
  project: Project;
  settings: DeployTarget | null;
  store: ArtifactStore;
  log: DeployLogWriter;
  env: Record<string, string>;
  tokens: { tokens: Partial<Record<string, string>>; scopes: Partial<Record<string, string>> };
  /** The payer's tier's app limits (the local target's app sandbox). */
  limits: TargetContext['limits'];
}

/** Loads a deployment for a step, with a log writer that masks the target's env values and tokens. */
export async function openStep(deps: ActivityDeps, deploymentId: string): Promise<DeployStepScope> {
  const em = deps.orm.em.fork() as EntityManager;
  const deployment = await em.findOne(Deployment, { id: deploymentId });
  if (!deployment) throw ApplicationFailure.nonRetryable(`Deployment ${deploymentId} does not exist`, ErrorCode.NOT_FOUND);
  const project = await em.findOneOrFail(Project, { id: deployment.project.id });
  const settings = await em.findOne(DeployTarget, { project: project.id, target: deployment.target });
  const target = deployment.target;
  const secrets = deps.deploySecrets;
  const env = secrets ? await secrets.envFor(project.id, target) : {};
  const tokens = secrets ? await secrets.tokensFor(project.id, target) : { tokens: {}, scopes: {} };
  const log = new DeployLogWriter({
    orm: deps.orm,
    events: deps.events,
    deploymentId,
    projectId: project.id,
    secrets: [...Object.values(env), ...Object.values(tokens.tokens).filter((t): t is string => Boolean(t))],
    logger: deps.logger,
  });
  const tier = (deps.localApps?.limits ?? DEFAULT_LIMITS).tiers[await payerTier(em, project)];
  return { em, deployment, project, settings, store: artifactStore(deps.dataDir ?? '.data'), log, env, tokens, limits: appLimits(tier) };
}

export function adapterOf(deps: ActivityDeps, target: DeployTargetName): DeployTargetAdapter {
  const adapter = deps.deployTargets?.[target];
  if (!adapter) throw ApplicationFailure.nonRetryable(`The deploy target "${target}" is not available on this worker`, ErrorCode.DEPLOY_TARGET_UNAVAILABLE);
  return adapter;
}

/** The adapter's view of one call: tokens, settings, env, the log, heartbeats and the activity's cancellation. */
export function targetContext(scope: DeployStepScope): TargetContext {
  const { deployment, project, settings, log, env, tokens, limits } = scope;
  const missing = DEPLOY_TARGET_INFO[deployment.target].tokens.filter((p) => !tokens.tokens[p]);
  if (missing.length)
    throw ApplicationFailure.nonRetryable(`Add a ${missing.join(' and a ')} token in the target settings, then deploy again`, ErrorCode.DEPLOY_TOKEN_MISSING);
  const activity = Context.current();
  return {
    deploymentId: deployment.id,
    projectId: project.id,
    projectSlug: deploySlug(project),
    tokens: tokens.tokens,
    scopes: tokens.scopes,
    settings: settings?.settings ?? {},
    providerProjectRef: settings?.providerProjectRef ?? null,
    env,
    log: (text, stream = 'provider') => log.line(text, stream),
    heartbeat: () => activity.heartbeat(),
    signal: activity.cancellationSignal,
    limits,
  };
}

/**
 * Runs a step's work heartbeating every {@link DEPLOY_HEARTBEAT_MS}, flushing its log lines at the end (whichever
 * way it ends), and turning what it throws into what Temporal should do: a DeployFailure becomes an
 * ApplicationFailure of its code (retryable ones after the provider's Retry-After), a cancelled step reports the
 * SDK's own cancellation, and anything else stays a plain error for the retry policy.
 */
export async function runStep<T>(scope: DeployStepScope, work: () => Promise<T>): Promise<T> {
  const ctx = Context.current();
  const timer = setInterval(() => ctx.heartbeat(), DEPLOY_HEARTBEAT_MS);
  try {
    const result = await work();
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    return result;
  } catch (error) {
    if (ctx.cancellationSignal.aborted) await ctx.cancelled;
    throw asFailure(error);
  } finally {
    clearInterval(timer);
    await scope.log.flush().catch(() => undefined);
  }
}

export function asFailure(error: unknown): unknown {
  if (error instanceof DeployFailure) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: !error.retryable,
      nextRetryDelay: error.retryable && error.options.retryAfterMs !== undefined ? error.options.retryAfterMs : undefined,
    });
  }
  if (error instanceof ArtifactMissingError) return ApplicationFailure.nonRetryable(error.message, ErrorCode.DEPLOY_ROLLBACK_INVALID);
  return error;
}

/**
 * Moves a deployment that is still in flight to `status` and tells the project (one `deploy.status` event per
 * deployment and status, however often a step runs). A deployment that already ended is left as it is.
 */
export async function moveTo(deps: ActivityDeps, deploymentId: string, status: DeploymentStatus, extra: Partial<Deployment> = {}): Promise<boolean> {
  const em = deps.orm.em.fork();
  const deployment = await em.findOne(Deployment, { id: deploymentId });
  if (!deployment) return false;
  if (deployment.status !== status) {
    if (!IN_FLIGHT.includes(deployment.status)) return false;
    const moved = await em.nativeUpdate(Deployment, { id: deploymentId, status: { $in: [...IN_FLIGHT] } }, { status, ...extra });
    if (!moved) return false;
  } else if (Object.keys(extra).length) {
    await em.nativeUpdate(Deployment, { id: deploymentId }, extra);
  }
  await deps.events.append({
    projectId: deployment.project.id,
    type: EventType.DEPLOY_STATUS,
    message: `Deployment ${status.toLowerCase()}`,
    data: { deploymentId, target: deployment.target, status },
    dedupeKey: `deploy-status:${deploymentId}:${status}`,
  });
  return true;
}
