import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers, Sandbox } from '../../generated/graphql';
import { ServiceUnavailableError } from '../../../../core/shared/domain.errors';
import type { SandboxService } from '../../../../core/sandbox/sandbox.service';
import type { SandboxRecord } from '../../../../core/sandbox/sandbox.entity';

const toGraphQL = (service: SandboxService, r: SandboxRecord): Sandbox => ({
  id: r.id,
  projectId: r.project.id,
  backend: r.backend,
  runtime: r.runtime,
  status: r.status,
  ports: r.ports,
  previewUrl: service.previewUrlOf(r),
  terminalPath: `/terminal/${r.id}`,
  lastActivityAt: r.lastActivityAt,
  createdAt: r.createdAt,
});

function service(ctx: GraphQLContext) {
  if (!ctx.sandboxes) throw new ServiceUnavailableError('Sandboxes');
  return ctx.sandboxes;
}

export const sandboxResolvers: Resolvers = {
  Query: {
    projectSandboxes: async (_root, { projectId }, ctx) => {
      const sandboxes = ctx.sandboxes;
      return sandboxes ? (await sandboxes.listForProject(ctx.viewerId, projectId)).map((r) => toGraphQL(sandboxes, r)) : [];
    },
  },
  Mutation: {
    startProjectSandbox: (_root, { projectId }, ctx) => service(ctx).start(requireViewer(ctx), projectId),
    destroySandbox: (_root, { id }, ctx) => service(ctx).destroy(requireViewer(ctx), id),
    openPreview: (_root, { sandboxId }, ctx) => service(ctx).openPreview(ctx.viewerId, ctx.sessionId, sandboxId),
  },
};
