import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { mayReadMembers } from '../field-access';
import { User } from '../../../../core/user/user.entity';
import { TeamMember } from '../../../../core/team/team.entity';
import { nullIfNotFound } from '../../../../core/shared/not-found';

export const teamResolvers: Resolvers = {
  Query: {
    teams: (_root, _args, ctx) => ctx.teams.list(requireViewer(ctx)),
    team: async (_root, { id }, ctx) => ctx.teams.get(requireViewer(ctx), id).catch(nullIfNotFound),
    invitation: async (_root, { token }, ctx) => {
      const invitation = await ctx.teams.openInvitation(token);
      return {
        teamName: invitation.team.getEntity().name,
        role: invitation.role,
        invitedByName: invitation.invitedBy.getEntity().displayName,
        expiresAt: invitation.expiresAt,
      };
    },
  },
  Mutation: {
    createTeam: (_root, { name }, ctx) => ctx.teams.create(requireViewer(ctx), name),
    inviteToTeam: (_root, { teamId, role }, ctx) => ctx.teams.invite(requireViewer(ctx), teamId, role),
    acceptInvitation: (_root, { token }, ctx) => ctx.teams.accept(requireViewer(ctx), token),
    revokeInvitation: (_root, { id }, ctx) => ctx.teams.revokeInvitation(requireViewer(ctx), id),
    removeTeamMember: (_root, { teamId, userId }, ctx) => ctx.teams.removeMember(requireViewer(ctx), teamId, userId),
    changeTeamRole: async (_root, { teamId, userId, role }, ctx) => {
      const member = await ctx.teams.changeRole(requireViewer(ctx), teamId, userId, role);
      return { user: await ctx.em.findOneOrFail(User, { id: userId }), role: member.role, joinedAt: member.joinedAt };
    },
    transferTeamOwnership: (_root, { teamId, userId }, ctx) => ctx.teams.transfer(requireViewer(ctx), teamId, userId),
    leaveTeam: (_root, { teamId }, ctx) => ctx.teams.leave(requireViewer(ctx), teamId),
    deleteTeam: (_root, { teamId }, ctx) => ctx.teams.delete(requireViewer(ctx), teamId),
  },
  Team: {
    viewerRole: async (team, _args, ctx) => (await ctx.teams.roleOf(team.id, requireViewer(ctx))) ?? 'none',
    members: async (team, _args, ctx) => {
      const members = await ctx.em.find(TeamMember, { team }, { populate: ['user'], orderBy: { joinedAt: 'asc' } });
      // A public project shows its team to anyone; roles only to the team (and platform admins).
      const roles = await mayReadMembers(ctx, team.id);
      return members.map((m) => ({ user: m.user.getEntity(), role: roles ? m.role : null, joinedAt: m.joinedAt }));
    },
    invitations: (team, _args, ctx) => ctx.teams.pendingInvitations(requireViewer(ctx), team),
    projects: (team, _args, ctx) => ctx.projects.listForTeam(ctx.viewerId, team.id),
  },
  TeamInvitation: {
    invitedBy: (invitation, _args, { em }) => em.findOneOrFail(User, { id: invitation.invitedBy.id }),
  },
};
