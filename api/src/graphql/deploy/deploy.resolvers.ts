import { can } from '../../../../core/access/policy';
import { asResource } from '../../../../core/project/project.service';
import { NotFoundError } from '../../../../core/shared/domain.errors';
import { requireTeamAction } from '../../../../core/models/team-budgets.service';
import { nullIfNotFound } from '../../../../core/shared/not-found';
import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { actorOf } from './deploy-views';

const TOKENS_REFUSAL = 'Only team owners and admins manage its deployment tokens';

/** The caller's actor, after making sure they are signed in (deployments are never anonymous). */
const signedIn = (ctx: GraphQLContext) => {
  requireViewer(ctx);
  return actorOf(ctx);
};

const teamOwner = async (ctx: GraphQLContext, teamId: string) => {
  const viewerId = requireViewer(ctx);
  await requireTeamAction(ctx.em, viewerId, teamId, 'team:manage-keys', TOKENS_REFUSAL);
  return { owner: { kind: 'team' as const, id: teamId }, viewerId };
};

/**
 * Deployments (deploy.graphql): the queries and mutations. Deployments, targets and the local app go through
 * DeployService, env vars and tokens through DeploySecrets; both enforce `deploy:*` themselves. The types' fields
 * are in deployment.resolvers.ts.
 */
export const deployResolvers: Resolvers = {
  Query: {
    projectDeployments: async (_root, { projectId }, ctx) => {
      const project = await ctx.projects.get(ctx.viewerId, projectId);
      const actor = await actorOf(ctx);
      // Public readers and room guests see a project but none of its deployments: the same answer as a stranger.
      if (!can(actor, 'deploy:read', asResource(project))) throw new NotFoundError('Project', projectId);
      return { project, actor };
    },
    // Like project(id): one the caller may not read is answered as missing, null.
    deployment: async (_root, { id }, ctx) => ctx.deploys.get(await actorOf(ctx), id).catch(nullIfNotFound),
    deployTokens: (_root, _args, ctx) => ctx.deploySecrets.listTokens({ kind: 'user', id: requireViewer(ctx) }),
    teamDeployTokens: async (_root, { teamId }, ctx) => ctx.deploySecrets.listTokens((await teamOwner(ctx, teamId)).owner),
  },
  Mutation: {
    deploy: async (_root, { input }, ctx) => ctx.deploys.deploy(await signedIn(ctx), input, 'user'),
    redeploy: async (_root, { deploymentId, skipTests }, ctx) => ctx.deploys.redeploy(await signedIn(ctx), deploymentId, skipTests),
    rollbackDeployment: async (_root, { deploymentId }, ctx) => ctx.deploys.rollback(await signedIn(ctx), deploymentId),
    cancelDeployment: async (_root, { deploymentId }, ctx) => ctx.deploys.cancel(await signedIn(ctx), deploymentId),
    stopLocalApp: async (_root, { projectId }, ctx) => ctx.deploys.localApp(await signedIn(ctx), projectId, 'stop'),
    startLocalApp: async (_root, { projectId }, ctx) => ctx.deploys.localApp(await signedIn(ctx), projectId, 'start'),
    deleteLocalApp: async (_root, { projectId }, ctx) => ctx.deploys.localApp(await signedIn(ctx), projectId, 'delete'),
    setDeployTargetSettings: async (_root, { input }, ctx) => ctx.deploys.setTargetSettings(await signedIn(ctx), input),

    setDeployEnvVar: async (_root, { input }, ctx) => ctx.deploySecrets.setEnv(await signedIn(ctx), input),
    deleteDeployEnvVar: async (_root, { projectId, target, key }, ctx) =>
      ctx.deploySecrets.deleteEnv(await signedIn(ctx), projectId, target, key),

    setDeployToken: (_root, { provider, token, scope }, ctx) => {
      const viewerId = requireViewer(ctx);
      return ctx.deploySecrets.setToken({ kind: 'user', id: viewerId }, provider, token, scope, viewerId);
    },
    deleteDeployToken: (_root, { provider }, ctx) => {
      const viewerId = requireViewer(ctx);
      return ctx.deploySecrets.deleteToken({ kind: 'user', id: viewerId }, provider, viewerId);
    },
    setTeamDeployToken: async (_root, { teamId, provider, token, scope }, ctx) => {
      const { owner, viewerId } = await teamOwner(ctx, teamId);
      return ctx.deploySecrets.setToken(owner, provider, token, scope, viewerId);
    },
    deleteTeamDeployToken: async (_root, { teamId, provider }, ctx) => {
      const { owner, viewerId } = await teamOwner(ctx, teamId);
      return ctx.deploySecrets.deleteToken(owner, provider, viewerId);
    },
  },
};
