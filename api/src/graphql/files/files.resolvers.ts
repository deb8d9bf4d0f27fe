import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

/** Files and folders of a project, and their versions (core/files). */
export const fileResolvers: Resolvers = {
  Query: {
    fileVersions: (_root, { fileId, limit }, ctx) => ctx.files.history.list(ctx.viewerId, fileId, limit),
    fileVersion: (_root, { id }, ctx) => ctx.files.history.get(ctx.viewerId, id),
  },
  Mutation: {
    createFile: (_root, { projectId, path, content }, ctx) => ctx.files.createFile(requireViewer(ctx), projectId, path, content),
    createFolder: (_root, { projectId, path }, ctx) => ctx.files.createFolder(requireViewer(ctx), projectId, path),
    movePath: (_root, { projectId, from, to }, ctx) => ctx.files.movePath(requireViewer(ctx), projectId, from, to),
    deletePath: (_root, { projectId, path }, ctx) => ctx.files.deletePath(requireViewer(ctx), projectId, path),
    restoreFileVersion: (_root, { versionId }, ctx) => ctx.files.history.restore(requireViewer(ctx), versionId),
  },
  FileVersion: {
    content: (version, _args, ctx) => (version.content !== undefined ? version.content : ctx.files.history.contentOf(version)),
  },
  Project: {
    folders: (project, _args, ctx) => ctx.files.folders(project.id),
  },
};
