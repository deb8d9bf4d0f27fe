import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { ForbiddenError, ValidationError } from '../../../../core/shared/domain.errors';
import { loadActor } from '../../../../core/access/actor';
import { can, type PlatformAction } from '../../../../core/access/policy';
import { LimitOverrides } from '../../../../core/limits/limit-overrides';
import type { UserLimitKind } from '../../../../core/limits/tiers';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { PostgresAuditSink } from '../../../../core/audit/postgres-audit-sink';

const LIMIT_KINDS: readonly UserLimitKind[] = ['messages:hourly', 'messages:daily', 'uploads:daily', 'teams:daily', 'invitations:hourly', 'completions:hourly', 'agent-runs', 'rooms'];

async function requirePlatform(ctx: GraphQLContext, action: PlatformAction): Promise<string> {
  const viewerId = requireViewer(ctx);
  if (!can(await loadActor(ctx.em, viewerId), action, { kind: 'platform' })) throw new ForbiddenError('Only platform administrators can do that');
  return viewerId;
}

function limitKind(kind: string): UserLimitKind {
  if (!(LIMIT_KINDS as readonly string[]).includes(kind)) throw new ValidationError([{ field: 'kind', message: `Kind must be one of ${LIMIT_KINDS.join(', ')}` }]);
  return kind as UserLimitKind;
}

const overrides = (ctx: GraphQLContext) => new LimitOverrides(ctx.redis, new PostgresAuditSink(ctx.orm));

export const adminResolvers: Resolvers = {
  Query: {
    auditEvents: async (_root, { action, actorId, before, limit }, ctx) => {
      await requirePlatform(ctx, 'platform:read-audit');
      if (limit != null && (limit < 1 || limit > 500)) throw new ValidationError([{ field: 'limit', message: 'limit must be between 1 and 500' }]);
      return ctx.em.find(
        AuditEvent,
        { ...(action ? { action } : {}), ...(actorId ? { actorId } : {}), ...(before ? { at: { $lt: before } } : {}) },
        { orderBy: { at: 'desc' }, limit: limit ?? 100 },
      );
    },
  },
  Mutation: {
    setUserLimit: async (_root, { userId, kind, limit, reason }, ctx) => {
      const adminId = await requirePlatform(ctx, 'platform:override-limits');
      await overrides(ctx).setOverride(userId, limitKind(kind), limit ?? null, adminId, reason);
      return true;
    },
    clearUserLimit: async (_root, { userId, kind, reason }, ctx) => {
      const adminId = await requirePlatform(ctx, 'platform:override-limits');
      await overrides(ctx).clearOverride(userId, limitKind(kind), adminId, reason);
      return true;
    },
  },
  AuditEvent: {
    actorId: (event) => event.actorId ?? null,
    target: (event) => event.target ?? null,
    ip: (event) => event.ip ?? null,
    data: (event) => event.data ?? null,
  },
};
