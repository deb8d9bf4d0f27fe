import { requireViewer } from '../../context';
import type { Resolvers } from '../../generated/graphql';

/** Live collaboration: the client's Liveblocks settings, opening a file's live document, edit notes for the flush. */
export const collabResolvers: Resolvers = {
  Query: {
    collaboration: (_root, _args, { collab }) => collab.settings(),
  },
  Mutation: {
    openFile: (_root, { projectId, fileId }, { collab, viewerId }) => collab.openFile(viewerId, projectId, fileId),
    filesEdited: (_root, { projectId, fileIds }, ctx) => ctx.collab.filesEdited(requireViewer(ctx), projectId, fileIds),
  },
};
