import { existsSync } from 'node:fs';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeployLogStream, LocalAppState } from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { EventType } from '../../contracts/events';
import { Deployment, DeployTarget } from '../../core/deploy/deploy.entities';
import { appLimits } from '../../core/deploy/targets/local/local-target';
import { installApp, packagePath, probeApp, readManifest, startApp, type AppCommand } from '../../core/deploy/targets/local/app-launch';
import { DEFAULT_LIMITS } from '../../core/limits/tiers';
import { Project } from '../../core/project/project.entity';
import { payerTier, runPayerId } from '../../core/project/run-payer';
import type { SandboxManager } from '../../core/sandbox/sandbox-manager';
import { isUuid } from '../../core/shared/validation';
import type { Sandbox } from '../../sandbox/types';
import type { ActivityDeps } from '../deps';
import type { LocalAppDeps } from './local-app-deps';

export type { LocalAppDeps } from './local-app-deps';

/** One supervisor tick's finding. */
export interface LocalAppCheck {
  /** The deployment no longer exists (its project was deleted): the supervisor ends. */
  gone: boolean;
  state: Extract<LocalAppState, 'running' | 'restarting'>;
  restarted: boolean;
  error: string | null;
  /** Older app sandboxes of the project are all gone (false until the served deployment is the target's live one). */
  settled: boolean;
}

/** Deployments still on their way: their new app sandboxes must survive a clean-up. */
const IN_FLIGHT = ['QUEUED', 'BUILDING', 'PACKAGING', 'UPLOADING', 'DEPLOYING', 'CHECKING'];

/**
 * localAppWorkflow's activities: serve a deployment, keep it running (restart its processes, or recreate its sandbox
 * from the package after a crash, a machine restart or a sweep), stop, start and delete. Each is safe to run again:
 * a recreated sandbox is keyed by the deployment and the supervisor's restart count, events carry dedupe keys.
 */
