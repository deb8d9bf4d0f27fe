import { LockMode } from '@mikro-orm/postgresql';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DeploymentStatus, DeploymentTrigger, DeployTargetName } from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { EventType } from '../../contracts/events';
import { prunePackages } from '../../core/deploy/artifact-prune';
import { Deployment, DeployTarget } from '../../core/deploy/deploy.entities';
import type { ProviderDeployment, TargetContext } from '../../core/deploy/targets/target';
import type { ActivityDeps } from '../deps';
import { buildPackage, destroyBuildSandboxes, recordPackage, summaryOf, type PackageSummary } from './deploy-build';
import { adapterOf, IN_FLIGHT, moveTo, openStep, runStep, targetContext, type DeployStepScope } from './deploy-context';

export type { PackageSummary } from './deploy-build';

/** Attempts at discarding a failed deployment at a provider that is unavailable, before it is marked ended anyway. */
const DISCARD_ATTEMPTS = 4;

/** What the workflow learns of its deployment when it starts. */
export interface DeploymentStart {
  status: DeploymentStatus;
  target: DeployTargetName;
  trigger: DeploymentTrigger;
  sourceDeploymentId: string | null;
}

/**
 * The deployment workflow's steps (workflows/deployment.workflow.ts). Every one may run twice (a worker killed
 * after the step's effect, before its answer): status moves are conditional on the row, the package is kept once
 * whole, the upload asks the adapter to `find` what an earlier attempt created before it creates, and log seqs and
 * events are deduplicated.
 */
