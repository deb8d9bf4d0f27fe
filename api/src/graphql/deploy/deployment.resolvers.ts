import { DEPLOY_TARGETS } from '../../../../contracts/deploy';
import { can } from '../../../../core/access/policy';
import { asResource } from '../../../../core/project/project.service';
import type { Resolvers } from '../../generated/graphql';
import { actorOf, bounded, canRollback, isLive } from './deploy-views';

/** The fields of Deployment, ProjectDeployments and DeployToken (deploy.graphql); the operations are in deploy.resolvers.ts. */
export const deploymentResolvers: Resolvers = {
  Deployment: {
    projectId: (d) => d.project.id,
    isLive: (d, _args, ctx) => isLive(ctx, d),
    canRollback: (d, _args, ctx) => canRollback(ctx, d),
    url: (d) => d.url ?? null,
    error: (d) => d.error ?? null,
    errorCode: (d) => d.errorCode ?? null,
    sourceDeploymentId: (d) => d.sourceDeployment?.id ?? null,
    createdBy: async (d) => (d.createdBy ? ((await d.createdBy.load()) ?? null) : null),
    fileCount: (d) => d.fileCount ?? null,
    artifactBytes: (d) => d.artifactBytes ?? null,
    startedAt: (d) => d.startedAt ?? null,
    finishedAt: (d) => d.finishedAt ?? null,
    liveAt: (d) => d.liveAt ?? null,
    logs: async (d, { after, limit }, ctx) =>
      ctx.deploys.logs(await actorOf(ctx), d.id, bounded('after', after, 0, 0, Number.MAX_SAFE_INTEGER), bounded('limit', limit, 1000, 1, 5000)),
    logCount: (d) => d.logLines,
  },
  ProjectDeployments: {
    latest: async ({ project, actor }, _args, ctx) => {
      const newest = await Promise.all(DEPLOY_TARGETS.map((target) => ctx.deploys.list(actor, project.id, { target, limit: 1 })));
      return newest.flat();
    },
    history: ({ project, actor }, { target, limit }, ctx) =>
      ctx.deploys.list(actor, project.id, { target: target ?? null, limit: bounded('limit', limit, 50, 1, 200) }),
    targets: ({ project, actor }, _args, ctx) => ctx.deploys.targets(actor, project.id),
    env: ({ project, actor }, _args, ctx) => ctx.deploySecrets.listEnv(actor, project.id),
    canDeploy: ({ project, actor }) => !project.archivedAt && can(actor, 'deploy:create', asResource(project)),
    canConfigure: ({ project, actor }) => !project.archivedAt && can(actor, 'deploy:configure', asResource(project)),
  },
  DeployToken: {
    account: (t) => t.account ?? null,
    scope: (t) => t.scope ?? null,
    lastUsedAt: (t) => t.lastUsedAt ?? null,
  },
};
