import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { Team } from '../../../../core/team/team.entity';
import { User } from '../../../../core/user/user.entity';
import { ProjectFile, ProjectRun } from '../../../../core/project/project.entity';
import { frameworks } from '../../../../core/project/frameworks';
import { nullIfNotFound } from '../../../../core/shared/not-found';

export const projectResolvers: Resolvers = {
  Query: {
    projects: (_root, _args, ctx) => ctx.projects.list(requireViewer(ctx)),
    project: (_root, { id }, { projects, viewerId }) => projects.get(viewerId, id).catch(nullIfNotFound),
    frameworks: () => frameworks.map((f) => ({ ...f })),
  },
  Mutation: {
    createProject: (_root, { input }, ctx) => ctx.projects.create(requireViewer(ctx), input),
  },
  Project: {
    owner: (project, _args, { em }) => em.findOneOrFail(User, { id: project.owner.id }),
    team: (project, _args, { em }) => (project.ownerTeam ? em.findOne(Team, { id: project.ownerTeam.id }) : null),
    features: (project) => project.features ?? [],
    runs: (project, _args, { em }) => em.find(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } }),
    latestRun: (project, _args, { em }) => em.findOne(ProjectRun, { project: project.id }, { orderBy: { createdAt: 'desc' } }),
    files: (project, _args, { em }) => em.find(ProjectFile, { project: project.id }, { orderBy: { path: 'asc' } }),
    file: (project, { path }, { em }) => em.findOne(ProjectFile, { project: project.id, path }),
  },
};