export function createDeploymentActivities(deps: ActivityDeps) {
  return {
    async startDeployment(input: { deploymentId: string }): Promise<DeploymentStart> {
      const em = deps.orm.em.fork();
      const d = await em.findOne(Deployment, { id: input.deploymentId });
      if (!d) throw ApplicationFailure.nonRetryable(`Deployment ${input.deploymentId} does not exist`, ErrorCode.NOT_FOUND);
      if (!d.startedAt && IN_FLIGHT.includes(d.status)) await em.nativeUpdate(Deployment, { id: d.id, startedAt: null }, { startedAt: new Date() });
      return { status: d.status, target: d.target, trigger: d.trigger, sourceDeploymentId: d.sourceDeployment?.id ?? null };
    },

    /** Moves the deployment to `status` (if it is still in flight) and emits `deploy.status`. */
    async setDeploymentStatus(input: { deploymentId: string; status: DeploymentStatus }): Promise<boolean> {
      return moveTo(deps, input.deploymentId, input.status);
    },

    /** Builds the package in a sandbox, or for a rollback takes the source deployment's package. */
    async deployBuild(input: { deploymentId: string }): Promise<PackageSummary> {
      const scope = await openStep(deps, input.deploymentId);
      const summary = await runStep(scope, async () => {
        const kept = await scope.store.manifest(input.deploymentId);
        if (kept) return summaryOf(kept);
        const source = scope.deployment.sourceDeployment?.id;
        if (scope.deployment.trigger === 'rollback' && source) {
          scope.log.line(`Rolling back to deployment ${source}: reusing its package`);
          return summaryOf(await scope.store.copy(source, input.deploymentId));
        }
        return buildPackage(deps, scope);
      });
      await recordPackage(deps, input.deploymentId, summary);
      return summary;
    },

    /** Creates the deployment at the provider, or finds the one an earlier attempt created. */
    async deployUpload(input: { deploymentId: string }): Promise<ProviderDeployment> {
      const scope = await openStep(deps, input.deploymentId);
      const adapter = adapterOf(deps, scope.deployment.target);
      const ctx = targetContext(scope);
      const created = await runStep(scope, async () => {
        const found = await adapter.find(ctx);
        if (found) {
          scope.log.line('Found the deployment an earlier attempt created at the provider');
          return found;
        }
        scope.log.line(`Uploading to ${adapter.name}`);
        return adapter.create(ctx, await scope.store.open(input.deploymentId));
      });
      await recordProvider(deps, scope.deployment, created);
      return { ref: created.ref, projectRef: created.projectRef, url: created.url };
    },

    /** Waits for the provider to report the deployment ready, streaming its logs. */
    async deployWaitReady(input: { deploymentId: string; deployment: ProviderDeployment }): Promise<{ url: string }> {
      const scope = await openStep(deps, input.deploymentId);
      const adapter = adapterOf(deps, scope.deployment.target);
      const ready = await runStep(scope, () => adapter.waitReady(targetContext(scope), input.deployment));
      await deps.orm.em.fork().nativeUpdate(Deployment, { id: input.deploymentId }, { url: ready.url });
      return { url: ready.url };
    },

    /** Probes the app until it answers healthy, or fails with DEPLOY_UNHEALTHY after the health timeout. */
    async deployHealthCheck(input: { deploymentId: string; deployment: ProviderDeployment; url: string }): Promise<void> {
      const scope = await openStep(deps, input.deploymentId);
      const adapter = adapterOf(deps, scope.deployment.target);
      const { intervalMs, timeoutMs } = deps.deployHealth ?? { intervalMs: 2000, timeoutMs: 60_000 };
      const ctx = targetContext(scope);
      await runStep(scope, async () => {
        const deadline = Date.now() + timeoutMs;
        let last = '';
        for (;;) {
          const probe = await adapter.probe(ctx, input.deployment, input.url);
          if (probe.healthy) return void scope.log.line(`Health check passed: ${probe.detail}`);
          if (probe.detail !== last) scope.log.line(`Not healthy yet: ${probe.detail}`);
          last = probe.detail;
          if (Date.now() + intervalMs > deadline || ctx.signal.aborted) break;
          await new Promise((r) => setTimeout(r, intervalMs));
        }
        if (ctx.signal.aborted) return;
        throw ApplicationFailure.nonRetryable(`The app never answered its health check (${last}); the previous deployment stays live`, ErrorCode.DEPLOY_UNHEALTHY);
      });
    },

    /** Promotes the deployment at the provider, then makes it the target's live one (the previous one superseded). */
    async deployMarkLive(input: { deploymentId: string; deployment: ProviderDeployment }): Promise<{ previousLiveId: string | null }> {
      const scope = await openStep(deps, input.deploymentId);
      const adapter = adapterOf(deps, scope.deployment.target);
      if (scope.deployment.status === 'LIVE') return { previousLiveId: null };
      if (!IN_FLIGHT.includes(scope.deployment.status))
        throw ApplicationFailure.nonRetryable(`The deployment already ended (${scope.deployment.status})`, ErrorCode.DEPLOY_CANCELLED);
      await runStep(scope, () => adapter.promote(targetContext(scope), input.deployment));
      const previousLiveId = await markLive(deps, scope.deployment);
      scope.log.line(`Live at ${scope.deployment.url ?? input.deployment.url ?? 'its URL'}`);
      await scope.log.flush();
      await prunePackages(deps.orm, scope.store, scope.project.id, scope.deployment.target).catch((error: unknown) =>
        deps.logger.warn({ err: error, deploymentId: input.deploymentId }, 'pruning deployment packages failed'),
      );
      return { previousLiveId };
    },

    /** Marks a deployment ended without asking its provider (the workflow's last resort when the cleanup fails). */
    async markDeploymentEnded(input: { deploymentId: string; status: 'FAILED' | 'CANCELLED'; code: string | null; error: string }): Promise<void> {
      await moveTo(deps, input.deploymentId, input.status, {
        error: input.error,
        errorCode: input.status === 'FAILED' ? input.code : ErrorCode.DEPLOY_CANCELLED,
        finishedAt: new Date(),
      });
    },

    /**
     * Ends a deployment that will not go live: whatever the provider holds for it is discarded (looked up by our
     * id, so one an interrupted upload created is found too), its build sandboxes destroyed, and the row marked
     * FAILED or CANCELLED. A deployment that went live meanwhile is left alone, and so is the previous live one.
     */
    async finishDeployment(input: { deploymentId: string; status: 'FAILED' | 'CANCELLED'; code: string | null; error: string }): Promise<void> {
      const scope = await openStep(deps, input.deploymentId);
      const { deployment } = scope;
      await destroyBuildSandboxes(deps, deployment.id);
      if (!IN_FLIGHT.includes(deployment.status)) return;
      const adapter = deps.deployTargets?.[deployment.target];
      const ctx = adapter ? targetContextOrNull(scope) : null;
      // Without its tokens nothing can have been created at the provider.
      if (adapter && ctx) {
        try {
          await runStep(scope, async () => {
            const held = (await adapter.find(ctx)) ?? (deployment.providerRef ? { ref: deployment.providerRef, projectRef: null, url: deployment.url ?? null } : null);
            if (!held) return;
            await adapter.discard(ctx, held);
            scope.log.line('Discarded what the provider held for this deployment');
          });
        } catch (error) {
          // A provider that is down is asked again a few times; one that refuses (a revoked token) never will
          // agree, and the deployment must end either way: it is not live, whatever the provider still holds.
          const retryable = !(error instanceof ApplicationFailure && error.nonRetryable);
          if (retryable && Context.current().info.attempt < DISCARD_ATTEMPTS) throw error;
          scope.log.line(`Could not discard what the provider holds for this deployment: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      scope.log.line(input.status === 'CANCELLED' ? 'Deployment cancelled' : `Deployment failed: ${input.error}`);
      await scope.log.flush();
      const moved = await moveTo(deps, deployment.id, input.status, {
        error: input.error,
        errorCode: input.status === 'FAILED' ? input.code : ErrorCode.DEPLOY_CANCELLED,
        finishedAt: new Date(),
      });
      if (!moved) return;
      await deps.events.append({
        projectId: deployment.project.id,
        type: input.status === 'FAILED' ? EventType.DEPLOY_FAILED : EventType.DEPLOY_CANCELLED,
        message: input.error,
        data: { deploymentId: deployment.id, target: deployment.target, code: input.code, error: input.error },
        dedupeKey: `deploy-end:${deployment.id}`,
      });
    },
  };
}

/** The adapter context, or null when the target's tokens are missing. */
function targetContextOrNull(scope: DeployStepScope): TargetContext | null {
  try {
    return targetContext(scope);
  } catch {
    return null;
  }
}

async function recordProvider(deps: ActivityDeps, deployment: Deployment, created: ProviderDeployment): Promise<void> {
  const em = deps.orm.em.fork();
  await em.nativeUpdate(
    Deployment,
    { id: deployment.id },
    { providerRef: created.ref, url: created.url ?? undefined, ...(deployment.target === 'local' ? { appSandboxId: created.ref } : {}) },
  );
  if (created.projectRef) {
    await em.getConnection().execute(
      `insert into deploy_targets (id, project_id, target, settings, provider_project_ref, allow_agent_deploys, created_at, updated_at)
         values (gen_random_uuid(), ?, ?, '{}', ?, false, now(), now())
       on conflict (project_id, target) do update set provider_project_ref = excluded.provider_project_ref, updated_at = now()`,
      [deployment.project.id, deployment.target, created.projectRef],
    );
  }
}

/** One transaction: this deployment LIVE, the previous live one SUPERSEDED, the target's live pointer moved. */
async function markLive(deps: ActivityDeps, deployment: Deployment): Promise<string | null> {
  const previous = await deps.orm.em.fork().transactional(async (em) => {
    const row = await em.findOneOrFail(Deployment, { id: deployment.id });
    if (row.status === 'LIVE') return null;
    const target =
      (await em.findOne(DeployTarget, { project: deployment.project.id, target: deployment.target }, { lockMode: LockMode.PESSIMISTIC_WRITE })) ??
      em.create(DeployTarget, { project: deployment.project.id, target: deployment.target });
    const previousId = target.liveDeployment?.id ?? null;
    if (previousId && previousId !== deployment.id) await em.nativeUpdate(Deployment, { id: previousId, status: 'LIVE' }, { status: 'SUPERSEDED' });
    await em.nativeUpdate(Deployment, { id: deployment.id }, { status: 'LIVE', liveAt: new Date(), finishedAt: new Date() });
    target.liveDeployment = em.getReference(Deployment, deployment.id, { wrapped: true });
    return { previousId };
  });
  if (previous === null) return null;
  const fresh = await deps.orm.em.fork().findOneOrFail(Deployment, { id: deployment.id });
  await deps.events.append({
    projectId: deployment.project.id,
    type: EventType.DEPLOY_STATUS,
    message: 'Deployment live',
    data: { deploymentId: deployment.id, target: deployment.target, status: 'LIVE' },
    dedupeKey: `deploy-status:${deployment.id}:LIVE`,
  });
  await deps.events.append({
    projectId: deployment.project.id,
    type: EventType.DEPLOY_LIVE,
    message: `Live at ${fresh.url ?? ''}`,
    data: { deploymentId: deployment.id, target: deployment.target, url: fresh.url ?? null, previousLiveId: previous.previousId },
    dedupeKey: `deploy-live:${deployment.id}`,
  });
  return previous.previousId;
}
