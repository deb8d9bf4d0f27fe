import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import type { Ref } from '@mikro-orm/core';
import { answerQuestionSignal, messageAgentSignal } from '../../../../contracts/messages';
import { Project } from '../../../../core/project/project.entity';
import { User } from '../../../../core/user/user.entity';

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
    agentTasks: (run, _args, ctx) => ctx.teamRuns.tasks(run.id),
    agentMetrics: (run, _args, ctx) => ctx.teamRuns.metrics(run.id),
    agents: (run, _args, ctx) => ctx.teamRuns.agents(run),
    handoffs: (run, _args, ctx) => ctx.teamRuns.handoffs(run.id),
    offlineBuild: (run, _args, ctx) => ctx.teamRuns.offlineBuild(run),
    team: async (run, _args, ctx) => {
      const project = await ctx.em.findOneOrFail(Project, { id: run.project.id });
      return ctx.teamRuns.liveState(project, run, ctx.viewerId);
    },
  },
  Mutation: {
    startTeamRun: (_root, { projectId, description, autoApprovePlan }, ctx) =>
      ctx.projects.startTeamRun(requireViewer(ctx), projectId, { description, autoApprovePlan }),
    reviewPlan: (_root, { projectId, approve, feedback }, ctx) => ctx.teamRuns.reviewPlan(requireViewer(ctx), projectId, approve, feedback),
    pauseRun: (_root, { projectId, reason }, ctx) => ctx.teamRuns.pause(requireViewer(ctx), projectId, reason),
    resumeRun: (_root, { projectId }, ctx) => ctx.teamRuns.resume(requireViewer(ctx), projectId),
    cancelRun: (_root, { projectId }, ctx) => ctx.teamRuns.cancel(requireViewer(ctx), projectId),
    answerAgent: (_root, { projectId, taskKey, answer }, ctx) =>
      ctx.teamRuns.toAgent(requireViewer(ctx), projectId, taskKey, answerQuestionSignal, answer),
    messageAgent: (_root, { projectId, taskKey, text }, ctx) =>
      ctx.teamRuns.toAgent(requireViewer(ctx), projectId, taskKey, messageAgentSignal, text),
    messageTeam: (_root, { projectId, text }, ctx) => ctx.teamRuns.toTeam(requireViewer(ctx), projectId, text),
  },
};
