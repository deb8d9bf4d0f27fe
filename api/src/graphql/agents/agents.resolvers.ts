import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import type { Ref } from '@mikro-orm/core';
import { Project } from '../../../../core/project/project.entity';
import { User } from '../../../../core/user/user.entity';
import { TeamRunService } from '../../../../core/agents/team-run.service';

const teams = (ctx: GraphQLContext) => new TeamRunService(ctx.em, ctx.projects, ctx.temporal);

/** Who acted on a run: id and display name only, whoever reads the run. */
async function actor(ctx: GraphQLContext, ref: Ref<User> | null | undefined) {
  if (!ref) return null;
  const user = await ctx.em.findOne(User, { id: ref.id });
  return user ? { id: user.id, displayName: user.displayName } : null;
}

export const agentResolvers: Resolvers = {
  ProjectRun: {
    startedBy: (run, _args, ctx) => actor(ctx, run.startedBy),
    approvedBy: (run, _args, ctx) => actor(ctx, run.approvedBy),
    pausedBy: (run, _args, ctx) => actor(ctx, run.pausedBy),
    cancelledBy: (run, _args, ctx) => actor(ctx, run.cancelledBy),
    agentTasks: (run, _args, ctx) => teams(ctx).tasks(run.id),
    agentMetrics: (run, _args, ctx) => teams(ctx).metrics(run.id),
    agents: (run, _args, ctx) => teams(ctx).agents(run),
    handoffs: (run, _args, ctx) => teams(ctx).handoffs(run.id),
    offlineBuild: (run, _args, ctx) => teams(ctx).offlineBuild(run),
    team: async (run, _args, ctx) => {
      const project = await ctx.em.findOneOrFail(Project, { id: run.project.id });
      return teams(ctx).liveState(project, run, ctx.viewerId);
    },
  },
  Mutation: {
    startTeamRun: (_root, { projectId, description, autoApprovePlan }, ctx) =>
      ctx.projects.startTeamRun(requireViewer(ctx), projectId, { description, autoApprovePlan }),
    reviewPlan: (_root, { projectId, approve, feedback }, ctx) => teams(ctx).reviewPlan(requireViewer(ctx), projectId, approve, feedback),
    pauseRun: (_root, { projectId, reason }, ctx) => teams(ctx).pause(requireViewer(ctx), projectId, reason),
    resumeRun: (_root, { projectId }, ctx) => teams(ctx).resume(requireViewer(ctx), projectId),
    cancelRun: (_root, { projectId }, ctx) => teams(ctx).cancel(requireViewer(ctx), projectId),
    answerAgent: (_root, { projectId, taskKey, answer }, ctx) =>
      teams(ctx).toAgent(requireViewer(ctx), projectId, taskKey, 'answerQuestion', answer),
    messageAgent: (_root, { projectId, taskKey, text }, ctx) =>
      teams(ctx).toAgent(requireViewer(ctx), projectId, taskKey, 'messageAgent', text),
    messageTeam: (_root, { projectId, text }, ctx) => teams(ctx).toTeam(requireViewer(ctx), projectId, text),
  },
};
