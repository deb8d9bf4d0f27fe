import { ApplicationFailure, Context } from '@temporalio/activity';
import { DEPLOYMENT_ENDED, type DeploymentStatus } from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { loadActor } from '../../core/access/actor';
import { Deployment } from '../../core/deploy/deploy.entities';
import { DeployError } from '../../core/deploy/deploy.errors';
import { DeployService } from '../../core/deploy/deploy.service';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../core/shared/domain.errors';
import type { ActivityDeps } from '../deps';
import { DEPLOY_HEARTBEAT_MS } from './deploy-context';

/** How a deployment the devops agent started ended, as its tool answers. */
export interface AgentDeploymentOutcome {
  status: DeploymentStatus;
  url: string | null;
  error: string | null;
  errorCode: string | null;
}

/**
 * The devops agent's `deploy` tool (workflows/run-agent-task.workflow.ts): a deployment with trigger `agent`, on
 * behalf of the run's user, through DeployService's own checks, and only where the project's target allows agent
 * deploys (DeployTarget.allowAgentDeploys). Refusals are answers to the agent, not failures of its task.
 */
export function createAgentDeployActivities(deps: ActivityDeps) {
  return {
    async startAgentDeployment(input: { projectId: string; userId: string; target: string; runId: string; taskId: string }): Promise<{ deploymentId: string } | { refused: string }> {
      const { temporal, deployTargets, deploySecrets } = deps;
      if (!temporal || !deployTargets || !deploySecrets) return { refused: 'Deployments are not configured on this platform' };
      const service = new DeployService({
        orm: deps.orm,
        temporal: () => temporal,
        events: deps.events,
        secrets: deploySecrets,
        targets: deployTargets,
        logger: deps.logger,
        taskQueue: Context.current().info.taskQueue,
      });
      const actor = await loadActor(deps.orm.em.fork(), input.userId);
      try {
        const deployment = await service.deploy(actor, { projectId: input.projectId, target: input.target }, 'agent');
        deps.logger.info({ deploymentId: deployment.id, runId: input.runId, taskId: input.taskId }, 'agent deployment started');
        return { deploymentId: deployment.id };
      } catch (error) {
        // A retried attempt finds the deployment its first attempt started (one in flight per target).
        if (error instanceof DeployError && error.code === ErrorCode.DEPLOY_IN_PROGRESS && error.deploymentId) {
          const running = await deps.orm.em.fork().findOne(Deployment, { id: error.deploymentId });
          if (running?.trigger === 'agent') return { deploymentId: running.id };
        }
        if (error instanceof ConflictError || error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ValidationError)
          return { refused: error.message };
        throw error;
      }
    },

    /** Waits (heartbeating) until the deployment ends; its own workflow does the work. */
    async awaitDeployment(input: { deploymentId: string }): Promise<AgentDeploymentOutcome> {
      const ctx = Context.current();
      for (;;) {
        const d = await deps.orm.em.fork().findOne(Deployment, { id: input.deploymentId });
        if (!d) throw ApplicationFailure.nonRetryable(`Deployment ${input.deploymentId} does not exist`, ErrorCode.NOT_FOUND);
        if (DEPLOYMENT_ENDED.includes(d.status)) return { status: d.status, url: d.url ?? null, error: d.error ?? null, errorCode: d.errorCode ?? null };
        ctx.heartbeat();
        await ctx.sleep(DEPLOY_HEARTBEAT_MS);
      }
    },
  };
}
