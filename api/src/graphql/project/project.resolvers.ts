import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { Team } from '../../../../core/team/team.entity';
import { User } from '../../../../core/user/user.entity';
import { ProjectFile, ProjectRun } from '../../../../core/project/project.entity';
import { frameworks } from '../../../../core/project/frameworks';
import { nullIfNotFound } from '../../../../core/shared/not-found';
import { projectAccess } from '../../../../core/project/project-admin.service';
import { viewerActor } from '../field-access';

export const projectResolvers: Resolvers = {
  Query: {
    projects: async (_root, { includeArchived }, ctx) => {
      const projects = await ctx.projects.list(requireViewer(ctx));
      return includeArchived ? projects : projects.filter((p) => !p.archivedAt);
    },
    project: (_root, { id }, { projects, viewerId }) => projects.get(viewerId, id).catch(nullIfNotFound),
    frameworks: () => frameworks.map((f) => ({ ...f })),
  },
  Mutation: {
    createProject: (_root, { input }, ctx) => ctx.projects.create(requireViewer(ctx), input),
    renameProject: (_root, { id, name }, ctx) => ctx.projectAdmin.rename(requireViewer(ctx), id, name),
    archiveProject: (_root, { id }, ctx) => ctx.projectAdmin.archive(requireViewer(ctx), id),
    restoreProject: (_root, { id }, ctx) => ctx.projectAdmin.restore(requireViewer(ctx), id),
    deleteProject: (_root, { id, confirmName }, ctx) => ctx.projectAdmin.delete(requireViewer(ctx), id, confirmName),
  },
  Project: {
    owner: (project, _args, { em }) => em.findOneOrFail(User, { id: project.owner.id }),
    team: (project, _args, { em }) => (project.ownerTeam ? em.findOne(Team, { id: project.ownerTeam.id }) : null),
    features: (project) => project.features ?? [],
    runs: (project, _args, { em }) => em.find(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } }),
    latestRun: (project, _args, { em }) => em.findOne(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } }),
    files: (project, _args, { em }) => em.find(ProjectFile, { project: project.id }, { orderBy: { path: 'asc' } }),
    file: (project, { path }, { em }) => em.findOne(ProjectFile, { project: project.id, path }),
    archivedAt: (project) => project.archivedAt ?? null,
    myAccess: async (project, _args, ctx) => projectAccess(await viewerActor(ctx), project),
  },
};