export function createLocalAppActivities({ orm, events, sandboxes, localApps }: ActivityDeps) {
  const need = (): { manager: SandboxManager; deps: LocalAppDeps } => {
    if (!sandboxes || !localApps) throw ApplicationFailure.nonRetryable('Local apps are not configured on this worker', ErrorCode.SERVICE_UNAVAILABLE);
    return { manager: sandboxes, deps: localApps };
  };
  const em = () => orm.em.fork() as EntityManager;

  const log = async (deploymentId: string, projectId: string, text: string, stream: DeployLogStream = 'system') => {
    const rows = await em()
      .getConnection()
      .execute<{ seq: number; at: Date }[]>(
        `with d as (update deployments set log_lines = log_lines + 1 where id = ? returning log_lines)
         insert into deployment_logs (deployment_id, seq, at, stream, text) select ?, log_lines, now(), ?, ? from d returning seq, at`,
        [deploymentId, deploymentId, stream, text],
      );
    const line = rows[0];
    if (line) await events.append({ projectId, type: EventType.DEPLOY_LOG, message: text, data: { deploymentId, lines: [{ seq: line.seq, at: new Date(line.at).toISOString(), stream, text }] }, dedupeKey: `deploy-log:${deploymentId}:${line.seq}` });
  };
  const appEvent = (projectId: string, deploymentId: string, state: LocalAppState, message: string, key: string, extra: Record<string, unknown> = {}) =>
    events.append({ projectId, type: EventType.DEPLOY_APP, message, data: { deploymentId, state, ...extra }, dedupeKey: `local-app:${deploymentId}:${key}` });

  /** The project's app sandboxes that are not `keep` and not a deployment still in flight. */
  const destroyOthers = async (projectId: string, keep: string | null) => {
    const { manager } = need();
    const rows = await em().getConnection().execute<{ id: string }[]>(
      `select s.id from sandboxes s where s.project_id = ? and s.purpose = 'app' and s.status in ('CREATING', 'RUNNING') and s.id is distinct from ?
         and not exists (select 1 from deployments d where s.idempotency_key = 'deploy-app:' || d.id and d.status in (${IN_FLIGHT.map(() => '?').join(', ')}))`,
      [projectId, keep, ...IN_FLIGHT],
    );
    for (const row of rows) await manager.destroy(row.id, 'app-replaced');
    return rows.length;
  };

  const deploymentOf = async (deploymentId: string) => {
    if (!isUuid(deploymentId)) throw ApplicationFailure.nonRetryable(`Not a deployment id: ${deploymentId}`, ErrorCode.BAD_USER_INPUT);
    return em().findOne(Deployment, { id: deploymentId });
  };

  const openRunning = async (manager: SandboxManager, id: string | null | undefined): Promise<Sandbox | null> => {
    if (!id) return null;
    const row = await manager.find(id);
    if (row?.status !== 'RUNNING') return null;
    return manager.open(id).then(
      (opened) => opened.sandbox,
      () => null,
    );
  };

  /** Starts the app in `sandbox` (unpacking the package first when `fresh`), with its manifest's command and env. */
  const launch = async (sandbox: Sandbox, deploymentId: string, projectId: string, fresh: boolean) => {
    const { deps } = need();
    const manifest: AppCommand = (await readManifest(deps.dataDir, deploymentId)) ?? { startCommand: 'npm start', staticDir: null };
    if (fresh) await installApp(sandbox, packagePath(deps.dataDir, deploymentId));
    await startApp(sandbox, manifest, (await deps.envFor?.(projectId)) ?? {}, deps.readyTimeoutMs ?? 60_000);
  };

  /** A new app sandbox for `deployment`, keyed by the restart it is for, with the owner's tier limits. */
  const recreate = async (deployment: Deployment, projectId: string, attempt: number): Promise<string> => {
    const { manager, deps } = need();
    if (!existsSync(packagePath(deps.dataDir, deployment.id))) throw new Error('The package of this deployment is gone; deploy again');
    const project = await em().findOneOrFail(Project, { id: projectId });
    const ownerId = await runPayerId(em(), project);
    const limits = appLimits((deps.limits ?? DEFAULT_LIMITS).tiers[await payerTier(em(), project)]);
    const { record, sandbox } = await manager.create({ projectId, ownerId, runtime: 'node', idempotencyKey: `local-app:${deployment.id}:${attempt}`, purpose: 'app', limits });
    await launch(sandbox, deployment.id, projectId, true);
    await em().nativeUpdate(Deployment, { id: deployment.id }, { appSandboxId: record.id });
    return record.id;
  };

  return {
    /** The project's live local deployment, where a supervisor starting without a `serve` goes on from. */
    async loadLocalApp(input: { projectId: string }): Promise<{ deploymentId: string | null }> {
      const target = await em().findOne(DeployTarget, { project: input.projectId, target: 'local' });
      return { deploymentId: target?.liveDeployment?.id ?? null };
    },

    /** Records that `deploymentId` is the one served now (its sandbox is the deployment's app sandbox). */
    async serveLocalApp(input: { projectId: string; deploymentId: string }): Promise<void> {
      const deployment = await deploymentOf(input.deploymentId);
      if (!deployment) return;
      if (!deployment.appSandboxId && deployment.providerRef && isUuid(deployment.providerRef))
        await em().nativeUpdate(Deployment, { id: deployment.id }, { appSandboxId: deployment.providerRef });
      await appEvent(input.projectId, deployment.id, 'running', 'The app now serves this deployment', 'serve');
    },

    /**
     * One supervisor tick: the served deployment's app must be RUNNING, reachable and answer below 500; else its
     * processes are restarted, or its sandbox recreated from the package when the sandbox is gone. Once the
     * deployment is the target's live one, the project's older app sandboxes are destroyed.
     */
    async ensureLocalApp(input: { projectId: string; deploymentId: string; restarts: number }): Promise<LocalAppCheck> {
      const { manager, deps } = need();
      const ctx = Context.current();
      const beat = setInterval(() => ctx.heartbeat(), 1000);
      try {
        const deployment = await deploymentOf(input.deploymentId);
        if (!deployment) return { gone: true, state: 'restarting', restarted: false, error: null, settled: true };
        const target = await em().findOne(DeployTarget, { project: input.projectId, target: 'local' });
        const settled = target?.liveDeployment?.id === deployment.id;
        if (settled) await destroyOthers(input.projectId, deployment.appSandboxId ?? deployment.providerRef ?? null);
        const sandboxId = deployment.appSandboxId ?? deployment.providerRef;
        const sandbox = await openRunning(manager, sandboxId);
        const preview = sandbox ? (await sandbox.status()).preview : null;
        const probe = preview ? await probeApp(preview.target, 'localhost', deps.probeTimeoutMs ?? 5_000) : null;
        if (probe?.healthy) return { gone: false, state: 'running', restarted: false, error: null, settled };
        const reason = !sandbox ? 'its sandbox is gone' : !preview ? 'it is not running' : `its health check failed (${probe!.detail})`;
        const attempt = input.restarts + 1;
        await appEvent(input.projectId, deployment.id, 'restarting', `The app stopped answering (${reason}); restarting it`, `restart:${attempt}`, { reason });
        await log(deployment.id, input.projectId, `The app stopped answering (${reason}); restart #${attempt}`);
        try {
          if (sandbox) {
            await sandbox.killProcesses();
            await launch(sandbox, deployment.id, input.projectId, false);
          } else {
            const id = await recreate(deployment, input.projectId, attempt);
            if (sandboxId && sandboxId !== id) await manager.destroy(sandboxId, 'app-replaced');
            await log(deployment.id, input.projectId, `Recreated the app's sandbox (${id}) from the deployment's package`);
          }
        } catch (error) {
          const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
          await log(deployment.id, input.projectId, `The restart failed: ${message}`);
          // A sandbox the app does not start in again is replaced from the package at the next tick.
          if (sandbox && sandboxId) await manager.destroy(sandboxId, 'app-broken');
          return { gone: false, state: 'restarting', restarted: true, error: message, settled };
        }
        await appEvent(input.projectId, deployment.id, 'running', 'The app was restarted', `restarted:${attempt}`, { restarts: attempt });
        return { gone: false, state: 'running', restarted: true, error: null, settled };
      } finally {
        clearInterval(beat);
      }
    },

    /** Stops the app: its sandbox is destroyed (it no longer counts against the tier's apps); start recreates it. */
    async stopLocalApp(input: { projectId: string; deploymentId: string }): Promise<void> {
      const { manager } = need();
      const deployment = await deploymentOf(input.deploymentId);
      const id = deployment?.appSandboxId ?? deployment?.providerRef;
      if (id && isUuid(id)) await manager.destroy(id, 'app-stopped');
      await destroyOthers(input.projectId, null);
      if (deployment) {
        await appEvent(input.projectId, deployment.id, 'stopped', 'The app was stopped', `stop:${id}`);
        await log(deployment.id, input.projectId, 'The app was stopped');
      }
    },

    /** Deletes the app: no sandbox is left and the project has no live local deployment any more. */
    async deleteLocalApp(input: { projectId: string; deploymentId: string | null }): Promise<void> {
      await destroyOthers(input.projectId, null);
      await em().nativeUpdate(DeployTarget, { project: input.projectId, target: 'local' }, { liveDeployment: null });
      if (input.deploymentId) await appEvent(input.projectId, input.deploymentId, 'deleted', 'The app was deleted', 'delete');
    },
  };
}
